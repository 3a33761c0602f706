import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { UsageError } from '../errors.js';
import { extractCompose } from './compose.js';

interface Case {
  name: string;
  text: string;
  env?: Record<string, string>;
  /** [reference, line, detail] */
  found: [string, number, string][];
  /** [line, message] */
  warnings?: [number, string][];
}

const DIGEST = `sha256:${'b'.repeat(64)}`;

const cases: Case[] = [
  { name: 'services in order', text: 'services:\n  web:\n    image: nginx\n  db:\n    image: postgres:16\n', found: [['nginx', 3, 'services.web.image'], ['postgres:16', 5, 'services.db.image']] },
  { name: 'a build-only service is skipped without warning', text: 'services:\n  api:\n    build: .\n  web:\n    image: nginx\n', found: [['nginx', 5, 'services.web.image']] },
  { name: 'a digest', text: `services:\n  a:\n    image: alpine@${DIGEST}\n`, found: [[`alpine@${DIGEST}`, 3, 'services.a.image']] },
  { name: 'quoted values', text: `services:\n  a:\n    image: "x.io:5000/a:1"\n  b:\n    image: 'b'\n`, found: [['x.io:5000/a:1', 3, 'services.a.image'], ['b', 5, 'services.b.image']] },
  { name: 'flow style', text: 'services: {a: {image: alpine}, b: {build: .}}', found: [['alpine', 1, 'services.a.image']] },
  { name: 'an alias is located where it is used', text: 'x-img: &img alpine:3\nservices:\n  a:\n    image: *img\n', found: [['alpine:3', 4, 'services.a.image']] },
  {
    name: 'a merge key is located at the <<',
    text: 'x-base: &base\n  image: alpine:3\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n    image: busybox\n',
    found: [['alpine:3', 5, 'services.a.image'], ['busybox', 8, 'services.b.image']],
  },
  { name: 'a merge of several maps: the first wins', text: 'x-a: &a {image: one}\nx-b: &b {image: two}\nservices:\n  s:\n    <<: [*b, *a]\n', found: [['two', 5, 'services.s.image']] },
  { name: 'interpolation defaults', text: 'services:\n  a:\n    image: ${REG:-ghcr.io}/o/a:${TAG-1}\n', found: [['ghcr.io/o/a:1', 3, 'services.a.image']] },
  { name: 'interpolation from env', text: 'services:\n  a:\n    image: ${REG:-ghcr.io}/o/a:$TAG\n', env: { REG: 'x.io', TAG: '2' }, found: [['x.io/o/a:2', 3, 'services.a.image']] },
  { name: '$$ is a literal dollar', text: 'services:\n  a:\n    image: a$$b\n', found: [['a$b', 3, 'services.a.image']] },
  { name: 'an unset variable', text: 'services:\n  a:\n    image: app:${TAG}\n', found: [], warnings: [[3, 'app:${TAG}: variable TAG is not set and has no default; skipped']] },
  { name: 'a required variable', text: 'services:\n  a:\n    image: app:${TAG:?give a tag}\n', found: [], warnings: [[3, 'app:${TAG:?give a tag}: TAG is required: give a tag; skipped']] },
  { name: 'an empty image', text: 'services:\n  a:\n    image:\n  b:\n    image: ""\n', found: [], warnings: [[3, 'services.a.image is empty; skipped'], [5, 'services.b.image is empty; skipped']] },
  { name: 'a non-string image', text: 'services:\n  a:\n    image: [x]\n', found: [], warnings: [[3, 'services.a.image is not a string; skipped']] },
  { name: 'Windows line endings', text: 'services:\r\n  a:\r\n    image: alpine\r\n', found: [['alpine', 3, 'services.a.image']] },
  { name: 'no services', text: 'version: "3"\nvolumes: {}\n', found: [] },
  { name: 'null services and null service', text: 'services:\n---\nservices:\n  a:\n', found: [] },
  { name: 'an empty file', text: '', found: [] },
  { name: 'several documents', text: 'services:\n  a:\n    image: one\n---\nservices:\n  b:\n    image: two\n', found: [['one', 3, 'services.a.image'], ['two', 7, 'services.b.image']] },
  { name: 'an unknown tag is no error', text: 'services:\n  a:\n    image: alpine\n    ports: !reset []\n', found: [['alpine', 3, 'services.a.image']] },
];

for (const c of cases) {
  test(`compose: ${c.name}`, () => {
    const got = extractCompose(c.text, 'compose.yaml', c.env);
    assert.deepEqual(got.found.map((f) => [f.reference, f.origin.line, f.origin.detail]), c.found);
    assert.deepEqual(got.warnings.map((w) => [w.origin.line, w.message]), c.warnings ?? []);
    for (const o of [...got.found.map((f) => f.origin), ...got.warnings.map((w) => w.origin)]) {
      assert.equal(o.kind, 'compose');
      assert.equal(o.path, 'compose.yaml');
    }
  });
}

const errors: { name: string; text: string; message: RegExp }[] = [
  { name: 'a bad indentation', text: 'services:\n  web:\n    image: nginx\n   ports: [80\n', message: /^stack\/compose\.yaml:4:\d+: invalid YAML: / },
  { name: 'tabs as indentation', text: 'services:\n\tweb:\n\t\timage: nginx\n', message: /^stack\/compose\.yaml:2:1: invalid YAML: Tabs are not allowed as indentation$/ },
  { name: 'a duplicate key', text: 'services:\n  a:\n    image: x\n  a:\n    image: y\n', message: /^stack\/compose\.yaml:4:3: invalid YAML: Map keys must be unique$/ },
  { name: 'an unclosed quote', text: 'services:\n  a:\n    image: "x\n', message: /^stack\/compose\.yaml:\d+:\d+: invalid YAML: Missing closing "quote$/ },
];

for (const c of errors) {
  test(`compose: a syntax error is a UsageError naming the file and line: ${c.name}`, () => {
    assert.throws(() => extractCompose(c.text, 'stack/compose.yaml'), (err: unknown) => {
      assert.ok(err instanceof UsageError);
      assert.match(err.message, c.message);
      return true;
    });
  });
}

test('compose: the sample file', () => {
  const text = readFileSync(new URL('../../test/fixtures/inputs/compose.yaml', import.meta.url), 'utf8');
  const got = extractCompose(text, 'compose.yaml');
  assert.deepEqual(got.found.map((f) => [f.reference, f.origin.line, f.origin.detail]), [
    ['nginx:1.27', 8, 'services.web.image'],
    ['postgres:16@sha256:4f0a9a7bcbd0e9d8b6e3f7c8a1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0', 14, 'services.db.image'],
    ['docker.io/library/nginx:1.27', 16, 'services.cache.image'],
    ['registry.example.com:5000/team/worker:2.1', 18, 'services.worker.image'],
    ['registry.example.com:5000/team/jobs:1.0', 21, 'services.jobs.image'],
  ]);
  assert.deepEqual(got.warnings, []);
});
