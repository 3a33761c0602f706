import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '../errors.js';
import { resolveColorLevel, resolveInspectOptions } from './options.js';

const tty = { isTTY: true, detectedLevel: 2 as const };
const pipe = { isTTY: false, detectedLevel: 0 as const };

const colors: { name: string; flag?: boolean; env: NodeJS.ProcessEnv; term: typeof tty | typeof pipe; want: number }[] = [
  { name: 'a terminal', env: {}, term: tty, want: 2 },
  { name: 'a pipe', env: {}, term: pipe, want: 0 },
  { name: 'NO_COLOR on a terminal', env: { NO_COLOR: '1' }, term: tty, want: 0 },
  { name: 'an empty NO_COLOR is ignored', env: { NO_COLOR: '' }, term: tty, want: 2 },
  { name: 'FORCE_COLOR on a pipe', env: { FORCE_COLOR: '1' }, term: pipe, want: 1 },
  { name: 'FORCE_COLOR=3', env: { FORCE_COLOR: '3' }, term: pipe, want: 3 },
  { name: 'FORCE_COLOR=0 on a terminal', env: { FORCE_COLOR: '0' }, term: tty, want: 0 },
  { name: 'FORCE_COLOR beats NO_COLOR', env: { FORCE_COLOR: '1', NO_COLOR: '1' }, term: pipe, want: 1 },
  { name: '--no-color beats FORCE_COLOR', flag: false, env: { FORCE_COLOR: '3' }, term: tty, want: 0 },
];

for (const c of colors) {
  test(`color level: ${c.name} → ${c.want}`, () => {
    assert.equal(resolveColorLevel(c.flag, c.env, c.term), c.want);
  });
}

test('insecure registries come from flags and MFX_INSECURE_REGISTRIES', () => {
  const opts = resolveInspectOptions({ insecureRegistry: ['a:5000'] }, { MFX_INSECURE_REGISTRIES: ' b , c:1,' }, pipe);
  assert.deepEqual(opts.insecureRegistries, ['a:5000', 'b', 'c:1']);
});

test('output mode', () => {
  assert.equal(resolveInspectOptions({}, {}, pipe).output, 'table');
  assert.equal(resolveInspectOptions({ json: true }, {}, pipe).output, 'json');
  assert.equal(resolveInspectOptions({ raw: true }, {}, pipe).output, 'raw');
  assert.throws(() => resolveInspectOptions({ json: true, raw: true }, {}, pipe), UsageError);
  assert.throws(() => resolveInspectOptions({ username: ' ', passwordStdin: true }, {}, pipe), /must not be empty/);
});
