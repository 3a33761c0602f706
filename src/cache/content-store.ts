/**
 * Content named by its digest never changes, so manifests and config blobs read once are
 * kept on disk under `<cache dir>/content/<algorithm>/<hex>`, and verified again on every
 * read (a damaged file is dropped, never trusted). `tags.json` remembers which digest a tag
 * named last time, so that next time a HEAD request (which Docker Hub does not count against
 * its pull limit) can tell whether the cached manifest is still current.
 *
 * Bounded: when the content exceeds `maxBytes` (default 64 MiB), the least recently used
 * files are removed until it is under three quarters of that. Cache failures never fail a run.
 */
import { readdir, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { algorithmOf, computeDigest } from '../manifest/digest.js';
import { readOrUndefined, writePrivate } from './files.js';

export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;
/** Largest single item cached: manifests and configs are small; anything bigger is not kept. */
const MAX_ITEM_BYTES = 4 * 1024 * 1024;
const MAX_TAGS = 5000;

export interface ContentCache {
  /** The bytes of `digest`, verified, or undefined. */
  get(digest: string): Promise<Buffer | undefined>;
  put(digest: string, bytes: Buffer): Promise<void>;
  /** The digest `key` (`registry/repository:tag`) named when last fetched. */
  tagDigest(key: string): Promise<string | undefined>;
  setTag(key: string, digest: string): void;
  /** Saves the tag index and trims the content to its bound. */
  flush(): Promise<void>;
}

const Tags = z.record(z.string(), z.string());

export function diskContentCache(dir: string, maxBytes = DEFAULT_CACHE_BYTES): ContentCache {
  const contentDir = join(dir, 'content');
  const tagsFile = join(dir, 'tags.json');
  let tags: Promise<Map<string, string>> | undefined;
  let tagsChanged = false;
  let wrote = false;

  const pathOf = (digest: string) => {
    const algorithm = algorithmOf(digest);
    const hex = digest.slice(algorithm.length + 1);
    if (!/^[a-f0-9]+$/.test(hex)) throw new Error(`not a digest: ${digest}`);
    return join(contentDir, algorithm, hex);
  };
  const loadTags = () =>
    (tags ??= readOrUndefined(tagsFile).then((b) => {
      const parsed = Tags.safeParse(safeJson(b));
      return new Map(parsed.success ? Object.entries(parsed.data) : []);
    }));

  return {
    async get(digest) {
      const path = pathOf(digest);
      const bytes = await readOrUndefined(path);
      if (bytes === undefined) return undefined;
      if (computeDigest(bytes, algorithmOf(digest)) !== digest) {
        await rm(path, { force: true }).catch(() => {});
        return undefined;
      }
      const now = new Date();
      await utimes(path, now, now).catch(() => {});
      return bytes;
    },
    async put(digest, bytes) {
      if (bytes.length > MAX_ITEM_BYTES) return;
      wrote = (await writePrivate(pathOf(digest), bytes)) || wrote;
    },
    async tagDigest(key) {
      return (await loadTags()).get(key);
    },
    setTag(key, digest) {
      void loadTags().then((map) => {
        if (map.get(key) === digest) return;
        map.delete(key);
        map.set(key, digest);
        tagsChanged = true;
      });
    },
    async flush() {
      const map = tags && (await tags); // after every setTag's update, which was queued first
      if (map && tagsChanged) {
        const kept = [...map].slice(-MAX_TAGS);
        await writePrivate(tagsFile, `${JSON.stringify(Object.fromEntries(kept))}\n`);
      }
      if (wrote) await trim(contentDir, maxBytes);
    },
  };
}

function safeJson(bytes: Buffer | undefined): unknown {
  try {
    return bytes === undefined ? undefined : JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Removes least recently used files until the content is under 3/4 of `maxBytes`. */
async function trim(contentDir: string, maxBytes: number): Promise<void> {
  const files: { path: string; size: number; used: number }[] = [];
  for (const algorithm of await readdir(contentDir).catch(() => [] as string[])) {
    for (const name of await readdir(join(contentDir, algorithm)).catch(() => [] as string[])) {
      const path = join(contentDir, algorithm, name);
      const s = await stat(path).catch(() => undefined);
      if (s?.isFile()) files.push({ path, size: s.size, used: s.mtimeMs });
    }
  }
  let total = files.reduce((sum, f) => sum + f.size, 0);
  if (total <= maxBytes) return;
  for (const f of files.sort((a, b) => a.used - b.used)) {
    if (total <= maxBytes * 0.75) break;
    await rm(f.path, { force: true }).catch(() => {});
    total -= f.size;
  }
}
