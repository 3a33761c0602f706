import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AuthError, UsageError } from '../../errors.js';
import { dockerConfigCredentials } from './docker-config.js';
import type { HelperRunner } from './helper.js';
import { type ConfigHomes, makeConfigHomes } from './testdata/config-home.js';
import { type FakeHelper, installFakeHelper } from './testdata/fake-helper.js';
import type { Credential } from './types.js';

const FILE = '~/.docker/config.json';
const HUB = 'https://index.docker.io/v1/';
const HELPER = 'credential helper docker-credential-mfxtest';
const skip = process.platform === 'win32' ? 'shebang scripts do not run on Windows' : false;

const b64 = (s: string): string => Buffer.from(s).toString('base64');
/** `{ auths: { [key]: { auth: base64(userpass) } }, ...rest }` */
const authsFor = (key: string, userpass: string, rest: object = {}): object => ({
  ...rest,
  auths: { [key]: { auth: b64(userpass) } },
});
const basic = (username: string, password: string, source: string): Credential => ({
  kind: 'basic',
  username,
  password,
  source,
});
const inAuths = (key: string): string => `${FILE} auths[${JSON.stringify(key)}]`;

interface Case {
  name: string;
  config: unknown;
  registry: string;
  want?: Credential | undefined;
  error?: { type: typeof AuthError | typeof UsageError; message: string };
}

const cases: Case[] = [
  {
    name: 'auths entry',
    config: authsFor('ghcr.io', 'u:p'),
    registry: 'ghcr.io',
    want: basic('u', 'p', inAuths('ghcr.io')),
  },
  {
    name: 'Docker Hub key',
    config: authsFor(HUB, 'hub:pw'),
    registry: 'docker.io',
    want: basic('hub', 'pw', inAuths(HUB)),
  },
  {
    name: 'Docker Hub as index.docker.io',
    config: authsFor(HUB, 'h:p'),
    registry: 'index.docker.io',
    want: basic('h', 'p', inAuths(HUB)),
  },
  {
    name: 'podman-style docker.io key',
    config: authsFor('docker.io', 'h:p'),
    registry: 'docker.io',
    want: basic('h', 'p', inAuths('docker.io')),
  },
  {
    name: 'https://host key',
    config: authsFor('https://ghcr.io', 'u:p'),
    registry: 'ghcr.io',
    want: basic('u', 'p', inAuths('https://ghcr.io')),
  },
  {
    name: 'http://host:port/v1/ key',
    config: authsFor('http://localhost:5000/v1/', 'u:p'),
    registry: 'localhost:5000',
    want: basic('u', 'p', inAuths('http://localhost:5000/v1/')),
  },
  {
    name: 'exact key beats a normalised one',
    config: { auths: { 'https://ghcr.io': { auth: b64('old:1') }, 'ghcr.io': { auth: b64('new:2') } } },
    registry: 'ghcr.io',
    want: basic('new', '2', inAuths('ghcr.io')),
  },
  { name: 'port must match', config: authsFor('localhost:5001', 'u:p'), registry: 'localhost:5000', want: undefined },
  { name: 'no entry for the registry', config: authsFor('quay.io', 'u:p'), registry: 'ghcr.io', want: undefined },
  { name: 'no config file', config: undefined, registry: 'ghcr.io', want: undefined },
  {
    name: 'credHelpers beats credsStore and auths',
    config: authsFor('ghcr.io', 'file:x', { credsStore: 'nosuch', credHelpers: { 'ghcr.io': 'mfxtest' } }),
    registry: 'ghcr.io',
    want: basic('octo', 'helper-pw', HELPER),
  },
  {
    name: 'credsStore beats auths',
    config: authsFor('ghcr.io', 'file:x', { credsStore: 'mfxtest' }),
    registry: 'ghcr.io',
    want: basic('octo', 'helper-pw', HELPER),
  },
  {
    name: 'credsStore asks for Docker Hub by its URL',
    config: { credsStore: 'mfxtest' },
    registry: 'docker.io',
    want: basic('hubuser', 'hub-pw', HELPER),
  },
  {
    name: 'a helper without an answer does not fall back to auths',
    config: authsFor('quay.io', 'file:x', { credsStore: 'mfxtest' }),
    registry: 'quay.io',
    want: undefined,
  },
  {
    name: 'an empty credHelpers entry opts out of credsStore',
    config: authsFor('quay.io', 'file:x', { credsStore: 'nosuch', credHelpers: { 'quay.io': '' } }),
    registry: 'quay.io',
    want: basic('file', 'x', inAuths('quay.io')),
  },
  {
    name: 'credHelpers keys are not normalised',
    config: authsFor('ghcr.io', 'file:x', { credHelpers: { 'https://ghcr.io': 'nosuch' } }),
    registry: 'ghcr.io',
    want: basic('file', 'x', inAuths('ghcr.io')),
  },
  {
    name: 'helper identity token',
    config: { credHelpers: { 'token.example': 'mfxtest' } },
    registry: 'token.example',
    want: { kind: 'identity-token', identityToken: 'tok', source: HELPER },
  },
  {
    name: 'helper not found',
    config: { credsStore: 'nosuch' },
    registry: 'ghcr.io',
    error: { type: AuthError, message: `docker-credential-nosuch not found on PATH (configured in ${FILE})` },
  },
  {
    name: 'helper prints garbage',
    config: { credsStore: 'mfxtest' },
    registry: 'garbage.example',
    error: { type: AuthError, message: 'docker-credential-mfxtest get printed output that is not JSON' },
  },
  {
    name: 'malformed config file',
    config: '{"auths": {}',
    registry: 'ghcr.io',
    error: {
      type: UsageError,
      message: `${FILE}: invalid JSON at position 12 (line 1, column 13): expected ',' or '}' after property value`,
    },
  },
  {
    name: 'bad base64',
    config: { auths: { 'ghcr.io': { auth: 'not base64!' } } },
    registry: 'ghcr.io',
    error: { type: UsageError, message: `${FILE}: auths["ghcr.io"].auth is not valid base64 user:password` },
  },
  {
    name: 'credHelpers entry not a string',
    config: { credHelpers: { 'ghcr.io': true } },
    registry: 'ghcr.io',
    error: { type: UsageError, message: `${FILE}: credHelpers["ghcr.io"] must be a string` },
  },
];

describe('dockerConfigCredentials', { skip }, () => {
  let fake: FakeHelper;
  let homes: ConfigHomes;
  before(async () => {
    homes = await makeConfigHomes();
    fake = await installFakeHelper({
      'ghcr.io': { Username: 'octo', Secret: 'helper-pw' },
      [HUB]: { Username: 'hubuser', Secret: 'hub-pw' },
      'token.example': { Username: '<token>', Secret: 'tok' },
    });
  });
  after(async () => {
    await fake.cleanup();
    await homes.cleanup();
  });

  for (const c of cases) {
    it(c.name, async () => {
      const lookup = dockerConfigCredentials({ env: { ...fake.env, HOME: await homes.home(c.config) } });
      if (c.error === undefined) {
        assert.deepStrictEqual(await lookup(c.registry), c.want);
        return;
      }
      const { type, message } = c.error;
      await assert.rejects(lookup(c.registry), (err: unknown) => {
        assert.ok(err instanceof type, String(err));
        assert.equal(err.kind, type === UsageError ? 'usage' : 'auth');
        assert.equal(err.message, message);
        return true;
      });
    });
  }

  it('a broken entry does not break other registries', async () => {
    const config = { auths: { 'bad.example': { auth: '%%%' }, 'ghcr.io': { auth: b64('u:p') } } };
    const lookup = dockerConfigCredentials({ env: { HOME: await homes.home(config) } });
    await assert.rejects(lookup('bad.example'), UsageError);
    assert.deepStrictEqual(await lookup('ghcr.io'), basic('u', 'p', inAuths('ghcr.io')));
  });

  it('DOCKER_CONFIG names the directory; configDir overrides it; empty means unset', async () => {
    const fromEnv = join(homes.root, 'from-env');
    const fromOption = join(homes.root, 'from-option');
    for (const [dir, userpass] of [[fromEnv, 'env:1'], [fromOption, 'option:2']] as const) {
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'config.json'), JSON.stringify(authsFor('ghcr.io', userpass)));
    }
    const env = { HOME: await homes.home(authsFor('ghcr.io', 'home:0')), DOCKER_CONFIG: fromEnv };
    const source = `${join(fromEnv, 'config.json')} auths["ghcr.io"]`;
    assert.deepStrictEqual(await dockerConfigCredentials({ env })('ghcr.io'), basic('env', '1', source));
    assert.equal((await dockerConfigCredentials({ env, configDir: fromOption })('ghcr.io'))?.username, 'option');
    assert.equal((await dockerConfigCredentials({ env: { ...env, DOCKER_CONFIG: '' } })('ghcr.io'))?.username, 'home');
  });

  it('reads the file lazily, once', async () => {
    const dir = await homes.home(undefined);
    const lookup = dockerConfigCredentials({ env: { HOME: dir } });
    const file = join(dir, '.docker', 'config.json');
    await writeFile(file, JSON.stringify(authsFor('ghcr.io', 'first:1')));
    assert.equal((await lookup('ghcr.io'))?.username, 'first');
    await writeFile(file, JSON.stringify(authsFor('ghcr.io', 'second:2')));
    assert.equal((await lookup('ghcr.io'))?.username, 'first');
  });

  it('asks a helper once per server URL, with the config file for messages', async () => {
    const calls: string[] = [];
    const runHelper: HelperRunner = async (name, serverUrl, options) => {
      calls.push(`${name} ${serverUrl} ${options?.configFile ?? ''}`);
      return { Username: 'u', Secret: 's' };
    };
    const lookup = dockerConfigCredentials({ env: { HOME: await homes.home({ credsStore: 'desktop' }) }, runHelper });
    for (const registry of ['docker.io', 'index.docker.io', 'ghcr.io', 'ghcr.io']) await lookup(registry);
    assert.deepStrictEqual(calls, [`desktop ${HUB} ${FILE}`, `desktop ghcr.io ${FILE}`]);
  });
});
