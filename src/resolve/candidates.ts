/**
 * The images an index offers, as candidates for platform selection, walking nested indexes
 * (an entry that is itself an index, as some builders produce). Attestations and entries of
 * unknown platform are never candidates. Each nested index is fetched once, by digest; the
 * walk stops at `MAX_DEPTH` levels and never revisits a digest.
 */
import { ManifestError } from '../errors.js';
import { type ImageDetails, readImage } from '../image.js';
import { classifyEntries } from '../manifest/entries.js';
import type { Platform } from '../manifest/schema.js';
import type { FetchedManifest } from '../registry/client.js';
import type { Reference } from '../ref/reference.js';
import type { ManifestSource } from '../source.js';

export const MAX_DEPTH = 4;

export interface Candidate {
  platform: Platform;
  digest: string;
  mediaType: string;
  /** Size of the image manifest, from its descriptor. */
  size: number;
  /** Digests of the nested indexes walked to reach it (empty for a direct entry). */
  via: string[];
}

export async function indexCandidates(
  source: ManifestSource,
  ref: Reference,
  index: FetchedManifest,
  via: string[] = [],
  seen: Set<string> = new Set([index.digest]),
): Promise<Candidate[]> {
  if (index.manifest.kind !== 'index') return [];
  const out: Candidate[] = [];
  for (const entry of classifyEntries(index.manifest)) {
    const d = entry.descriptor;
    if (entry.type === 'image' && entry.platform) {
      out.push({ platform: entry.platform, digest: d.digest, mediaType: d.mediaType, size: d.size, via });
    } else if (entry.type === 'index' && !seen.has(d.digest)) {
      if (via.length + 1 >= MAX_DEPTH) throw new ManifestError(`${ref.original}: indexes nested deeper than ${MAX_DEPTH} levels`);
      seen.add(d.digest);
      const nested = await source.getManifest(ref, d.digest);
      out.push(...(await indexCandidates(source, ref, nested, [...via, d.digest], seen)));
    }
  }
  return out;
}

/**
 * The candidates of whatever `top` is: an index's images (nested ones included), or the one
 * image a single manifest describes, with the platform of its config (read unless given).
 */
export async function candidatesOf(
  source: ManifestSource,
  ref: Reference,
  top: FetchedManifest,
  image?: ImageDetails,
): Promise<Candidate[]> {
  if (top.manifest.kind === 'index') return indexCandidates(source, ref, top);
  const details = image ?? (await readImage(source, ref, top));
  return [{ platform: details.platform, digest: top.digest, mediaType: top.mediaType, size: top.raw.length, via: [] }];
}
