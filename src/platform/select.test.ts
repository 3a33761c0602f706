import assert from 'node:assert/strict';
import { test } from 'node:test';
import { all } from './compare.js';
import { formatPlatform } from './format.js';
import { only, onlyStrict } from './match.js';
import { parsePlatform } from './parse.js';
import { describeFallback, rankCandidates, selectBest } from './select.js';
import type { Platform } from './types.js';

interface Entry {
  digest: string;
  platform?: Platform;
}

const LINUX_AMD64: Platform = { os: 'linux', architecture: 'amd64' };

/** An nginx-like index, with an attestation manifest at the end, as buildkit writes it. */
const NGINX: Entry[] = [
  { digest: 'amd64', platform: { os: 'linux', architecture: 'amd64' } },
  { digest: 'arm/v5', platform: { os: 'linux', architecture: 'arm', variant: 'v5' } },
  { digest: 'arm/v7', platform: { os: 'linux', architecture: 'arm', variant: 'v7' } },
  { digest: 'arm64/v8', platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
  { digest: '386', platform: { os: 'linux', architecture: '386' } },
  { digest: 'mips64le', platform: { os: 'linux', architecture: 'mips64le' } },
  { digest: 'ppc64le', platform: { os: 'linux', architecture: 'ppc64le' } },
  { digest: 's390x', platform: { os: 'linux', architecture: 's390x' } },
  { digest: 'attestation', platform: { os: 'unknown', architecture: 'unknown' } },
  { digest: 'no-platform' },
];

function pick(entries: Entry[], spec: string, strict = false): { digest: string; exact: boolean } | undefined {
  const wanted = parsePlatform(spec, LINUX_AMD64);
  const best = selectBest(entries, (e) => e.platform, strict ? onlyStrict(wanted) : only(wanted));
  return best && { digest: best.candidate.digest, exact: best.exact };
}

test('selectBest: an nginx-like index', () => {
  const rows: [string, string | undefined, boolean][] = [
    ['arm64', 'arm64/v8', true],
    ['aarch64', 'arm64/v8', true],
    ['linux/arm64/v8', 'arm64/v8', true],
    ['linux/arm64', 'arm64/v8', true],
    ['linux/arm/v7', 'arm/v7', true],
    ['linux/arm', 'arm/v7', true],
    ['armhf', 'arm/v7', true],
    ['linux/arm/v6', 'arm/v5', false],
    ['armel', 'arm/v5', false],
    ['linux/arm/v8', 'arm/v7', false],
    ['linux/amd64', 'amd64', true],
    ['x86_64', 'amd64', true],
    ['linux/amd64/v3', 'amd64', false],
    ['linux/386', '386', true],
    ['linux/ppc64le', 'ppc64le', true],
    ['linux/riscv64', undefined, false],
    ['windows/amd64', undefined, false],
    ['linux/arm/v4', undefined, false],
  ];
  for (const [spec, digest, exact] of rows) {
    assert.deepEqual(pick(NGINX, spec), digest === undefined ? undefined : { digest, exact }, spec);
  }
});

test('selectBest: onlyStrict refuses stand-ins', () => {
  assert.equal(pick(NGINX, 'linux/arm/v6', true), undefined);
  assert.deepEqual(pick(NGINX, 'linux/arm/v7', true), { digest: 'arm/v7', exact: true });
  assert.equal(pick(NGINX, 'linux/amd64/v2', true), undefined);
});

test('selectBest: a lone arm/v6 stands in for arm/v7', () => {
  const entries: Entry[] = [{ digest: 'arm/v6', platform: { os: 'linux', architecture: 'arm', variant: 'v6' } }];
  assert.deepEqual(pick(entries, 'linux/arm/v7'), { digest: 'arm/v6', exact: false });
});

test('selectBest: an unknown/unknown attestation entry never matches', () => {
  const entries = NGINX.filter((e) => e.digest === 'attestation' || e.digest === 'no-platform');
  for (const spec of ['linux/amd64', 'arm64', 'windows', 'linux']) assert.equal(pick(entries, spec), undefined, spec);
});

const WINDOWS: Entry[] = [
  { digest: 'ltsc2019', platform: { os: 'windows', 'os.version': '10.0.17763.5329', architecture: 'amd64' } },
  { digest: 'ltsc2022', platform: { os: 'windows', 'os.version': '10.0.20348.2227', architecture: 'amd64' } },
  { digest: 'linux', platform: { os: 'linux', architecture: 'amd64' } },
];

test('selectBest: Windows builds', () => {
  const rows: [string, string | undefined][] = [
    ['windows(10.0.20348)/amd64', 'ltsc2022'],
    ['windows(10.0.17763)/amd64', 'ltsc2019'],
    ['windows(10.0.26100)/amd64', 'ltsc2022'],
    ['windows(10.0.22621)/amd64', 'ltsc2022'],
    ['windows/amd64', 'ltsc2022'],
    ['windows', 'ltsc2022'],
    ['windows(10.0.14393)/amd64', undefined],
  ];
  for (const [spec, digest] of rows) assert.equal(pick(WINDOWS, spec)?.digest, digest, spec);
  const reversed = [...WINDOWS].reverse();
  assert.equal(pick(reversed, 'windows/amd64')?.digest, 'ltsc2022', 'independent of index order');
  assert.equal(pick(WINDOWS, 'windows(10.0.20348)/amd64')?.exact, true);
});

test('rankCandidates: the matched candidates, best first, ties in index order', () => {
  const ranked = rankCandidates(NGINX, (e) => e.platform, only(parsePlatform('linux/arm/v8')));
  assert.deepEqual(ranked.map((r) => r.candidate.digest), ['arm/v7', 'arm/v5']);
  const everything = rankCandidates(NGINX, (e) => e.platform, all);
  assert.deepEqual(everything.map((r) => r.candidate.digest), NGINX.filter((e) => e.platform).map((e) => e.digest));
  assert.equal(selectBest(NGINX, (e) => e.platform, all)?.exact, false);
});

test('describeFallback: says what stood in, nothing when it is the same platform', () => {
  const rows: [string, Platform, string | undefined][] = [
    ['linux/arm/v7', { os: 'linux', architecture: 'arm', variant: 'v6' }, 'fell back from linux/arm/v7 to linux/arm/v6'],
    ['linux/amd64', { os: 'linux', architecture: '386' }, 'fell back from linux/amd64 to linux/386'],
    ['linux/arm', { os: 'linux', architecture: 'arm', variant: 'v7' }, undefined],
    ['arm64', { os: 'linux', architecture: 'arm64', variant: 'v8' }, undefined],
    ['linux/arm64/v8', { os: 'linux', architecture: 'aarch64' }, undefined],
  ];
  for (const [spec, chosen, want] of rows) {
    assert.equal(describeFallback(parsePlatform(spec, LINUX_AMD64), chosen), want, `${spec} → ${formatPlatform(chosen)}`);
  }
});
