/**
 * Classifies the entries of an image index: which are runnable platforms, which are nested
 * indexes, which are attestations, and which carry no usable platform.
 *
 * BuildKit stores attestation manifests (SBOM, provenance) in the index beside the images,
 * with platform `unknown/unknown` and the annotations
 * `vnd.docker.reference.type: attestation-manifest` and
 * `vnd.docker.reference.digest: <digest of the image manifest it describes>`
 * (moby/buildkit docs/attestations/attestation-storage.md). Such an entry is never a
 * platform: it is tied to the image it describes, whose platform is looked up in the same
 * index. An `unknown/unknown` entry without those annotations, or an entry with no platform,
 * is of unknown platform.
 */
import { manifestKindOf } from './media-types.js';
import type { ParsedIndex } from './parse.js';
import type { Descriptor, Platform } from './schema.js';

export const ATTESTATION_TYPE_ANNOTATION = 'vnd.docker.reference.type';
export const ATTESTATION_TYPE = 'attestation-manifest';
export const ATTESTATION_DIGEST_ANNOTATION = 'vnd.docker.reference.digest';

export type EntryType = 'image' | 'index' | 'attestation' | 'unknown';

export interface IndexEntry {
  /** Position in the index's `manifests` array. */
  position: number;
  type: EntryType;
  descriptor: Descriptor;
  platform: Platform | undefined;
  /** For an attestation: the manifest it describes, and its platform when listed here. */
  describes: { digest: string; platform: Platform | undefined } | undefined;
}

export function isAttestation(d: Descriptor): boolean {
  return d.annotations?.[ATTESTATION_TYPE_ANNOTATION] === ATTESTATION_TYPE;
}

function hasUsablePlatform(p: Platform | undefined): p is Platform {
  return p !== undefined && p.os !== '' && p.os !== 'unknown' && p.architecture !== '' && p.architecture !== 'unknown';
}

function typeOf(d: Descriptor): EntryType {
  if (isAttestation(d)) return 'attestation';
  if (manifestKindOf(d.mediaType) === 'index') return 'index';
  return hasUsablePlatform(d.platform) ? 'image' : 'unknown';
}

export function classifyEntries(index: ParsedIndex): IndexEntry[] {
  const byDigest = new Map(index.manifests.map((d) => [d.digest, d]));
  return index.manifests.map((descriptor, position) => {
    const type = typeOf(descriptor);
    let describes: IndexEntry['describes'];
    const target = descriptor.annotations?.[ATTESTATION_DIGEST_ANNOTATION];
    if (type === 'attestation' && target !== undefined) {
      describes = { digest: target, platform: byDigest.get(target)?.platform };
    }
    return { position, type, descriptor, platform: descriptor.platform, describes };
  });
}
