/**
 * The matcher interfaces and the one basic matcher, containerd's NewMatcher
 * (platforms.go, v1.0.0-rc.4). The constructors that build on it are in match.ts.
 *
 * newMatcher(p) accepts a candidate when, after normalizing both (normalize.ts):
 * - os, architecture and variant are equal (so arm64 accepts aarch64 and arm64/v8, and
 *   arm/v7 accepts arm and armhf, but arm/v7 does not accept arm/v6: see only() for that);
 * - the candidate's os.features are a subset of p's (a candidate asking for a feature p does
 *   not declare is refused; one without features is always fine);
 * - for Windows, the os.versions are compatible (see windows.ts): `windows(10.0.20348)`
 *   accepts images built for 20348 (and images with no os.version) but not 17763. The
 *   feature `win32k` of a Windows candidate is ignored, as Nano Server lacks it.
 * For any other OS, os.version is not compared.
 */
import { normalizePlatform } from './normalize.js';
import type { Platform } from './types.js';
import { windowsOSVersionMatches } from './windows.js';

/** Says whether a platform, typically an image's, is acceptable. */
export interface Matcher {
  match(p: Platform): boolean;
}

/** A Matcher that can also rank acceptable platforms: `less(a, b)` means a is preferred. */
export interface MatchComparer extends Matcher {
  less(a: Platform, b: Platform): boolean;
  /**
   * Whether p is what was asked for itself, the same platform after normalization, rather
   * than a compatible stand-in (arm/v6 for arm/v7). Comparers without a single target
   * (all) leave it out.
   */
  exact?(p: Platform): boolean;
}

/** True when every feature of `have` (sorted, de-duplicated) is in `allowed`. */
export function featuresSubset(have: readonly string[], allowed: readonly string[]): boolean {
  const set = new Set(allowed);
  return have.every((f) => set.has(f));
}

/**
 * containerd's NewMatcher: equality after normalization, see the top of this file. `host`
 * (default: this machine) is the OS an empty os stands for, on either side.
 */
export function newMatcher(platform: Platform, host?: Platform): Matcher {
  const target = normalizePlatform(platform, host);
  const windows = target.os === 'windows';
  const allowed = target['os.features'] ?? [];
  return {
    match(candidate: Platform): boolean {
      const n = normalizePlatform(candidate, host);
      if (n.os !== target.os || n.architecture !== target.architecture || n.variant !== target.variant) return false;
      if (windows && !windowsOSVersionMatches(platform['os.version'], candidate['os.version'])) return false;
      const have = n['os.features'] ?? [];
      return featuresSubset(windows ? have.filter((f) => f !== 'win32k') : have, allowed);
    },
  };
}
