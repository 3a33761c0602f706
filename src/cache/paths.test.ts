import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cacheDir } from './paths.js';

const cases: { name: string; env: NodeJS.ProcessEnv; platform: NodeJS.Platform; want: string }[] = [
  { name: 'XDG_CACHE_HOME wins', env: { XDG_CACHE_HOME: '/c' }, platform: 'linux', want: '/c/mfx' },
  { name: 'the XDG default on Linux', env: {}, platform: 'linux', want: '/home/u/.cache/mfx' },
  { name: 'macOS', env: {}, platform: 'darwin', want: '/home/u/Library/Caches/mfx' },
  { name: 'Windows', env: { LOCALAPPDATA: '/l' }, platform: 'win32', want: '/l/mfx/Cache' },
];

for (const c of cases) {
  test(`cache dir: ${c.name}`, () => assert.equal(cacheDir(c.env, c.platform, '/home/u'), c.want));
}
