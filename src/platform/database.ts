/**
 * The operating systems and architectures a single-word specifier is checked against.
 *
 * Source: containerd/platforms database.go (isKnownOS, isKnownArch, isArmArch), which lists
 * Go's GOOS and GOARCH values (go/build/syslist.go). `parsePlatform("linux")` is an OS
 * because `linux` is in the first list; `parsePlatform("s390x")` is an architecture because
 * `s390x` is in the second; a word in neither list is rejected. Both lists take normalized
 * names: `macos` and `aarch64` are aliases, normalized before the lookup.
 */

export const KNOWN_OS: readonly string[] = [
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux',
  'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'windows', 'zos',
];

export const KNOWN_ARCH: readonly string[] = [
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'ppc64', 'ppc64le', 'loong64',
  'mips', 'mipsle', 'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'riscv', 'riscv64',
  's390', 's390x', 'sparc', 'sparc64', 'wasm',
];

export const ARM_ARCH: readonly string[] = ['arm', 'arm64'];

const knownOS = new Set(KNOWN_OS);
const knownArch = new Set(KNOWN_ARCH);

/** True for a normalized GOOS value (`linux`, `windows`, `darwin`, ...). */
export function isKnownOS(os: string): boolean {
  return knownOS.has(os);
}

/** True for a normalized GOARCH value (`amd64`, `arm64`, `386`, `s390x`, ...). */
export function isKnownArch(arch: string): boolean {
  return knownArch.has(arch);
}

/** True for `arm` and `arm64`, the architectures whose variant is a CPU generation. */
export function isArmArch(arch: string): boolean {
  return arch === 'arm' || arch === 'arm64';
}
