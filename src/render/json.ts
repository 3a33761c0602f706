/**
 * `--json`: the inspect result in the documented shape of `render/schema.ts`, validated
 * against that schema before it is printed, so the output never drifts from its contract.
 */
import type { InspectResult } from '../inspect.js';
import type { IndexEntry } from '../manifest/entries.js';
import type { Platform } from '../manifest/schema.js';
import { formatPlatform } from '../platform/format.js';
import { formatQualified } from '../ref/reference.js';
import { INSPECT_SCHEMA_VERSION, InspectOutput, type OutputEntry } from './schema.js';

function platformFields(p: Platform | undefined) {
  return {
    platform: p ? formatPlatform(p) : null,
    os: p?.os ?? null,
    architecture: p?.architecture ?? null,
    variant: p?.variant ?? null,
    osVersion: p?.['os.version'] ?? null,
    osFeatures: p?.['os.features'] ?? [],
  };
}

function entryOf(e: IndexEntry): OutputEntry {
  const d = e.descriptor;
  return {
    type: e.type,
    ...platformFields(e.platform),
    digest: d.digest,
    size: d.size,
    mediaType: d.mediaType,
    annotations: d.annotations ?? {},
    attestation: e.describes
      ? { describes: { digest: e.describes.digest, platform: e.describes.platform ? formatPlatform(e.describes.platform) : null } }
      : null,
  };
}

export function toInspectOutput(r: InspectResult): InspectOutput {
  const manifests: OutputEntry[] = r.image
    ? [
        {
          type: 'image',
          ...platformFields(r.image.platform),
          digest: r.digest,
          size: r.raw.length,
          mediaType: r.mediaType,
          annotations: {},
          attestation: null,
        },
      ]
    : r.entries.map(entryOf);
  const count = (t: OutputEntry['type']) => manifests.filter((m) => m.type === t).length;
  return InspectOutput.parse({
    schemaVersion: INSPECT_SCHEMA_VERSION,
    input: r.input,
    reference: formatQualified(r.reference),
    registry: r.reference.registry,
    repository: r.reference.repository,
    tag: r.reference.tag ?? null,
    digest: r.digest,
    mediaType: r.mediaType,
    kind: r.kind,
    size: r.raw.length,
    manifests,
    summary: { platforms: count('image'), attestations: count('attestation'), indexes: count('index'), unknown: count('unknown') },
  });
}

export function renderInspectJson(r: InspectResult): string {
  return `${JSON.stringify(toInspectOutput(r), null, 2)}\n`;
}
