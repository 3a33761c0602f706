import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sortReferences } from './sort.js';

const d = `sha256:${'1'.repeat(64)}`;

const cases: { name: string; input: string[]; want: string[] }[] = [
  {
    name: 'most specific first',
    input: ['x.io/n', `x.io/n@${d}`, 'x.io/n:t', `x.io/n:t@${d}`, d],
    want: [`x.io/n:t@${d}`, 'x.io/n:t', `x.io/n@${d}`, 'x.io/n', d],
  },
  { name: 'by string within a rank', input: ['x.io/b:1', 'x.io/a:2', 'x.io/a:1'], want: ['x.io/a:1', 'x.io/a:2', 'x.io/b:1'] },
  { name: 'normalized output', input: ['busybox'], want: ['docker.io/library/busybox'] },
  { name: 'unparsable last, sorted', input: ['b b', 'x.io/a', 'A A'], want: ['x.io/a', 'A A', 'b b'] },
  { name: 'empty', input: [], want: [] },
];

for (const c of cases) {
  test(`sortReferences: ${c.name}`, () => {
    const input = [...c.input];
    assert.deepEqual(sortReferences(input), c.want);
    assert.deepEqual(input, c.input, 'input is not modified');
  });
}
