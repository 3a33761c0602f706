import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ExpandOptions, type Expansion, expand } from './expand.js';

const vars: Record<string, string> = { A: 'alpine', EMPTY: '', TAG: '3.20', REG: 'ghcr.io' };

const options = (dialect: ExpandOptions['dialect'], escape?: string): ExpandOptions => ({
  dialect,
  escape,
  lookup: (name) => vars[name],
  unset: (name) => `${name} is unset`,
});

const ok = (value: string): Expansion => ({ ok: true, value });
const fail = (problem: string): Expansion => ({ ok: false, problem });

const cases: { text: string; dialect?: ExpandOptions['dialect']; escape?: string; want: Expansion }[] = [
  { text: 'alpine:3.20', want: ok('alpine:3.20') },
  { text: '$A:$TAG', want: ok('alpine:3.20') },
  { text: '${A}:${TAG}', want: ok('alpine:3.20') },
  { text: '${NOPE:-busybox}', want: ok('busybox') },
  { text: '${EMPTY:-busybox}', want: ok('busybox') },
  { text: '${EMPTY-busybox}', want: ok('') },
  { text: '${NOPE-busybox}', want: ok('busybox') },
  { text: '${A:-busybox}', want: ok('alpine') },
  { text: '${A:+x}${NOPE:+y}${EMPTY:+z}${EMPTY+w}', want: ok('xw') },
  { text: '${NOPE:-${REG}}/app', want: ok('ghcr.io/app') },
  { text: '${A:-${NOPE}}', want: ok('alpine') },
  { text: '${A:?needed}', want: ok('alpine') },
  { text: '${NOPE:?set NOPE}', want: fail('NOPE is required: set NOPE') },
  { text: '${EMPTY?}', want: ok('') },
  { text: '${EMPTY:?}', want: fail('EMPTY is required') },
  { text: '$NOPE', want: fail('NOPE is unset') },
  { text: '${NOPE}', want: fail('NOPE is unset') },
  { text: '${A#al}', want: fail('unsupported expansion "${A#al}"') },
  { text: '${A/al/x}', want: fail('unsupported expansion "${A/al/x}"') },
  { text: '${#A}', want: fail('unsupported expansion "${#A}"') },
  { text: '${A', want: fail('unclosed "${" in "${A"') },
  { text: 'a$', want: ok('a$') },
  { text: 'a$-b', want: ok('a$-b') },
  { text: '\\$A', want: ok('$A') },
  { text: '"${A}":\'$TAG\'', want: ok('alpine:$TAG') },
  { text: '"a\\"b"', want: ok('a"b') },
  { text: '"a\\b"', want: ok('a\\b') },
  { text: "'unclosed", want: fail(`unterminated quote in "'unclosed"`) },
  { text: '`$A', escape: '`', want: ok('$A') },
  { text: '\\$A', escape: '`', want: ok('\\alpine') },
  { text: '$$A', dialect: 'compose', want: ok('$A') },
  { text: '"$A"', dialect: 'compose', want: ok('"alpine"') },
  { text: '\\$A', dialect: 'compose', want: ok('\\alpine') },
  { text: '${REG:-docker.io}/x:${NOPE:-1}', dialect: 'compose', want: ok('ghcr.io/x:1') },
];

for (const c of cases) {
  const dialect = c.dialect ?? 'dockerfile';
  test(`expand (${dialect}${c.escape ? `, escape ${c.escape}` : ''}): ${c.text}`, () => {
    assert.deepEqual(expand(c.text, options(dialect, c.escape)), c.want);
  });
}
