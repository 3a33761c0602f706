/**
 * Start-up: the published bin loads one bundled file, and what `--version` and `--help` load
 * (the bundle's entry and the chunks it imports statically) holds no HTTP code: commands and
 * undici load on demand. `mfx --version` itself answers from bin/mfx.js without the bundle.
 * (npm test builds dist/ first.)
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from './helpers/run-cli.js';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  // Static imports only: `import … from "./x.js"` and `import "./x.js"`; not `import("./x.js")`.
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^;(]*?from\s*"(\.[^"]+)"|^\s*import\s*"(\.[^"]+)"/gm)) {
    staticGraph(join(dirname(file), m[1] ?? m[2]!), seen);
  }
  return seen;
}

test('the bin loads one bundle, whose start-up graph has no HTTP client', () => {
  const bin = readFileSync(fileURLToPath(new URL('../bin/mfx.js', import.meta.url)), 'utf8');
  assert.match(bin, /import\('\.\.\/dist\/mfx\.js'\)/);
  const graph = [...staticGraph(join(DIST, 'mfx.js'))];
  assert.ok(graph.length >= 1);
  const withHttp = graph.filter((f) => /UND_ERR_|from "undici"/.test(readFileSync(f, 'utf8')));
  assert.deepEqual(withHttp, [], 'undici is not loaded at start-up');
  const all = readFileSync(join(DIST, 'mfx.js'), 'utf8');
  assert.match(all, /import\("\.\/chunks\/inspect-[A-Z0-9]+\.js"\)/, 'commands are loaded on demand');
});

test('--version and --help work from the bundle', async () => {
  const version = await runCli(['--version']);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  const help = await runCli(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: mfx/);
});
