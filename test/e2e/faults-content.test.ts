/**
 * Bad content from a registry, injected by a proxy in front of a real registry: bytes that do
 * not match their digest, manifests, configs and error bodies over mfx's size caps, and
 * malformed manifests. Each is exit 6 with one line saying what is wrong, and nothing on
 * stdout. See docs/RELIABILITY.md.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dockerSingle, nginxLike } from '../fixtures/images.js';
import { assertCleanFailure, isBlobGet, isManifestGet, when, type FaultProxy } from '../helpers/fault-proxy.js';
import { faultBed } from '../helpers/fault-bed.js';
import type { TestRegistry } from '../helpers/registry.js';
import { runCli } from '../helpers/run-cli.js';

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const MiB = 1024 * 1024;

let registry: TestRegistry;
let proxy: FaultProxy;
faultBed('none', [nginxLike, dockerSingle], (bed) => ({ registry, proxy } = bed));

const byTag = () => `${proxy.host}/${nginxLike.repository}:${nginxLike.tag}`;
const byDigest = () => `${proxy.host}/${nginxLike.repository}@${nginxLike.expected.digest}`;
const single = () => `${proxy.host}/${dockerSingle.repository}:${dockerSingle.tag}`;
const MISMATCH = /digest mismatch: expected sha256:[0-9a-f]{64}, got sha256:[0-9a-f]{64}/;
const entry = { mediaType: OCI_MANIFEST, digest: `sha256:${'a'.repeat(64)}`, size: 1234, platform: { os: 'linux', architecture: 'amd64' } };

/** An OCI index with one entry, padded by an annotation to exactly `bytes` bytes. */
function indexOfSize(bytes: number): Buffer {
  const doc = (pad: string) => JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [entry], annotations: { pad } });
  const body = Buffer.from(doc('x'.repeat(bytes - doc('').length)));
  assert.equal(body.length, bytes);
  return body;
}

test('altered manifest bytes, Docker-Content-Digest kept: exit 6, by tag and by digest, in every output mode', async () => {
  proxy.rule = when(isManifestGet, { kind: 'rewrite', digest: 'keep', body: (b) => Buffer.from(b.toString().replace('"amd64"', '"arm64"')) });
  for (const ref of [byTag(), byDigest()]) {
    for (const mode of [[], ['--json'], ['--raw']]) {
      const run = await runCli(['inspect', ...mode, ref], { timeoutMs: 30_000 });
      assertCleanFailure(run, { status: 6, message: MISMATCH, withinMs: 15_000 });
    }
  }
});

test('altered bytes with a matching Docker-Content-Digest, asked for by digest: the reference wins, exit 6', async () => {
  proxy.rule = when(isManifestGet, { kind: 'rewrite', digest: 'match', body: (b) => Buffer.from(b.toString().replace('"amd64"', '"arm64"')) });
  const run = await runCli(['inspect', byDigest()], { timeoutMs: 30_000 });
  assertCleanFailure(run, { status: 6, message: new RegExp(`expected ${nginxLike.expected.digest}`), withinMs: 15_000 });
});

test('an altered config blob: exit 6', async () => {
  proxy.rule = when(isBlobGet, { kind: 'rewrite', digest: 'keep', body: (b) => Buffer.from(b.toString().replace('"amd64"', '"arm64"')) });
  const run = await runCli(['inspect', single()], { timeoutMs: 30_000 });
  assertCleanFailure(run, { status: 6, message: new RegExp(`blob sha256:[0-9a-f]{64} of .*${dockerSingle.repository}: ${MISMATCH.source}`), withinMs: 15_000 });
});

test('a manifest over 4 MiB (with a Content-Length, and chunked): exit 6 naming the limit; exactly 4 MiB is fine', async () => {
  const big = indexOfSize(4 * MiB + 1);
  for (const chunked of [false, true]) {
    proxy.rule = when(isManifestGet, { kind: 'serve', headers: { 'content-type': OCI_INDEX }, body: big, digest: 'match', chunked });
    const run = await runCli(['inspect', byTag()], { timeoutMs: 30_000 });
    assertCleanFailure(run, { status: 6, message: /is larger than the 4 MiB limit/, withinMs: 15_000 });
  }
  proxy.rule = when(isManifestGet, { kind: 'serve', headers: { 'content-type': OCI_INDEX }, body: indexOfSize(4 * MiB), digest: 'match' });
  const ok = await runCli(['inspect', byTag()], { timeoutMs: 30_000 });
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /^1 platform$/m);
});

test('an error body over 64 KiB (with a Content-Length, and chunked): exit 6 naming the limit', async () => {
  const body = JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN', message: 'x'.repeat(64 * 1024) }] });
  for (const chunked of [false, true]) {
    proxy.rule = when(isManifestGet, { kind: 'serve', status: 404, headers: { 'content-type': 'application/json' }, body, chunked });
    const run = await runCli(['inspect', byTag()], { timeoutMs: 30_000 });
    assertCleanFailure(run, { status: 6, message: /error response \(HTTP 404\) .* is larger than the 64 KiB limit/, withinMs: 15_000 });
  }
});

test('a config blob over 8 MiB: exit 6 naming the limit', async () => {
  proxy.rule = when(isBlobGet, { kind: 'serve', headers: { 'content-type': 'application/octet-stream' }, body: Buffer.alloc(8 * MiB + 1, 0x20) });
  const run = await runCli(['inspect', single()], { timeoutMs: 30_000 });
  assertCleanFailure(run, { status: 6, message: /is larger than the 8 MiB limit/, withinMs: 15_000 });
});

const MALFORMED: { name: string; body: string; contentType?: string; digestHeader?: string; message: RegExp }[] = [
  { name: 'invalid JSON', body: '{"schemaVersion": 2, "manifests": [', message: /manifest is not valid JSON/ },
  { name: 'raw control characters in a JSON string', body: `{"schemaVersion":2,"mediaType":"${OCI_INDEX}","manifests":[],"annotations":{"a":"\u001b[2J"}}`, message: /manifest is not valid JSON/ },
  { name: 'a JSON array', body: '[]', message: /manifest is not a JSON object/ },
  { name: 'manifests is a string', body: JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: 'all of them' }), message: /malformed application\/vnd\.oci\.image\.index\.v1\+json: manifests: / },
  { name: 'a size that is a string', body: JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [{ ...entry, size: '1234' }] }), message: /manifests\.0\.size: / },
  { name: 'schemaVersion 3', body: JSON.stringify({ schemaVersion: 3, mediaType: OCI_INDEX, manifests: [entry] }), message: /schemaVersion: / },
  { name: 'an index entry without a digest', body: JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [{ ...entry, digest: undefined }] }), message: /manifests\.0\.digest: / },
  { name: 'an md5 digest in an index entry', body: JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [{ ...entry, digest: `md5:${'a'.repeat(32)}` }] }), message: /manifests\.0\.digest: unsupported digest algorithm/ },
  { name: 'an unknown media type in the body', body: JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.example.thing.v1+json', manifests: [entry] }), message: /unsupported manifest media type "application\/vnd\.example\.thing\.v1\+json"/ },
  { name: 'an unknown media type in Content-Type only', contentType: 'application/vnd.example.thing.v1+json', body: JSON.stringify({ schemaVersion: 2, manifests: [entry] }), message: /unsupported manifest media type "application\/vnd\.example\.thing\.v1\+json"/ },
  { name: 'an md5 Docker-Content-Digest', digestHeader: `md5:${'0'.repeat(32)}`, body: JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [entry] }), message: /unsupported digest algorithm "md5"/ },
];

test('malformed manifests: each is exit 6 with a message saying what is wrong', async () => {
  for (const m of MALFORMED) {
    const headers = { 'content-type': m.contentType ?? OCI_INDEX, ...(m.digestHeader ? { 'docker-content-digest': m.digestHeader } : {}) };
    proxy.rule = when(isManifestGet, { kind: 'serve', headers, body: m.body, ...(m.digestHeader ? {} : { digest: 'match' as const }) });
    const run = await runCli(['inspect', byTag()], { timeoutMs: 30_000 });
    try {
      assertCleanFailure(run, { status: 6, message: m.message, withinMs: 15_000 });
    } catch (err) {
      (err as Error).message = `${m.name}: ${(err as Error).message}`;
      throw err;
    }
  }
});

test('a malformed manifest\'s message names the image it came from, as other errors do', async () => {
  const named = new RegExp(`^mfx: manifest ${byTag().replace(/[.]/g, '\\.')}: `);
  for (const m of MALFORMED.filter((c) => /invalid JSON|without a digest|unknown media type in the body|md5 Docker/.test(c.name))) {
    const headers = { 'content-type': OCI_INDEX, ...(m.digestHeader ? { 'docker-content-digest': m.digestHeader } : {}) };
    proxy.rule = when(isManifestGet, { kind: 'serve', headers, body: m.body, ...(m.digestHeader ? {} : { digest: 'match' as const }) });
    const run = await runCli(['inspect', byTag()], { timeoutMs: 30_000 });
    assert.equal(run.status, 6, run.stderr);
    assert.match(run.stderr, named, `${m.name}: ${run.stderr}`);
  }
});
