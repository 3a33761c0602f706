import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ManifestError } from '../errors.js';
import { DOCKER_LIST, DOCKER_MANIFEST, DOCKER_SCHEMA1, DOCKER_SCHEMA1_SIGNED, OCI_INDEX, OCI_MANIFEST } from './media-types.js';
import { parseManifest } from './parse.js';

const D1 = `sha256:${'a'.repeat(64)}`;
const D2 = `sha256:${'b'.repeat(64)}`;
const desc = (extra: object = {}) => ({ mediaType: OCI_MANIFEST, digest: D1, size: 10, ...extra });
const ociIndex = { schemaVersion: 2, manifests: [desc({ platform: { os: 'linux', architecture: 'amd64' } })] };
const ociManifest = { schemaVersion: 2, config: desc({ mediaType: 'application/vnd.oci.image.config.v1+json' }), layers: [desc({ digest: D2 })] };
const schema1 = {
  schemaVersion: 1,
  name: 'library/x',
  tag: 'latest',
  architecture: 'arm',
  fsLayers: [{ blobSum: D1 }, { blobSum: D2 }],
  history: [{ v1Compatibility: JSON.stringify({ os: 'linux', architecture: 'arm', variant: 'v7' }) }],
};
const bytes = (v: unknown) => Buffer.from(JSON.stringify(v));

const good: { name: string; body: unknown; contentType?: string; mediaType: string; kind: 'index' | 'manifest' }[] = [
  { name: 'OCI index with mediaType', body: { ...ociIndex, mediaType: OCI_INDEX }, contentType: OCI_INDEX, mediaType: OCI_INDEX, kind: 'index' },
  { name: 'OCI index without mediaType, told by Content-Type', body: ociIndex, contentType: OCI_INDEX, mediaType: OCI_INDEX, kind: 'index' },
  { name: 'OCI index without mediaType or Content-Type', body: ociIndex, mediaType: OCI_INDEX, kind: 'index' },
  { name: 'OCI index served as application/json', body: ociIndex, contentType: 'application/json; charset=utf-8', mediaType: OCI_INDEX, kind: 'index' },
  { name: 'Docker list', body: { ...ociIndex, mediaType: DOCKER_LIST }, contentType: DOCKER_LIST, mediaType: DOCKER_LIST, kind: 'index' },
  { name: 'body mediaType wins over a generic header', body: { ...ociIndex, mediaType: DOCKER_LIST }, contentType: 'text/plain', mediaType: DOCKER_LIST, kind: 'index' },
  { name: 'OCI manifest without mediaType', body: ociManifest, contentType: 'application/octet-stream', mediaType: OCI_MANIFEST, kind: 'manifest' },
  { name: 'Docker v2 manifest', body: { ...ociManifest, mediaType: DOCKER_MANIFEST }, contentType: DOCKER_MANIFEST, mediaType: DOCKER_MANIFEST, kind: 'manifest' },
  { name: 'schema 1 unsigned told by header', body: schema1, contentType: DOCKER_SCHEMA1, mediaType: DOCKER_SCHEMA1, kind: 'manifest' },
  { name: 'schema 1 unsigned by shape', body: schema1, mediaType: DOCKER_SCHEMA1, kind: 'manifest' },
  { name: 'schema 1 signed by shape', body: { ...schema1, signatures: [{ protected: 'e30', signature: 'x' }] }, contentType: 'application/json', mediaType: DOCKER_SCHEMA1_SIGNED, kind: 'manifest' },
  { name: 'unknown fields are kept out of the way', body: { ...ociIndex, mediaType: OCI_INDEX, extra: { x: 1 } }, mediaType: OCI_INDEX, kind: 'index' },
];

for (const c of good) {
  test(`parseManifest: ${c.name}`, () => {
    const m = parseManifest(bytes(c.body), c.contentType);
    assert.equal(m.mediaType, c.mediaType);
    assert.equal(m.kind, c.kind);
  });
}

const bad: { name: string; raw: string; contentType?: string; error: RegExp }[] = [
  { name: 'not JSON', raw: '{"schemaVersion": 2,', error: /manifest is not valid JSON/ },
  { name: 'a JSON array', raw: '[]', error: /not a JSON object/ },
  { name: 'unknown body mediaType', raw: JSON.stringify({ ...ociIndex, mediaType: 'application/vnd.example+json' }), error: /unsupported manifest media type "application\/vnd.example\+json"/ },
  { name: 'unknown Content-Type, no mediaType', raw: JSON.stringify(ociIndex), contentType: 'application/vnd.example+json', error: /unsupported manifest media type/ },
  { name: 'shape unknown', raw: '{"schemaVersion":2}', error: /cannot tell the manifest kind/ },
  { name: 'entry without digest', raw: JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: OCI_MANIFEST, size: 1 }] }), error: /manifests\.0\.digest/ },
  { name: 'entry with unsupported digest algorithm', raw: JSON.stringify({ schemaVersion: 2, manifests: [desc({ digest: `md5:${'a'.repeat(32)}` })] }), error: /manifests\.0\.digest: .*unsupported digest algorithm/ },
  { name: 'entry with uppercase hex', raw: JSON.stringify({ schemaVersion: 2, manifests: [desc({ digest: `sha256:${'A'.repeat(64)}` })] }), error: /manifests\.0\.digest/ },
  { name: 'negative size', raw: JSON.stringify({ schemaVersion: 2, manifests: [desc({ size: -1 })] }), error: /manifests\.0\.size/ },
  { name: 'size as a string', raw: JSON.stringify({ schemaVersion: 2, manifests: [desc({ size: '10' })] }), error: /manifests\.0\.size/ },
  { name: 'schemaVersion 3', raw: JSON.stringify({ ...ociIndex, schemaVersion: 3 }), contentType: OCI_INDEX, error: /schemaVersion/ },
  { name: 'manifest without layers', raw: JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: desc() }), error: /layers/ },
  { name: 'platform without os', raw: JSON.stringify({ schemaVersion: 2, manifests: [desc({ platform: { architecture: 'amd64' } })] }), error: /manifests\.0\.platform\.os/ },
];

for (const c of bad) {
  test(`parseManifest rejects: ${c.name}`, () => {
    assert.throws(() => parseManifest(Buffer.from(c.raw), c.contentType), (err: unknown) => {
      assert.ok(err instanceof ManifestError, `ManifestError, got ${String(err)}`);
      assert.equal(err.kind, 'integrity');
      assert.match(err.message, c.error);
      return true;
    });
  });
}

test('schema 1: the platform comes from the manifest and its first v1Compatibility', () => {
  const m = parseManifest(bytes(schema1), DOCKER_SCHEMA1);
  assert.equal(m.kind, 'manifest');
  if (m.kind !== 'manifest') return;
  assert.deepEqual(m.platform, { os: 'linux', architecture: 'arm', variant: 'v7' });
  assert.equal(m.layers.length, 2);
  assert.equal(m.config, undefined);
});

test('the BuildKit index of ../shared/fixtures parses with its six entries', () => {
  const raw = readFileSync(new URL('./testdata/buildkit-index-with-attestations.json', import.meta.url));
  const m = parseManifest(raw, OCI_INDEX);
  assert.equal(m.kind, 'index');
  if (m.kind === 'index') assert.equal(m.manifests.length, 6);
});
