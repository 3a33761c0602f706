import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatBytes } from './size.js';

const cases: [number, string][] = [
  [0, '0 B'],
  [999, '999 B'],
  [1000, '1.0 kB'],
  [1049, '1.0 kB'],
  [45_213_000, '45.2 MB'],
  [999_960, '1.0 MB'],
  [1_300_000_000, '1.3 GB'],
  [2_000_000_000_000, '2.0 TB'],
];

for (const [bytes, want] of cases) {
  test(`formatBytes(${bytes}) = ${want}`, () => assert.equal(formatBytes(bytes), want));
}
