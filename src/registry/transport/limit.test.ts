import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withConcurrencyLimit } from './limit.js';
import type { RegistryRequest, RegistryResponse } from './types.js';

test('never more than n in flight, all answered in order of arrival', async () => {
  let active = 0;
  let peak = 0;
  const started: number[] = [];
  const send = withConcurrencyLimit(async (req: RegistryRequest): Promise<RegistryResponse> => {
    started.push(Number(req.what));
    active++;
    peak = Math.max(peak, active);
    await new Promise((r) => setTimeout(r, 5));
    active--;
    return { status: 200, headers: {}, body: Buffer.alloc(0), url: req.url };
  }, 3);
  const req = (i: number): RegistryRequest => ({ method: 'GET', url: new URL('http://x/'), headers: {}, maxBytes: 1, what: String(i) });
  const results = await Promise.all(Array.from({ length: 10 }, (_, i) => send(req(i))));
  assert.equal(results.length, 10);
  assert.equal(peak, 3);
  assert.deepEqual(started, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test('a failing request frees its place', async () => {
  const send = withConcurrencyLimit(async () => {
    throw new Error('down');
  }, 1);
  const req: RegistryRequest = { method: 'GET', url: new URL('http://x/'), headers: {}, maxBytes: 1, what: 'x' };
  await assert.rejects(send(req));
  await assert.rejects(send(req), /down/);
});
