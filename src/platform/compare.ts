/**
 * Comparers built from a list of platforms. Source: containerd/platforms compare.go and
 * platform_windows_compat.go, v1.0.0-rc.4.
 *
 * - ordered(a, b, c): accepts what newMatcher(a), (b) or (c) accepts, and prefers a candidate
 *   accepted by an earlier one. Between two candidates accepted by the same one, the one with
 *   more os.features wins. Two candidates nobody accepts are ranked as if they had no
 *   os.features, so `linux(+gpu)/amd64` sorts next to `linux/amd64`.
 * - any(a, b, c): accepts the same, without preferring one of a, b, c (more os.features still
 *   win, as above).
 * - all: accepts everything and prefers nothing.
 * - windowsMatchComparer(p): accepts what newMatcher(p) accepts; among those, the higher
 *   os.version first, compared as plain strings as containerd does (10.0.26100 over 10.0.20348).
 *   This is containerd's default on a Windows host.
 */
import { newMatcher, type Matcher, type MatchComparer } from './matcher.js';
import type { Platform } from './types.js';

function featureCount(p: Platform): number {
  return p['os.features']?.length ?? 0;
}

function withoutFeatures(p: Platform): Platform {
  const { 'os.features': _dropped, ...rest } = p;
  return rest;
}

function matchesAny(matchers: readonly Matcher[], p: Platform): boolean {
  return matchers.some((m) => m.match(p));
}

/** Prefers candidates accepted by an earlier platform; see the top of this file. */
export function ordered(...platforms: Platform[]): MatchComparer {
  return orderedOn(platforms);
}

/** ordered(), with the host an empty os stands for (default: this machine). */
export function orderedOn(platforms: readonly Platform[], host?: Platform): MatchComparer {
  const matchers = platforms.map((p) => newMatcher(p, host));
  const first = matchers[0];
  const less = (a: Platform, b: Platform): boolean => {
    for (const m of matchers) {
      const am = m.match(a);
      const bm = m.match(b);
      if (am && !bm) return true;
      if (am || bm) return am && bm && featureCount(a) > featureCount(b);
    }
    if (featureCount(a) > 0 || featureCount(b) > 0) return less(withoutFeatures(a), withoutFeatures(b));
    return false;
  };
  return {
    match: (p) => matchesAny(matchers, p),
    less,
    exact: (p) => first?.match(p) ?? false,
  };
}

/** Accepts any of the platforms, with no preference between them. */
export function any(...platforms: Platform[]): MatchComparer {
  const matchers = platforms.map((p) => newMatcher(p));
  const less = (a: Platform, b: Platform): boolean => {
    let am = false;
    let bm = false;
    for (const m of matchers) {
      am ||= m.match(a);
      bm ||= m.match(b);
      if (am && bm) return featureCount(a) > featureCount(b);
    }
    if (!am && !bm && (featureCount(a) > 0 || featureCount(b) > 0)) return less(withoutFeatures(a), withoutFeatures(b));
    return am && !bm;
  };
  return { match: (p) => matchesAny(matchers, p), less, exact: (p) => matchesAny(matchers, p) };
}

/** Accepts every platform and prefers none. */
export const all: MatchComparer = {
  match: () => true,
  less: () => false,
};

/** containerd's Windows default comparer: newMatcher(p), newest os.version first. */
export function windowsMatchComparer(p: Platform): MatchComparer {
  const m = newMatcher(p);
  return {
    match: (c) => m.match(c),
    less(a, b) {
      const am = m.match(a);
      const bm = m.match(b);
      if (am && bm) return (a['os.version'] ?? '') > (b['os.version'] ?? '');
      return am && !bm;
    },
    exact: (c) => m.match(c),
  };
}
