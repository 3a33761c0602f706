/**
 * Where users' networks differ: a registry serving TLS with a CA the tests make (certs.d,
 * --ca-file, NODE_EXTRA_CA_CERTS, client certificates, --insecure-registry), and a real
 * forward proxy on loopback (HTTP_PROXY, NO_PROXY).
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Agent } from 'undici';
import { nginxLike } from '../fixtures/images.js';
import { pushFixture } from '../helpers/push.js';
import { startRegistry, type TestRegistry } from '../helpers/registry.js';
import { runCli } from '../helpers/run-cli.js';
import { startTinyproxy, type TestProxy } from '../helpers/tinyproxy.js';
import { makeTestCertificates, type TestCertificates } from '../helpers/tls-certs.js';
import { closedPort } from '../helpers/tamper-proxy.js';
import { readFileSync } from 'node:fs';

const refOn = (r: TestRegistry) => `${r.host}/${nginxLike.repository}:${nginxLike.tag}`;

function certsDir(host: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mfx-certs.d-'));
  mkdirSync(join(dir, host));
  for (const [name, from] of Object.entries(files)) copyFileSync(from, join(dir, host, name));
  return dir;
}

describe('TLS', () => {
  let certs: TestCertificates;
  let registry: TestRegistry;
  let mutual: TestRegistry;
  before(async () => {
    certs = makeTestCertificates();
    const ca = readFileSync(certs.caCert);
    const dispatcher = new Agent({ connect: { ca, cert: readFileSync(certs.clientCert), key: readFileSync(certs.clientKey) } });
    registry = await startRegistry({ auth: 'none', tls: { cert: certs.serverCert, key: certs.serverKey }, dispatcher });
    mutual = await startRegistry({ auth: 'none', tls: { cert: certs.serverCert, key: certs.serverKey, clientCa: certs.caCert }, dispatcher });
    await pushFixture(registry, nginxLike);
    await pushFixture(mutual, nginxLike);
  });
  after(async () => {
    await registry?.stop();
    await mutual?.stop();
  });

  test('a CA in certs.d/HOST:PORT/ca.crt: verified HTTPS', async () => {
    const dir = certsDir(registry.host, { 'ca.crt': certs.caCert });
    const run = await runCli(['inspect', '--json', '--certs-dir', dir, refOn(registry)]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).digest, nginxLike.expected.digest);
    const env = await runCli(['inspect', refOn(registry)], { env: { MFX_CERTS_DIR: dir } });
    assert.equal(env.status, 0, env.stderr);
  });

  test('without the CA the certificate is refused (exit 5); --ca-file and NODE_EXTRA_CA_CERTS supply it', async () => {
    const dir = certsDir(registry.host, {});
    const refused = await runCli(['inspect', '--certs-dir', dir, refOn(registry)]);
    assert.equal(refused.status, 5, refused.stderr);
    assert.match(refused.stderr, /TLS certificate problem/);
    const caFile = await runCli(['inspect', '--certs-dir', dir, '--ca-file', certs.caCert, refOn(registry)]);
    assert.equal(caFile.status, 0, caFile.stderr);
    const nodeExtra = await runCli(['inspect', '--certs-dir', dir, refOn(registry)], { env: { NODE_EXTRA_CA_CERTS: certs.caCert } });
    assert.equal(nodeExtra.status, 0, nodeExtra.stderr);
  });

  test('a per-registry caFile in the configuration file: verified HTTPS', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mfx-config-')), 'config.json');
    writeFileSync(file, JSON.stringify({ registries: { [registry.host]: { caFile: certs.caCert } } }));
    const run = await runCli(['inspect', '--certs-dir', certsDir('elsewhere', {}), '--config', file, refOn(registry)]);
    assert.equal(run.status, 0, run.stderr);
  });

  test('--insecure-registry skips verification for that registry only', async () => {
    const dir = certsDir(registry.host, {});
    const run = await runCli(['inspect', '--certs-dir', dir, '--insecure-registry', registry.host, refOn(registry)]);
    assert.equal(run.status, 0, run.stderr);
    const other = await runCli(['inspect', '--certs-dir', dir, '--insecure-registry', '127.0.0.1:1', refOn(registry)]);
    assert.equal(other.status, 5, other.stderr);
  });

  test('a client certificate from certs.d (client.cert, client.key)', async () => {
    const without = certsDir(mutual.host, { 'ca.crt': certs.caCert });
    const refused = await runCli(['inspect', '--certs-dir', without, refOn(mutual)]);
    assert.equal(refused.status, 5, refused.stderr);
    const dir = certsDir(mutual.host, { 'ca.crt': certs.caCert, 'client.cert': certs.clientCert, 'client.key': certs.clientKey });
    const run = await runCli(['inspect', '--certs-dir', dir, refOn(mutual)]);
    assert.equal(run.status, 0, run.stderr);
  });

  test('a plain-HTTP registry named insecure is reached over HTTP after the TLS attempt fails', async () => {
    const plain = await startRegistry({ auth: 'none' });
    try {
      await pushFixture(plain, nginxLike);
      // A certs.d entry makes even a loopback registry HTTPS; --insecure-registry then falls back.
      const dir = certsDir(plain.host, {});
      const strict = await runCli(['inspect', '--certs-dir', dir, refOn(plain)]);
      assert.equal(strict.status, 5, strict.stderr);
      assert.match(strict.stderr, /does not speak TLS/);
    } finally {
      await plain.stop();
    }
  });
});

describe('proxies', () => {
  let registry: TestRegistry;
  let proxy: TestProxy;
  before(async () => {
    registry = await startRegistry({ auth: 'token' });
    await pushFixture(registry, nginxLike);
    proxy = await startTinyproxy();
  });
  after(async () => {
    await proxy?.stop();
    await registry?.stop();
  });

  test('HTTP_PROXY: registry and token requests go through the proxy', async () => {
    const before = proxy.requests().length;
    const run = await runCli(['inspect', '--json', refOn(registry)], { env: { HTTP_PROXY: proxy.url } });
    assert.equal(run.status, 0, run.stderr);
    const seen = proxy.requests().slice(before);
    // undici tunnels through the proxy with CONNECT, for http:// targets too.
    assert.ok(seen.some((l) => l.startsWith(`CONNECT ${registry.host} `)), seen.join('\n'));
    assert.ok(seen.some((l) => l.startsWith(`CONNECT ${new URL(registry.tokenServer!.realm).host} `)), 'token requests go through it too');
  });

  test('NO_PROXY bypasses it; lowercase http_proxy is read too', async () => {
    const before = proxy.requests().length;
    const run = await runCli(['inspect', refOn(registry)], { env: { http_proxy: proxy.url, NO_PROXY: '127.0.0.1' } });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(proxy.requests().length, before);
  });

  test('a proxy that is down is exit 5', async () => {
    const run = await runCli(['inspect', refOn(registry)], { env: { HTTP_PROXY: `http://127.0.0.1:${await closedPort()}` } });
    assert.equal(run.status, 5, run.stderr);
    assert.match(run.stderr, /connection refused/);
  });
});
