import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseReferenceList } from './list.js';

const cases: { name: string; text: string; want: [string, number][] }[] = [
  { name: 'one per line', text: 'nginx\nalpine:3.20\n', want: [['nginx', 1], ['alpine:3.20', 2]] },
  { name: 'blank and whitespace-only lines skipped', text: '\n  \nnginx\n\t\n', want: [['nginx', 3]] },
  { name: 'comment lines', text: '# all\n  # indented\nnginx', want: [['nginx', 3]] },
  { name: 'comment after a space', text: 'nginx:1.27 # web', want: [['nginx:1.27', 1]] },
  { name: 'comment after a tab', text: 'nginx:1.27\t#web', want: [['nginx:1.27', 1]] },
  { name: 'a # glued to text is no comment', text: 'nginx#web', want: [['nginx#web', 1]] },
  { name: 'surrounding blanks and tabs trimmed', text: '\t nginx \t\n', want: [['nginx', 1]] },
  { name: 'CRLF line endings', text: 'a\r\n\r\nb\r\n', want: [['a', 1], ['b', 3]] },
  { name: 'CR line endings', text: 'a\rb', want: [['a', 1], ['b', 2]] },
  { name: 'byte order mark', text: '\uFEFFnginx', want: [['nginx', 1]] },
  { name: 'digest references', text: 'x@sha256:abc # pinned', want: [['x@sha256:abc', 1]] },
  { name: 'empty text', text: '', want: [] },
];

for (const c of cases) {
  test(`reference list: ${c.name}`, () => {
    const got = parseReferenceList(c.text, { kind: 'file', path: 'list.txt' });
    assert.deepEqual(got, c.want.map(([reference, line]) => ({ reference, origin: { kind: 'file', path: 'list.txt', line } })));
  });
}

test('reference list: stdin origins carry only the line', () => {
  assert.deepEqual(parseReferenceList('\nnginx', { kind: 'stdin' }), [{ reference: 'nginx', origin: { kind: 'stdin', line: 2 } }]);
});

test('reference list: the sample file', () => {
  const text = readFileSync(new URL('../../test/fixtures/inputs/images.txt', import.meta.url), 'utf8');
  const got = parseReferenceList(text, { kind: 'file', path: 'images.txt' }).map((f) => [f.reference, f.origin.line]);
  assert.deepEqual(got, [
    ['nginx:1.27', 2],
    ['registry.example.com:5000/team/worker:2.1', 4],
    ['library/nginx:1.27', 6],
    ['ghcr.io/example/tool:0.3', 7],
  ]);
});
