import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatOrigin, sameOrigin } from './origin.js';
import type { Origin } from './types.js';

const cases: { origin: Origin; want: string }[] = [
  { origin: { kind: 'compose', path: 'compose.yaml', line: 12, detail: 'services.web.image' }, want: 'compose.yaml:12 services.web.image' },
  { origin: { kind: 'kubernetes', path: 'k8s/app.yaml', line: 30, detail: 'Deployment/api containers[1]' }, want: 'k8s/app.yaml:30 Deployment/api containers[1]' },
  { origin: { kind: 'dockerfile', path: 'Dockerfile', line: 3, detail: 'FROM' }, want: 'Dockerfile:3 FROM' },
  { origin: { kind: 'file', path: 'images.txt', line: 4 }, want: 'images.txt:4' },
  { origin: { kind: 'stdin', line: 2 }, want: '<stdin>:2' },
  { origin: { kind: 'stdin' }, want: '<stdin>' },
  { origin: { kind: 'argument' }, want: 'argument' },
  { origin: { kind: 'compose', path: 'c.yaml', detail: '' }, want: 'c.yaml' },
];

for (const c of cases) {
  test(`formatOrigin: ${c.want}`, () => assert.equal(formatOrigin(c.origin), c.want));
}

test('sameOrigin compares kind, path, line and detail', () => {
  const a: Origin = { kind: 'file', path: 'a', line: 1 };
  assert.equal(sameOrigin(a, { kind: 'file', path: 'a', line: 1 }), true);
  assert.equal(sameOrigin(a, { kind: 'file', path: 'a', line: 2 }), false);
  assert.equal(sameOrigin(a, { kind: 'stdin', line: 1 }), false);
  assert.equal(sameOrigin(a, { kind: 'file', path: 'a', line: 1, detail: 'x' }), false);
});
