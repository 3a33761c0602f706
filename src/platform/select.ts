/**
 * Picking one image of a multi-platform index for a request, and saying how it was picked.
 *
 *   const best = selectBest(entries, (e) => e.platform, only(parsePlatform('linux/arm/v7')));
 *   // → { candidate: <the linux/arm/v7 entry>, exact: true }, or the arm/v6 entry with
 *   //   exact: false when the index has no arm/v7, or undefined when nothing fits.
 *
 * The candidates the comparer matches are ranked by its `less`; candidates without a
 * platform never match. Ties, which containerd leaves in index order, are broken first by
 * the higher os.version compared as dotted numbers (so `windows/amd64` picks the newest
 * Windows build the comparer accepts, and `windows(10.0.20348)/amd64` the 20348 image over an
 * older compatible one), then by index order. `exact` is the comparer's own verdict
 * (MatchComparer.exact): false for a compatible stand-in such as arm/v6 for arm/v7.
 */
import { formatPlatform } from './format.js';
import type { MatchComparer } from './matcher.js';
import { normalizePlatform } from './normalize.js';
import type { Platform } from './types.js';
import { compareOSVersions } from './windows.js';

export interface Ranked<T> {
  candidate: T;
  platform: Platform;
}

export interface Selected<T> {
  candidate: T;
  /** True when the candidate is the requested platform itself, not a compatible stand-in. */
  exact: boolean;
}

/** The matched candidates, best first (a stable sort). */
export function rankCandidates<T>(
  candidates: readonly T[],
  platformOf: (c: T) => Platform | undefined,
  comparer: MatchComparer,
): Ranked<T>[] {
  const matched: Ranked<T>[] = [];
  for (const candidate of candidates) {
    const platform = platformOf(candidate);
    if (platform && comparer.match(platform)) matched.push({ candidate, platform });
  }
  return matched.sort((x, y) => {
    if (comparer.less(x.platform, y.platform)) return -1;
    if (comparer.less(y.platform, x.platform)) return 1;
    return compareOSVersions(y.platform['os.version'], x.platform['os.version']);
  });
}

/** The best candidate the comparer matches, or undefined when it matches none. */
export function selectBest<T>(
  candidates: readonly T[],
  platformOf: (c: T) => Platform | undefined,
  comparer: MatchComparer,
): Selected<T> | undefined {
  const best = rankCandidates(candidates, platformOf, comparer)[0];
  if (!best) return undefined;
  return { candidate: best.candidate, exact: comparer.exact?.(best.platform) ?? false };
}

/**
 * `fell back from linux/arm/v7 to linux/arm/v6` when `chosen` is not `requested` after
 * normalization (os, architecture, variant), undefined when it is.
 */
export function describeFallback(requested: Platform, chosen: Platform): string | undefined {
  const want = normalizePlatform(requested);
  const got = normalizePlatform(chosen);
  if (formatPlatform(want) === formatPlatform(got)) return undefined;
  return `fell back from ${formatPlatform(requested)} to ${formatPlatform(chosen)}`;
}
