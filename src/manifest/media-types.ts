/**
 * Manifest media types mfx understands, and the Accept header that asks for all of them.
 *
 * Sources: OCI image-spec `specs-go/v1/mediatype.go`, and its media-types.md compatibility
 * matrix for the Docker schema 2 types; Docker schema 1 (signed) from distribution's
 * `manifest/schema1`. Registries choose what to serve from the Accept list, so the order
 * is the order of preference (indexes first, as docker asks).
 */

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
export const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';
/** Docker image manifest schema 1, signed with JWS ("prettyjws"). Deprecated, still served. */
export const DOCKER_SCHEMA1_SIGNED = 'application/vnd.docker.distribution.manifest.v1+prettyjws';
/** Docker image manifest schema 1, unsigned. */
export const DOCKER_SCHEMA1 = 'application/vnd.docker.distribution.manifest.v1+json';

/** What mfx asks registries for: every manifest kind it can read. */
export const MANIFEST_ACCEPT = [
  OCI_INDEX,
  DOCKER_LIST,
  OCI_MANIFEST,
  DOCKER_MANIFEST,
  DOCKER_SCHEMA1_SIGNED,
  DOCKER_SCHEMA1,
] as const;

export type ManifestKind = 'index' | 'manifest';

/** The kind of each known manifest media type. */
const KINDS: Record<string, ManifestKind> = {
  [OCI_INDEX]: 'index',
  [DOCKER_LIST]: 'index',
  [OCI_MANIFEST]: 'manifest',
  [DOCKER_MANIFEST]: 'manifest',
  [DOCKER_SCHEMA1_SIGNED]: 'manifest',
  [DOCKER_SCHEMA1]: 'manifest',
};

export function manifestKindOf(mediaType: string): ManifestKind | undefined {
  return KINDS[mediaType];
}

/**
 * Content types that say nothing about the manifest kind. Some registries and static
 * mirrors serve manifests as one of these; the body then tells the kind.
 */
const GENERIC_CONTENT_TYPES = new Set(['', 'application/json', 'text/plain', 'application/octet-stream', 'binary/octet-stream']);

export function isGenericContentType(contentType: string): boolean {
  return GENERIC_CONTENT_TYPES.has(contentType);
}

/** `Content-Type` without parameters, lowercased: `application/json; charset=utf-8` → `application/json`. */
export function bareContentType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

const SHORT_NAMES: Record<string, string> = {
  [OCI_INDEX]: 'oci index',
  [OCI_MANIFEST]: 'oci manifest',
  [DOCKER_LIST]: 'docker list',
  [DOCKER_MANIFEST]: 'docker v2',
  [DOCKER_SCHEMA1_SIGNED]: 'docker v1',
  [DOCKER_SCHEMA1]: 'docker v1',
};

/** A short label for tables: `application/vnd.oci.image.manifest.v1+json` → `oci manifest`. */
export function shortMediaType(mediaType: string): string {
  return SHORT_NAMES[mediaType] ?? mediaType;
}

const LONG_NAMES: Record<string, string> = {
  [OCI_INDEX]: 'OCI image index',
  [OCI_MANIFEST]: 'OCI image manifest',
  [DOCKER_LIST]: 'Docker manifest list',
  [DOCKER_MANIFEST]: 'Docker image manifest v2',
  [DOCKER_SCHEMA1_SIGNED]: 'Docker image manifest schema 1 (signed)',
  [DOCKER_SCHEMA1]: 'Docker image manifest schema 1',
};

/** A human name: `OCI image index`. */
export function describeMediaType(mediaType: string): string {
  return LONG_NAMES[mediaType] ?? mediaType;
}
