import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultComparer, newMatcher, only, onlyOS, onlyStrict } from './match.js';
import { parsePlatform } from './parse.js';
import type { Platform } from './types.js';

const LINUX_AMD64: Platform = { os: 'linux', architecture: 'amd64' };
const p = (s: string): Platform => parsePlatform(s, LINUX_AMD64);

/** requested → candidates only() accepts, and ones it refuses. */
const ONLY: [string, string[], string[]][] = [
  ['linux/arm/v8', ['linux/arm/v8', 'linux/arm/v7', 'linux/arm', 'linux/armhf', 'linux/arm/v6', 'linux/armel', 'linux/arm/v5'], ['linux/arm/v4', 'linux/arm64']],
  ['linux/arm/v7', ['linux/arm/v7', 'linux/arm/v6', 'linux/arm/v5'], ['linux/arm/v8', 'linux/arm/v4', 'linux/arm64']],
  ['linux/arm/v6', ['linux/arm/v6', 'linux/arm/v5'], ['linux/arm/v7', 'linux/arm', 'linux/arm/v4']],
  ['linux/arm/v5', ['linux/arm/v5'], ['linux/arm/v6', 'linux/arm/v4']],
  ['linux/amd64/v4', ['linux/amd64/v4', 'linux/amd64/v3', 'linux/amd64/v2', 'linux/amd64', 'linux/amd64/v1', 'linux/386'], ['linux/arm64']],
  ['linux/amd64/v2', ['linux/amd64/v2', 'linux/amd64', 'linux/386'], ['linux/amd64/v3', 'linux/amd64/v4']],
  ['linux/amd64', ['linux/amd64', 'linux/x86_64', 'linux/i386', 'linux/386'], ['linux/amd64/v2', 'windows/amd64', 'linux/arm64']],
  ['linux/386', ['linux/386'], ['linux/amd64']],
  ['linux/arm64', ['linux/arm64', 'linux/aarch64', 'linux/arm64/v8', 'linux/arm/v8', 'linux/arm/v7', 'linux/arm/v5'], ['linux/arm64/v8.1', 'linux/arm64/v9', 'linux/arm/v4']],
  ['linux/arm64/v9', ['linux/arm64/v9.0', 'linux/arm64/v8.5', 'linux/arm64', 'linux/arm/v7'], ['linux/arm64/v8.6', 'linux/arm64/v9.1']],
  ['linux/ppc64le', ['linux/ppc64le'], ['linux/ppc64', 'linux/amd64']],
];

test('only: every fallback step, and what it refuses', () => {
  for (const [requested, accepted, refused] of ONLY) {
    const m = only(p(requested));
    for (const c of accepted) assert.ok(m.match(p(c)), `${requested} accepts ${c}`);
    for (const c of refused) assert.ok(!m.match(p(c)), `${requested} refuses ${c}`);
  }
});

test('only: prefers the requested platform, then the ladder in order', () => {
  const m = only(p('linux/arm/v8'));
  const chain = ['linux/arm/v8', 'linux/arm/v7', 'linux/arm/v6', 'linux/arm/v5'].map(p);
  for (let i = 0; i + 1 < chain.length; i++) {
    assert.ok(m.less(chain[i]!, chain[i + 1]!) && !m.less(chain[i + 1]!, chain[i]!), `step ${i}`);
  }
  const amd = only(p('linux/amd64/v3'));
  assert.ok(amd.less(p('linux/amd64/v2'), p('linux/amd64')) && amd.less(p('linux/amd64'), p('linux/386')));
});

test('only / onlyStrict: exact is the requested platform itself, after normalization', () => {
  const m = only(p('linux/arm64/v8'));
  assert.ok(m.exact?.(p('linux/aarch64')) && m.exact?.({ os: 'linux', architecture: 'arm64' }));
  assert.ok(!m.exact?.(p('linux/arm/v7')));
  const s = onlyStrict(p('linux/arm/v7'));
  assert.ok(s.match(p('linux/arm')) && s.match(p('linux/armhf')) && !s.match(p('linux/arm/v6')));
  assert.ok(!onlyStrict(p('linux/arm/v6')).match(p('linux/arm/v5')));
  assert.ok(!onlyStrict(p('linux/amd64')).match(p('linux/386')));
});

test('newMatcher: os.features of the candidate must be declared; win32k is ignored on Windows', () => {
  const rows: [Platform, Platform, boolean][] = [
    [p('linux(+gpu+simd)/amd64'), p('linux(+gpu)/amd64'), true],
    [p('linux(+gpu)/amd64'), p('linux(+gpu+simd)/amd64'), false],
    [p('linux/amd64'), p('linux(+gpu)/amd64'), false],
    [p('linux(+gpu)/amd64'), p('linux/amd64'), true],
    [p('windows(10.0.17763)/amd64'), p('windows(10.0.17763+win32k)/amd64'), true],
    [p('linux/amd64'), { os: 'linux', architecture: 'amd64', 'os.features': ['win32k'] }, false],
    [p('linux(7.1)/amd64'), p('linux(7.2)/amd64'), true],
  ];
  for (const [target, candidate, want] of rows) {
    assert.equal(newMatcher(target).match(candidate), want, `${JSON.stringify(target)} ~ ${JSON.stringify(candidate)}`);
  }
});

test('newMatcher: Windows os.version compatibility', () => {
  const rows: [string, string, boolean][] = [
    ['windows(10.0.17763)/amd64', 'windows(10.0.17763.5329)/amd64', true],
    ['windows(10.0.17763)/amd64', 'windows(10.0.20348.2227)/amd64', false],
    ['windows(10.0.20348)/amd64', 'windows(10.0.17763.5329)/amd64', false],
    ['windows(10.0.26100)/amd64', 'windows(10.0.20348.2227)/amd64', true],
    ['windows(10.0.20348)/amd64', 'windows/amd64', true],
    ['windows/amd64', 'windows(10.0.20348.2227)/amd64', true],
    ['windows(10.0.17763)/amd64', 'linux/amd64', false],
  ];
  for (const [target, candidate, want] of rows) assert.equal(newMatcher(p(target)).match(p(candidate)), want, `${target} ~ ${candidate}`);
});

test('onlyOS: the same OS on any architecture, its own architecture first', () => {
  const m = onlyOS(p('linux/amd64'));
  for (const c of ['linux/amd64', 'linux/arm64', 'linux/386', 'linux/s390x']) assert.ok(m.match(p(c)), c);
  for (const c of ['windows/amd64', 'darwin/arm64']) assert.ok(!m.match(p(c)), c);
  assert.ok(m.less(p('linux/amd64'), p('linux/arm64')) && m.less(p('linux/arm64'), p('windows/amd64')));
  const v = onlyOS(p('linux(7.2)/amd64'));
  assert.ok(v.match(p('linux(7.2)/arm64')) && v.match(p('linux/arm64')) && !v.match(p('linux(7.1)/amd64')));
});

test('only / onlyStrict / onlyOS / newMatcher: host is the OS an empty os stands for', () => {
  const windowsHost: Platform = { os: 'windows', architecture: 'amd64' };
  const noOS: Platform = { os: '', architecture: 'amd64' };
  for (const m of [only(noOS, windowsHost), onlyStrict(noOS, windowsHost), onlyOS(noOS, windowsHost), newMatcher(noOS, windowsHost)]) {
    assert.ok(m.match(p('windows/amd64')) && !m.match(p('linux/amd64')));
    assert.ok(m.match(noOS));
  }
});

test('defaultComparer: per host OS, as containerd Default()', () => {
  const linux = defaultComparer({ os: 'linux', architecture: 'amd64' });
  assert.ok(linux.match(p('linux/386')) && !linux.match(p('windows/amd64')));
  const win = defaultComparer({ os: 'windows', architecture: 'amd64', 'os.version': '10.0.17763' });
  assert.ok(win.match(p('windows(10.0.17763.5329)/amd64')) && !win.match(p('linux/amd64')));
  assert.ok(win.less(p('windows(10.0.17763.2)/amd64'), p('windows(10.0.17763.1)/amd64')));
  const mac = defaultComparer({ os: 'darwin', architecture: 'arm64', variant: 'v8' });
  assert.ok(mac.match(p('linux/arm64')) && mac.less(p('darwin/arm64'), p('linux/arm64')));
  assert.ok(defaultComparer().match(defaultHostLike()));
});

function defaultHostLike(): Platform {
  return parsePlatform(process.platform === 'win32' ? 'windows' : process.platform === 'darwin' ? 'darwin' : 'linux');
}
