/**
 * Retries what is worth retrying, beneath auth (go-containerregistry's order): idempotent
 * requests (GET, HEAD) that met a transient fault (a reset connection, a truncated body, a
 * malformed response) or answered 408, 429, 500, 502, 503 or 504. At most `retries` more
 * attempts, with exponential backoff and jitter (base × 2^attempt × [0.5, 1)), or after the
 * `Retry-After` the registry asked for (seconds or an HTTP date) when that is within
 * `maxDelayMs`; a longer Retry-After is not waited for: the answer stands. Other 4xx are
 * never retried; a 401 is auth's business. Connection refused is not transient.
 */
import { NetworkError } from '../../errors.js';
import { header, type RegistryResponse, type Send } from './types.js';

export const DEFAULT_RETRIES = 3;
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

export interface RetryOptions {
  retries: number;
  baseDelayMs?: number;
  /** Longest wait before a retry, Retry-After included (default 10 s). */
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

/** Milliseconds a Retry-After header asks for, or undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function withRetry(next: Send, options: RetryOptions): Send {
  const base = options.baseDelayMs ?? 250;
  const cap = options.maxDelayMs ?? 10_000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const backoff = (attempt: number) => Math.min(cap, base * 2 ** attempt) * (0.5 + random() / 2);

  return async (req) => {
    const idempotent = req.method === 'GET' || req.method === 'HEAD';
    for (let attempt = 0; ; attempt++) {
      const last = !idempotent || attempt >= options.retries;
      let res: RegistryResponse;
      try {
        res = await next(req);
      } catch (err) {
        if (last || !(err instanceof NetworkError) || !err.retryable) throw err;
        await sleep(backoff(attempt));
        continue;
      }
      if (last || !RETRY_STATUSES.has(res.status)) return res;
      const asked = retryAfterMs(header(res, 'retry-after'), now());
      if (asked !== undefined && asked > cap) return res;
      await sleep(asked ?? backoff(attempt));
    }
  };
}
