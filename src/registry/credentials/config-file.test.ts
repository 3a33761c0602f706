import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { UsageError } from '../../errors.js';
import { configFilePath, credHelperEntry, displayPath, formatPath, loadDockerConfig } from './config-file.js';
import { type ConfigHomes, makeConfigHomes } from './testdata/config-home.js';

const FILE = '~/.docker/config.json';

interface LoadCase {
  name: string;
  /** File content: an object is written as JSON, a string as is, undefined writes no file. */
  input: unknown;
  want?: { credsStore: string; credHelpers: [string, unknown][]; auths: [string, unknown][] };
  error?: string;
}

const none = { credsStore: '', credHelpers: [], auths: [] };

const loadCases: LoadCase[] = [
  { name: 'missing file', input: undefined, want: none },
  { name: 'empty file', input: ' \n', want: none },
  { name: 'empty object', input: {}, want: none },
  { name: 'nulls', input: { auths: null, credsStore: null, credHelpers: null }, want: none },
  {
    name: 'fields in file order, unknown fields ignored',
    input: { psFormat: 'x', credsStore: 'pass', credHelpers: { b: 'ecr-login', a: 1 }, auths: { z: {}, y: 'raw' } },
    want: { credsStore: 'pass', credHelpers: [['b', 'ecr-login'], ['a', 1]], auths: [['z', {}], ['y', 'raw']] },
  },
  { name: 'UTF-8 BOM', input: '\uFEFF{"credsStore":"pass"}', want: { ...none, credsStore: 'pass' } },
  {
    name: '__proto__ key stays data',
    input: '{"auths":{"__proto__":{"auth":"x"}}}',
    want: { ...none, auths: [['__proto__', { auth: 'x' }]] },
  },
  {
    name: 'missing comma',
    input: '{"auths": {}\n "credsStore": "pass"}',
    error: `invalid JSON at position 14 (line 2, column 2): expected ',' or '}' after property value`,
  },
  { name: 'unexpected token, no content quoted', input: '{"auths": c2VjcmV0}', error: `invalid JSON: unexpected token 'c'` },
  { name: 'truncated', input: '{"auths": {"a": {"auth": ', error: 'invalid JSON: unexpected end of input' },
  {
    name: 'trailing comma',
    input: '{"credsStore": "x",}',
    error: 'invalid JSON at position 19 (line 1, column 20): expected double-quoted property name',
  },
  { name: 'top level array', input: [], error: 'the top level must be a JSON object' },
  { name: 'top level string', input: '"x"', error: 'the top level must be a JSON object' },
  { name: 'credsStore not a string', input: { credsStore: 5 }, error: 'credsStore must be a string' },
  { name: 'credHelpers not an object', input: { credHelpers: 'pass' }, error: 'credHelpers must be a JSON object' },
  { name: 'auths an array', input: { auths: [] }, error: 'auths must be a JSON object' },
];

describe('loadDockerConfig', () => {
  let homes: ConfigHomes;
  before(async () => {
    homes = await makeConfigHomes();
  });
  after(() => homes.cleanup());

  for (const c of loadCases) {
    it(c.name, async () => {
      const home = await homes.home(c.input);
      const load = loadDockerConfig(join(home, '.docker', 'config.json'), { HOME: home });
      if (c.error === undefined) {
        const got = await load;
        assert.deepStrictEqual(
          { credsStore: got.credsStore, credHelpers: [...got.credHelpers], auths: [...got.auths] },
          c.want,
        );
        assert.equal(got.display, FILE);
        return;
      }
      await assert.rejects(load, (err: unknown) => {
        assert.ok(err instanceof UsageError, String(err));
        assert.equal(err.message, `${FILE}: ${c.error}`);
        return true;
      });
    });
  }

  it('a directory instead of a file is a UsageError', async () => {
    const home = await homes.home(undefined);
    await mkdir(join(home, '.docker', 'config.json'));
    await assert.rejects(loadDockerConfig(join(home, '.docker', 'config.json'), { HOME: home }), {
      name: 'UsageError',
      message: `${FILE}: cannot read the file (EISDIR)`,
    });
  });
});

interface PathCase {
  name: string;
  input: { configDir?: string; env: NodeJS.ProcessEnv };
  /** [path, display] */
  want: [string, string];
}

const posix = process.platform !== 'win32';
const pathCases: PathCase[] = [
  { name: 'HOME', input: { env: { HOME: '/h' } }, want: ['/h/.docker/config.json', FILE] },
  {
    name: 'DOCKER_CONFIG',
    input: { env: { HOME: '/h', DOCKER_CONFIG: '/etc/d' } },
    want: ['/etc/d/config.json', '/etc/d/config.json'],
  },
  {
    name: 'DOCKER_CONFIG under HOME',
    input: { env: { HOME: '/h', DOCKER_CONFIG: '/h/ci' } },
    want: ['/h/ci/config.json', '~/ci/config.json'],
  },
  {
    name: 'empty DOCKER_CONFIG is unset',
    input: { env: { HOME: '/h', DOCKER_CONFIG: '' } },
    want: ['/h/.docker/config.json', FILE],
  },
  {
    name: 'configDir wins',
    input: { configDir: '/c', env: { HOME: '/h', DOCKER_CONFIG: '/etc/d' } },
    want: ['/c/config.json', '/c/config.json'],
  },
  {
    name: 'a sibling of HOME is not under it',
    input: { env: { HOME: '/h', DOCKER_CONFIG: '/hx' } },
    want: ['/hx/config.json', '/hx/config.json'],
  },
  { name: 'no HOME: the account home', input: { env: {} }, want: [join(homedir(), '.docker', 'config.json'), FILE] },
];

describe('configFilePath and displayPath', { skip: posix ? false : 'POSIX paths' }, () => {
  for (const c of pathCases) {
    it(c.name, () => {
      const path = configFilePath(c.input.configDir, c.input.env);
      assert.deepStrictEqual([path, displayPath(path, c.input.env)], c.want);
    });
  }
});

describe('formatPath', () => {
  const cases: { name: string; input: PropertyKey[]; want: string }[] = [
    { name: 'top-level field', input: ['credsStore'], want: 'credsStore' },
    { name: 'map key', input: ['auths', 'ghcr.io'], want: 'auths["ghcr.io"]' },
    { name: 'entry field', input: ['auths', 'ghcr.io', 'auth'], want: 'auths["ghcr.io"].auth' },
    { name: 'odd key quoted', input: ['auths', 'a"b', 'x-y'], want: 'auths["a\\"b"]["x-y"]' },
    { name: 'index', input: ['a', 0], want: 'a[0]' },
    { name: 'root', input: [], want: '' },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(formatPath(c.input), c.want));
  }
});

describe('credHelperEntry', () => {
  const config = {
    display: FILE,
    credsStore: '',
    auths: new Map(),
    credHelpers: new Map<string, unknown>([['a', 'pass'], ['b', ''], ['c', null], ['d', 1]]),
  };
  const cases: { name: string; input: string; want?: string | undefined; error?: string }[] = [
    { name: 'a helper', input: 'a', want: 'pass' },
    { name: 'empty', input: 'b', want: '' },
    { name: 'null is empty', input: 'c', want: '' },
    { name: 'no entry', input: 'e', want: undefined },
    { name: 'not a string', input: 'd', error: `${FILE}: credHelpers["d"] must be a string` },
  ];
  for (const c of cases) {
    it(c.name, () => {
      if (c.error === undefined) assert.equal(credHelperEntry(config, c.input), c.want);
      else {
        const check = (err: unknown): boolean => err instanceof UsageError && err.message === c.error;
        assert.throws(() => credHelperEntry(config, c.input), check);
      }
    });
  }
});
