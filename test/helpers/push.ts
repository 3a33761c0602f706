/**
 * Pushes fixtures into a test registry through the registry HTTP API, as alice:
 * monolithic blob uploads (POST, then PUT to the upload location with ?digest=), then
 * manifests (children by digest, the tagged one by tag), checking every digest the
 * registry reports against the fixture's.
 */
import { allFixtures, type Fixture } from '../fixtures/images.js';
import { digestOf } from '../fixtures/build.js';
import { authorizationFor } from './registry-auth.js';
import type { TestRegistry } from './registry.js';
import { ALICE } from './users.js';
import { type Dispatcher, fetch, type Response } from 'undici';

/** undici's fetch, through the registry's own dispatcher when it has one (a TLS registry's test CA). */
const fetchFor = (registry: TestRegistry) => (url: string | URL, init: Parameters<typeof fetch>[1] = {}) =>
  fetch(url, { ...init, ...(registry.dispatcher ? { dispatcher: registry.dispatcher as Dispatcher } : {}) });

async function expectStatus(res: Response, expected: number, what: string): Promise<void> {
  if (res.status !== expected) {
    throw new Error(`${what}: expected HTTP ${expected}, got ${res.status} ${await res.text()}`);
  }
  await res.body?.cancel();
}

function checkDigest(res: Response, expected: string, what: string): void {
  const got = res.headers.get('docker-content-digest');
  if (got !== expected) throw new Error(`${what}: registry says digest ${got}, fixture has ${expected}`);
}

async function pushBlob(registry: TestRegistry, repository: string, blob: Buffer, headers: Record<string, string>) {
  const fetch = fetchFor(registry);
  const digest = digestOf(blob);
  const what = `blob ${digest} of ${repository}`;
  const head = await fetch(`${registry.url}/v2/${repository}/blobs/${digest}`, { method: 'HEAD', headers });
  if (head.status === 200) return;
  const start = await fetch(`${registry.url}/v2/${repository}/blobs/uploads/`, { method: 'POST', headers });
  await expectStatus(start, 202, `start upload of ${what}`);
  const location = start.headers.get('location');
  if (location === null) throw new Error(`start upload of ${what}: no Location header`);
  const target = new URL(location, registry.url);
  target.searchParams.set('digest', digest);
  const put = await fetch(target, {
    method: 'PUT',
    headers: { ...headers, 'Content-Type': 'application/octet-stream' },
    body: blob,
  });
  await expectStatus(put, 201, `upload of ${what}`);
  checkDigest(put, digest, what);
}

async function pushManifest(
  registry: TestRegistry,
  repository: string,
  reference: string,
  manifest: Fixture['manifests'][number],
  headers: Record<string, string>,
): Promise<void> {
  const what = `manifest ${repository}:${reference}`;
  const fetch = fetchFor(registry);
  const res = await fetch(`${registry.url}/v2/${repository}/manifests/${reference}`, {
    method: 'PUT',
    headers: { ...headers, 'Content-Type': manifest.mediaType },
    body: manifest.bytes,
  });
  await expectStatus(res, 201, `push of ${what}`);
  checkDigest(res, manifest.digest, what);
}

/** Pushes one fixture's blobs and manifests; the last manifest gets the fixture's tag. */
export async function pushFixture(registry: TestRegistry, fixture: Fixture): Promise<void> {
  const authorization = await authorizationFor(registry, fixture.repository, ['pull', 'push'], ALICE);
  const headers: Record<string, string> = authorization ? { Authorization: authorization } : {};
  for (const blob of fixture.blobs) await pushBlob(registry, fixture.repository, blob, headers);
  const last = fixture.manifests.length - 1;
  for (const [i, manifest] of fixture.manifests.entries()) {
    const reference = i === last ? fixture.tag : manifest.digest;
    await pushManifest(registry, fixture.repository, reference, manifest, headers);
  }
}

/** Pushes every fixture of `allFixtures` (or the given ones), in order. */
export async function pushAll(registry: TestRegistry, fixtures: readonly Fixture[] = allFixtures): Promise<void> {
  for (const fixture of fixtures) await pushFixture(registry, fixture);
}
