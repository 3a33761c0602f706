/**
 * Normalization: one spelling for each platform, so `aarch64`, `arm64` and `arm64/v8` compare
 * equal. Source: containerd/platforms database.go (normalizeOS, normalizeArch) and
 * platforms.go (Normalize), v1.0.0-rc.4.
 *
 * Everything is lower-cased first (os, architecture, variant; never os.version). Then:
 *
 *   given                           normalized          note
 *   macos                           darwin
 *   "" (no os)                      the host's os       e.g. linux
 *   aarch64                         arm64
 *   arm64/8, arm64/v8, arm64/v8.0   arm64               v8 is arm64's default variant
 *   arm64/9, arm64/9.0, arm64/v9.0  arm64/v9
 *   x86_64, x86-64                  amd64
 *   amd64/v1                        amd64               v1 is amd64's default variant
 *   i386, i386/<any>                386                 the variant is dropped
 *   armhf, armhf/<any>              arm/v7              the variant is replaced
 *   armel, armel/<any>              arm/v6              the variant is replaced
 *   arm (no variant), arm/7         arm/v7              v7 is arm's default variant
 *   arm/5, arm/6, arm/8             arm/v5, v6, v8      (arm/4 stays arm/4)
 *   anything else                   unchanged           ppc64le, s390x, riscv64, ...
 *
 * `os.features` are sorted and de-duplicated; `os.version` is kept as given.
 *
 * Note that normalizing is not parsing: `parsePlatform("linux/arm")` gives `linux/arm` with no
 * variant (see parse.ts), while `normalizePlatform({os: "linux", architecture: "arm"})` gives
 * `linux/arm/v7`. Matchers normalize both sides, so the two still match.
 */
import { hostPlatform } from './host.js';
import { makePlatform, type Platform } from './types.js';

export { isKnownArch, isKnownOS } from './database.js';

/** An architecture and its variant; an empty variant means none. */
export interface ArchAndVariant {
  architecture: string;
  variant: string;
}

/** Lower-cases the OS and maps `macos` to `darwin`; an empty OS is the host's. */
export function normalizeOS(os: string, host?: Platform): string {
  if (!os) return (host ?? hostPlatform()).os;
  const lower = os.toLowerCase();
  return lower === 'macos' ? 'darwin' : lower;
}

/** Applies containerd's architecture alias table (see the top of this file). */
export function normalizeArch(arch: string, variant: string): ArchAndVariant {
  const a = arch.toLowerCase();
  const v = variant.toLowerCase();
  switch (a) {
    case 'i386':
      return { architecture: '386', variant: '' };
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      return { architecture: 'amd64', variant: v === 'v1' ? '' : v };
    case 'aarch64':
    case 'arm64':
      return { architecture: 'arm64', variant: normalizeArm64Variant(v) };
    case 'armhf':
      return { architecture: 'arm', variant: 'v7' };
    case 'armel':
      return { architecture: 'arm', variant: 'v6' };
    case 'arm':
      return { architecture: 'arm', variant: normalizeArmVariant(v) };
    default:
      return { architecture: a, variant: v };
  }
}

function normalizeArm64Variant(v: string): string {
  if (v === '8' || v === 'v8' || v === 'v8.0') return '';
  if (v === '9' || v === '9.0' || v === 'v9.0') return 'v9';
  return v;
}

function normalizeArmVariant(v: string): string {
  if (v === '' || v === '7') return 'v7';
  if (v === '5' || v === '6' || v === '8') return `v${v}`;
  return v;
}

/** Sorts and de-duplicates OS features (plain code-unit order, like Go's sort of strings). */
export function normalizeFeatures(features: readonly string[]): string[] {
  const sorted = [...features].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.filter((f, i) => i === 0 || f !== sorted[i - 1]);
}

/**
 * containerd's Normalize: the canonical form of a platform. Only the OCI fields are kept;
 * `host` (default: this machine) supplies the OS when there is none.
 */
export function normalizePlatform(p: Platform, host?: Platform): Platform {
  const { architecture, variant } = normalizeArch(p.architecture ?? '', p.variant ?? '');
  const features = p['os.features'];
  return makePlatform(
    normalizeOS(p.os ?? '', host),
    architecture,
    variant,
    p['os.version'],
    features && features.length > 0 ? normalizeFeatures(features) : undefined,
  );
}
