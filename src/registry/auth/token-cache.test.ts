import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TokenCache } from './token-cache.js';

test('a token lives for expires_in, less a margin', () => {
  let now = 0;
  const cache = new TokenCache(() => now);
  cache.set('k', 'T', 300);
  now = 294_000;
  assert.equal(cache.get('k'), 'T');
  now = 295_000;
  assert.equal(cache.get('k'), undefined);
});

for (const expiresIn of [undefined, 0, -5, Number.NaN]) {
  test(`expires_in ${expiresIn} means the spec's 60 seconds`, () => {
    let now = 0;
    const cache = new TokenCache(() => now);
    cache.set('k', 'T', expiresIn);
    now = 54_000;
    assert.equal(cache.get('k'), 'T');
    now = 55_000;
    assert.equal(cache.get('k'), undefined);
  });
}

test('keys are separate', () => {
  const cache = new TokenCache(() => 0);
  cache.set('a', 'A', 60);
  assert.equal(cache.get('b'), undefined);
  cache.delete('a');
  assert.equal(cache.get('a'), undefined);
});
