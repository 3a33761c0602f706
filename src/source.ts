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
