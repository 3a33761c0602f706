import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AuthFileHost, containersAuthFiles } from './auth-file-paths.js';

const linux: AuthFileHost = { platform: 'linux', uid: 1000, runDir: '/run' };
const darwin: AuthFileHost = { platform: 'darwin', uid: 501, runDir: '/run' };
const HOME_CONFIG = '/h/.config/containers/auth.json';

interface Case {
  name: string;
  input: { env: NodeJS.ProcessEnv; host: AuthFileHost };
  want: string[];
}

const cases: Case[] = [
  {
    name: 'Linux, XDG_RUNTIME_DIR set',
    input: { env: { HOME: '/h', XDG_RUNTIME_DIR: '/run/user/1000' }, host: linux },
    want: ['/run/user/1000/containers/auth.json', HOME_CONFIG],
  },
  {
    name: 'Linux, XDG_RUNTIME_DIR unset: /run/containers/<uid>',
    input: { env: { HOME: '/h' }, host: linux },
    want: ['/run/containers/1000/auth.json', HOME_CONFIG],
  },
  {
    name: 'Linux, XDG_RUNTIME_DIR empty counts as unset',
    input: { env: { HOME: '/h', XDG_RUNTIME_DIR: '' }, host: { ...linux, uid: 0 } },
    want: ['/run/containers/0/auth.json', HOME_CONFIG],
  },
  {
    name: 'Linux without a uid: no primary file',
    input: { env: { HOME: '/h' }, host: { ...linux, uid: undefined } },
    want: [HOME_CONFIG],
  },
  {
    name: 'the /run directory is a host fact',
    input: { env: { HOME: '/h' }, host: { ...linux, runDir: '/tmp/run' } },
    want: ['/tmp/run/containers/1000/auth.json', HOME_CONFIG],
  },
  {
    name: 'XDG_CONFIG_HOME replaces ~/.config',
    input: { env: { HOME: '/h', XDG_RUNTIME_DIR: '/r', XDG_CONFIG_HOME: '/x' }, host: linux },
    want: ['/r/containers/auth.json', '/x/containers/auth.json'],
  },
  {
    name: 'XDG_CONFIG_HOME empty counts as unset',
    input: { env: { HOME: '/h', XDG_RUNTIME_DIR: '/r', XDG_CONFIG_HOME: '' }, host: linux },
    want: ['/r/containers/auth.json', HOME_CONFIG],
  },
  {
    name: 'REGISTRY_AUTH_FILE alone',
    input: { env: { HOME: '/h', XDG_RUNTIME_DIR: '/r', XDG_CONFIG_HOME: '/x', REGISTRY_AUTH_FILE: '/a/auth.json' }, host: linux },
    want: ['/a/auth.json'],
  },
  {
    name: 'REGISTRY_AUTH_FILE empty counts as unset',
    input: { env: { HOME: '/h', XDG_RUNTIME_DIR: '/r', REGISTRY_AUTH_FILE: '' }, host: linux },
    want: ['/r/containers/auth.json', HOME_CONFIG],
  },
  {
    name: 'macOS: ~/.config is the primary file, read once',
    input: { env: { HOME: '/h', XDG_RUNTIME_DIR: '/r' }, host: darwin },
    want: [HOME_CONFIG],
  },
  {
    name: 'macOS with XDG_CONFIG_HOME',
    input: { env: { HOME: '/h', XDG_CONFIG_HOME: '/x' }, host: darwin },
    want: [HOME_CONFIG, '/x/containers/auth.json'],
  },
];

describe('containersAuthFiles', { skip: process.platform === 'win32' ? 'POSIX paths' : false }, () => {
  for (const c of cases) {
    it(c.name, () => assert.deepStrictEqual(containersAuthFiles(c.input.env, c.input.host), c.want));
  }
});
