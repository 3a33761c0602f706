/**
 * The package as npm ships it: the built entry points exist, the published file list holds
 * what users need and nothing of the tests, and `import 'mfx'` gives the library API.
 * (npm test builds dist/ before it runs the tests.)
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

test('npm pack ships bin, dist and the JSON Schema, and no tests', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  const files: string[] = JSON.parse(out)[0].files.map((f: { path: string }) => f.path);
  for (const needed of ['bin/mfx.js', 'dist/cli/bin.js', 'dist/index.js', 'dist/index.d.ts', 'schema/inspect.schema.json', 'package.json', 'README.md']) {
    assert.ok(files.includes(needed), `${needed} is packed`);
  }
  assert.deepEqual(files.filter((f) => /test|testdata|testing|^src\//.test(f)), []);
});

test("import 'mfx' gives the documented API", async () => {
  const mfx = await import('mfx');
  for (const name of ['inspect', 'parseReference', 'formatQualified', 'createRegistryClient', 'toInspectOutput', 'dockerConfigCredentials', 'isMfxError', 'exitCodeFor']) {
    assert.equal(typeof (mfx as Record<string, unknown>)[name], 'function', name);
  }
  const ref = mfx.parseReference('nginx');
  assert.equal(mfx.formatQualified(ref), 'docker.io/library/nginx:latest');
  assert.equal(mfx.exitCodeFor('not-found'), 3);
});
