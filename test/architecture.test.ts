/**
 * Layer boundaries, checked on the import statements of src/: the pure modules (references,
 * platforms, manifests, challenges) do no I/O and know nothing of HTTP or the terminal;
 * renderers never fetch; only the CLI knows commander; undici is used in two files only.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testdata' ? [] : sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

const files = sources(SRC).map((path) => ({
  name: relative(SRC, path),
  imports: [...readFileSync(path, 'utf8').matchAll(/^(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!),
}));

const IO = /^(undici|chalk|commander|cli-table3|node:(fs|http|https|net|tls|child_process|dns))/;

const rules: { name: string; files: RegExp; forbidden: RegExp }[] = [
  { name: 'ref, platform and manifest are pure', files: /^(ref|platform|manifest)\//, forbidden: IO },
  { name: 'the challenge parser is pure', files: /^registry\/auth\/challenge\.ts$/, forbidden: IO },
  { name: 'renderers never fetch', files: /^render\//, forbidden: /^(undici|commander|node:(fs|http|https|net))|registry\// },
  { name: 'only the CLI knows commander', files: /^(?!cli\/)/, forbidden: /^commander$/ },
  { name: 'undici only in the client and the transport', files: /^(?!registry\/(client|transport\/(send|dispatcher))\.ts$)/, forbidden: /^undici$/ },
  { name: 'the core does not import the CLI', files: /^(?!cli\/|index\.ts$)/, forbidden: /\/cli\// },
];

for (const rule of rules) {
  test(`layers: ${rule.name}`, () => {
    const matched = files.filter((f) => rule.files.test(f.name));
    assert.ok(matched.length > 0, 'the rule applies to some file');
    const broken = matched.flatMap((f) => f.imports.filter((i) => rule.forbidden.test(i)).map((i) => `${f.name} imports ${i}`));
    assert.deepEqual(broken, []);
  });
}
