/**
 * The inspect use case: a reference in, everything mfx knows about what it names out.
 * Nothing here prints; renderers turn the result into a table or JSON.
 *
 * For an index or manifest list, one manifest request answers it: child manifests are not
 * fetched (Docker Hub counts every manifest GET against its pull limit). For a single image,
 * its platform lives in its config blob, which is fetched too.
 */
import { ManifestError } from './errors.js';
import { type IndexEntry, classifyEntries } from './manifest/entries.js';
import type { LayerRef } from './manifest/parse.js';
import { type Descriptor, ImageConfig, type Platform } from './manifest/schema.js';
import { type Reference, parseReference } from './ref/reference.js';
import { type FetchedManifest, type RegistryClientOptions, createRegistryClient } from './registry/client.js';
import type { ManifestSource } from './source.js';

/** What a single image adds: its platform (from its config) and its parts. */
export interface ImageDetails {
  platform: Platform;
  config: Descriptor | undefined;
  layers: LayerRef[];
  created: string | undefined;
}

export interface InspectResult {
  /** What the user typed. */
  input: string;
  reference: Reference;
  /** The host that answered (`registry-1.docker.io` for `docker.io`). */
  host: string;
  digest: string;
  mediaType: string;
  kind: 'index' | 'manifest';
  /** The exact bytes served (for --raw). */
  raw: Buffer;
  /** Index entries, classified; empty for a single image. */
  entries: IndexEntry[];
  /** Present for a single image. */
  image: ImageDetails | undefined;
}

export interface InspectOptions extends RegistryClientOptions {
  /** Read from this source instead of a registry client made from the options. */
  source?: ManifestSource;
}

export async function inspect(reference: string | Reference, options: InspectOptions = {}): Promise<InspectResult> {
  const ref = typeof reference === 'string' ? parseReference(reference) : reference;
  if (options.source) return inspectFrom(options.source, ref);
  const client = createRegistryClient(options);
  try {
    return await inspectFrom(client, ref);
  } finally {
    await client.close();
  }
}

export async function inspectFrom(source: ManifestSource, ref: Reference): Promise<InspectResult> {
  const fetched = await source.getManifest(ref);
  const { manifest } = fetched;
  const base = {
    input: ref.original,
    reference: ref,
    host: fetched.endpoint.baseUrl.host,
    digest: fetched.digest,
    mediaType: fetched.mediaType,
    raw: fetched.raw,
  };
  if (manifest.kind === 'index') {
    return { ...base, kind: 'index', entries: classifyEntries(manifest), image: undefined };
  }
  return { ...base, kind: 'manifest', entries: [], image: await imageDetails(source, ref, fetched) };
}

async function imageDetails(source: ManifestSource, ref: Reference, fetched: FetchedManifest): Promise<ImageDetails> {
  const m = fetched.manifest;
  if (m.kind !== 'manifest') throw new Error('imageDetails needs an image manifest');
  if (m.config === undefined) {
    return { platform: m.platform ?? { os: 'unknown', architecture: 'unknown' }, config: undefined, layers: m.layers, created: undefined };
  }
  const bytes = await source.getBlob(ref, m.config.digest);
  let config: ImageConfig;
  try {
    config = ImageConfig.parse(JSON.parse(bytes.toString('utf8')));
  } catch (cause) {
    throw new ManifestError(`config ${m.config.digest} of ${ref.original} is not a valid image config`, { cause });
  }
  const platform: Platform = { os: config.os, architecture: config.architecture };
  if (config.variant) platform.variant = config.variant;
  if (config['os.version']) platform['os.version'] = config['os.version'];
  if (config['os.features']) platform['os.features'] = config['os.features'];
  return { platform, config: m.config, layers: m.layers, created: config.created };
}
