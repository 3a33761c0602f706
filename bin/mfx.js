#!/usr/bin/env node
// `mfx --version` answers without loading anything else; everything else runs the bundle.
if (process.argv.length === 3 && (process.argv[2] === '--version' || process.argv[2] === '-V')) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  // undici parses HTTP with a WebAssembly build of llhttp. For a short-lived CLI, V8's baseline
  // WebAssembly compiler is enough, and skipping the optimizing tier saves about 35 MB of
  // memory and some start-up time (see docs/PERFORMANCE.md).
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--liftoff-only');
  await import('../dist/mfx.js');
}
