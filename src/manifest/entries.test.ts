import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { formatPlatform } from '../platform/format.js';
import { classifyEntries } from './entries.js';
import { OCI_INDEX, OCI_MANIFEST } from './media-types.js';
import { type ParsedIndex, parseManifest } from './parse.js';

function index(manifests: unknown[]): ParsedIndex {
  const m = parseManifest(Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests })));
  assert.equal(m.kind, 'index');
  return m as ParsedIndex;
}
const digest = (c: string) => `sha256:${c.repeat(64)}`;

test('BuildKit index: 3 platforms and 3 attestations, each tied to its platform', () => {
  const raw = readFileSync(new URL('./testdata/buildkit-index-with-attestations.json', import.meta.url));
  const entries = classifyEntries(parseManifest(raw) as ParsedIndex);
  assert.deepEqual(
    entries.map((e) => [e.type, e.platform ? formatPlatform(e.platform) : null, e.describes?.platform ? formatPlatform(e.describes.platform) : null]),
    [
      ['image', 'linux/amd64', null],
      ['image', 'linux/arm64', null],
      ['image', 'linux/arm/v7', null],
      ['attestation', 'unknown/unknown', 'linux/amd64'],
      ['attestation', 'unknown/unknown', 'linux/arm64'],
      ['attestation', 'unknown/unknown', 'linux/arm/v7'],
    ],
  );
});

const cases: { name: string; entry: object; type: string }[] = [
  { name: 'a platform', entry: { platform: { os: 'linux', architecture: 'amd64' } }, type: 'image' },
  { name: 'unknown/unknown without annotations', entry: { platform: { os: 'unknown', architecture: 'unknown' } }, type: 'unknown' },
  { name: 'no platform at all', entry: {}, type: 'unknown' },
  { name: 'a nested index', entry: { mediaType: OCI_INDEX }, type: 'index' },
  {
    name: 'an attestation whose platform is not unknown/unknown',
    entry: { platform: { os: 'linux', architecture: 'amd64' }, annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } },
    type: 'attestation',
  },
];

for (const c of cases) {
  test(`classifyEntries: ${c.name} → ${c.type}`, () => {
    const [e] = classifyEntries(index([{ mediaType: OCI_MANIFEST, digest: digest('a'), size: 1, ...c.entry }]));
    assert.equal(e?.type, c.type);
  });
}

test('an attestation describing a digest not in the index keeps the digest, with no platform', () => {
  const [e] = classifyEntries(
    index([
      {
        mediaType: OCI_MANIFEST,
        digest: digest('a'),
        size: 1,
        platform: { os: 'unknown', architecture: 'unknown' },
        annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': digest('f') },
      },
    ]),
  );
  assert.deepEqual(e?.describes, { digest: digest('f'), platform: undefined });
});
