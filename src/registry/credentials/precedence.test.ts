import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { UsageError } from '../../errors.js';
import type { HelperRunner } from './helper.js';
import { credentialSources } from './precedence.js';
import { type ConfigHomes, makeConfigHomes } from './testdata/config-home.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const auths = (user: string, key = 'ghcr.io', rest: object = {}): object => ({
  ...rest,
  auths: { [key]: { auth: b64(`${user}:pw`) } },
});

const FLAGS = { username: 'flag-user', password: 'pw' };
const ENV_PAIR = { MFX_USERNAME: 'env-user', MFX_PASSWORD: 'pw' };
const DOCKER = '~/.docker/config.json auths["ghcr.io"]';
/** XDG_RUNTIME_DIR is ~/run in these tests, so the primary containers file shows as below. */
const PODMAN = '~/run/containers/auth.json auths["ghcr.io"]';
const PODMAN_CONFIG = '~/.config/containers/auth.json auths["ghcr.io"]';

/** `stub` answers for ghcr.io only. */
const runHelper: HelperRunner = async (name, serverUrl) =>
  name === 'stub' && serverUrl === 'ghcr.io' ? { Username: 'helper-user', Secret: 'pw' } : undefined;

interface Case {
  name: string;
  flags?: boolean;
  env?: NodeJS.ProcessEnv;
  /** ~/.docker/config.json */
  docker?: unknown;
  /** $XDG_RUNTIME_DIR/containers/auth.json */
  podman?: unknown;
  /** ~/.config/containers/auth.json */
  podmanConfig?: unknown;
  registry?: string;
  repository?: string;
  /** [username, source] of the winner, or undefined for anonymous */
  want?: [string, string] | undefined;
  error?: RegExp;
}

const everything = { flags: true, env: ENV_PAIR, docker: auths('docker-user'), podman: auths('podman-user') };
const cases: Case[] = [
  { name: '1. --username/--password-stdin beats all', ...everything, want: ['flag-user', '--password-stdin'] },
  {
    name: '2. MFX_USERNAME/MFX_PASSWORD beat the files',
    ...everything,
    flags: false,
    want: ['env-user', 'MFX_USERNAME/MFX_PASSWORD'],
  },
  {
    name: '3. the Docker config beats the containers files',
    ...everything,
    flags: false,
    env: {},
    want: ['docker-user', DOCKER],
  },
  {
    name: '4. the containers files come last',
    docker: auths('other', 'quay.io'),
    podman: auths('podman-user'),
    podmanConfig: auths('config-user'),
    want: ['podman-user', PODMAN],
  },
  {
    name: '4b. then ~/.config/containers/auth.json',
    podman: auths('other', 'quay.io'),
    podmanConfig: auths('config-user'),
    want: ['config-user', PODMAN_CONFIG],
  },
  { name: 'nothing anywhere: anonymous', want: undefined },
  {
    name: 'MFX_REGISTRY elsewhere: the next source answers',
    env: { ...ENV_PAIR, MFX_REGISTRY: 'quay.io' },
    docker: auths('docker-user'),
    want: ['docker-user', DOCKER],
  },
  {
    name: 'a Docker credential helper counts as the Docker config',
    docker: { credsStore: 'stub' },
    podman: auths('podman-user'),
    want: ['helper-user', 'credential helper docker-credential-stub'],
  },
  {
    name: 'a Docker helper without an answer falls through to the containers files',
    docker: { credsStore: 'nothing-here' },
    podman: auths('podman-user'),
    want: ['podman-user', PODMAN],
  },
  {
    name: 'the repository reaches the containers files',
    podman: auths('repo-user', 'ghcr.io/org'),
    repository: 'org/app',
    want: ['repo-user', '~/run/containers/auth.json auths["ghcr.io/org"]'],
  },
  {
    name: 'a broken containers file is not read when Docker answers',
    docker: auths('docker-user'),
    podman: '{',
    want: ['docker-user', DOCKER],
  },
  {
    name: 'a broken Docker config is an error before the containers files',
    docker: '{',
    podman: auths('podman-user'),
    error: /^~\/\.docker\/config\.json: invalid JSON/,
  },
  { name: 'a broken containers file is an error when reached', podman: '{', error: /^~\/run\/containers\/auth\.json: invalid JSON/ },
  {
    name: 'MFX_USERNAME alone is an error, even with flags',
    flags: true,
    env: { MFX_USERNAME: 'x' },
    error: /^MFX_USERNAME and MFX_PASSWORD must be set together/,
  },
];

describe('credentialSources', () => {
  let homes: ConfigHomes;
  before(async () => {
    homes = await makeConfigHomes();
  });
  after(() => homes.cleanup());

  for (const c of cases) {
    it(c.name, async () => {
      const home = await homes.home(c.docker);
      if (c.podman !== undefined) await homes.write(join(home, 'run', 'containers', 'auth.json'), c.podman);
      if (c.podmanConfig !== undefined) await homes.write(join(home, '.config', 'containers', 'auth.json'), c.podmanConfig);
      const env: NodeJS.ProcessEnv = { HOME: home, XDG_RUNTIME_DIR: join(home, 'run'), ...c.env };
      const host = { platform: 'linux' as const, uid: 1000, runDir: join(home, 'no-run') };
      const run = async () =>
        credentialSources({ flags: c.flags ? FLAGS : undefined, env, host, runHelper })(c.registry ?? 'ghcr.io', c.repository);
      if (c.error !== undefined) {
        await assert.rejects(run, (err: unknown) => {
          assert.ok(err instanceof UsageError, String(err));
          assert.match(err.message, c.error as RegExp);
          return true;
        });
        return;
      }
      const got = await run();
      assert.deepStrictEqual(got === undefined ? undefined : [got.kind === 'basic' ? got.username : '', got.source], c.want);
    });
  }
});
