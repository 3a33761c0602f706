import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { UsageError } from '../../errors.js';
import type { AuthFileHost } from './auth-file-paths.js';
import { containersAuthCredentials } from './containers-auth.js';
import type { HelperRunner } from './helper.js';
import { type ConfigHomes, makeConfigHomes } from './testdata/config-home.js';
import type { Credential } from './types.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');
/** `{ auths: { key: { auth: base64("user:pw") } } }` for each key → user. */
const auths = (users: Record<string, string>, rest: object = {}): object => ({
  ...rest,
  auths: Object.fromEntries(Object.entries(users).map(([key, user]) => [key, { auth: b64(`${user}:pw`) }])),
});

/** Where a case may put a file; `config` is under the home directory, the others outside it. */
type Location = 'runtime' | 'run' | 'config' | 'xdgConfig' | 'authFile';
type Variable = 'XDG_RUNTIME_DIR' | 'XDG_CONFIG_HOME' | 'REGISTRY_AUTH_FILE';

interface Scene {
  env: NodeJS.ProcessEnv;
  host: AuthFileHost;
  path: Record<Location, string>;
  /** How messages show each file. */
  display: Record<Location, string>;
}

/** A fresh directory per case; every location gets a path, only `set` variables point at theirs. */
function scene(dir: string, set: readonly Variable[], empty: readonly Variable[]): Scene {
  const home = join(dir, 'home');
  const path: Record<Location, string> = {
    runtime: join(dir, 'xdg-runtime', 'containers', 'auth.json'),
    run: join(dir, 'run', 'containers', '1000', 'auth.json'),
    config: join(home, '.config', 'containers', 'auth.json'),
    xdgConfig: join(dir, 'xdg-config', 'containers', 'auth.json'),
    authFile: join(dir, 'custom', 'my-auth.json'),
  };
  const values: Record<Variable, string> = {
    XDG_RUNTIME_DIR: join(dir, 'xdg-runtime'),
    XDG_CONFIG_HOME: join(dir, 'xdg-config'),
    REGISTRY_AUTH_FILE: path.authFile,
  };
  const env: NodeJS.ProcessEnv = { HOME: home };
  for (const name of set) env[name] = values[name];
  for (const name of empty) env[name] = '';
  return {
    env,
    host: { platform: 'linux', uid: 1000, runDir: join(dir, 'run') },
    path,
    display: { ...path, config: '~/.config/containers/auth.json' },
  };
}

const HELPER_SOURCE = 'credential helper docker-credential-stub';
/** `stub` knows ghcr.io and docker.io; any other helper knows nothing. */
const runHelper: HelperRunner = async (name, serverUrl) =>
  name === 'stub' && ['ghcr.io', 'docker.io'].includes(serverUrl) ? { Username: 'helper-user', Secret: 'helper-pw' } : undefined;

type Want = { from: Location; key: string; user: string } | 'helper';

interface Case {
  name: string;
  set?: Variable[];
  empty?: Variable[];
  files: Partial<Record<Location, unknown>>;
  registry?: string;
  repository?: string;
  want?: Want | undefined;
  /** [file, message after "file: "] */
  error?: [Location, string];
}

const GHCR = auths({ 'ghcr.io': 'ghcr-user' });
const cases: Case[] = [
  { name: 'no files', files: {}, want: undefined },
  { name: '~/.config/containers/auth.json', files: { config: GHCR }, want: { from: 'config', key: 'ghcr.io', user: 'ghcr-user' } },
  {
    name: 'XDG_RUNTIME_DIR: its file before ~/.config',
    set: ['XDG_RUNTIME_DIR'],
    files: { runtime: auths({ 'ghcr.io': 'runtime' }), config: auths({ 'ghcr.io': 'config' }) },
    want: { from: 'runtime', key: 'ghcr.io', user: 'runtime' },
  },
  {
    name: 'XDG_RUNTIME_DIR: its file lacks the registry, ~/.config has it',
    set: ['XDG_RUNTIME_DIR'],
    files: { runtime: auths({ 'quay.io': 'quay' }), config: auths({ 'ghcr.io': 'config' }) },
    want: { from: 'config', key: 'ghcr.io', user: 'config' },
  },
  {
    name: 'XDG_RUNTIME_DIR unset: /run/containers/<uid> before ~/.config',
    files: { run: auths({ 'ghcr.io': 'run' }), runtime: auths({ 'ghcr.io': 'runtime' }), config: auths({ 'ghcr.io': 'config' }) },
    want: { from: 'run', key: 'ghcr.io', user: 'run' },
  },
  {
    name: 'XDG_RUNTIME_DIR set: /run/containers/<uid> is not read',
    set: ['XDG_RUNTIME_DIR'],
    files: { run: auths({ 'ghcr.io': 'run' }) },
    want: undefined,
  },
  {
    name: 'XDG_CONFIG_HOME replaces ~/.config',
    set: ['XDG_CONFIG_HOME'],
    files: { config: auths({ 'ghcr.io': 'config' }), xdgConfig: auths({ 'ghcr.io': 'xdg' }) },
    want: { from: 'xdgConfig', key: 'ghcr.io', user: 'xdg' },
  },
  {
    name: 'XDG_CONFIG_HOME comes after the primary file',
    set: ['XDG_RUNTIME_DIR', 'XDG_CONFIG_HOME'],
    files: { runtime: auths({ 'ghcr.io': 'runtime' }), xdgConfig: auths({ 'ghcr.io': 'xdg' }) },
    want: { from: 'runtime', key: 'ghcr.io', user: 'runtime' },
  },
  {
    name: 'REGISTRY_AUTH_FILE is read first',
    set: ['REGISTRY_AUTH_FILE', 'XDG_RUNTIME_DIR'],
    files: { authFile: auths({ 'ghcr.io': 'chosen' }), runtime: auths({ 'ghcr.io': 'runtime' }) },
    want: { from: 'authFile', key: 'ghcr.io', user: 'chosen' },
  },
  {
    name: 'REGISTRY_AUTH_FILE is the only file read',
    set: ['REGISTRY_AUTH_FILE', 'XDG_RUNTIME_DIR', 'XDG_CONFIG_HOME'],
    files: { authFile: auths({ 'quay.io': 'chosen' }), runtime: GHCR, config: GHCR, xdgConfig: GHCR, run: GHCR },
    want: undefined,
  },
  { name: 'REGISTRY_AUTH_FILE missing: no credentials', set: ['REGISTRY_AUTH_FILE'], files: { config: GHCR }, want: undefined },
  {
    name: 'empty variables count as unset',
    empty: ['REGISTRY_AUTH_FILE', 'XDG_RUNTIME_DIR', 'XDG_CONFIG_HOME'],
    files: { run: auths({ 'ghcr.io': 'run' }), authFile: GHCR, runtime: GHCR, xdgConfig: GHCR },
    want: { from: 'run', key: 'ghcr.io', user: 'run' },
  },
  {
    name: 'an entry without credentials moves on to the next file',
    set: ['XDG_RUNTIME_DIR'],
    files: { runtime: { auths: { 'ghcr.io': {} } }, config: GHCR },
    want: { from: 'config', key: 'ghcr.io', user: 'ghcr-user' },
  },
  {
    name: 'repository key',
    repository: 'org/app',
    files: { config: auths({ 'ghcr.io': 'registry', 'ghcr.io/org': 'org' }) },
    want: { from: 'config', key: 'ghcr.io/org', user: 'org' },
  },
  {
    name: 'repository key of another repository',
    repository: 'other/app',
    files: { config: auths({ 'ghcr.io/org': 'org' }) },
    want: undefined,
  },
  { name: 'no repository: namespaced keys unused', files: { config: auths({ 'ghcr.io/org': 'org' }) }, want: undefined },
  {
    name: 'files before keys: a registry key in an earlier file beats a repository key in a later one',
    set: ['XDG_RUNTIME_DIR'],
    repository: 'org/app',
    files: { runtime: auths({ 'ghcr.io': 'runtime' }), config: auths({ 'ghcr.io/org/app': 'repo' }) },
    want: { from: 'runtime', key: 'ghcr.io', user: 'runtime' },
  },
  {
    name: 'Docker Hub: podman writes docker.io',
    registry: 'docker.io',
    files: { config: auths({ 'docker.io': 'hub' }) },
    want: { from: 'config', key: 'docker.io', user: 'hub' },
  },
  {
    name: 'Docker Hub: repository key',
    registry: 'docker.io',
    repository: 'library/nginx',
    files: { config: auths({ 'docker.io': 'hub', 'docker.io/library/nginx': 'nginx' }) },
    want: { from: 'config', key: 'docker.io/library/nginx', user: 'nginx' },
  },
  {
    name: 'credHelpers entry asks the helper, not auths',
    files: { config: auths({ 'ghcr.io': 'file' }, { credHelpers: { 'ghcr.io': 'stub' } }) },
    want: 'helper',
  },
  {
    name: 'credHelpers for Docker Hub under docker.io',
    registry: 'docker.io',
    files: { config: { credHelpers: { 'docker.io': 'stub' } } },
    want: 'helper',
  },
  {
    name: 'a helper without an answer moves on to the next file, skipping its own auths',
    set: ['XDG_RUNTIME_DIR'],
    files: {
      runtime: auths({ 'ghcr.io': 'runtime' }, { credHelpers: { 'ghcr.io': 'empty' } }),
      config: auths({ 'ghcr.io': 'config' }),
    },
    want: { from: 'config', key: 'ghcr.io', user: 'config' },
  },
  {
    name: 'an empty credHelpers entry means auths',
    files: { config: auths({ 'ghcr.io': 'file' }, { credHelpers: { 'ghcr.io': '' } }) },
    want: { from: 'config', key: 'ghcr.io', user: 'file' },
  },
  {
    name: 'credsStore is ignored',
    files: { config: auths({ 'ghcr.io': 'file' }, { credsStore: 'stub' }) },
    want: { from: 'config', key: 'ghcr.io', user: 'file' },
  },
  {
    name: 'malformed primary file',
    set: ['XDG_RUNTIME_DIR'],
    files: { runtime: '{"auths": {"ghcr.io": ', config: GHCR },
    error: ['runtime', 'invalid JSON: unexpected end of input'],
  },
  {
    name: 'malformed later file is not read when an earlier one answers',
    set: ['XDG_RUNTIME_DIR'],
    files: { runtime: auths({ 'ghcr.io': 'runtime' }), config: 'not json' },
    want: { from: 'runtime', key: 'ghcr.io', user: 'runtime' },
  },
  {
    name: 'malformed later file is an error when reached',
    set: ['XDG_RUNTIME_DIR'],
    files: { runtime: auths({ 'quay.io': 'quay' }), config: { auths: [] } },
    error: ['config', 'auths must be a JSON object'],
  },
  {
    name: 'malformed REGISTRY_AUTH_FILE',
    set: ['REGISTRY_AUTH_FILE'],
    files: { authFile: '[' },
    error: ['authFile', 'invalid JSON: unexpected end of input'],
  },
  {
    name: 'bad auth entry',
    files: { config: { auths: { 'ghcr.io': { auth: 'not base64!' } } } },
    error: ['config', 'auths["ghcr.io"].auth is not valid base64 user:password'],
  },
  {
    name: 'credHelpers entry not a string',
    files: { config: { credHelpers: { 'ghcr.io': 7 } } },
    error: ['config', 'credHelpers["ghcr.io"] must be a string'],
  },
];

describe('containersAuthCredentials', () => {
  let homes: ConfigHomes;
  let n = 0;
  before(async () => {
    homes = await makeConfigHomes();
  });
  after(() => homes.cleanup());

  /** A scene for a case with its files written. */
  async function setUp(c: Pick<Case, 'set' | 'empty' | 'files'>): Promise<Scene> {
    const s = scene(join(homes.root, `case${n++}`), c.set ?? [], c.empty ?? []);
    for (const [location, content] of Object.entries(c.files)) await homes.write(s.path[location as Location], content);
    return s;
  }

  for (const c of cases) {
    it(c.name, async () => {
      const s = await setUp(c);
      const run = containersAuthCredentials({ env: s.env, host: s.host, runHelper })(c.registry ?? 'ghcr.io', c.repository);
      if (c.error !== undefined) {
        const [location, message] = c.error;
        await assert.rejects(run, (err: unknown) => {
          assert.ok(err instanceof UsageError, String(err));
          assert.equal(err.message, `${s.display[location]}: ${message}`);
          return true;
        });
        return;
      }
      let want: Credential | undefined;
      if (c.want === 'helper') want = { kind: 'basic', username: 'helper-user', password: 'helper-pw', source: HELPER_SOURCE };
      else if (c.want !== undefined) {
        const source = `${s.display[c.want.from]} auths[${JSON.stringify(c.want.key)}]`;
        want = { kind: 'basic', username: c.want.user, password: 'pw', source };
      }
      assert.deepStrictEqual(await run, want);
    });
  }

  it('a broken entry does not break other registries', async () => {
    const s = await setUp({ files: { config: { auths: { 'bad.example': { auth: '%%%' }, 'ghcr.io': { auth: b64('u:p') } } } } });
    const lookup = containersAuthCredentials({ env: s.env, host: s.host, runHelper });
    await assert.rejects(lookup('bad.example'), UsageError);
    assert.equal((await lookup('ghcr.io'))?.source, `${s.display.config} auths["ghcr.io"]`);
  });

  it('reads each file once, and only when needed', async () => {
    const s = await setUp({ set: ['XDG_RUNTIME_DIR'], files: { runtime: auths({ 'ghcr.io': 'first' }) } });
    const lookup = containersAuthCredentials({ env: s.env, host: s.host, runHelper });
    assert.equal((await lookup('ghcr.io'))?.username, 'first');
    await homes.write(s.path.runtime, auths({ 'ghcr.io': 'second' }));
    await homes.write(s.path.config, 'written after the first lookup, read by the second');
    assert.equal((await lookup('ghcr.io'))?.username, 'first');
    await assert.rejects(lookup('quay.io'), { name: 'UsageError', message: /^~\/\.config\/containers\/auth\.json: invalid JSON/ });
  });

  it('asks a helper once per registry, by registry name, naming the file', async () => {
    const calls: string[] = [];
    const recording: HelperRunner = async (name, serverUrl, options) => {
      calls.push(`${name} ${serverUrl} ${options?.configFile ?? ''}`);
      return { Username: 'u', Secret: 's' };
    };
    const s = await setUp({ files: { config: { credHelpers: { 'docker.io': 'hub', 'ghcr.io': 'gh' } } } });
    const lookup = containersAuthCredentials({ env: s.env, host: s.host, runHelper: recording });
    for (const [registry, repository] of [['docker.io', 'library/nginx'], ['index.docker.io', 'a/b'], ['ghcr.io', 'x/y']] as const) {
      await lookup(registry, repository);
    }
    assert.deepStrictEqual(calls, [`hub docker.io ${s.display.config}`, `gh ghcr.io ${s.display.config}`]);
  });

  it('an unreadable file is a UsageError naming it', async () => {
    const s = await setUp({ set: ['XDG_RUNTIME_DIR'], files: {} });
    await writeFile(join(homes.root, 'not-a-dir'), '');
    const env = { ...s.env, XDG_RUNTIME_DIR: join(homes.root, 'not-a-dir') };
    await assert.rejects(containersAuthCredentials({ env, host: s.host, runHelper })('ghcr.io'), {
      name: 'UsageError',
      message: `${join(homes.root, 'not-a-dir', 'containers', 'auth.json')}: cannot read the file (ENOTDIR)`,
    });
  });
});
