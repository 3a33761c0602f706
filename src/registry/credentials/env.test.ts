import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../errors.js';
import { ENV_CREDENTIALS_SOURCE, envCredentials } from './env.js';
import type { Credential } from './types.js';

const cred: Credential = { kind: 'basic', username: 'ci', password: 's3cret', source: ENV_CREDENTIALS_SOURCE };
const PAIR = { MFX_USERNAME: 'ci', MFX_PASSWORD: 's3cret' };
const TOGETHER = 'MFX_USERNAME and MFX_PASSWORD must be set together';

interface Case {
  name: string;
  env: NodeJS.ProcessEnv;
  /** registry asked → expected answer; omitted when the environment is an error */
  asks?: [string, Credential | undefined][];
  /** undefined lookup expected (nothing configured) */
  none?: true;
  error?: string;
}

const cases: Case[] = [
  { name: 'nothing set', env: { HOME: '/h' }, none: true },
  { name: 'both empty count as unset', env: { MFX_USERNAME: '', MFX_PASSWORD: '' }, none: true },
  {
    name: 'the pair applies to every registry',
    env: PAIR,
    asks: [['ghcr.io', cred], ['docker.io', cred], ['localhost:5000', cred]],
  },
  { name: 'username alone', env: { MFX_USERNAME: 'ci' }, error: `${TOGETHER} (MFX_PASSWORD is unset or empty)` },
  { name: 'password alone', env: { MFX_PASSWORD: 'x' }, error: `${TOGETHER} (MFX_USERNAME is unset or empty)` },
  { name: 'empty password', env: { MFX_USERNAME: 'ci', MFX_PASSWORD: '' }, error: `${TOGETHER} (MFX_PASSWORD is unset or empty)` },
  {
    name: 'MFX_REGISTRY restricts the pair',
    env: { ...PAIR, MFX_REGISTRY: 'ghcr.io' },
    asks: [['ghcr.io', cred], ['GHCR.io', cred], ['quay.io', undefined]],
  },
  {
    name: 'MFX_REGISTRY with a port',
    env: { ...PAIR, MFX_REGISTRY: 'localhost:5000' },
    asks: [['localhost:5000', cred], ['localhost:5001', undefined]],
  },
  {
    name: 'MFX_REGISTRY Docker Hub aliases',
    env: { ...PAIR, MFX_REGISTRY: 'https://index.docker.io/v1/' },
    asks: [['docker.io', cred], ['index.docker.io', cred], ['ghcr.io', undefined]],
  },
  { name: 'MFX_REGISTRY trimmed', env: { ...PAIR, MFX_REGISTRY: ' ghcr.io ' }, asks: [['ghcr.io', cred]] },
  { name: 'MFX_REGISTRY empty counts as unset', env: { ...PAIR, MFX_REGISTRY: '' }, asks: [['quay.io', cred]] },
  {
    name: 'MFX_REGISTRY with a repository path',
    env: { ...PAIR, MFX_REGISTRY: 'ghcr.io/org' },
    error: 'MFX_REGISTRY must be a registry name (host[:port]), not "ghcr.io/org"',
  },
  {
    name: 'MFX_REGISTRY without a host',
    env: { ...PAIR, MFX_REGISTRY: 'https://' },
    error: 'MFX_REGISTRY must be a registry name (host[:port]), not "https://"',
  },
  {
    name: 'MFX_REGISTRY without the pair',
    env: { MFX_REGISTRY: 'ghcr.io' },
    error: 'MFX_REGISTRY is set but MFX_USERNAME and MFX_PASSWORD are not',
  },
];

describe('envCredentials', () => {
  for (const c of cases) {
    it(c.name, async () => {
      if (c.error !== undefined) {
        assert.throws(
          () => envCredentials(c.env),
          (err: unknown) => err instanceof UsageError && err.message === c.error,
        );
        return;
      }
      const lookup = envCredentials(c.env);
      if (c.none) {
        assert.equal(lookup, undefined);
        return;
      }
      assert.ok(lookup !== undefined);
      for (const [registry, want] of c.asks ?? []) assert.deepStrictEqual(await lookup(registry, 'org/app'), want, registry);
    });
  }

  it('never puts the password in an error', () => {
    assert.throws(() => envCredentials({ MFX_PASSWORD: 'hunter2' }), (err: unknown) => {
      assert.ok(err instanceof Error && !err.message.includes('hunter2'));
      return true;
    });
  });
});
