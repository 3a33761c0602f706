/**
 * Turns the bytes a registry served into a validated manifest value.
 *
 * The kind comes from the body's `mediaType` when it names a known type (it is covered by
 * the digest), else from the response Content-Type, else from the body's shape: an OCI
 * index may omit `mediaType` (image-index.md), schema 1 has none, and some registries and
 * static mirrors serve every manifest as `application/json`. The body is then validated
 * with the schema for that type; a failure names the field at fault.
 */
import type { z } from 'zod';
import { ManifestError } from '../errors.js';
import {
  DOCKER_LIST,
  DOCKER_MANIFEST,
  DOCKER_SCHEMA1,
  DOCKER_SCHEMA1_SIGNED,
  OCI_INDEX,
  OCI_MANIFEST,
  bareContentType,
  isGenericContentType,
  manifestKindOf,
} from './media-types.js';
import {
  type Descriptor,
  DockerImageManifest,
  DockerManifestList,
  DockerSchema1Manifest,
  OciImageIndex,
  OciImageManifest,
  type Platform,
  Schema1V1Compatibility,
} from './schema.js';

/** An image index or manifest list: a list of descriptors. */
export interface ParsedIndex {
  kind: 'index';
  mediaType: string;
  manifests: Descriptor[];
  annotations: Record<string, string>;
}

/** A layer as listed by a manifest; schema 1 gives no size or media type. */
export interface LayerRef {
  digest: string;
  size: number | undefined;
  mediaType: string | undefined;
}

/** One image: a config and layers (schema 1 carries its platform inline instead of a config). */
export interface ParsedImage {
  kind: 'manifest';
  mediaType: string;
  config: Descriptor | undefined;
  layers: LayerRef[];
  /** Only for schema 1, whose platform is in the manifest itself. */
  platform: Platform | undefined;
  annotations: Record<string, string>;
}

export type ParsedManifest = ParsedIndex | ParsedImage;

/** Parses and validates manifest bytes. Throws ManifestError for anything malformed. */
export function parseManifest(raw: Uint8Array, contentType?: string): ParsedManifest {
  const body = parseJson(raw);
  const mediaType = resolveMediaType(body, contentType);
  switch (mediaType) {
    case OCI_INDEX:
      return indexOf(mediaType, validate(OciImageIndex, body, mediaType));
    case DOCKER_LIST:
      return indexOf(mediaType, validate(DockerManifestList, body, mediaType));
    case OCI_MANIFEST:
      return imageOf(mediaType, validate(OciImageManifest, body, mediaType));
    case DOCKER_MANIFEST:
      return imageOf(mediaType, validate(DockerImageManifest, body, mediaType));
    default:
      return schema1Of(mediaType, validate(DockerSchema1Manifest, body, mediaType));
  }
}

function parseJson(raw: Uint8Array): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(raw).toString('utf8'));
  } catch (cause) {
    throw new ManifestError(`manifest is not valid JSON (${(cause as Error).message})`, { cause });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ManifestError('manifest is not a JSON object');
  }
  return body as Record<string, unknown>;
}

/** Decides which known media type the document is, or throws naming what was served. */
export function resolveMediaType(body: Record<string, unknown>, contentType?: string): string {
  const declared = typeof body.mediaType === 'string' ? body.mediaType : undefined;
  if (declared !== undefined) {
    if (manifestKindOf(declared)) return declared;
    throw new ManifestError(`unsupported manifest media type ${JSON.stringify(declared)}`, { mediaType: declared });
  }
  const header = bareContentType(contentType);
  if (manifestKindOf(header)) return header;
  if (!isGenericContentType(header)) {
    throw new ManifestError(`unsupported manifest media type ${JSON.stringify(header)}`, { mediaType: header });
  }
  if (body.schemaVersion === 1) return Array.isArray(body.signatures) ? DOCKER_SCHEMA1_SIGNED : DOCKER_SCHEMA1;
  if (Array.isArray(body.manifests)) return OCI_INDEX;
  if (body.config !== undefined) return OCI_MANIFEST;
  throw new ManifestError('cannot tell the manifest kind: no mediaType, no manifests and no config');
}

function validate<T extends z.ZodType>(schema: T, body: unknown, mediaType: string): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.length ? issue.path.map(String).join('.') : '(document)';
    return `${path}: ${issue.message}`;
  });
  throw new ManifestError(`malformed ${mediaType}: ${issues.join('; ')}`, { mediaType });
}

function indexOf(mediaType: string, doc: OciImageIndex | DockerManifestList): ParsedIndex {
  const annotations = doc.annotations ?? {};
  return { kind: 'index', mediaType, manifests: doc.manifests, annotations };
}

function imageOf(mediaType: string, doc: OciImageManifest | DockerImageManifest): ParsedImage {
  return {
    kind: 'manifest',
    mediaType,
    config: doc.config,
    layers: doc.layers.map((l) => ({ digest: l.digest, size: l.size, mediaType: l.mediaType })),
    platform: undefined,
    annotations: doc.annotations ?? {},
  };
}

function schema1Of(mediaType: string, doc: DockerSchema1Manifest): ParsedImage {
  let v1: z.infer<typeof Schema1V1Compatibility> = {};
  const first = doc.history[0]?.v1Compatibility;
  if (first !== undefined) {
    const parsed = Schema1V1Compatibility.safeParse(safeJson(first));
    if (parsed.success) v1 = parsed.data;
  }
  const platform: Platform = { os: v1.os ?? 'linux', architecture: doc.architecture || v1.architecture || '' };
  if (v1.variant) platform.variant = v1.variant;
  return {
    kind: 'manifest',
    mediaType: mediaType === DOCKER_SCHEMA1 ? DOCKER_SCHEMA1 : DOCKER_SCHEMA1_SIGNED,
    config: undefined,
    layers: doc.fsLayers.map((l) => ({ digest: l.blobSum, size: undefined, mediaType: undefined })),
    platform,
    annotations: {},
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
