/**
 * Docker Hub's pull quota, as its responses report it: `ratelimit-limit: 100;w=21600` and
 * `ratelimit-remaining: 76;w=21600` (requests per window of w seconds). Manifest GETs count
 * against it; HEAD requests do not. This layer only reads the headers; what to do with a
 * low quota is the caller's business.
 */
import { header, type Send } from './types.js';

export interface RateLimit {
  limit: number;
  remaining: number;
  /** Window in seconds, when the registry says. */
  windowSeconds: number | undefined;
}

function parseQuota(value: string | undefined): { n: number; w: number | undefined } | undefined {
  const match = /^\s*(\d+)\s*(?:;\s*w\s*=\s*(\d+))?/i.exec(value ?? '');
  if (!match) return undefined;
  return { n: Number(match[1]), w: match[2] === undefined ? undefined : Number(match[2]) };
}

export function parseRateLimit(limit: string | undefined, remaining: string | undefined): RateLimit | undefined {
  const l = parseQuota(limit);
  const r = parseQuota(remaining);
  if (!l || !r) return undefined;
  return { limit: l.n, remaining: r.n, windowSeconds: r.w ?? l.w };
}

/** Calls `seen` with every quota a response reports. */
export function withRateLimit(next: Send, seen: (limit: RateLimit) => void): Send {
  return async (req) => {
    const res = await next(req);
    const limit = parseRateLimit(header(res, 'ratelimit-limit'), header(res, 'ratelimit-remaining'));
    if (limit) seen(limit);
    return res;
  };
}

/** Low: under a tenth of the quota, or 10 requests, whichever is more. */
export function isLow(limit: RateLimit): boolean {
  return limit.remaining < Math.max(10, limit.limit / 10);
}
