/**
 * Which images a platform request accepts, and which it prefers: the constructors a caller
 * picks from. Source: containerd/platforms compare.go and defaults_*.go, v1.0.0-rc.4.
 *
 *   only(p)         p and what can stand in for it (ladder.ts), best first: what
 *                   `docker pull --platform` accepts. only(linux/arm/v7) takes arm/v7, then
 *                   arm/v6, then arm/v5; only(linux/amd64) takes amd64, then 386.
 *   onlyStrict(p)   p only (after normalization): only(linux/arm/v6) accepts arm/v5,
 *                   onlyStrict(linux/arm/v6) does not.
 *   onlyOS(p)       the same OS (and a compatible os.version, and os.features p declares),
 *                   any architecture; p's own architecture first.
 *   newMatcher(p)   equality after normalization, a Matcher only (matcher.ts).
 *   ordered(...ps), any(...ps), all, windowsMatchComparer(p): see compare.ts.
 *   defaultComparer(host)  what containerd uses when no platform is asked for: only(host)
 *                   on Linux; on Windows, windowsMatchComparer(host); on macOS and
 *                   FreeBSD, host's platform first, then linux on the same architecture.
 *
 * Every constructor normalizes p, so `only(parsePlatform("aarch64"))` and
 * `only({os: "linux", architecture: "arm64", variant: "v8"})` are the same comparer. The
 * optional `host` (default: this machine) is the OS an empty os stands for.
 *
 * onlyOS compares os.version with the Windows rules of windows.ts for Windows; for other
 * OSes two os.versions are compatible when equal or when either is missing.
 */
import { orderedOn, windowsMatchComparer } from './compare.js';
import { hostPlatform } from './host.js';
import { compatibilityLadder } from './ladder.js';
import { featuresSubset, newMatcher, type MatchComparer } from './matcher.js';
import { normalizePlatform } from './normalize.js';
import type { Platform } from './types.js';
import { windowsOSVersionMatches } from './windows.js';

export { all, any, ordered, orderedOn, windowsMatchComparer } from './compare.js';
export { newMatcher, type Matcher, type MatchComparer } from './matcher.js';

/** containerd's Only: p, then the platforms of its ladder, in that order of preference. */
export function only(p: Platform, host?: Platform): MatchComparer {
  const target = normalizePlatform(p, host);
  const strict = newMatcher(target, host);
  return { ...orderedOn(compatibilityLadder(target), host), exact: (c) => strict.match(c) };
}

/** containerd's OnlyStrict: the same platform after normalization, nothing else. */
export function onlyStrict(p: Platform, host?: Platform): MatchComparer {
  return orderedOn([normalizePlatform(p, host)], host);
}

function osVersionsCompatible(os: string, wanted: string | undefined, offered: string | undefined): boolean {
  if (os === 'windows') return windowsOSVersionMatches(wanted, offered);
  return !wanted || !offered || wanted === offered;
}

/** containerd's OnlyOS: the same OS on any architecture, p's architecture first. */
export function onlyOS(p: Platform, host?: Platform): MatchComparer {
  const target = normalizePlatform(p, host);
  const archOrder = orderedOn([target], host);
  const match = (c: Platform): boolean => {
    const n = normalizePlatform(c, host);
    return (
      n.os === target.os &&
      osVersionsCompatible(target.os, target['os.version'], c['os.version']) &&
      featuresSubset(n['os.features'] ?? [], target['os.features'] ?? [])
    );
  };
  return {
    match,
    less(a, b) {
      const am = match(a);
      if (!am) return false;
      return !match(b) || archOrder.less(a, b);
    },
    exact: (c) => archOrder.match(c),
  };
}

/** The comparer containerd's platforms.Default() returns on `host` (default: this machine). */
export function defaultComparer(host: Platform = hostPlatform()): MatchComparer {
  const spec = normalizePlatform(host, host);
  if (spec.os === 'windows') return windowsMatchComparer(host);
  if (spec.os === 'darwin') return orderedOn([host, { os: 'linux', architecture: host.architecture }], host);
  if (spec.os === 'freebsd') return orderedOn([host, { ...host, os: 'linux' }], host);
  return only(host, host);
}
