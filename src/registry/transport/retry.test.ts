import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NetworkError } from '../../errors.js';
import { retryAfterMs, withRetry } from './retry.js';
import type { HttpMethod, RegistryRequest, RegistryResponse } from './types.js';

const req = (method: HttpMethod = 'GET'): RegistryRequest => ({ method, url: new URL('http://r/v2/'), headers: {}, maxBytes: 1, what: 'x' });
const res = (status: number, headers: Record<string, string> = {}): RegistryResponse => ({ status, headers, body: Buffer.alloc(0), url: new URL('http://r/') });

/** A Send answering from a script, and a sleep that records its waits. */
function scripted(script: (RegistryResponse | Error)[]) {
  const waits: number[] = [];
  let calls = 0;
  const send = withRetry(
    async () => {
      const step = script[Math.min(calls++, script.length - 1)]!;
      if (step instanceof Error) throw step;
      return step;
    },
    { retries: 3, baseDelayMs: 100, sleep: async (ms) => void waits.push(ms), random: () => 0, now: () => Date.parse('2026-01-01T00:00:00Z') },
  );
  return { send, waits, calls: () => calls };
}

const reset = () => new NetworkError('r', 'connection reset', { retryable: true });

const cases: { name: string; script: (RegistryResponse | Error)[]; method?: HttpMethod; status?: number; error?: RegExp; calls: number; waits: number[] }[] = [
  { name: '503 then 200', script: [res(503), res(200)], status: 200, calls: 2, waits: [50] },
  { name: 'backoff doubles, with jitter', script: [res(502), res(500), res(504), res(200)], status: 200, calls: 4, waits: [50, 100, 200] },
  { name: 'gives up after 3 retries with the last answer', script: [res(503)], status: 503, calls: 4, waits: [50, 100, 200] },
  { name: 'Retry-After in seconds', script: [res(429, { 'retry-after': '2' }), res(200)], status: 200, calls: 2, waits: [2000] },
  { name: 'Retry-After as an HTTP date', script: [res(503, { 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }), res(200)], status: 200, calls: 2, waits: [3000] },
  { name: 'a Retry-After beyond the cap is not waited for', script: [res(429, { 'retry-after': '3600' }), res(200)], status: 429, calls: 1, waits: [] },
  { name: '408 is retried', script: [res(408), res(200)], status: 200, calls: 2, waits: [50] },
  { name: '404 is not retried', script: [res(404), res(200)], status: 404, calls: 1, waits: [] },
  { name: '401 is left to auth', script: [res(401), res(200)], status: 401, calls: 1, waits: [] },
  { name: 'a reset connection is retried', script: [reset(), res(200)], status: 200, calls: 2, waits: [50] },
  { name: 'connection refused is not', script: [new NetworkError('r', 'connection refused'), res(200)], error: /refused/, calls: 1, waits: [] },
  { name: 'POST is never retried', script: [res(503), res(200)], method: 'POST', status: 503, calls: 1, waits: [] },
  { name: 'HEAD is', script: [res(503), res(200)], method: 'HEAD', status: 200, calls: 2, waits: [50] },
  { name: 'resets to the end', script: [reset()], error: /reset/, calls: 4, waits: [50, 100, 200] },
];

for (const c of cases) {
  test(`retry: ${c.name}`, async () => {
    const s = scripted(c.script);
    if (c.error) await assert.rejects(s.send(req(c.method)), c.error);
    else assert.equal((await s.send(req(c.method))).status, c.status);
    assert.equal(s.calls(), c.calls);
    assert.deepEqual(s.waits, c.waits);
  });
}

test('retryAfterMs', () => {
  assert.equal(retryAfterMs(undefined, 0), undefined);
  assert.equal(retryAfterMs('soon', 0), undefined);
  assert.equal(retryAfterMs(' 5 ', 0), 5000);
  assert.equal(retryAfterMs('Thu, 01 Jan 1970 00:00:10 GMT', 4000), 6000);
  assert.equal(retryAfterMs('Thu, 01 Jan 1970 00:00:01 GMT', 4000), 0);
});
