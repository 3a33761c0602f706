/**
 * Where manifests come from. A registry is the first source; an OCI layout directory can
 * be another, as long as it answers these two reads with verified bytes.
 */
import type { FetchedManifest } from './registry/client.js';
import type { Reference } from './ref/reference.js';

export interface ManifestSource {
  /** The manifest the reference names (its digest, else its tag), or `identifier` (a digest). */
  getManifest(ref: Reference, identifier?: string): Promise<FetchedManifest>;
  /** A blob by digest, verified. */
  getBlob(ref: Reference, digest: string, maxBytes?: number): Promise<Buffer>;
}

/** Sources that already remember what they read: wrapping one again would only add a layer. */
const memoized = new WeakSet<ManifestSource>();

/**
 * A source that fetches each digest-addressed manifest and blob at most once per run:
 * content named by its digest never changes, so a second read is the first one's answer.
 */
export function memoizeByDigest(source: ManifestSource): ManifestSource {
  if (memoized.has(source)) return source;
  const manifests = new Map<string, Promise<FetchedManifest>>();
  const blobs = new Map<string, Promise<Buffer>>();
  const once = <T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> => {
    let hit = cache.get(key);
    if (hit === undefined) {
      hit = load();
      cache.set(key, hit);
      hit.catch(() => cache.delete(key));
    }
    return hit;
  };
  const memo: ManifestSource = {
    getManifest: (ref, identifier) =>
      identifier === undefined
        ? source.getManifest(ref)
        : once(manifests, `${ref.registry}/${ref.repository}@${identifier}`, () => source.getManifest(ref, identifier)),
    getBlob: (ref, digest, maxBytes) =>
      once(blobs, `${ref.registry}/${ref.repository}@${digest}`, () => source.getBlob(ref, digest, maxBytes)),
  };
  memoized.add(memo);
  return memo;
}
