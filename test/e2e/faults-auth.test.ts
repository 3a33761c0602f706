/**
 * Redirects and secrets, against a real registry with Docker token auth behind a fault
 * proxy, so there is an Authorization header to leak: a redirect to another host must not
 * carry it, an https URL must never be followed to plain http, a redirect loop ends at 5
 * hops, and --debug never prints a password, a token or Basic credentials.
 * See docs/RELIABILITY.md.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { digestOf } from '../fixtures/build.js';
import { dockerSingle, privateImage } from '../fixtures/images.js';
import {
  assertCleanFailure,
  firstN,
  isBlobGet,
  isManifestGet,
  startFaultProxy,
  startRecorder,
  when,
  type FaultProxy,
  type Recorder,
} from '../helpers/fault-proxy.js';
import { faultBed } from '../helpers/fault-bed.js';
import type { TestRegistry } from '../helpers/registry.js';
import { runCli } from '../helpers/run-cli.js';
import { BOB } from '../helpers/users.js';

let registry: TestRegistry;
let proxy: FaultProxy;
faultBed('token', [dockerSingle, privateImage], (bed) => ({ registry, proxy } = bed));

const asBob = ['--username', BOB.username, '--password-stdin'];
const input = `${BOB.password}\n`;
const single = () => `${proxy.host}/${dockerSingle.repository}:${dockerSingle.tag}`;
const privateRef = () => `${proxy.host}/${privateImage.repository}:${privateImage.tag}`;
const configDigest = dockerSingle.expected.platforms[0]!.configDigest;
const configBytes = dockerSingle.blobs.find((b) => digestOf(b) === configDigest)!;
const privateIndex = privateImage.manifests.at(-1)!;

/** Runs `body` with recorders that are always stopped. */
async function withRecorders(recorders: Recorder[], body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } finally {
    for (const r of recorders) await r.stop();
  }
}

test('a config blob redirected to another host: fetched there without Authorization, exit 0', async () => {
  const other = await startRecorder({ respond: () => ({ status: 200, headers: { 'content-type': 'application/octet-stream' }, body: configBytes }) });
  await withRecorders([other], async () => {
    proxy.rule = when(isBlobGet, (r) => ({ kind: 'redirect', location: `${other.url}/storage${r.pathname}?X-Amz-Signature=abc` }));
    const run = await runCli(['inspect', ...asBob, single()], { input, timeoutMs: 30_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /single-platform image/);
    const blob = proxy.requests.find((r) => r.fault === 'redirect');
    assert.match(blob?.authorization ?? '', /^Bearer \S+/, 'the blob request to the registry carried a token');
    assert.equal(other.requests.length, 1);
    assert.deepEqual(other.requests.map((r) => r.authorization), [undefined], 'no Authorization to the other host');
  });
});

test('a manifest redirected to another host (private repository, with credentials): no Authorization there', async () => {
  const other = await startRecorder({
    respond: () => ({ status: 200, headers: { 'content-type': privateIndex.mediaType, 'docker-content-digest': privateIndex.digest }, body: privateIndex.bytes }),
  });
  await withRecorders([other], async () => {
    // The first manifest GET meets the 401 and the challenge; the replay, with a token, is redirected.
    proxy.rule = when((r) => isManifestGet(r) && r.headers.authorization !== undefined, (r) => ({ kind: 'redirect', location: `${other.url}${r.path}` }));
    const run = await runCli(['inspect', ...asBob, privateRef()], { input, timeoutMs: 30_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^2 platforms$/m);
    assert.ok(other.requests.length >= 1);
    assert.deepEqual(other.requests.map((r) => r.authorization), other.requests.map(() => undefined));
  });
});

test('https redirected to plain http: refused, exit 5, and the http host is never asked', async () => {
  const plain = await startRecorder({ respond: () => ({ status: 200, headers: { 'content-type': 'application/octet-stream' }, body: configBytes }) });
  const secure = await startRecorder({ tls: true, respond: (r) => ({ status: 302, headers: { location: `${plain.url}${r.path}` } }) });
  await withRecorders([plain, secure], async () => {
    proxy.rule = when(isBlobGet, (r) => ({ kind: 'redirect', location: `${secure.url}${r.path}` }));
    const run = await runCli(['inspect', ...asBob, single()], { input, env: { NODE_EXTRA_CA_CERTS: secure.caPath! }, timeoutMs: 30_000 });
    assertCleanFailure(run, { status: 5, message: /refused a redirect from https to http:\/\/127\.0\.0\.1:\d+/, withinMs: 15_000 });
    assert.equal(secure.requests.length, 1, 'the https hop was reached (its certificate trusted)');
    assert.equal(secure.requests[0]?.authorization, undefined);
    assert.equal(plain.requests.length, 0);
  });
});

test('a redirect loop: exit 5 naming the limit of 5, after 6 requests', async () => {
  proxy.rule = when(isManifestGet, (r) => ({ kind: 'redirect', location: r.path, status: 302 }));
  const run = await runCli(['inspect', single()], { timeoutMs: 30_000 });
  assertCleanFailure(run, { status: 5, message: /more than 5 redirects/, withinMs: 15_000 });
  // The first request and 5 redirects followed; the 6th redirect is refused.
  assert.equal(proxy.requests.filter((r) => r.fault === 'redirect').length, 6);
});

test('a redirect chain of exactly 5 hops is followed: exit 0', async () => {
  let hops = 0;
  proxy.rule = firstN(5, when(isManifestGet, (r) => ({ kind: 'redirect', location: `${r.pathname}?hop=${++hops}`, status: 307 })));
  const run = await runCli(['inspect', single()], { timeoutMs: 30_000 });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /single-platform image/);
});

test('--debug and MFX_DEBUG=1 with --password-stdin: no password, token or Basic credentials on stderr', async () => {
  const basic = Buffer.from(`${BOB.username}:${BOB.password}`).toString('base64');
  for (const debug of [{ args: ['--debug'], env: {} }, { args: [], env: { MFX_DEBUG: '1' } }]) {
    proxy.clear();
    const run = await runCli(['inspect', ...debug.args, ...asBob, privateRef()], { input, env: debug.env, timeoutMs: 30_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /^mfx: debug: > GET .*\/manifests\//m, 'requests are logged');
    assert.match(run.stderr, /authorization: Bearer <redacted>/);
    const tokens = proxy.requests.flatMap((r) => (r.authorization?.startsWith('Bearer ') ? [r.authorization.slice(7)] : []));
    assert.ok(tokens.length > 0, 'mfx sent a token through the proxy');
    for (const secret of [BOB.password, basic, ...tokens]) {
      assert.ok(!run.stderr.includes(secret) && !run.stdout.includes(secret), `a secret leaked: ${secret.slice(0, 12)}…`);
    }
  }
});

test('--debug on a refused password: exit 4, and the wrong password appears nowhere', async () => {
  const wrong = 'not-the-password-4711';
  const run = await runCli(['inspect', '--debug', '--username', BOB.username, '--password-stdin', privateRef()], { input: wrong, env: { MFX_DEBUG: '1' }, timeoutMs: 30_000 });
  assert.equal(run.status, 4, run.stderr);
  assert.equal(run.stdout, '');
  for (const secret of [wrong, Buffer.from(`${BOB.username}:${wrong}`).toString('base64')]) assert.ok(!run.stderr.includes(secret));
});

test('a token server answering over 64 KiB, or not JSON: exit 6 naming what is wrong', async () => {
  const cases: [string, RegExp][] = [
    [JSON.stringify({ token: 't'.repeat(64 * 1024) }), /token for 127\.0\.0\.1:\d+ from 127\.0\.0\.1:\d+ is larger than the 64 KiB limit/],
    ['<html>not a token</html>', /token server 127\.0\.0\.1:\d+ sent a malformed token response/],
  ];
  for (const [body, message] of cases) {
    const realm = await startRecorder({ respond: () => ({ status: 200, headers: { 'content-type': 'application/json' }, body }) });
    await withRecorders([realm], async () => {
      proxy.clear();
      const challenge = `Bearer realm="${realm.url}/token",service="fake",scope="repository:${dockerSingle.repository}:pull"`;
      proxy.rule = when(isManifestGet, { kind: 'serve', status: 401, headers: { 'content-type': 'application/json', 'www-authenticate': challenge }, body: '{"errors":[{"code":"UNAUTHORIZED"}]}' });
      const run = await runCli(['inspect', single()], { timeoutMs: 30_000 });
      assertCleanFailure(run, { status: 6, message, withinMs: 15_000 });
      assert.equal(realm.requests.length, 1);
    });
  }
});
