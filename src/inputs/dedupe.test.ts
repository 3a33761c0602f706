import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dedupe, referenceKey } from './dedupe.js';
import type { FoundReference, Origin } from './types.js';

const DIGEST = `sha256:${'d'.repeat(64)}`;

const keys: [string, string][] = [
  ['nginx', 'docker.io/library/nginx:latest'],
  ['library/nginx', 'docker.io/library/nginx:latest'],
  ['docker.io/library/nginx:latest', 'docker.io/library/nginx:latest'],
  ['index.docker.io/nginx', 'docker.io/library/nginx:latest'],
  ['nginx:1.27', 'docker.io/library/nginx:1.27'],
  [`nginx@${DIGEST}`, `docker.io/library/nginx@${DIGEST}`],
  ['ghcr.io/o/a', 'ghcr.io/o/a:latest'],
  ['localhost:5000/x:1', 'localhost:5000/x:1'],
  ['Not/Valid', 'Not/Valid'],
  ['${TAG}', '${TAG}'],
  ['', ''],
];

for (const [reference, want] of keys) {
  test(`referenceKey: ${JSON.stringify(reference)} → ${want}`, () => assert.equal(referenceKey(reference), want));
}

const at = (line: number): Origin => ({ kind: 'file', path: 'l.txt', line });
const f = (reference: string, origin: Origin): FoundReference => ({ reference, origin });

test('dedupe: first-seen order, first spelling kept, origins merged once', () => {
  const got = dedupe([f('nginx', at(1)), f('alpine', at(2)), f('docker.io/library/nginx:latest', at(3)), f('nginx', at(1)), f('bad ref', at(4)), f('bad ref', at(5))]);
  assert.deepEqual(got, [
    { reference: 'nginx', key: 'docker.io/library/nginx:latest', origins: [at(1), at(3)] },
    { reference: 'alpine', key: 'docker.io/library/alpine:latest', origins: [at(2)] },
    { reference: 'bad ref', key: 'bad ref', origins: [at(4), at(5)] },
  ]);
});

test('dedupe: nothing in, nothing out', () => assert.deepEqual(dedupe([]), []));
