/**
 * Checks the integration test bed itself with plain fetch: the fixtures are stable, a real
 * registry in each set-up (no auth, token, htpasswd) takes every fixture and serves it
 * back byte for byte, the token server grants what its rules say, and the tampering
 * proxy changes bytes while keeping the registry's headers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { digestOf } from './fixtures/build.js';
import { allFixtures, nginxLike, ociIndexNoMediaType, privateImage, type Fixture } from './fixtures/images.js';
import { getManifest } from './helpers/fetch-manifest.js';
import { pushAll } from './helpers/push.js';
import { authorizationFor, basicAuth, fetchToken } from './helpers/registry-auth.js';
import { startRegistry, type RegistryAuth, type TestRegistry } from './helpers/registry.js';
import { closedPort, startTamperingProxy } from './helpers/tamper-proxy.js';
import { ALICE, BOB } from './helpers/users.js';

const PINNED_DIGESTS: Record<string, string> = {
  nginxLike: 'sha256:8a30ab081e37e2e2a34638f224a3031f02aadff56dc2e49325277153629a80f3',
  buildkit: 'sha256:f20c9effaf745b842da2edc524bbd7bd481244ac3fa6a0df74107ddf1f86f828',
  dockerSingle: 'sha256:ff30c2e1b9d8e61afa3a601b11e33c1976c14feeacd4622a41db6fdd9aa7ea08',
  ociSingle: 'sha256:fbc021f73f819a39192ec49d7e190c73d05d596d8e6a4035b5b060d4a81882d2',
  ociIndexNoMediaType: 'sha256:5617f092cb5328a267d6adff07a62c705463e6e0bfc47b4c26e7f0d0670ec48d',
  nested: 'sha256:1e910030a33d0befb89f9eba35cc230dc5ce5400e1a7b9291a754cde49e284f2',
  windows: 'sha256:ad316dc2d89ccebcc2157126ebc09ccd279a759c41e23d6c4d2105f1991cc9f5',
  privateImage: 'sha256:4f2e324528b130e8b77f085789ffee07122618dd90f2affe199a84e01250ddad',
  armV6Only: 'sha256:77728c4b5648105b45b96e9649965d17e49416424fc2720aa0ae8daaa46ea7d8',
};

const tagged = (f: Fixture) => f.manifests[f.manifests.length - 1]!;

describe('fixtures', () => {
  it('have pinned digests, consistent with their bytes', () => {
    for (const f of allFixtures) {
      assert.equal(f.expected.digest, PINNED_DIGESTS[f.name], f.name);
      for (const m of f.manifests) assert.equal(m.digest, digestOf(m.bytes), f.name);
      assert.equal(tagged(f).digest, f.expected.digest);
      assert.equal(tagged(f).bytes.length, f.expected.size);
    }
  });

  it('describe nginxLike (8 platforms) and the OCI index without mediaType', () => {
    assert.equal(nginxLike.expected.platforms.length, 8);
    assert.equal(JSON.parse(tagged(ociIndexNoMediaType).bytes.toString()).mediaType, undefined);
  });
});

/** Starts a registry in `auth` set-up once for the block, pushes every fixture, stops it after. */
function useRegistry(auth: RegistryAuth): () => TestRegistry {
  let registry: TestRegistry | undefined;
  before(async () => {
    registry = await startRegistry({ auth });
    await pushAll(registry);
  });
  after(async () => registry?.stop());
  return () => registry!;
}

function itServesEveryFixture(get: () => TestRegistry): void {
  it('serves every tagged manifest back with its digest, bytes and media type', async () => {
    for (const f of allFixtures) {
      const registry = get();
      const auth = await authorizationFor(registry, f.repository, ['pull'], ALICE);
      const res = await getManifest(registry.url, f.repository, f.tag, auth);
      assert.equal(res.status, 200, f.name);
      assert.equal(res.headers.get('docker-content-digest'), f.expected.digest, f.name);
      assert.equal(res.headers.get('content-type'), f.expected.mediaType, f.name);
      assert.ok(res.body.equals(tagged(f).bytes), f.name);
    }
  });
}

describe('registry without auth', () => {
  const registry = useRegistry('none');
  itServesEveryFixture(registry);

  it('answers 404 MANIFEST_UNKNOWN for an unknown tag', async () => {
    const res = await getManifest(registry().url, nginxLike.repository, 'no-such-tag');
    assert.equal(res.status, 404);
    assert.equal(JSON.parse(res.body.toString()).errors[0].code, 'MANIFEST_UNKNOWN');
  });

  it('tampering proxy replaces bytes but keeps status and digest header', async () => {
    const target = `/v2/${nginxLike.repository}/manifests/${nginxLike.tag}`;
    const proxy = await startTamperingProxy(registry().url, {
      tamper: (pathname, body) => (pathname === target ? Buffer.from(body.toString().replace('amd64', 'AMD64')) : undefined),
    });
    try {
      const res = await getManifest(proxy.url, nginxLike.repository, nginxLike.tag);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('docker-content-digest'), nginxLike.expected.digest);
      assert.equal(res.headers.get('content-type'), nginxLike.expected.mediaType);
      assert.notEqual(digestOf(res.body), nginxLike.expected.digest);
      const untouched = await getManifest(proxy.url, privateImage.repository, privateImage.tag);
      assert.ok(untouched.body.equals(tagged(privateImage).bytes));
      assert.deepEqual(proxy.requests.map((r) => r.tampered), [true, false]);
    } finally {
      await proxy.stop();
    }
  });

  it('closedPort gives a port that refuses connections', async () => {
    await assert.rejects(fetch(`http://127.0.0.1:${await closedPort()}/v2/`));
  });
});

describe('registry with token auth', () => {
  const registry = useRegistry('token');
  itServesEveryFixture(registry);
  const server = () => registry().tokenServer!;

  it('challenges with a Bearer realm, service and scope', async () => {
    const res = await getManifest(registry().url, nginxLike.repository, nginxLike.tag);
    assert.equal(res.status, 401);
    assert.equal(
      res.headers.get('www-authenticate'),
      `Bearer realm="${server().realm}",service="mfx-test-registry",scope="repository:${nginxLike.repository}:pull"`,
    );
  });

  it('lets anyone pull a public repository with an anonymous token', async () => {
    server().requests.length = 0;
    const token = await fetchToken(registry(), nginxLike.repository, ['pull']);
    const res = await getManifest(registry().url, nginxLike.repository, nginxLike.tag, `Bearer ${token}`);
    assert.equal(res.status, 200);
    assert.deepEqual(server().requests.map((r) => [r.authorization, r.user, r.status]), [['none', undefined, 200]]);
  });

  it('refuses anonymous pulls of private/app, allows bob', async () => {
    const anonymous = await fetchToken(registry(), privateImage.repository, ['pull']);
    const denied = await getManifest(registry().url, privateImage.repository, privateImage.tag, `Bearer ${anonymous}`);
    assert.equal(denied.status, 401);
    assert.match(denied.headers.get('www-authenticate') ?? '', /error="insufficient_scope"/);
    const bob = await fetchToken(registry(), privateImage.repository, ['pull'], BOB);
    assert.equal((await getManifest(registry().url, privateImage.repository, privateImage.tag, `Bearer ${bob}`)).status, 200);
  });

  it('grants bob no push', async () => {
    const token = await fetchToken(registry(), 'team/bob-try', ['pull', 'push'], BOB);
    const res = await fetch(`${registry().url}/v2/team/bob-try/blobs/uploads/`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 401);
  });

  it('answers a wrong password with 401 and a JSON error', async () => {
    const url = `${server().realm}?service=mfx-test-registry&scope=repository:${privateImage.repository}:pull`;
    const res = await fetch(url, { headers: { Authorization: basicAuth({ username: 'bob', password: 'nope' }) } });
    assert.equal(res.status, 401);
    assert.equal(((await res.json()) as { errors: { code: string }[] }).errors[0]?.code, 'UNAUTHORIZED');
  });

  it('supports OAuth2 password and refresh_token grants', async () => {
    const post = async (form: Record<string, string>) => {
      const body = new URLSearchParams({ service: 'mfx-test-registry', client_id: 'mfx-test', ...form });
      const res = await fetch(server().realm, { method: 'POST', body });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    const scope = `repository:${privateImage.repository}:pull`;
    const first = await post({ grant_type: 'password', username: ALICE.username, password: ALICE.password, scope });
    assert.equal(first.status, 200);
    assert.equal(typeof first.json['refresh_token'], 'string');
    const second = await post({ grant_type: 'refresh_token', refresh_token: String(first.json['refresh_token']), scope });
    assert.equal(second.status, 200);
    const auth = `Bearer ${String(second.json['access_token'])}`;
    assert.equal((await getManifest(registry().url, privateImage.repository, privateImage.tag, auth)).status, 200);
    assert.equal((await post({ grant_type: 'password', username: 'alice', password: 'x', scope })).status, 401);
  });

  it('lets tests choose the token field and expiry', async () => {
    Object.assign(server().settings, { tokenField: 'token', expiresIn: 60 });
    try {
      const res = await fetch(`${server().realm}?service=mfx-test-registry&scope=repository:a/b:pull`);
      const body = (await res.json()) as Record<string, unknown>;
      assert.deepEqual(Object.keys(body).sort(), ['expires_in', 'issued_at', 'token']);
      assert.equal(body['expires_in'], 60);
    } finally {
      Object.assign(server().settings, { tokenField: 'both', expiresIn: 300 });
    }
  });
});

describe('registry with htpasswd auth', () => {
  const registry = useRegistry('htpasswd');
  itServesEveryFixture(registry);

  it('challenges with Basic realm, refuses a wrong password, lets bob pull', async () => {
    const none = await getManifest(registry().url, nginxLike.repository, nginxLike.tag);
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('www-authenticate'), 'Basic realm="mfx-test-registry"');
    const wrong = basicAuth({ username: 'alice', password: 'wrong' });
    assert.equal((await getManifest(registry().url, nginxLike.repository, nginxLike.tag, wrong)).status, 401);
    assert.equal((await getManifest(registry().url, nginxLike.repository, nginxLike.tag, basicAuth(BOB))).status, 200);
  });
});
