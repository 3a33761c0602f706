// Lists the test files for `node --test`: Node 20's runner neither globs nor finds
// `.ts` files by itself. Every `*.test.ts` under src/ and test/, sorted.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

console.log(['src', 'test'].flatMap(walk).sort().join('\n'));
