/**
 * Corners of the registry client that a real registry does not produce, served by undici's
 * MockAgent with no network: redirects to other hosts, hostile token realms, odd headers,
 * schema 1, oversized bodies. The main path is tested against a real registry in test/e2e.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { MockAgent } from 'undici';
import { type ErrorKind, MfxError } from '../errors.js';
import { inspect } from '../inspect.js';
import { parseReference } from '../ref/reference.js';
import { createRegistryClient } from './client.js';
import type { CredentialLookup } from './credentials/types.js';

const REG = 'https://reg.example';
const sha = (b: string | Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const config = JSON.stringify({ architecture: 'arm64', os: 'linux', variant: 'v8' });
const manifest = JSON.stringify({
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha(config), size: config.length },
  layers: [],
});
const bearer = { 'www-authenticate': 'Bearer realm="https://auth.example/token",service="reg.example"' };
const bob: CredentialLookup = async () => ({ kind: 'basic', username: 'bob', password: 'pw', source: 'test' });

function agent(): MockAgent {
  const a = new MockAgent();
  a.disableNetConnect();
  return a;
}

async function rejectsWith(p: Promise<unknown>, kind: ErrorKind, message: RegExp): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof MfxError, String(err));
    assert.equal(err.kind, kind, err.message);
    assert.match(err.message, message);
    return true;
  });
}

test('a blob redirected to another host is fetched without the Authorization header', async () => {
  const a = agent();
  const reg = a.get(REG);
  reg.intercept({ path: '/v2/app/manifests/1', method: 'GET' }).reply(401, '', { headers: bearer });
  a.get('https://auth.example')
    .intercept({ path: /^\/token\?/, method: 'GET', headers: { authorization: `Basic ${Buffer.from('bob:pw').toString('base64')}` } })
    .reply(200, { access_token: 'T1', expires_in: 300 });
  reg.intercept({ path: '/v2/app/manifests/1', method: 'GET', headers: { authorization: 'Bearer T1' } })
    .reply(200, manifest, { headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' } });
  reg.intercept({ path: `/v2/app/blobs/${sha(config)}`, method: 'GET', headers: { authorization: 'Bearer T1' } })
    .reply(307, '', { headers: { location: 'https://cdn.example/blob?sig=1' } });
  let cdnAuthorization: string | undefined = 'unset';
  a.get('https://cdn.example')
    .intercept({ path: '/blob?sig=1', method: 'GET', headers: (h) => ((cdnAuthorization = (h as Record<string, string>).authorization), true) })
    .reply(200, config);
  const result = await inspect('reg.example/app:1', { dispatcher: a, credentials: bob });
  assert.equal(cdnAuthorization, undefined);
  assert.deepEqual(result.image?.platform, { os: 'linux', architecture: 'arm64', variant: 'v8' });
  a.assertNoPendingInterceptors();
});

test('a redirect from https to http is refused (exit 5)', async () => {
  const a = agent();
  a.get(REG).intercept({ path: '/v2/app/manifests/1', method: 'GET' }).reply(302, '', { headers: { location: 'http://evil.example/m' } });
  await rejectsWith(inspect('reg.example/app:1', { dispatcher: a }), 'network', /refused a redirect from https to http:\/\/evil\.example/);
});

test('more than 5 redirects are an error', async () => {
  const a = agent();
  a.get(REG).intercept({ path: /^\/v2\/app\/manifests\//, method: 'GET' }).reply(302, '', { headers: { location: '/v2/app/manifests/again' } }).persist();
  await rejectsWith(inspect('reg.example/app:1', { dispatcher: a }), 'network', /more than 5 redirects/);
});

for (const [name, realm, creds, message] of [
  ['a realm that is not http(s)', 'file:///etc/passwd', undefined, /token realm "file:\/\/\/etc\/passwd" is not an http\(s\) URL/],
  ['a realm that is not a URL', 'not a url', undefined, /is not a URL/],
  ['credentials for a plain-http realm of an https registry', 'http://auth.example/token', bob, /refusing to send credentials to the plain-http token realm/],
] as const) {
  test(`token exchange refuses ${name} (exit 4)`, async () => {
    const a = agent();
    a.get(REG).intercept({ path: '/v2/app/manifests/1', method: 'GET' }).reply(401, '', { headers: { 'www-authenticate': `Bearer realm="${realm}",service="x"` } });
    await rejectsWith(inspect('reg.example/app:1', { dispatcher: a, credentials: creds }), 'auth', message);
  });
}

test('a 401 without a challenge is an auth error', async () => {
  const a = agent();
  a.get(REG).intercept({ path: '/v2/app/manifests/1', method: 'GET' }).reply(401, { errors: [{ code: 'UNAUTHORIZED', message: 'no' }] });
  await rejectsWith(inspect('reg.example/app:1', { dispatcher: a }), 'auth', /app:1: authentication required \(UNAUTHORIZED: no\)/);
});

test('a Basic challenge without credentials is an auth error with a hint', async () => {
  const a = agent();
  a.get(REG).intercept({ path: '/v2/app/manifests/1', method: 'GET' }).reply(401, '', { headers: { 'www-authenticate': 'Basic realm="r"' } });
  await assert.rejects(inspect('reg.example/app:1', { dispatcher: a }), (err: MfxError) => err.kind === 'auth' && /docker login reg\.example/.test(err.hint ?? ''));
});

test('429 is a network-kind error naming the rate limit, once retries are spent', async () => {
  const a = agent();
  a.get(REG).intercept({ path: '/v2/app/manifests/1', method: 'GET' }).reply(429, { errors: [{ code: 'TOOMANYREQUESTS', message: 'slow down' }] }, { headers: { 'retry-after': '0' } }).times(2);
  await rejectsWith(inspect('reg.example/app:1', { dispatcher: a, retries: 1 }), 'network', /too many requests \(rate limited\) \(TOOMANYREQUESTS: slow down\)/);
  a.assertNoPendingInterceptors();
});

test('503 is a network-kind error', async () => {
  const a = agent();
  a.get(REG).intercept({ path: '/v2/app/manifests/1', method: 'GET' }).reply(503, 'down');
  await rejectsWith(inspect('reg.example/app:1', { dispatcher: a, retries: 0 }), 'network', /registry server error \(HTTP 503\)/);
});

test('a 503 with Retry-After: 0 is retried and then served', async () => {
  const a = agent();
  a.get(REG).intercept({ path: '/v2/app/manifests/1', method: 'GET' }).reply(503, 'busy', { headers: { 'retry-after': '0' } });
  a.get(REG).intercept({ path: '/v2/app/manifests/1', method: 'GET' }).reply(200, manifest);
  a.get(REG).intercept({ path: `/v2/app/blobs/${sha(config)}`, method: 'GET' }).reply(200, config);
  const r = await inspect('reg.example/app:1', { dispatcher: a });
  assert.equal(r.image?.platform.architecture, 'arm64');
});

test('a manifest over 4 MiB is refused with the limit named (exit 6)', async () => {
  const a = agent();
  a.get(REG).intercept({ path: '/v2/app/manifests/1', method: 'GET' }).reply(200, Buffer.alloc(4 * 1024 * 1024 + 1, 32));
  await rejectsWith(inspect('reg.example/app:1', { dispatcher: a }), 'integrity', /larger than the 4 MiB limit/);
});

test('a Docker-Content-Digest that does not match the bytes is exit 6', async () => {
  const a = agent();
  a.get(REG).intercept({ path: '/v2/app/manifests/1', method: 'GET' }).reply(200, manifest, { headers: { 'docker-content-digest': sha('other') } });
  await rejectsWith(createRegistryClient({ dispatcher: a }).getManifest(parseReference('reg.example/app:1')), 'integrity', /digest mismatch/);
});

test('a config blob whose bytes do not match its digest is exit 6', async () => {
  const a = agent();
  a.get(REG).intercept({ path: '/v2/app/manifests/1', method: 'GET' }).reply(200, manifest);
  a.get(REG).intercept({ path: `/v2/app/blobs/${sha(config)}`, method: 'GET' }).reply(200, config.replace('arm64', 'amd64'));
  await rejectsWith(inspect('reg.example/app:1', { dispatcher: a }), 'integrity', /blob sha256:[0-9a-f]+ of reg\.example\/app: digest mismatch/);
});

test('an OCI index served as application/json without mediaType is read as an index', async () => {
  const a = agent();
  const index = JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: sha(manifest), size: manifest.length, platform: { os: 'linux', architecture: 'amd64' } }] });
  a.get(REG).intercept({ path: '/v2/app/manifests/1', method: 'GET' }).reply(200, index, { headers: { 'content-type': 'application/json' } });
  const r = await inspect('reg.example/app:1', { dispatcher: a });
  assert.equal(r.kind, 'index');
  assert.equal(r.mediaType, 'application/vnd.oci.image.index.v1+json');
  assert.equal(r.digest, sha(index));
});

test('a signed schema 1 manifest: digest of its payload, platform from the manifest', async () => {
  const payload = '{\n   "schemaVersion": 1,\n   "name": "app",\n   "tag": "1",\n   "architecture": "amd64",\n   "fsLayers": [],\n   "history": [{"v1Compatibility": "{\\"os\\":\\"linux\\"}"}]\n}';
  const cut = payload.lastIndexOf('\n}');
  const prot = Buffer.from(JSON.stringify({ formatLength: cut, formatTail: Buffer.from(payload.slice(cut)).toString('base64url') })).toString('base64url');
  const signed = `${payload.slice(0, cut)},\n   "signatures": [{"signature": "x", "protected": "${prot}"}]${payload.slice(cut)}`;
  const a = agent();
  a.get(REG).intercept({ path: '/v2/app/manifests/1', method: 'GET' }).reply(200, signed, {
    headers: { 'content-type': 'application/vnd.docker.distribution.manifest.v1+prettyjws', 'docker-content-digest': sha(payload) },
  });
  const r = await inspect('reg.example/app:1', { dispatcher: a });
  assert.equal(r.digest, sha(payload));
  assert.deepEqual(r.image?.platform, { os: 'linux', architecture: 'amd64' });
  assert.equal(r.raw.toString(), signed);
});

test('the Accept header names all five manifest types, and a User-Agent is sent', async () => {
  const a = agent();
  let seen: Record<string, string> = {};
  a.get(REG).intercept({ path: '/v2/library/nginx/manifests/latest', method: 'GET', headers: (h) => ((seen = h as Record<string, string>), true) }).reply(404, '');
  await rejectsWith(inspect('reg.example/library/nginx', { dispatcher: a }), 'not-found', /not found/);
  for (const t of ['oci.image.index.v1', 'oci.image.manifest.v1', 'manifest.list.v2', 'manifest.v2+json', 'manifest.v1+prettyjws']) {
    assert.ok(seen.accept?.includes(t), `${t} in ${seen.accept}`);
  }
  assert.match(seen['user-agent'] ?? '', /^mfx\//);
});

test('docker.io is fetched from registry-1.docker.io, official images under library/', async () => {
  const a = agent();
  a.get('https://registry-1.docker.io').intercept({ path: '/v2/library/nginx/manifests/latest', method: 'GET' }).reply(404, '');
  await rejectsWith(inspect('nginx', { dispatcher: a }), 'not-found', /docker\.io\/library\/nginx:latest: not found/);
  a.assertNoPendingInterceptors();
});

test('a token is reused for the same scope within a run', async () => {
  const a = agent();
  const reg = a.get(REG);
  reg.intercept({ path: '/v2/app/manifests/1', method: 'GET' }).reply(401, '', { headers: bearer });
  a.get('https://auth.example').intercept({ path: /^\/token\?/, method: 'GET' }).reply(200, { token: 'T' });
  reg.intercept({ path: /^\/v2\/app\/manifests\/[12]$/, method: 'GET', headers: { authorization: 'Bearer T' } }).reply(200, manifest).times(2);
  const client = createRegistryClient({ dispatcher: a });
  await client.getManifest(parseReference('reg.example/app:1'));
  await client.getManifest(parseReference('reg.example/app:2'));
  a.assertNoPendingInterceptors();
});
