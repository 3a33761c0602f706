/**
 * mfx inspect against a real registry with Docker token auth: a token server in the tests
 * signs JWTs the registry verifies. Public repositories pull anonymously; `private/` needs
 * credentials, from --password-stdin or a Docker config file (auth, or identitytoken).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { dockerSingle, privateImage } from '../fixtures/images.js';
import { pushAll } from '../helpers/push.js';
import { startRegistry, type TestRegistry } from '../helpers/registry.js';
import { dockerConfigDir, dockerConfigWithAuth, runCli } from '../helpers/run-cli.js';
import { installFakeHelper } from '../../src/registry/credentials/testdata/fake-helper.js';
import { assertJsonMatches, inspectSuite } from './inspect-suite.js';

let registry: TestRegistry;
before(async () => {
  registry = await startRegistry({ auth: 'token' });
  await pushAll(registry);
});
after(async () => registry?.stop());

inspectSuite({ registry: () => registry, env: () => ({}) });

const privateRef = () => `${registry.host}/${privateImage.repository}:${privateImage.tag}`;

test('a private repository, anonymously: exit 4 with a clear message', async () => {
  const run = await runCli(['inspect', privateRef()]);
  assert.equal(run.status, 4, run.stderr);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /private\/app:latest: authentication required/);
  assert.match(run.stderr, /hint: .*docker login/);
});

test('a private repository with --username and --password-stdin', async () => {
  const run = await runCli(['inspect', '--json', '--username', 'bob', '--password-stdin', privateRef()], { input: 'builder-secret\n' });
  assert.equal(run.status, 0, run.stderr);
  assertJsonMatches(JSON.parse(run.stdout), privateImage, registry);
});

test('a private repository with credentials from a Docker config file', async () => {
  const env = { DOCKER_CONFIG: dockerConfigWithAuth(registry.host, 'bob', 'builder-secret') };
  const run = await runCli(['inspect', privateRef()], { env });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^2 platforms$/m);
});

test('a wrong password is exit 4, and the password appears nowhere', async () => {
  const run = await runCli(['inspect', '--username', 'bob', '--password-stdin', privateRef()], { input: 'not-the-password' });
  assert.equal(run.status, 4, run.stderr);
  assert.match(run.stderr, /credentials for user "bob" \(from --password-stdin\) were refused/);
  assert.doesNotMatch(run.stderr + run.stdout, /not-the-password/);
});

test('an identity token (OAuth2 refresh token) from a Docker config file', async () => {
  const ts = registry.tokenServer!;
  const res = await fetch(ts.realm, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username: 'bob', password: 'builder-secret', service: ts.service, client_id: 'test', access_type: 'offline', scope: `repository:${privateImage.repository}:pull` }),
  });
  const { refresh_token: refreshToken } = (await res.json()) as { refresh_token: string };
  assert.ok(refreshToken);
  const env = { DOCKER_CONFIG: dockerConfigDir({ auths: { [registry.host]: { auth: Buffer.from('bob:').toString('base64'), identitytoken: refreshToken } } }) };
  const before = ts.requests.length;
  const run = await runCli(['inspect', privateRef()], { env });
  assert.equal(run.status, 0, run.stderr);
  const used = ts.requests.slice(before);
  assert.deepEqual(used.map((r) => [r.method, r.form?.get('grant_type')]), [['POST', 'refresh_token']]);
});

test('one token serves the manifest and the config request of a run', async () => {
  const ts = registry.tokenServer!;
  const before = ts.requests.length;
  const run = await runCli(['inspect', `${registry.host}/${dockerSingle.repository}:${dockerSingle.tag}`]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /single-platform image/);
  assert.equal(ts.requests.length - before, 1);
});

test('a token server answering with access_token only', async () => {
  const ts = registry.tokenServer!;
  ts.settings.tokenField = 'access_token';
  try {
    const run = await runCli(['inspect', `${registry.host}/${dockerSingle.repository}:${dockerSingle.tag}`]);
    assert.equal(run.status, 0, run.stderr);
  } finally {
    ts.settings.tokenField = 'both';
  }
});

test('a private repository with credentials from a credential helper (credHelpers)', async () => {
  const helper = await installFakeHelper({ [registry.host]: { Username: 'bob', Secret: 'builder-secret' } });
  try {
    const env = { ...helper.env, DOCKER_CONFIG: dockerConfigDir({ credHelpers: { [registry.host]: 'mfxtest' } }) };
    const run = await runCli(['inspect', privateRef()], { env });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^2 platforms$/m);
    const missing = await runCli(['inspect', privateRef()], { env: { ...env, DOCKER_CONFIG: dockerConfigDir({ credsStore: 'nosuchhelper' }) } });
    assert.equal(missing.status, 4, missing.stderr);
    assert.match(missing.stderr, /docker-credential-nosuchhelper not found/);
  } finally {
    await helper.cleanup();
  }
});

test('a malformed Docker config file is a usage error naming the file', async () => {
  const dir = dockerConfigDir({});
  const { writeFileSync } = await import('node:fs');
  writeFileSync(`${dir}/config.json`, '{"auths": {');
  const run = await runCli(['inspect', privateRef()], { env: { DOCKER_CONFIG: dir } });
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, /config\.json/);
  assert.doesNotMatch(run.stderr, /\n\s+at /);
});

test('mfx check on a private image without credentials is exit 4; with them, 0', async () => {
  const anonymous = await runCli(['check', privateRef(), '--platform', 'linux/arm64']);
  assert.equal(anonymous.status, 4, anonymous.stderr);
  assert.match(anonymous.stdout, /private\/app:latest\s+error: .*authentication required/);
  const bob = await runCli(['check', privateRef(), '--platform', 'linux/arm64', '-u', 'bob', '--password-stdin'], { input: 'builder-secret' });
  assert.equal(bob.status, 0, bob.stderr);
});

test('credentials from a containers auth file (REGISTRY_AUTH_FILE), by repository prefix', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const file = join(mkdtempSync(join(tmpdir(), 'mfx-authfile-')), 'auth.json');
  const auth = Buffer.from('bob:builder-secret').toString('base64');
  writeFileSync(file, JSON.stringify({ auths: { [`${registry.host}/private`]: { auth } } }));
  const run = await runCli(['inspect', privateRef()], { env: { REGISTRY_AUTH_FILE: file } });
  assert.equal(run.status, 0, run.stderr);
  writeFileSync(file, JSON.stringify({ auths: { [`${registry.host}/elsewhere`]: { auth } } }));
  const other = await runCli(['inspect', privateRef()], { env: { REGISTRY_AUTH_FILE: file } });
  assert.equal(other.status, 4, other.stderr);
});

test('credentials from MFX_USERNAME and MFX_PASSWORD', async () => {
  const run = await runCli(['inspect', privateRef()], { env: { MFX_USERNAME: 'bob', MFX_PASSWORD: 'builder-secret' } });
  assert.equal(run.status, 0, run.stderr);
  const half = await runCli(['inspect', privateRef()], { env: { MFX_USERNAME: 'bob' } });
  assert.equal(half.status, 2, half.stderr);
  assert.match(half.stderr, /MFX_PASSWORD/);
});
