/**
 * mfx inspect against a real registry without auth: every fixture and output mode, and the
 * failures a user meets (bad reference, unknown tag, nothing listening, tampered bytes).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { allFixtures, buildkit, nginxLike } from '../fixtures/images.js';
import { requireExecutable } from '../helpers/executables.js';
import { pushAll } from '../helpers/push.js';
import { startRegistry, type TestRegistry } from '../helpers/registry.js';
import { runCli } from '../helpers/run-cli.js';
import { closedPort, startTamperingProxy } from '../helpers/tamper-proxy.js';
import { inspectSuite } from './inspect-suite.js';

let registry: TestRegistry;
before(async () => {
  registry = await startRegistry({ auth: 'none' });
  await pushAll(registry);
});
after(async () => registry?.stop());

inspectSuite({ registry: () => registry, env: () => ({}) });

test('an uppercase repository is a usage error (exit 2) naming the problem', async () => {
  const run = await runCli(['inspect', 'Nginx:latest']);
  assert.equal(run.status, 2);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /^mfx: invalid reference "Nginx:latest": repository name must be lowercase/);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
});

test('an unknown tag is exit 3', async () => {
  const run = await runCli(['inspect', `${registry.host}/${nginxLike.repository}:no-such-tag`]);
  assert.equal(run.status, 3, run.stderr);
  assert.match(run.stderr, /no-such-tag: not found \(MANIFEST_UNKNOWN/);
});

test('an unknown digest is exit 3', async () => {
  const run = await runCli(['inspect', `${registry.host}/${nginxLike.repository}@sha256:${'0'.repeat(64)}`]);
  assert.equal(run.status, 3, run.stderr);
});

test('a registry port where nothing listens is exit 5, at once', async () => {
  const port = await closedPort();
  const run = await runCli(['inspect', `127.0.0.1:${port}/x/y:1`]);
  assert.equal(run.status, 5, run.stderr);
  assert.match(run.stderr, new RegExp(`127\\.0\\.0\\.1:${port}: connection refused`));
  assert.ok(run.ms < 10_000, `took ${run.ms} ms`);
});

test('a registry serving bytes that do not match the digest is exit 6, and nothing is printed', async () => {
  const proxy = await startTamperingProxy(registry.url, {
    tamper: (path, body) => (path.includes('/manifests/') ? Buffer.from(body.toString().replace('"amd64"', '"arm64"')) : undefined),
  });
  try {
    for (const ref of [`${proxy.host}/${buildkit.repository}:${buildkit.tag}`, `${proxy.host}/${buildkit.repository}@${buildkit.expected.digest}`]) {
      for (const mode of [[], ['--json'], ['--raw']]) {
        const run = await runCli(['inspect', ...mode, ref]);
        assert.equal(run.status, 6, run.stderr);
        assert.equal(run.stdout, '');
        assert.match(run.stderr, /digest mismatch: expected sha256:[0-9a-f]{64}, got sha256:[0-9a-f]{64}/);
      }
    }
    assert.ok(proxy.requests.some((r) => r.tampered));
  } finally {
    await proxy.stop();
  }
});

test('the table header names the reference, digest, media type and entry count', async () => {
  const run = await runCli(['inspect', `${registry.host}/${buildkit.repository}`]);
  assert.equal(run.status, 0, run.stderr);
  const [title, digest, mediaType, entries] = run.stdout.split('\n');
  assert.equal(title, `${registry.host}/${buildkit.repository}:latest`);
  assert.equal(digest?.trim(), `digest      ${buildkit.expected.digest}`);
  assert.equal(mediaType?.trim(), 'media type  OCI image index');
  assert.equal(entries?.trim(), 'entries     6');
});

test('--raw gives the same bytes as skopeo inspect --raw, for every fixture', async () => {
  requireExecutable('skopeo', 'skopeo', 'mfx is compared with skopeo as a peer');
  for (const f of allFixtures) {
    const ref = `${registry.host}/${f.repository}:${f.tag}`;
    const mine = await runCli(['inspect', '--raw', ref]);
    const peer = await runCli([], { shell: `skopeo inspect --raw --tls-verify=false 'docker://${ref}'` });
    assert.equal(peer.status, 0, peer.stderr);
    assert.equal(mine.status, 0, mine.stderr);
    assert.ok(mine.stdoutBytes.equals(peer.stdoutBytes), `${f.name}: same bytes as skopeo`);
  }
});
