import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import { collectInputs } from './collect.js';
import type { DirEntry, InputIO } from './io.js';
import type { CollectedInputs, Origin } from './types.js';

/** An in-memory file system: files by path; directories are the prefixes of their paths. */
function fakeIO(files: Record<string, string>): Required<InputIO> & { reads: string[] } {
  const reads: string[] = [];
  const children = (dir: string): string[] => Object.keys(files).filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1));
  return {
    reads,
    readFile: async (path) => {
      reads.push(path);
      const text = files[path];
      if (text !== undefined) return text;
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: children(path).length ? 'EISDIR' : 'ENOENT' });
    },
    isDirectory: async (path) => children(path).length > 0,
    readDir: async (path) => {
      const entries = new Map<string, DirEntry>();
      for (const rest of children(path)) {
        const [name = '', ...deeper] = rest.split('/');
        entries.set(name, { name, directory: deeper.length > 0 });
      }
      return [...entries.values()].reverse(); // any order: the walk sorts
    },
  };
}

/** The images as `reference <- origin, origin` lines. */
function summary(got: CollectedInputs): string[] {
  const where = (o: Origin): string => [o.kind, o.path, o.line, o.detail].filter((x) => x !== undefined).join(':');
  return got.images.map((i) => `${i.reference} <- ${i.origins.map(where).join(', ')}`);
}

const COMPOSE = 'services:\n  web:\n    image: nginx:latest\n  api:\n    build: .\n  db:\n    image: postgres:16\n';
const DOCKERFILE = 'ARG V\nFROM node:${V}\nFROM alpine:3 AS base\nFROM base\n';
const K8S = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - image: postgres:16\n';

test('collect: sources in order, deduplicated by normalized reference, origins merged', async () => {
  const io = fakeIO({ 'list.txt': '# images\nlibrary/nginx\nalpine:3\n', 'compose.yaml': COMPOSE, 'k8s.yaml': K8S });
  const got = await collectInputs(
    { args: [' nginx ', 'ghcr.io/o/tool:1'], files: ['list.txt'], stdin: '\nalpine:3 # again\n', from: ['compose.yaml', 'k8s.yaml'] },
    io,
  );
  assert.deepEqual(summary(got), [
    'nginx <- argument, file:list.txt:2, compose:compose.yaml:3:services.web.image',
    'ghcr.io/o/tool:1 <- argument',
    'alpine:3 <- file:list.txt:3, stdin:2',
    'postgres:16 <- compose:compose.yaml:7:services.db.image, kubernetes:k8s.yaml:7:Pod/p containers[0]',
  ]);
  assert.equal(got.images[0]!.key, 'docker.io/library/nginx:latest');
  assert.deepEqual(got.warnings, []);
});

test('collect: extractor warnings are passed through, build args and env reach the extractors', async () => {
  const io = fakeIO({ Dockerfile: DOCKERFILE, 'compose.yaml': 'services:\n  a:\n    image: app:${TAG}\n' });
  const plain = await collectInputs({ from: ['Dockerfile', 'compose.yaml'] }, io);
  assert.deepEqual(summary(plain), ['alpine:3 <- dockerfile:Dockerfile:3:FROM (stage base)']);
  assert.deepEqual(plain.warnings.map((w) => w.message), [
    'FROM node:${V}: ARG V has no default; skipped',
    'app:${TAG}: variable TAG is not set and has no default; skipped',
  ]);
  const given = await collectInputs({ from: ['Dockerfile', 'compose.yaml'], buildArgs: { V: '22' }, env: { TAG: '2' } }, io);
  assert.deepEqual(given.images.map((i) => i.reference), ['node:22', 'alpine:3', 'app:2']);
  assert.deepEqual(given.warnings, []);
});

test('collect: a directory is walked, sorted, skipping node_modules, dot-directories and other files', async () => {
  const io = fakeIO({
    'stack/z.Dockerfile': 'FROM busybox:1\n',
    'stack/compose.yaml': COMPOSE,
    'stack/api/Dockerfile': DOCKERFILE,
    'stack/k8s/app.yaml': K8S,
    'stack/k8s/values.yaml': 'replicas: 2\nimage: not-this\n',
    'stack/charts/templates/deploy.yaml': 'image: {{ .Values.image }}\n\tbad: [\n',
    'stack/node_modules/pkg/Dockerfile': 'FROM never\n',
    'stack/.github/compose.yaml': 'services: {a: {image: never}}\n',
    'stack/README.md': 'FROM never\n',
  });
  const got = await collectInputs({ from: ['stack'] }, io);
  assert.deepEqual(io.reads, [
    'stack/api/Dockerfile',
    'stack/charts/templates/deploy.yaml',
    'stack/compose.yaml',
    'stack/k8s/app.yaml',
    'stack/k8s/values.yaml',
    'stack/z.Dockerfile',
  ]);
  assert.deepEqual(summary(got), [
    'alpine:3 <- dockerfile:stack/api/Dockerfile:3:FROM (stage base)',
    'nginx:latest <- compose:stack/compose.yaml:3:services.web.image',
    'postgres:16 <- compose:stack/compose.yaml:7:services.db.image, kubernetes:stack/k8s/app.yaml:7:Pod/p containers[0]',
    'busybox:1 <- dockerfile:stack/z.Dockerfile:1:FROM',
  ]);
  assert.deepEqual(got.warnings.map((w) => [w.origin.path, w.origin.line, w.message.replace(/\(.*\)/, '(…)')]), [
    ['stack/api/Dockerfile', 2, 'FROM node:${V}: ARG V has no default; skipped'],
    ['stack/charts/templates/deploy.yaml', 2, 'not valid YAML (…); skipped'],
  ]);
});

test('collect: each path is read once, even when given twice or also found in a directory', async () => {
  const io = fakeIO({ 'stack/compose.yaml': COMPOSE });
  const got = await collectInputs({ from: ['stack/compose.yaml', 'stack', './stack/compose.yaml'] }, io);
  assert.deepEqual(io.reads, ['stack/compose.yaml']);
  assert.equal(got.images.length, 2);
});

const failures: { name: string; files: Record<string, string>; sources: Parameters<typeof collectInputs>[0]; message: RegExp }[] = [
  { name: 'a missing list file', files: {}, sources: { files: ['missing.txt'] }, message: /^cannot read missing\.txt: no such file or directory$/ },
  { name: 'a missing --from file', files: {}, sources: { from: ['compose.yaml'] }, message: /^cannot read compose\.yaml: no such file or directory$/ },
  { name: 'a directory as a list file', files: { 'd/x': '' }, sources: { files: ['d'] }, message: /^cannot read d: is a directory$/ },
  { name: 'a --from file of no known kind', files: { 'notes.txt': 'nginx' }, sources: { from: ['notes.txt'] }, message: /^notes\.txt: not a file kind --from understands/ },
  { name: 'YAML of neither kind given directly', files: { 'values.yaml': 'a: 1' }, sources: { from: ['values.yaml'] }, message: /^values\.yaml: neither a compose file/ },
  { name: 'a broken compose file given directly', files: { 'compose.yaml': 'services:\n\tweb: {}\n' }, sources: { from: ['compose.yaml'] }, message: /^compose\.yaml:2:1: invalid YAML: / },
  { name: 'a broken compose file found in a directory', files: { 's/compose.yaml': 'services: [\n' }, sources: { from: ['s'] }, message: /^s\/compose\.yaml:\d+:\d+: invalid YAML: / },
  { name: 'a broken Kubernetes file given directly', files: { 'k.yaml': 'kind: Pod\n\tx: 1\n' }, sources: { from: ['k.yaml'] }, message: /^k\.yaml:2:1: invalid YAML: / },
];

for (const c of failures) {
  test(`collect: ${c.name} is a UsageError`, async () => {
    await assert.rejects(collectInputs(c.sources, fakeIO(c.files)), (err: unknown) => err instanceof UsageError && c.message.test(err.message));
  });
}

test('collect: a directory that cannot be listed is a UsageError', async () => {
  const io: InputIO = {
    readFile: async () => '',
    isDirectory: async () => true,
    readDir: async () => {
      throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
    },
  };
  await assert.rejects(collectInputs({ from: ['locked'] }, io), { message: 'cannot read locked: permission denied' });
});

test('collect: without isDirectory every --from path is a file', async () => {
  const got = await collectInputs({ from: ['Dockerfile'] }, { readFile: async () => 'FROM alpine\n' });
  assert.deepEqual(summary(got), ['alpine <- dockerfile:Dockerfile:1:FROM']);
});

test('collect: arguments are trimmed and kept even when they are no valid reference', async () => {
  const got = await collectInputs({ args: [' Not/Valid ', '', 'nginx', 'docker.io/library/nginx'] }, fakeIO({}));
  assert.deepEqual(got.images.map((i) => [i.reference, i.key]), [
    ['Not/Valid', 'Not/Valid'],
    ['', ''],
    ['nginx', 'docker.io/library/nginx:latest'],
  ]);
  assert.deepEqual(got.images[2]!.origins, [{ kind: 'argument' }]);
});

test('collect: nothing given, nothing collected', async () => {
  assert.deepEqual(await collectInputs({}, fakeIO({})), { images: [], warnings: [] });
});

test('collect: the sample directory through node:fs', async () => {
  const dir = fileURLToPath(new URL('../../test/fixtures/inputs', import.meta.url));
  const got = await collectInputs({ from: [dir], files: [`${dir}/images.txt`] });
  const short = got.images.map((i) => [i.reference, i.origins.length]);
  assert.deepEqual(short, [
    ['nginx:1.27', 5],
    ['registry.example.com:5000/team/worker:2.1', 2],
    ['ghcr.io/example/tool:0.3', 1],
    ['alpine:3.20', 1],
    ['golang:1.22', 1],
    ['ghcr.io/org/app:1', 1],
    ['postgres:16@sha256:4f0a9a7bcbd0e9d8b6e3f7c8a1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0', 1],
    ['registry.example.com:5000/team/jobs:1.0', 1],
    ['registry.example.com/team/migrate:3', 1],
    ['registry.example.com/team/api:2.1', 1],
    ['example/envoy:v1.31', 1],
    ['registry.example.com/ops/backup@sha256:0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c', 1],
    ['busybox:1.36', 1],
    ['postgres:16', 1],
  ]);
  assert.deepEqual(got.warnings.map((w) => w.message), ['FROM node:${NODE_VERSION}: ARG NODE_VERSION has no default; skipped']);
});
