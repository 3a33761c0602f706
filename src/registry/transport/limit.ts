/**
 * At most `n` requests in flight through this layer; the rest wait their turn, first come
 * first served. One per registry keeps a 200-image run from opening 200 connections.
 */
import type { Send } from './types.js';

export function withConcurrencyLimit(next: Send, n: number): Send {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    active--;
    waiting.shift()?.();
  };
  return async (req) => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await next(req);
    } finally {
      release();
    }
  };
}
