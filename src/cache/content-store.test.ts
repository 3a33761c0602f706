import assert from 'node:assert/strict';
import { mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { computeDigest } from '../manifest/digest.js';
import { diskContentCache } from './content-store.js';

const dir = () => mkdtemp(join(tmpdir(), 'mfx-content-'));
const bytes = (s: string) => Buffer.from(s);

test('content round-trips by digest, as a private file', async () => {
  const d = await dir();
  const cache = diskContentCache(d);
  const b = bytes('{"schemaVersion":2}');
  const digest = computeDigest(b);
  assert.equal(await cache.get(digest), undefined);
  await cache.put(digest, b);
  assert.deepEqual(await diskContentCache(d).get(digest), b);
  const mode = (await stat(join(d, 'content', 'sha256', digest.slice(7)))).mode & 0o777;
  assert.equal(mode, 0o600);
});

test('a damaged file is dropped, never returned', async () => {
  const d = await dir();
  const cache = diskContentCache(d);
  const digest = computeDigest(bytes('good'));
  await cache.put(digest, bytes('good'));
  await writeFile(join(d, 'content', 'sha256', digest.slice(7)), 'evil');
  assert.equal(await cache.get(digest), undefined);
  assert.deepEqual(await readdir(join(d, 'content', 'sha256')), []);
});

test('tags are remembered across instances once flushed', async () => {
  const d = await dir();
  const cache = diskContentCache(d);
  cache.setTag('docker.io/library/nginx:1', 'sha256:aa');
  assert.equal(await cache.tagDigest('docker.io/library/nginx:1'), 'sha256:aa');
  await cache.flush();
  assert.equal(await diskContentCache(d).tagDigest('docker.io/library/nginx:1'), 'sha256:aa');
  assert.equal(await diskContentCache(d).tagDigest('docker.io/library/nginx:2'), undefined);
});

test('the content is trimmed to its bound, least recently used first', async () => {
  const d = await dir();
  const cache = diskContentCache(d, 1000);
  const items = [0, 1, 2, 3].map((i) => bytes(String(i).repeat(400)));
  for (const [i, b] of items.entries()) {
    await cache.put(computeDigest(b), b);
    // distinct mtimes, oldest first
    const t = new Date(Date.now() - (10 - i) * 1000);
    const { utimes } = await import('node:fs/promises');
    await utimes(join(d, 'content', 'sha256', computeDigest(b).slice(7)), t, t);
  }
  await cache.flush();
  const left = await readdir(join(d, 'content', 'sha256'));
  assert.ok(left.length <= 1, `${left.length} left`);
  assert.deepEqual(await cache.get(computeDigest(items[3]!)), items[3]);
});

test('a digest with path characters is refused', async () => {
  const cache = diskContentCache(await dir());
  await assert.rejects(cache.get('sha256:../../etc/passwd'));
});
