import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Chalk } from 'chalk';
import type { InspectResult } from '../inspect.js';
import { computeDigest } from '../manifest/digest.js';
import { classifyEntries } from '../manifest/entries.js';
import { type ParsedIndex, parseManifest } from '../manifest/parse.js';
import { parseReference } from '../ref/reference.js';
import { toInspectOutput } from './json.js';
import { renderInspectTable, shortDigest } from './table.js';

function resultOf(raw: Buffer, ref = 'ghcr.io/o/app:1'): InspectResult {
  const m = parseManifest(raw) as ParsedIndex;
  return {
    input: ref,
    reference: parseReference(ref),
    host: 'ghcr.io',
    fromMirror: false,
    digest: computeDigest(raw),
    mediaType: m.mediaType,
    kind: 'index',
    raw,
    entries: classifyEntries(m),
    image: undefined,
    selected: undefined,
    sizes: undefined,
    rateLimit: undefined,
  };
}

const buildkitRaw = readFileSync(new URL('../manifest/testdata/buildkit-index-with-attestations.json', import.meta.url));
const plain = { chalk: new Chalk({ level: 0 }), columns: undefined };

test('platform rows first, then attestations naming their platform, then the summary', () => {
  const out = renderInspectTable(resultOf(buildkitRaw), plain);
  const lines = out.split('\n');
  assert.equal(lines[0], 'ghcr.io/o/app:1');
  const body = lines.slice(lines.indexOf('') + 1);
  assert.match(body[0]!, /^PLATFORM\s+DIGEST\s+MEDIA TYPE$/);
  assert.deepEqual(body.slice(1, 7).map((l) => l.split(/\s{2,}/)[0]), [
    'linux/amd64',
    'linux/arm64',
    'linux/arm/v7',
    'attestation → linux/amd64',
    'attestation → linux/arm64',
    'attestation → linux/arm/v7',
  ]);
  assert.ok(out.includes('sha256:21404da367bb5bdcd5860b0e67f3c623a9fe617695582dcb4fba2f96a1adf83b'));
  assert.match(out, /\n3 platforms, 3 attestations\n$/);
  assert.doesNotMatch(out, /\u001b/);
});

test('with color, attestation rows are dimmed and the reference is bold', () => {
  const out = renderInspectTable(resultOf(buildkitRaw), { chalk: new Chalk({ level: 1 }), columns: undefined });
  assert.ok(out.startsWith('\u001b[1mghcr.io/o/app:1'));
  assert.match(out, /\u001b\[2mattestation → linux\/amd64/);
  assert.doesNotMatch(out, /\u001b\[2mlinux\/amd64/);
});

test('a narrow terminal shortens digests; a wide one does not', () => {
  const narrow = renderInspectTable(resultOf(buildkitRaw), { ...plain, columns: 80 });
  assert.ok(narrow.includes('sha256:21404da367bb '), 'short digest');
  assert.ok(!narrow.includes('sha256:21404da367bb5bdcd'));
  const wide = renderInspectTable(resultOf(buildkitRaw), { ...plain, columns: 200 });
  assert.ok(wide.includes('sha256:21404da367bb5bdcd5860b0e67f3c623a9fe617695582dcb4fba2f96a1adf83b'));
  assert.equal(shortDigest(`sha512:${'a'.repeat(128)}`), `sha512:${'a'.repeat(12)}`);
});

const d = (c: string) => `sha256:${c.repeat(64)}`;
const index = (manifests: unknown[]) => Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests }));
const entry = (digest: string, platform?: object, extra: object = {}) => ({ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size: 1, platform, ...extra });

test('Windows entries get an OS VERSION column', () => {
  const raw = index([
    entry(d('a'), { os: 'windows', architecture: 'amd64', 'os.version': '10.0.17763.5329' }),
    entry(d('b'), { os: 'windows', architecture: 'amd64', 'os.version': '10.0.20348.2227' }),
  ]);
  const out = renderInspectTable(resultOf(raw), plain);
  assert.match(out, /PLATFORM\s+OS VERSION\s+DIGEST/);
  assert.match(out, /windows\/amd64\s+10\.0\.17763\.5329\s+sha256:a/);
});

test('unknown platforms and nested indexes are labelled, and counted', () => {
  const raw = index([
    entry(d('a'), { os: 'linux', architecture: 'amd64' }),
    entry(d('b'), { os: 'unknown', architecture: 'unknown' }),
    entry(d('c'), undefined, { mediaType: 'application/vnd.oci.image.index.v1+json' }),
  ]);
  const out = renderInspectTable(resultOf(raw), plain);
  assert.match(out, /unknown\/unknown \(unknown platform\)/);
  assert.match(out, /\(nested index\)/);
  assert.match(out, /1 platform, 1 nested index, 1 of unknown platform/);
  const json = toInspectOutput(resultOf(raw));
  assert.deepEqual(json.summary, { platforms: 1, attestations: 0, indexes: 1, unknown: 1 });
  assert.deepEqual(json.manifests.map((m) => m.type), ['image', 'unknown', 'index']);
});

test('escape sequences from a registry never reach the terminal', () => {
  const raw = index([entry(d('a'), { os: 'linux\u001b]0;pwned\u0007', architecture: 'amd64\u001b[2J', variant: 'v8\r\n' })]);
  const out = renderInspectTable(resultOf(raw), plain);
  assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f]/);
  assert.match(out, /linux\/amd64\/v8/);
  const json = JSON.stringify(toInspectOutput(resultOf(raw)));
  assert.match(json, /linux\\u001b\]0;pwned\\u0007/, 'JSON keeps the value, escaped');
});
