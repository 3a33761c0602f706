/**
 * Many images in one run, against a real registry with token auth: references from
 * arguments, --file, standard input and --from (compose, multi-document Kubernetes,
 * a multi-stage Dockerfile with ARGs), deduplicated, each with its origin; one missing image
 * does not hide the others. And the requests a run makes, counted through a proxy: cold 3,
 * warm 1 (cached token, HEAD for the tag), a cached digest-pinned reference 0.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildkit, dockerSingle, nginxLike, windows } from '../fixtures/images.js';
import { pushAll } from '../helpers/push.js';
import { startRegistry, type TestRegistry } from '../helpers/registry.js';
import { runCli } from '../helpers/run-cli.js';
import { validateAgainstShippedSchema } from '../helpers/schema-validator.js';
import { startTamperingProxy } from '../helpers/tamper-proxy.js';

let registry: TestRegistry;
let dir: string;
before(async () => {
  registry = await startRegistry({ auth: 'token' });
  await pushAll(registry);
  dir = mkdtempSync(join(tmpdir(), 'mfx-batch-'));
  const h = registry.host;
  writeFileSync(join(dir, 'compose.yaml'), `services:\n  web:\n    image: ${h}/library/nginx-like:1.27\n  api:\n    build: ./api\n  again:\n    image: ${h}/library/nginx-like:1.27\n  gone:\n    image: ${h}/team/gone:1\n`);
  writeFileSync(
    join(dir, 'k8s.yaml'),
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: init\n          image: ${h}/team/docker-single:v1\n      containers:\n        - name: app\n          image: ${h}/team/buildkit-app:latest\n---\napiVersion: v1\nkind: Service\nmetadata: {name: api}\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: job\n              image: ${h}/team/windows-app:ltsc\n`,
  );
  writeFileSync(join(dir, 'Dockerfile'), `ARG BASE=${h}/team/docker-single:v1\nARG UNSET\nFROM \${BASE} AS build\nFROM build\nFROM scratch\nFROM ${h}/library/nginx-like:\${UNSET}\n`);
  writeFileSync(join(dir, 'images.txt'), `# our images\n${h}/team/buildkit-app:latest\n\n${h}/library/nginx-like:1.27  \n`);
});
after(async () => registry?.stop());

test('--from compose, Kubernetes and a Dockerfile: deduplicated, with origins, one missing image reported (exit 3)', async () => {
  const run = await runCli(['inspect', '--json', '--from', join(dir, 'compose.yaml'), join(dir, 'k8s.yaml'), join(dir, 'Dockerfile')]);
  assert.equal(run.status, 3, run.stderr);
  assert.match(run.stderr, /^mfx: warning: .*Dockerfile:6.*UNSET/m);
  const doc = JSON.parse(run.stdout);
  assert.deepEqual(validateAgainstShippedSchema('inspect-batch.schema.json', doc), []);
  const h = registry.host;
  assert.deepEqual(doc.images.map((i: { input: string }) => i.input), [
    `${h}/library/nginx-like:1.27`,
    `${h}/team/gone:1`,
    `${h}/team/docker-single:v1`,
    `${h}/team/buildkit-app:latest`,
    `${h}/team/windows-app:ltsc`,
  ]);
  assert.deepEqual(doc.images.map((i: { status: string }) => i.status), ['ok', 'error', 'ok', 'ok', 'ok']);
  assert.equal(doc.images[1].error.exitCode, 3);
  assert.equal(doc.images[0].result.digest, nginxLike.expected.digest);
  assert.equal(doc.images[3].result.digest, buildkit.expected.digest);
  assert.equal(doc.images[0].origins.length, 2, 'web and again');
  assert.match(doc.images[0].origins[0], /compose\.yaml:3 services\.web\.image/);
  assert.ok(doc.images[2].origins.some((o: string) => /k8s\.yaml:\d+ Deployment\/api initContainers\[0\]/.test(o)));
  assert.ok(doc.images[2].origins.some((o: string) => /Dockerfile:3/.test(o)), 'ARG default resolved');
  assert.deepEqual(doc.summary, { images: 5, ok: 4, failed: 1 });
  assert.equal(doc.exitCode, 3);
});

test('--file and standard input, as tables, one per image with its origin; a missing tag is exit 3', async () => {
  const h = registry.host;
  const run = await runCli(['inspect', '--file', join(dir, 'images.txt'), '-'], { input: `${h}/team/windows-app:ltsc\n${h}/library/nginx-like\n` });
  assert.equal(run.status, 3, run.stderr);
  const titles = run.stdout.split('\n').filter((l) => l.startsWith(h));
  assert.deepEqual(titles, [`${h}/team/buildkit-app:latest`, `${h}/library/nginx-like:1.27`, `${h}/team/windows-app:ltsc`, `${h}/library/nginx-like`]);
  assert.match(run.stdout, /from {2}.*images\.txt:2/);
  assert.match(run.stdout, /from {2}<stdin>:1/);
  assert.match(run.stdout, new RegExp(`${h}/library/nginx-like\\n {2}error: .*nginx-like:latest: not found`));
  assert.match(run.stdout, /\n4 images: 3 inspected, 1 failed\n$/);
});

test('check over --from: one matrix, origins in --json', async () => {
  const run = await runCli(['check', '--platform', 'linux/amd64', '--from', join(dir, 'k8s.yaml'), '--json']);
  assert.equal(run.status, 1, run.stderr);
  const doc = JSON.parse(run.stdout);
  assert.deepEqual(validateAgainstShippedSchema('check.schema.json', doc), []);
  assert.deepEqual(doc.images.map((i: { status: string }) => i.status), ['ok', 'ok', 'missing']);
  assert.match(doc.images[2].origins[0], /k8s\.yaml:\d+ CronJob\/nightly/);
  assert.equal(doc.images[2].input, `${registry.host}/${windows.repository}:${windows.tag}`);
});

test('requests per run, counted at a proxy: cold 3, warm 1, a cached digest 0', async () => {
  const proxy = await startTamperingProxy(registry.url, { tamper: () => undefined });
  const cache = mkdtempSync(join(tmpdir(), 'mfx-cache-'));
  const ts = registry.tokenServer!;
  const count = async (ref: string, env: NodeJS.ProcessEnv = { XDG_CACHE_HOME: cache }) => {
    const [p, t] = [proxy.requests.length, ts.requests.length];
    const run = await runCli(['inspect', '--json', ref], { env });
    assert.equal(run.status, 0, run.stderr);
    return { requests: proxy.requests.length - p + ts.requests.length - t, doc: JSON.parse(run.stdout), methods: proxy.requests.slice(p).map((r) => r.method) };
  };
  try {
    const ref = `${proxy.host}/${nginxLike.repository}:${nginxLike.tag}`;
    const cold = await count(ref);
    assert.equal(cold.requests, 3, '401, token, GET');
    const warm = await count(ref);
    assert.equal(warm.requests, 1, 'one HEAD with the cached token');
    assert.deepEqual(warm.methods, ['HEAD']);
    assert.deepEqual(warm.doc, cold.doc);
    const pinned = await count(`${proxy.host}/${nginxLike.repository}@${nginxLike.expected.digest}`);
    assert.equal(pinned.requests, 0);
    const nocache = await runCli(['inspect', '--no-cache', '--json', ref], { env: { XDG_CACHE_HOME: cache } });
    assert.equal(nocache.status, 0);
    const single = await count(`${proxy.host}/${dockerSingle.repository}:${dockerSingle.tag}`, { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'mfx-cache-')) });
    assert.equal(single.requests, 4, '401, token, manifest, config: one token for both');
  } finally {
    await proxy.stop();
  }
});

test('many images share a few connections (--concurrency)', async () => {
  const proxy = await startTamperingProxy(registry.url, { tamper: () => undefined });
  try {
    const refs = [nginxLike, buildkit].flatMap((f) => f.expected.platforms.map((p) => `${proxy.host}/${f.repository}@${p.digest}`));
    const run = await runCli(['inspect', '--json', '--concurrency', '2', ...refs]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).summary.ok, refs.length);
    assert.ok(proxy.connections() <= 2, `${proxy.connections()} connections for ${refs.length} images`);
  } finally {
    await proxy.stop();
  }
});

test('a pull quota is reported: in --json, with --verbose, and as a warning when low', async () => {
  const proxy = await startTamperingProxy(registry.url, {
    tamper: () => undefined,
    addHeaders: { 'ratelimit-limit': '100;w=21600', 'ratelimit-remaining': '7;w=21600' },
  });
  try {
    const ref = `${proxy.host}/${nginxLike.repository}:${nginxLike.tag}`;
    const run = await runCli(['inspect', '--json', ref]);
    assert.deepEqual(JSON.parse(run.stdout).rateLimit, { limit: 100, remaining: 7, windowSeconds: 21600 });
    assert.match(run.stderr, new RegExp(`^mfx: warning: ${proxy.host} pull quota is low: 7 of 100 left per 6 h$`, 'm'));
    const verbose = await runCli(['inspect', '--verbose', ref]);
    assert.match(verbose.stderr, /^mfx: 3 HTTP requests$/m);
  } finally {
    await proxy.stop();
  }
});
