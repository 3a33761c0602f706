/**
 * Which Windows container images a Windows host can run, by os.version.
 * Source: containerd/platforms platform_windows_compat.go, v1.0.0-rc.4; Microsoft's
 * "Windows container version compatibility" page.
 *
 * An os.version is `major.minor.build[.revision]`, e.g. `10.0.17763.5329`; only major, minor
 * and build count (the revision is a monthly patch and never matters). The rules:
 *
 * - major and minor must be equal (10.0 for every current release);
 * - a host older than Windows Server 2022 (build < 20348) runs only its own build:
 *   Server 2019 (17763) runs 17763 images and nothing else;
 * - from Server 2022 on, Windows keeps a stable ABI: a host runs images from the latest LTSC
 *   release strictly older than itself (at least 20348) up to its own build:
 *
 *     host build                      runs image builds
 *     17763 (Server 2019)             17763
 *     20348 (Server 2022)             20348
 *     22621 (Windows 11 22H2)         20348 ... 22621
 *     25398 (Server 23H2)             20348 ... 25398
 *     26100 (Server 2025)             20348 ... 26100
 *     newer than 26100                26100 ... host   (containerd rc.4's rule)
 *
 * A version that does not parse (fewer than three dot-separated numbers, major or minor over
 * 255, build over 65535) counts as "none given".
 */

/** The part of a Windows os.version that decides compatibility. */
export interface WindowsVersion {
  major: number;
  minor: number;
  build: number;
}

/** Windows Server 2022 (21H2), the first LTSC release with a stable container ABI. */
export const LTSC2022 = 20348;
/** Windows Server 2025. */
export const LTSC2025 = 26100;
const STABLE_ABI_LTSC = [LTSC2022, LTSC2025];

const DIGITS = /^[0-9]+$/;

function parseField(s: string | undefined, max: number): number | undefined {
  if (s === undefined || !DIGITS.test(s)) return undefined;
  const n = Number(s);
  return n <= max ? n : undefined;
}

/** Reads `major.minor.build[...]`; undefined when it does not parse or is 0.0.0. */
export function parseWindowsVersion(osVersion: string | undefined): WindowsVersion | undefined {
  const fields = (osVersion ?? '').split('.');
  if (fields.length < 3) return undefined;
  const major = parseField(fields[0], 0xff);
  const minor = parseField(fields[1], 0xff);
  const build = parseField(fields[2], 0xffff);
  if (major === undefined || minor === undefined || build === undefined) return undefined;
  if (major === 0 && minor === 0 && build === 0) return undefined;
  return { major, minor, build };
}

/** Whether a host of version `host` can run a container image of version `image`. */
export function windowsVersionCompatible(host: WindowsVersion, image: WindowsVersion | undefined): boolean {
  const ctr = image ?? { major: 0, minor: 0, build: 0 };
  if (host.major !== ctr.major || host.minor !== ctr.minor) return false;
  if (host.build < LTSC2022) return host.build === ctr.build;
  const floor = [...STABLE_ABI_LTSC].reverse().find((ltsc) => host.build > ltsc) ?? LTSC2022;
  return floor <= ctr.build && ctr.build <= host.build;
}

/**
 * containerd's Windows os.version match: true when either side gives no (parsable) version
 * for the host, or no version for the image; otherwise windowsVersionCompatible.
 */
export function windowsOSVersionMatches(hostVersion: string | undefined, imageVersion: string | undefined): boolean {
  const host = parseWindowsVersion(hostVersion);
  if (!host || !imageVersion) return true;
  return windowsVersionCompatible(host, parseWindowsVersion(imageVersion));
}

/**
 * Compares two os.version strings as dotted numbers (10.0.9999 < 10.0.17763), for choosing
 * the newest of several compatible images. A missing version sorts below any version.
 * Returns < 0, 0 or > 0 like a sort comparator.
 */
export function compareOSVersions(a: string | undefined, b: string | undefined): number {
  if (!a || !b) return (a ? 1 : 0) - (b ? 1 : 0);
  const fa = a.split('.');
  const fb = b.split('.');
  for (let i = 0; i < Math.max(fa.length, fb.length); i++) {
    const x = fa[i] ?? '';
    const y = fb[i] ?? '';
    if (x === y) continue;
    const both = DIGITS.test(x) && DIGITS.test(y);
    if (both && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return 0;
}
