import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { UsageError } from '../errors.js';
import { configPath, loadConfig } from './file.js';

const dir = () => mkdtempSync(join(tmpdir(), 'mfx-config-test-'));
const none = (d: string) => join(d, 'absent.json');

test('where the configuration file is', () => {
  assert.equal(configPath({ MFX_CONFIG: '/x/c.json' }, '/home/u'), '/x/c.json');
  assert.equal(configPath({ XDG_CONFIG_HOME: '/cfg' }, '/home/u'), '/cfg/mfx/config.json');
  assert.equal(configPath({}, '/home/u'), '/home/u/.config/mfx/config.json');
});

test('missing files are an empty configuration', async () => {
  const d = dir();
  assert.deepEqual(await loadConfig({ MFX_CONFIG: none(d), MFX_DAEMON_JSON: none(d) }), { mirrors: [], insecureRegistries: [] });
});

test("mfx's file and docker's daemon.json add up, mfx's first", async () => {
  const d = dir();
  writeFileSync(join(d, 'config.json'), JSON.stringify({ mirrors: ['https://m1'], insecureRegistries: ['a:1'], registries: { 'r:5000': { insecure: true } } }));
  writeFileSync(join(d, 'daemon.json'), JSON.stringify({ 'registry-mirrors': ['https://m2'], 'insecure-registries': ['b'], debug: true }));
  const config = await loadConfig({ MFX_CONFIG: join(d, 'config.json'), MFX_DAEMON_JSON: join(d, 'daemon.json') });
  assert.deepEqual(config.mirrors, ['https://m1', 'https://m2']);
  assert.deepEqual(config.insecureRegistries, ['a:1', 'b']);
  assert.deepEqual(config.registries, { 'r:5000': { insecure: true } });
});

const bad: [string, string, RegExp][] = [
  ['not JSON', '{', /the mfx configuration is not valid JSON/],
  ['a wrong type', '{"mirrors": "m"}', /the mfx configuration: mirrors: /],
  ['an unknown per-registry field type', '{"registries": {"r": {"insecure": "yes"}}}', /registries\.r\.insecure: /],
];

for (const [name, text, message] of bad) {
  test(`a configuration file with ${name} is a usage error naming it`, async () => {
    const d = dir();
    writeFileSync(join(d, 'config.json'), text);
    await assert.rejects(loadConfig({ MFX_CONFIG: join(d, 'config.json'), MFX_DAEMON_JSON: none(d) }), (err: unknown) => {
      assert.ok(err instanceof UsageError);
      assert.ok(err.message.startsWith(join(d, 'config.json')));
      assert.match(err.message, message);
      return true;
    });
  });
}

test("a malformed daemon.json is a usage error naming it", async () => {
  const d = dir();
  writeFileSync(join(d, 'daemon.json'), '{"registry-mirrors": [1]}');
  await assert.rejects(loadConfig({ MFX_CONFIG: none(d), MFX_DAEMON_JSON: join(d, 'daemon.json') }), /daemon\.json: docker's daemon\.json: registry-mirrors\.0/);
});
