/**
 * Parses a platform specifier the way docker and containerd read `--platform`.
 * Source: containerd/platforms platforms.go (Parse), v1.0.0-rc.4.
 *
 * Grammar (case-insensitive except os.version and features):
 *
 *   specifier := os | arch | os "/" arch | os "/" arch "/" variant
 *   os        := name [ "(" [version] { "+" feature } ")" ]
 *   name      := [A-Za-z0-9_-]+
 *   version, feature := [A-Za-z0-9_.%-]*     %-encoded, see encoding.ts
 *   arch, variant    := [A-Za-z0-9_.-]+
 *
 *   linux/arm64                     → linux/arm64
 *   linux/arm64/v8                  → linux/arm64/v8
 *   arm64, aarch64                  → linux/arm64           an architecture alone is linux's
 *   linux, windows                  → that OS on the host's architecture
 *   windows(10.0.17763)/amd64       → os.version 10.0.17763
 *   windows(10.0.17763+win32k)      → and os.features [win32k]
 *   linux(+gpu+simd)/amd64          → os.features [gpu, simd], in the order given
 *   LINUX/X86_64                    → linux/amd64
 *
 * A single word is an OS if it is in database.ts's OS list, else an architecture if it is in
 * the architecture list after the aliases of normalize.ts, else an error: `foo` is rejected.
 *
 * The result is normalized (see normalize.ts) with two quirks kept from containerd:
 * - with one or two parts, arm/v7 loses its variant: `armhf` and `linux/arm` give `linux/arm`
 *   (v7 is arm's default, so it still matches arm/v7), while `linux/arm/v7` keeps v7;
 * - with three parts, arm64 keeps v8: `linux/arm64/v8` and `linux/aarch64/8` give
 *   `linux/arm64/v8`, although normalizing would drop it.
 *
 * Rejected, with a PlatformParseError: "" , `linux/`, `/amd64`, `linux /arm`, `linux/&arm`,
 * `linux/arm64/v8/extra`, `li nux`, anything with `*` (no wildcards), an unknown single word.
 *
 * Deliberate difference: containerd gives an architecture alone the host's OS (darwin/arm64
 * on a Mac); mfx gives it linux, the OS of nearly every image, so `arm64` means the same on
 * every machine. An OS alone still takes the host's architecture.
 */
import { isKnownArch, isKnownOS } from './database.js';
import { decodeOSOption, OSOptionEscapeError } from './encoding.js';
import { goQuote as q, PlatformParseError, type PlatformParseProblem } from './errors.js';
import { hostPlatform } from './host.js';
import { normalizeArch, normalizeOS } from './normalize.js';
import { makePlatform, type Platform } from './types.js';

const SPECIFIER_RE = /^[A-Za-z0-9_.-]+$/;
const OS_RE = /^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.%-]*)((?:\+[A-Za-z0-9_.%-]+)*)\))?$/;
const INVALID_ARGUMENT = 'invalid argument';

/** The first part of a specifier: `os` or `os(version+feature...)`. */
interface OSPart {
  os: string;
  version: string;
  features: string[] | undefined;
}

/**
 * Parses `specifier`. `host` (default: this machine, see host.ts) supplies the architecture
 * when only an OS is given. Throws PlatformParseError.
 */
export function parsePlatform(specifier: string, host?: Platform): Platform {
  if (specifier.includes('*')) {
    const hint = 'wildcards such as "*" are not supported; name one platform';
    fail(specifier, 'wildcard', hint, `${q(specifier)}: wildcards not yet supported`);
  }
  const parts = splitN(specifier, '/', 4);
  const osPart = parseOSPart(specifier, parts[0] ?? '');
  parts.slice(1).forEach((part, i) => checkComponent(specifier, part, i + 1));
  const [, arch = '', variant = ''] = parts;
  switch (parts.length) {
    case 1:
      return parseSingleWord(specifier, osPart, host);
    case 2: {
      const n = normalizeArch(arch, '');
      return fromOSPart(osPart, n.architecture, dropArmV7(n.architecture, n.variant));
    }
    case 3: {
      const n = normalizeArch(arch, variant);
      return fromOSPart(osPart, n.architecture, n.architecture === 'arm64' && n.variant === '' ? 'v8' : n.variant);
    }
    default:
      return fail(
        specifier,
        'too-many-parts',
        'a platform has at most three parts: os/arch/variant',
        `${q(specifier)}: cannot parse platform specifier`,
      );
  }
}

function parseSingleWord(specifier: string, osPart: OSPart, host: Platform | undefined): Platform {
  if (isKnownOS(osPart.os)) {
    const h = host ?? hostPlatform();
    const variant = h.architecture === 'arm' && h.variant !== 'v7' ? h.variant : undefined;
    return fromOSPart(osPart, h.architecture, variant);
  }
  const n = normalizeArch(specifier, '');
  if (isKnownArch(n.architecture)) {
    return makePlatform('linux', n.architecture, dropArmV7(n.architecture, n.variant));
  }
  const hint =
    `${JSON.stringify(specifier)} is neither a known operating system (linux, windows, darwin, ...) ` +
    'nor a known architecture (amd64, arm64, arm, 386, ...)';
  return fail(specifier, 'unknown-word', hint, `${q(specifier)}: unknown operating system or architecture`);
}

function parseOSPart(specifier: string, part: string): OSPart {
  const m = OS_RE.exec(part);
  if (!m) {
    const hint =
      `${JSON.stringify(part)} is not an operating system: use letters, digits, "_" and "-", ` +
      'optionally followed by (version+feature)';
    const containerd =
      `${q(part)} is an invalid OS component of ${q(specifier)}: ` +
      `OSAndVersion specifier component must match ${q(OS_RE.source)}`;
    fail(specifier, 'os-component', hint, containerd);
  }
  const [, name = '', rawVersion = '', rawFeatures = ''] = m;
  const version = decodeOrFail(specifier, rawVersion, 'version');
  const features = rawFeatures
    ? rawFeatures.slice(1).split('+').map((f) => decodeOrFail(specifier, f, 'feature'))
    : undefined;
  return { os: normalizeOS(name), version, features };
}

function decodeOrFail(specifier: string, raw: string, what: 'version' | 'feature'): string {
  try {
    return decodeOSOption(raw);
  } catch (err) {
    if (!(err instanceof OSOptionEscapeError)) throw err;
    const hint =
      `bad escape ${JSON.stringify(err.escape)} in the OS ${what}: ` +
      'write % as %25, + as %2B, ( as %28, ) as %29, / as %2F';
    const containerd = `${q(specifier)} has an invalid OS ${what} ${q(raw)}: ${err.message}`;
    throw new PlatformParseError(specifier, 'encoding', hint, containerd);
  }
}

function checkComponent(specifier: string, part: string, index: number): void {
  if (SPECIFIER_RE.test(part)) return;
  const name = ['architecture', 'variant'][index - 1];
  const problem: PlatformParseProblem = name ? 'component' : 'too-many-parts';
  const hint = name
    ? `${JSON.stringify(part)} is not a valid ${name}: use letters, digits, "_", "." and "-"`
    : 'a platform has at most three parts: os/arch/variant';
  const containerd =
    `${q(part)} is an invalid component of ${q(specifier)}: ` +
    `platform specifier component must match ${q(SPECIFIER_RE.source)}`;
  fail(specifier, problem, hint, containerd);
}

function fromOSPart(osPart: OSPart, architecture: string, variant: string | undefined): Platform {
  return makePlatform(osPart.os, architecture, variant, osPart.version, osPart.features);
}

/** Parse's quirk: with one or two parts, arm/v7 is written without its (default) variant. */
function dropArmV7(architecture: string, variant: string): string {
  return architecture === 'arm' && variant === 'v7' ? '' : variant;
}

/** Go's strings.SplitN: at most `n` parts, the last one holding the rest. */
function splitN(s: string, sep: string, n: number): string[] {
  const parts = s.split(sep);
  return parts.length <= n ? parts : [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

function fail(specifier: string, problem: PlatformParseProblem, hint: string, containerdText: string): never {
  throw new PlatformParseError(specifier, problem, hint, `${containerdText}: ${INVALID_ARGUMENT}`);
}
