/**
 * Platforms: parsing `--platform` specifiers, normalizing, matching and choosing images the
 * way docker and containerd do (containerd/platforms v1.0.0-rc.4, which docker uses). The
 * module is pure apart from host.ts, which reads Node's process object.
 *
 * # How do I use this
 *
 *   const wanted = parsePlatform('linux/arm/v7');        // or 'arm64', 'windows(10.0.20348)/amd64'
 *   const best = selectBest(index.manifests, (m) => m.platform, only(wanted));
 *   if (!best) ...                                       // nothing this platform can run
 *   else if (!best.exact) describeFallback(wanted, best.candidate.platform!)
 *                                                        // "fell back from linux/arm/v7 to linux/arm/v6"
 *
 * Use onlyStrict(wanted) instead of only(wanted) to refuse stand-ins, formatPlatform for
 * `os/arch/variant` and formatPlatformAll to include `(os.version+features)`.
 *
 * # Specifier grammar (parse.ts)
 *
 *   os | arch | os/arch | os/arch/variant, where os may be os(version+feature+...)
 *   linux/arm64   arm64   linux   linux/arm/v7   windows(10.0.17763)/amd64   linux(+gpu)/amd64
 *   Case does not matter; an architecture alone is linux's; an OS alone takes the host's
 *   architecture; `*` is not supported.
 *
 * # Aliases (normalize.ts)
 *
 *   aarch64 → arm64      arm64/v8 → arm64       arm64/9, 9.0, v9.0 → arm64/v9
 *   x86_64, x86-64 → amd64                      amd64/v1 → amd64
 *   i386 → 386           armhf → arm/v7         armel → arm/v6       arm → arm/v7
 *   arm/5, 6, 7, 8 → arm/v5 ... v8              macos → darwin
 *
 * # Fallback ladders (ladder.ts), what only() accepts besides the platform itself
 *
 *   amd64/v3 → amd64/v2 → amd64 → 386           arm/v8 → arm/v7 → arm/v6 → arm/v5
 *   arm64/v8.2 → arm64/v8.1 → arm64 → arm/v8 → arm/v7 → arm/v6 → arm/v5
 *   arm64/v9.x → v9.(x-1) ... v9 → v8.(x+5, at most 9) ... arm64 → arm/v8 ... arm/v5
 *
 * # Windows (windows.ts)
 *
 *   A Windows request with an os.version accepts images whose build its host can run:
 *   the same build before Server 2022 (17763 runs 17763 only); from Server 2022 (20348) on,
 *   any build from 20348 up to its own. Images without an os.version are always accepted.
 *   selectBest prefers the newest accepted build.
 *
 * Sources: containerd/platforms platforms.go, database.go, compare.go, defaults_*.go,
 * platform_windows_compat.go, cpuinfo.go; conformance data in test/conformance/platforms.json.
 */
export { all, any, ordered, orderedOn, windowsMatchComparer } from './compare.js';
export { ARM_ARCH, isArmArch, isKnownArch, isKnownOS, KNOWN_ARCH, KNOWN_OS } from './database.js';
export { decodeOSOption, encodeOSOption } from './encoding.js';
export { PlatformParseError, type PlatformParseProblem } from './errors.js';
export { formatPlatform, formatPlatformAll, type PlatformLike } from './format.js';
export { cpuVariantFromMachine, hostPlatform, platformFromNode, type NodeHostInfo } from './host.js';
export { compatibilityLadder } from './ladder.js';
export { defaultComparer, only, onlyOS, onlyStrict } from './match.js';
export { newMatcher, type Matcher, type MatchComparer } from './matcher.js';
export { normalizeArch, normalizeFeatures, normalizeOS, normalizePlatform, type ArchAndVariant } from './normalize.js';
export { parsePlatform } from './parse.js';
export { describeFallback, rankCandidates, selectBest, type Ranked, type Selected } from './select.js';
export { makePlatform, type Platform } from './types.js';
export {
  compareOSVersions,
  parseWindowsVersion,
  windowsOSVersionMatches,
  windowsVersionCompatible,
  type WindowsVersion,
} from './windows.js';
