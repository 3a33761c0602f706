import assert from 'node:assert/strict';
import { test } from 'node:test';
import { all, any, ordered, windowsMatchComparer } from './compare.js';
import { formatPlatformAll } from './format.js';
import type { MatchComparer } from './matcher.js';
import { parsePlatform } from './parse.js';
import type { Platform } from './types.js';

const p = (s: string): Platform => parsePlatform(s, { os: 'linux', architecture: 'amd64' });

function sorted(comparer: MatchComparer, specs: string[]): string[] {
  const items = specs.map(p).sort((a, b) => (comparer.less(a, b) ? -1 : comparer.less(b, a) ? 1 : 0));
  return items.map((x) => formatPlatformAll(x));
}

test('ordered: earlier platforms first, then the rest in their order', () => {
  const c = ordered(p('linux/arm64'), p('linux/amd64'));
  assert.deepEqual(sorted(c, ['linux/s390x', 'linux/amd64', 'linux/arm64']), ['linux/arm64', 'linux/amd64', 'linux/s390x']);
  assert.ok(c.exact?.(p('linux/arm64')) && !c.exact?.(p('linux/amd64')));
});

test('ordered / any: more os.features first; unmatched rank as if featureless', () => {
  const rows: [string, string[], string[]][] = [
    ['linux(+f1+f2)/amd64', ['linux/amd64', 'linux(+f2)/amd64', 'linux(+f1+f2)/amd64'], ['linux(+f1+f2)/amd64', 'linux(+f2)/amd64', 'linux/amd64']],
    ['linux/amd64', ['windows/amd64', 'linux(+other)/amd64', 'linux/amd64'], ['linux/amd64', 'linux(+other)/amd64', 'windows/amd64']],
  ];
  for (const [target, input, want] of rows) {
    assert.deepEqual(sorted(ordered(p(target)), input), want, `ordered ${target}`);
    assert.deepEqual(sorted(any(p(target)), input), want, `any ${target}`);
  }
});

test('any: no preference between its platforms', () => {
  const c = any(p('linux/arm64'), p('linux/amd64'));
  assert.ok(!c.less(p('linux/arm64'), p('linux/amd64')) && !c.less(p('linux/amd64'), p('linux/arm64')));
  assert.ok(c.less(p('linux/amd64'), p('linux/s390x')) && c.match(p('linux/aarch64')));
});

test('all: matches everything, prefers nothing, is never exact', () => {
  assert.ok(all.match({ os: 'unknown', architecture: 'unknown' }));
  assert.ok(!all.less(p('linux/amd64'), p('linux/arm64')));
  assert.equal(all.exact, undefined);
});

test('windowsMatchComparer: matching first, then the higher os.version string', () => {
  const c = windowsMatchComparer({ os: 'windows', 'os.version': '10.0.17763.1', architecture: 'amd64' });
  const input = ['windows(10.0.17764.1)/amd64', 'windows/amd64', 'windows(10.0.17763.1)/amd64', 'windows(10.0.17763.2)/amd64', 'windows(10.0.17762.1)/amd64'];
  assert.deepEqual(sorted(c, input), [
    'windows(10.0.17763.2)/amd64', 'windows(10.0.17763.1)/amd64', 'windows/amd64', 'windows(10.0.17764.1)/amd64', 'windows(10.0.17762.1)/amd64',
  ]);
});
