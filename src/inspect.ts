/**
 * The inspect use case: a reference in, everything mfx knows about what it names out.
 * Nothing here prints; renderers turn the result into a table or JSON.
 *
 * Requests: one manifest GET answers an index (child manifests are not fetched: Docker Hub
 * counts every manifest GET against its pull limit); a single image adds its config blob.
 * `platform` resolves one image (nested indexes walked) and reads its manifest and config;
 * `sizes` reads every platform's manifest, concurrently and each once.
 */
import { type BatchOptions, type BatchOutcome, runBatch } from './batch.js';
import { type ImageDetails, compressedSizeOf, readImage } from './image.js';
import { type IndexEntry, classifyEntries } from './manifest/entries.js';
import type { Platform } from './platform/types.js';
import { type Reference, formatQualified, parseReference } from './ref/reference.js';
import { type FetchedManifest, type RegistryClientOptions, createRegistryClient } from './registry/client.js';
import type { RateLimit } from './registry/transport/rate-limit.js';
import { candidatesOf } from './resolve/candidates.js';
import { type PlatformRequest, platformRequest, requireCandidate } from './resolve/select.js';
import { type ManifestSource, memoizeByDigest } from './source.js';

export type { ImageDetails } from './image.js';

/** The image a `platform` request resolved to. */
export interface SelectedImage {
  request: PlatformRequest;
  /** The platform of the entry chosen. */
  platform: Platform;
  /** False when an older compatible variant stood in for the one requested. */
  exact: boolean;
  digest: string;
  mediaType: string;
  /** The exact bytes of the selected manifest (for --raw). */
  raw: Buffer;
  /** Nested indexes walked to reach it. */
  via: string[];
  image: ImageDetails;
}

export interface InspectResult {
  /** What the user typed. */
  input: string;
  reference: Reference;
  /** The host that answered (`registry-1.docker.io` for `docker.io`, or a mirror's). */
  host: string;
  /** True when a mirror answered instead of the registry itself. */
  fromMirror: boolean;
  digest: string;
  mediaType: string;
  kind: 'index' | 'manifest';
  /** The exact bytes served (for --raw). */
  raw: Buffer;
  /** Index entries, classified; empty for a single image. */
  entries: IndexEntry[];
  /** Present for a single image. */
  image: ImageDetails | undefined;
  /** Present when a platform was requested. */
  selected: SelectedImage | undefined;
  /** With `sizes`: compressed size (config plus layers) by image manifest digest. */
  sizes: Map<string, number | undefined> | undefined;
  /** The registry's pull quota as its last response reported it (Docker Hub). */
  rateLimit: RateLimit | undefined;
}

export interface InspectOptions extends RegistryClientOptions {
  /** Read from this source instead of a registry client made from the options. */
  source?: ManifestSource;
  /** A platform specifier (`arm64`, `linux/arm/v7`): resolve the image for it. */
  platform?: string;
  /** No fallback to older compatible variants. */
  strict?: boolean;
  /** Read every platform's manifest for its compressed size. */
  sizes?: boolean;
  /** The machine's platform, for specifiers that name only an OS (tests inject it). */
  host?: Platform;
}

export async function inspect(reference: string | Reference, options: InspectOptions = {}): Promise<InspectResult> {
  const ref = typeof reference === 'string' ? parseReference(reference) : reference;
  if (options.source) return inspectFrom(options.source, ref, options);
  const client = createRegistryClient(options);
  try {
    const result = await inspectFrom(client, ref, options);
    return { ...result, rateLimit: client.stats().rateLimits.get(ref.registry) };
  } finally {
    await client.close();
  }
}

/** Inspects many references in one run; each item has its result or its error. */
export async function inspectMany(inputs: readonly string[], options: InspectOptions & BatchOptions = {}): Promise<BatchOutcome<InspectResult>> {
  const outcome = await runBatch(inputs, (ref, source) => inspectFrom(source, ref, options), options);
  for (const item of outcome.items) {
    if (item.result) item.result.rateLimit = outcome.stats?.rateLimits.get(item.result.reference.registry);
  }
  return outcome;
}

export async function inspectFrom(
  from: ManifestSource,
  ref: Reference,
  options: Pick<InspectOptions, 'platform' | 'strict' | 'sizes' | 'host'> = {},
): Promise<InspectResult> {
  // Parse the platform before any request: a bad specifier is a usage error, not a fetch.
  const request = options.platform === undefined ? undefined : platformRequest(options.platform, options.strict, options.host);
  const source = memoizeByDigest(from);
  const top = await source.getManifest(ref);
  const index = top.manifest.kind === 'index' ? top.manifest : undefined;
  const image = index ? undefined : await readImage(source, ref, top);
  const result: InspectResult = {
    input: ref.original,
    reference: ref,
    host: top.endpoint.baseUrl.host,
    fromMirror: top.endpoint.registry !== ref.registry,
    digest: top.digest,
    mediaType: top.mediaType,
    kind: index ? 'index' : 'manifest',
    raw: top.raw,
    entries: index ? classifyEntries(index) : [],
    image,
    selected: undefined,
    sizes: undefined,
    rateLimit: undefined,
  };
  if (request) result.selected = await select(source, ref, top, image, request);
  if (options.sizes) result.sizes = await sizesOf(source, ref, result);
  return result;
}

async function select(
  source: ManifestSource,
  ref: Reference,
  top: FetchedManifest,
  image: ImageDetails | undefined,
  request: PlatformRequest,
): Promise<SelectedImage> {
  const candidates = await candidatesOf(source, ref, top, image);
  const { candidate, exact } = requireCandidate(candidates, request, formatQualified(ref));
  const fetched = image ? top : await source.getManifest(ref, candidate.digest);
  return {
    request,
    platform: candidate.platform,
    exact,
    digest: fetched.digest,
    mediaType: fetched.mediaType,
    raw: fetched.raw,
    via: candidate.via,
    image: image ?? (await readImage(source, ref, fetched)),
  };
}

/** Each platform's compressed size, from its manifest: one GET per distinct digest, all at once. */
async function sizesOf(source: ManifestSource, ref: Reference, r: InspectResult): Promise<Map<string, number | undefined>> {
  if (r.image) return new Map([[r.digest, r.image.compressedSize]]);
  const digests = [...new Set(r.entries.filter((e) => e.type === 'image').map((e) => e.descriptor.digest))];
  const sizes = await Promise.all(
    digests.map(async (digest) => {
      const fetched = await source.getManifest(ref, digest);
      const m = fetched.manifest;
      return m.kind === 'manifest' ? compressedSizeOf(m.config, m.layers) : undefined;
    }),
  );
  return new Map(digests.map((d, i) => [d, sizes[i]]));
}
