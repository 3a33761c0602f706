import assert from 'node:assert/strict';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadAuthMemory, saveAuthMemory } from './auth-store.js';

test('challenges and live tokens survive a save and load; the file is private', async () => {
  const file = join(await mkdtemp(join(tmpdir(), 'mfx-auth-')), 'auth.json');
  let now = 1_000_000;
  const memory = await loadAuthMemory(file, () => now);
  memory.challenges.set('ghcr.io', { scheme: 'bearer', params: { realm: 'https://ghcr.io/token', service: 'ghcr.io' } });
  memory.tokens.set('k1', 'T1', 300);
  memory.tokens.set('k2', 'T2', 10);
  assert.equal(await saveAuthMemory(file, memory), true);
  assert.equal((await stat(file)).mode & 0o777, 0o600);
  now += 20_000;
  const again = await loadAuthMemory(file, () => now);
  assert.deepEqual(again.challenges.get('ghcr.io')?.params.realm, 'https://ghcr.io/token');
  assert.equal(again.tokens.get('k1'), 'T1');
  assert.equal(again.tokens.get('k2'), undefined, 'expired');
  assert.equal(await saveAuthMemory(file, again), false, 'nothing new: not written');
});

test('a malformed file is an empty memory', async () => {
  const file = join(await mkdtemp(join(tmpdir(), 'mfx-auth-')), 'auth.json');
  for (const text of ['not json', '{"version":2}', '{"version":1,"challenges":[],"tokens":{}}']) {
    await writeFile(file, text);
    const m = await loadAuthMemory(file);
    assert.equal(m.challenges.size, 0);
  }
  assert.match(await readFile(file, 'utf8'), /version/);
});
