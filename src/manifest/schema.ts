/**
 * zod schemas for the documents mfx reads from registries, named after the specs.
 *
 * Lenient on unknown fields (registries and builders add their own), strict on the fields
 * a spec requires and on the types of the fields mfx uses. Each schema exports a value and
 * a type of the same name.
 *
 * - OCI image-spec v1.1: descriptor.md, image-index.md, manifest.md, config.md
 * - Docker: distribution's docs/spec/manifest-v2-2.md (manifest list, image manifest v2)
 *   and manifest-v2-1.md (schema 1)
 */
import { z } from 'zod';
import { checkDigest } from '../ref/digest.js';

/** `algorithm:encoded`, with an algorithm mfx can verify (sha256, sha512). */
export const Digest = z.string().superRefine((value, ctx) => {
  const problem = checkDigest(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const Annotations = z.record(z.string(), z.string());

/** OCI image-spec image-index.md "platform"; Docker's manifest list uses the same fields. */
export const Platform = z.looseObject({
  architecture: z.string(),
  os: z.string(),
  'os.version': z.string().optional(),
  'os.features': z.array(z.string()).optional(),
  variant: z.string().optional(),
  features: z.array(z.string()).optional(),
});
export type Platform = z.infer<typeof Platform>;

/** OCI image-spec descriptor.md: mediaType, digest and size are required. */
export const Descriptor = z.looseObject({
  mediaType: z.string(),
  digest: Digest,
  size: z.number().int().nonnegative(),
  urls: z.array(z.string()).optional(),
  annotations: Annotations.optional(),
  artifactType: z.string().optional(),
  platform: Platform.optional(),
});
export type Descriptor = z.infer<typeof Descriptor>;

/** OCI image-spec image-index.md. `mediaType` SHOULD be present but may be omitted. */
export const OciImageIndex = z.looseObject({
  schemaVersion: z.literal(2),
  mediaType: z.literal('application/vnd.oci.image.index.v1+json').optional(),
  artifactType: z.string().optional(),
  manifests: z.array(Descriptor),
  subject: Descriptor.optional(),
  annotations: Annotations.optional(),
});
export type OciImageIndex = z.infer<typeof OciImageIndex>;

/** OCI image-spec manifest.md. */
export const OciImageManifest = z.looseObject({
  schemaVersion: z.literal(2),
  mediaType: z.literal('application/vnd.oci.image.manifest.v1+json').optional(),
  artifactType: z.string().optional(),
  config: Descriptor,
  layers: z.array(Descriptor),
  subject: Descriptor.optional(),
  annotations: Annotations.optional(),
});
export type OciImageManifest = z.infer<typeof OciImageManifest>;

/** Docker manifest list (manifest-v2-2.md "Manifest List"). */
export const DockerManifestList = z.looseObject({
  schemaVersion: z.literal(2),
  mediaType: z.literal('application/vnd.docker.distribution.manifest.list.v2+json'),
  manifests: z.array(Descriptor),
  /** Not in Docker's spec; read when a builder adds them anyway. */
  annotations: Annotations.optional(),
});
export type DockerManifestList = z.infer<typeof DockerManifestList>;

/** Docker image manifest v2 (manifest-v2-2.md "Image Manifest"). */
export const DockerImageManifest = z.looseObject({
  schemaVersion: z.literal(2),
  mediaType: z.literal('application/vnd.docker.distribution.manifest.v2+json'),
  config: Descriptor,
  layers: z.array(Descriptor),
  /** Not in Docker's spec; read when a builder adds them anyway. */
  annotations: Annotations.optional(),
});
export type DockerImageManifest = z.infer<typeof DockerImageManifest>;

/** Docker image manifest schema 1 (manifest-v2-1.md); `signatures` only in the signed form. */
export const DockerSchema1Manifest = z.looseObject({
  schemaVersion: z.literal(1),
  name: z.string(),
  tag: z.string(),
  architecture: z.string(),
  fsLayers: z.array(z.looseObject({ blobSum: Digest })),
  history: z.array(z.looseObject({ v1Compatibility: z.string() })),
  signatures: z
    .array(z.looseObject({ protected: z.string(), signature: z.string() }))
    .optional(),
});
export type DockerSchema1Manifest = z.infer<typeof DockerSchema1Manifest>;

/** The part of an image config (OCI config.md, Docker image JSON) mfx reads. */
export const ImageConfig = z.looseObject({
  architecture: z.string(),
  os: z.string(),
  variant: z.string().optional(),
  'os.version': z.string().optional(),
  'os.features': z.array(z.string()).optional(),
  created: z.string().optional(),
});
export type ImageConfig = z.infer<typeof ImageConfig>;

/** The first `history[].v1Compatibility` of a schema 1 manifest: the image's config. */
export const Schema1V1Compatibility = z.looseObject({
  os: z.string().optional(),
  architecture: z.string().optional(),
  variant: z.string().optional(),
  created: z.string().optional(),
});
