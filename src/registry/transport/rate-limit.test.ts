import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLow, parseRateLimit } from './rate-limit.js';

const cases: { limit?: string; remaining?: string; want: ReturnType<typeof parseRateLimit> }[] = [
  { limit: '100;w=21600', remaining: '76;w=21600', want: { limit: 100, remaining: 76, windowSeconds: 21600 } },
  { limit: '200', remaining: '0', want: { limit: 200, remaining: 0, windowSeconds: undefined } },
  { limit: '100; W=60', remaining: '5', want: { limit: 100, remaining: 5, windowSeconds: 60 } },
  { limit: undefined, remaining: '5', want: undefined },
  { limit: 'lots', remaining: '5', want: undefined },
];

for (const c of cases) {
  test(`parseRateLimit(${c.limit}, ${c.remaining})`, () => assert.deepEqual(parseRateLimit(c.limit, c.remaining), c.want));
}

test('low: under a tenth or 10, whichever is more', () => {
  assert.equal(isLow({ limit: 100, remaining: 9, windowSeconds: undefined }), true);
  assert.equal(isLow({ limit: 100, remaining: 10, windowSeconds: undefined }), false);
  assert.equal(isLow({ limit: 5000, remaining: 499, windowSeconds: undefined }), true);
});
