/**
 * What one image manifest says about its image: the platform (from its config blob, or from
 * the manifest itself for schema 1), the config, the layers and their compressed size.
 * Reading the config costs one blob request.
 */
import { ManifestError } from './errors.js';
import type { LayerRef } from './manifest/parse.js';
import { type Descriptor, ImageConfig, type Platform } from './manifest/schema.js';
import type { FetchedManifest } from './registry/client.js';
import { type Reference, formatQualified } from './ref/reference.js';
import type { ManifestSource } from './source.js';

export interface ImageDetails {
  platform: Platform;
  config: Descriptor | undefined;
  layers: LayerRef[];
  created: string | undefined;
  /** Config plus layers, in bytes, as listed by the manifest; undefined for schema 1 (no sizes). */
  compressedSize: number | undefined;
}

/** Sum of the layer sizes a manifest lists, or undefined when any is unknown (schema 1). */
export function layersSizeOf(layers: readonly LayerRef[]): number | undefined {
  let total = 0;
  for (const layer of layers) {
    if (layer.size === undefined) return undefined;
    total += layer.size;
  }
  return total;
}

/** Sum of the config and layer sizes a manifest lists, or undefined when any is unknown. */
export function compressedSizeOf(config: Descriptor | undefined, layers: readonly LayerRef[]): number | undefined {
  const layersSize = layersSizeOf(layers);
  return config === undefined || layersSize === undefined ? undefined : config.size + layersSize;
}

export async function readImage(source: ManifestSource, ref: Reference, fetched: FetchedManifest): Promise<ImageDetails> {
  const m = fetched.manifest;
  if (m.kind !== 'manifest') throw new ManifestError(`${formatQualified(ref)}: expected an image manifest, got ${m.mediaType}`);
  if (m.config === undefined) {
    const platform = m.platform ?? { os: 'unknown', architecture: 'unknown' };
    return { platform, config: undefined, layers: m.layers, created: undefined, compressedSize: undefined };
  }
  const bytes = await source.getBlob(ref, m.config.digest);
  let config: ImageConfig;
  try {
    config = ImageConfig.parse(JSON.parse(bytes.toString('utf8')));
  } catch (cause) {
    throw new ManifestError(`config ${m.config.digest} of ${formatQualified(ref)} is not a valid image config`, { cause });
  }
  const platform: Platform = { os: config.os, architecture: config.architecture };
  if (config.variant) platform.variant = config.variant;
  if (config['os.version']) platform['os.version'] = config['os.version'];
  if (config['os.features']) platform['os.features'] = config['os.features'];
  return {
    platform,
    config: m.config,
    layers: m.layers,
    created: config.created,
    compressedSize: compressedSizeOf(m.config, m.layers),
  };
}
