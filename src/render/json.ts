/**
 * `--json`: the inspect result in the documented shape of `render/schema.ts`, validated
 * against that schema before it is printed, so the output never drifts from its contract.
 */
import { layersSizeOf } from '../image.js';
import type { InspectResult, SelectedImage } from '../inspect.js';
import type { IndexEntry } from '../manifest/entries.js';
import type { Platform } from '../platform/types.js';
import { formatPlatform } from '../platform/format.js';
import { formatQualified, referenceName } from '../ref/reference.js';
import { INSPECT_SCHEMA_VERSION, InspectOutput, type OutputEntry, type SelectedOutput } from './schema.js';

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

function entryOf(e: IndexEntry, sizes: InspectResult['sizes']): OutputEntry {
  const d = e.descriptor;
  return {
    type: e.type,
    ...platformFields(e.platform),
    digest: d.digest,
    size: d.size,
    mediaType: d.mediaType,
    annotations: d.annotations ?? {},
    compressedSize: sizes?.get(d.digest) ?? null,
    attestation: e.describes
      ? { describes: { digest: e.describes.digest, platform: e.describes.platform ? formatPlatform(e.describes.platform) : null } }
      : null,
  };
}

function selectedOf(r: InspectResult, s: SelectedImage): SelectedOutput {
  const { image } = s;
  const p = platformFields(s.platform);
  return {
    requested: s.request.text,
    platform: formatPlatform(s.platform),
    os: s.platform.os,
    architecture: s.platform.architecture,
    variant: p.variant,
    osVersion: image.platform['os.version'] ?? p.osVersion,
    exact: s.exact,
    digest: s.digest,
    mediaType: s.mediaType,
    size: s.raw.length,
    pinned: `${referenceName(r.reference)}@${s.digest}`,
    config: image.config ? { digest: image.config.digest, mediaType: image.config.mediaType, size: image.config.size } : null,
    created: image.created ?? null,
    layers: { count: image.layers.length, compressedSize: layersSizeOf(image.layers) ?? null },
    compressedSize: image.compressedSize ?? null,
    via: s.via,
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
          compressedSize: r.sizes ? (r.image.compressedSize ?? null) : null,
          attestation: null,
        },
      ]
    : r.entries.map((e) => entryOf(e, r.sizes));
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
    selected: r.selected ? selectedOf(r, r.selected) : null,
    rateLimit: r.rateLimit ? { ...r.rateLimit, windowSeconds: r.rateLimit.windowSeconds ?? null } : null,
    source: { host: r.host, mirror: r.fromMirror },
    summary: { platforms: count('image'), attestations: count('attestation'), indexes: count('index'), unknown: count('unknown') },
  });
}

export function renderInspectJson(r: InspectResult): string {
  return `${JSON.stringify(toInspectOutput(r), null, 2)}\n`;
}
