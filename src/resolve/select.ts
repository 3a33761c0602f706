/**
 * Chooses the image a platform request resolves to, as `docker pull --platform` does:
 * among the candidates the request matches (containerd's `Only`: older compatible variants
 * too, e.g. arm/v7 accepts v6 and v5), the best by containerd's ordering; with `strict`, only
 * the same normalized platform (`OnlyStrict`). The result says whether it fell back.
 */
import { NoMatchingPlatformError } from '../errors.js';
import { formatPlatform } from '../platform/format.js';
import { only, onlyStrict } from '../platform/match.js';
import { parsePlatform } from '../platform/parse.js';
import { selectBest } from '../platform/select.js';
import type { Platform } from '../platform/types.js';
import type { Candidate } from './candidates.js';

export interface PlatformRequest {
  /** As the user typed it: `arm64`, `linux/arm/v7`, `windows(10.0.20348)/amd64`. */
  text: string;
  /** Parsed. */
  platform: Platform;
  strict: boolean;
}

export interface Selection {
  request: PlatformRequest;
  candidate: Candidate;
  /** False when a compatible older variant stood in (arm/v6 for arm/v7). */
  exact: boolean;
}

export function platformRequest(text: string, strict = false, host?: Platform): PlatformRequest {
  return { text, platform: parsePlatform(text, host), strict };
}

export function selectCandidate(candidates: readonly Candidate[], request: PlatformRequest): Selection | undefined {
  const comparer = request.strict ? onlyStrict(request.platform) : only(request.platform);
  const best = selectBest(candidates, (c) => c.platform, comparer);
  return best && { request, candidate: best.candidate, exact: best.exact };
}

/** Like selectCandidate, but a miss is a NoMatchingPlatformError listing what exists. */
export function requireCandidate(candidates: readonly Candidate[], request: PlatformRequest, subject: string): Selection {
  const selection = selectCandidate(candidates, request);
  if (selection) return selection;
  const available = [...new Set(candidates.map((c) => formatWithVersion(c.platform)))];
  throw new NoMatchingPlatformError(subject, formatWithVersion(request.platform), available, request.strict);
}

/** `os/arch[/variant]`, with the Windows `os.version` in parentheses when there is one. */
export function formatWithVersion(p: Platform): string {
  const version = p['os.version'];
  return version ? `${formatPlatform(p)} (${version})` : formatPlatform(p);
}
