/**
 * The platform of the machine mfx runs on: what `linux`, `windows` or any OS given without an
 * architecture is completed with, and what an empty OS normalizes to. Like containerd's
 * DefaultSpec (defaults_*.go, cpuinfo*.go), read from Node's process object only:
 *
 *   process.platform   os            process.arch   architecture/variant
 *   linux              linux         x64            amd64
 *   darwin             darwin        ia32           386
 *   win32              windows       arm64          arm64/v8 (containerd reports v8 too)
 *   sunos              solaris       arm            arm/v<arm_version>, e.g. arm/v7, when
 *   others             the same                     process.config.variables has arm_version
 *                                    ppc64          ppc64le (ppc64 on big-endian builds)
 *                                    mipsel         mipsle
 *                                    mips64el       mips64le
 *                                    others         the same (s390x, riscv64, loong64, ...)
 *
 * Node does not tell a Windows build number without asking the OS, so the host platform has
 * no os.version; a Windows comparer built from it accepts every os.version. Pass a host with
 * one (`{os: "windows", architecture: "amd64", "os.version": "10.0.20348"}`) to be precise.
 *
 * cpuVariantFromMachine maps a `uname -m` machine name to an ARM variant, as containerd does
 * on Linux, for callers that know it (Node's os.machine()).
 */
import type { Platform } from './types.js';

/** What host detection reads: process.platform, process.arch, process.config.variables. */
export interface NodeHostInfo {
  platform: string;
  arch: string;
  variables?: Record<string, unknown>;
  /** A Windows build such as 10.0.20348, when the caller knows it. */
  osVersion?: string;
}

const OS_NAMES: Record<string, string> = { win32: 'windows', sunos: 'solaris' };
const ARCH_NAMES: Record<string, string> = { x64: 'amd64', ia32: '386', mipsel: 'mipsle', mips64el: 'mips64le' };

function archOf(info: NodeHostInfo): { architecture: string; variant?: string } {
  const vars = info.variables ?? {};
  switch (info.arch) {
    case 'arm64':
      return { architecture: 'arm64', variant: 'v8' };
    case 'arm': {
      const v = vars['arm_version'];
      return typeof v === 'string' || typeof v === 'number' ? { architecture: 'arm', variant: `v${v}` } : { architecture: 'arm' };
    }
    case 'ppc64':
      return { architecture: vars['node_byteorder'] === 'big' ? 'ppc64' : 'ppc64le' };
    default:
      return { architecture: ARCH_NAMES[info.arch] ?? info.arch };
  }
}

/** The platform described by Node's process values; pure, for tests and other hosts. */
export function platformFromNode(info: NodeHostInfo): Platform {
  const p: Platform = { os: OS_NAMES[info.platform] ?? info.platform, ...archOf(info) };
  if (info.osVersion) p['os.version'] = info.osVersion;
  return p;
}

/** This machine's platform, e.g. `{os: "linux", architecture: "amd64"}`. */
export function hostPlatform(): Platform {
  const variables = process.config.variables as unknown as Record<string, unknown>;
  return platformFromNode({ platform: process.platform, arch: process.arch, variables });
}

/**
 * The ARM variant number for a `uname -m` machine name: aarch64 → 8, armv7l → 7, armv6l → 6
 * (armv3 to armv8), `unknown` for another armvN, undefined for anything that is not ARM.
 */
export function cpuVariantFromMachine(machine: string): string | undefined {
  const m = machine.toLowerCase();
  if (m === 'aarch64') return '8';
  if (!m.startsWith('armv') || m.length < 5) return undefined;
  const digit = m[4] ?? '';
  return '345678'.includes(digit) ? digit : 'unknown';
}
