/**
 * Mirrors, against two real registries: an origin and a mirror holding some of its images.
 * Mirrors are tried in order, the origin answers what they lack or fail at, the JSON says
 * who answered, and a mirror cannot substitute content a digest names. Docker Hub's mirrors
 * (--mirror, daemon.json registry-mirrors) answer for docker.io references without any
 * request to Docker Hub when they have the image.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildkit, nginxLike } from '../fixtures/images.js';
import { pushFixture } from '../helpers/push.js';
import { startRegistry, type TestRegistry } from '../helpers/registry.js';
import { runCli } from '../helpers/run-cli.js';
import { closedPort, startTamperingProxy } from '../helpers/tamper-proxy.js';

let origin: TestRegistry;
let mirror: TestRegistry;
before(async () => {
  [origin, mirror] = await Promise.all([startRegistry({ auth: 'none' }), startRegistry({ auth: 'none' })]);
  await Promise.all([pushFixture(origin, nginxLike), pushFixture(origin, buildkit), pushFixture(mirror, nginxLike)]);
});
after(async () => {
  await origin?.stop();
  await mirror?.stop();
});

function configFile(config: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mfx-config-')), 'config.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

async function source(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = await runCli(['inspect', '--json', ...args], { env });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as { digest: string; source: { host: string; mirror: boolean } };
}

test('a registry mirror from the config file answers what it has; the origin the rest', async () => {
  const config = configFile({ registries: { [origin.host]: { mirrors: [`http://${mirror.host}`] } } });
  const fromMirror = await source(['--config', config, `${origin.host}/${nginxLike.repository}:${nginxLike.tag}`]);
  assert.deepEqual(fromMirror.source, { host: mirror.host, mirror: true });
  assert.equal(fromMirror.digest, nginxLike.expected.digest);
  const fromOrigin = await source([`${origin.host}/${buildkit.repository}:${buildkit.tag}`], { MFX_CONFIG: config });
  assert.deepEqual(fromOrigin.source, { host: origin.host, mirror: false });
  const verbose = await runCli(['inspect', '--verbose', '--config', config, `${origin.host}/${nginxLike.repository}:${nginxLike.tag}`]);
  assert.match(verbose.stderr, new RegExp(`answered by the mirror ${mirror.host}`));
});

test('a mirror that is down, or serves other bytes for a digest, is passed over', async () => {
  const down = configFile({ registries: { [origin.host]: { mirrors: [`http://127.0.0.1:${await closedPort()}`] } } });
  assert.deepEqual((await source(['--config', down, `${origin.host}/${nginxLike.repository}:${nginxLike.tag}`])).source.mirror, false);
  const evil = await startTamperingProxy(mirror.url, { tamper: (path, body) => (path.includes('/manifests/') ? Buffer.from(body.toString().replace('amd64', 'arm64')) : undefined) });
  try {
    const config = configFile({ registries: { [origin.host]: { mirrors: [`http://${evil.host}`] } } });
    const pinned = await source(['--config', config, `${origin.host}/${nginxLike.repository}@${nginxLike.expected.digest}`]);
    assert.deepEqual(pinned.source, { host: origin.host, mirror: false });
    assert.equal(pinned.digest, nginxLike.expected.digest);
    assert.ok(evil.requests.some((r) => r.tampered), 'the mirror was asked');
  } finally {
    await evil.stop();
  }
});

test('Docker Hub mirrors: --mirror and daemon.json registry-mirrors answer docker.io references', async () => {
  const ref = `${nginxLike.repository.replace('library/', '')}:${nginxLike.tag}`; // nginx-like:1.27 = docker.io/library/nginx-like
  const flag = await source(['--mirror', `http://${mirror.host}`, ref]);
  assert.deepEqual(flag.source, { host: mirror.host, mirror: true });
  assert.equal(flag.digest, nginxLike.expected.digest);
  const daemon = join(mkdtempSync(join(tmpdir(), 'mfx-daemon-')), 'daemon.json');
  writeFileSync(daemon, JSON.stringify({ 'registry-mirrors': [`http://${mirror.host}`] }));
  assert.deepEqual((await source([ref], { MFX_DAEMON_JSON: daemon })).source.host, mirror.host);
});

test('a malformed configuration file is exit 2 naming it', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'mfx-config-')), 'config.json');
  writeFileSync(file, '{"mirrors": "not a list"}');
  const run = await runCli(['inspect', '--config', file, `${origin.host}/${nginxLike.repository}:${nginxLike.tag}`]);
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, new RegExp(`^mfx: ${file.replace(/[.]/g, '\\.')}: the mfx configuration: mirrors: `));
});
