import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPlatform } from './format.js';
import { compatibilityLadder } from './ladder.js';
import { normalizePlatform } from './normalize.js';
import { parsePlatform } from './parse.js';

/** requested → the whole ladder, best first (os/arch/variant as ladder.ts writes it). */
const LADDERS: [string, string[]][] = [
  ['linux/amd64/v4', ['amd64/v4', 'amd64/v3', 'amd64/v2', 'amd64/v1', '386']],
  ['linux/amd64/v3', ['amd64/v3', 'amd64/v2', 'amd64/v1', '386']],
  ['linux/amd64/v2', ['amd64/v2', 'amd64/v1', '386']],
  ['linux/amd64', ['amd64', '386']],
  ['linux/amd64/v1', ['amd64', '386']],
  ['linux/386', ['386']],
  ['linux/arm/v8', ['arm/v8', 'arm/v7', 'arm/v6', 'arm/v5']],
  ['linux/arm/v7', ['arm/v7', 'arm/v6', 'arm/v5']],
  ['linux/arm', ['arm/v7', 'arm/v6', 'arm/v5']],
  ['linux/arm/v6', ['arm/v6', 'arm/v5']],
  ['linux/arm/v5', ['arm/v5']],
  ['linux/arm/v4', ['arm/v4']],
  ['linux/arm64', ['arm64', 'arm/v8', 'arm/v7', 'arm/v6', 'arm/v5']],
  ['linux/arm64/v8.2', ['arm64/v8.2', 'arm64/v8.1', 'arm64/v8', 'arm/v8', 'arm/v7', 'arm/v6', 'arm/v5']],
  [
    'linux/arm64/v9',
    ['arm64/v9', 'arm64/v8.5', 'arm64/v8.4', 'arm64/v8.3', 'arm64/v8.2', 'arm64/v8.1', 'arm64/v8', 'arm/v9', 'arm/v8', 'arm/v7', 'arm/v6', 'arm/v5'],
  ],
  [
    'linux/arm64/v9.2',
    ['arm64/v9.2', 'arm64/v9.1', 'arm64/v9', 'arm64/v8.7', 'arm64/v8.6', 'arm64/v8.5', 'arm64/v8.4', 'arm64/v8.3', 'arm64/v8.2',
      'arm64/v8.1', 'arm64/v8', 'arm/v8', 'arm/v7', 'arm/v6', 'arm/v5'],
  ],
  ['linux/arm64/v8.10', ['arm64/v8.10', 'arm/v8', 'arm/v7', 'arm/v6', 'arm/v5']],
  ['linux/ppc64le', ['ppc64le']],
  ['linux/s390x', ['s390x']],
  ['linux/riscv64', ['riscv64']],
];

test('compatibilityLadder: every ladder, best first', () => {
  for (const [requested, want] of LADDERS) {
    const ladder = compatibilityLadder(normalizePlatform(parsePlatform(requested)));
    assert.deepEqual(ladder.map((p) => formatPlatform(p).replace(/^linux\//, '')), want, requested);
  }
});

test('compatibilityLadder: arm64/v9.x reaches v8.(x+5), at most v8.9', () => {
  const v96 = compatibilityLadder(normalizePlatform(parsePlatform('linux/arm64/v9.6'))).map((p) => p.variant);
  assert.ok(v96.includes('v8.9') && !v96.includes('v8.10') && !v96.includes('v8.11'));
});

test('compatibilityLadder: os, os.version and os.features carry over to every rung', () => {
  const p = { os: 'windows', 'os.version': '10.0.20348', 'os.features': ['win32k'], architecture: 'amd64' };
  for (const rung of compatibilityLadder(p)) {
    assert.equal(rung.os, 'windows');
    assert.equal(rung['os.version'], '10.0.20348');
    assert.deepEqual(rung['os.features'], ['win32k']);
  }
});

test('compatibilityLadder: a nonsense variant cannot make an enormous ladder', () => {
  assert.ok(compatibilityLadder({ os: 'linux', architecture: 'amd64', variant: 'v99999999' }).length <= 66);
  assert.ok(compatibilityLadder({ os: 'linux', architecture: 'arm64', variant: 'v99999999' }).length <= 66);
});
