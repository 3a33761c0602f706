/**
 * The `--json` contract of `mfx inspect`: this zod schema is its one definition.
 * `schema/inspect.schema.json` is generated from it (`npm run schema`) and ships in the package.
 *
 * Stability: fields are only ever added within a `schemaVersion`; a rename or removal
 * raises it. `null` means "not set" (no tag, no variant); arrays and objects are never null.
 */
import { z } from 'zod';

export const INSPECT_SCHEMA_VERSION = 1;

export const EntryType = z
  .enum(['image', 'index', 'attestation', 'unknown'])
  .describe('image: a runnable platform; index: a nested index; attestation: SBOM/provenance; unknown: no usable platform');

export const OutputEntry = z
  .object({
    type: EntryType,
    platform: z.string().nullable().describe('os/architecture[/variant], e.g. linux/arm/v7; null when the entry has no platform'),
    os: z.string().nullable(),
    architecture: z.string().nullable(),
    variant: z.string().nullable(),
    osVersion: z.string().nullable().describe('platform "os.version" (Windows builds)'),
    osFeatures: z.array(z.string()).describe('platform "os.features"'),
    digest: z.string(),
    size: z.number().int().describe('size in bytes of the manifest this entry points at'),
    mediaType: z.string(),
    annotations: z.record(z.string(), z.string()),
    compressedSize: z
      .number()
      .int()
      .nullable()
      .describe('config plus layers in bytes, for images with --sizes; null otherwise'),
    attestation: z
      .object({
        describes: z.object({
          digest: z.string().describe('digest of the image manifest the attestation is about'),
          platform: z.string().nullable().describe('that image\'s platform, when it is listed in this index'),
        }),
      })
      .nullable()
      .describe('set for attestation entries only'),
  })
  .describe('one entry of the index; for a single image, the image itself');
export type OutputEntry = z.infer<typeof OutputEntry>;

export const SelectedOutput = z
  .object({
    requested: z.string().describe('the --platform value as given'),
    platform: z.string().describe('the platform of the entry chosen: os/architecture[/variant]'),
    os: z.string(),
    architecture: z.string(),
    variant: z.string().nullable(),
    osVersion: z.string().nullable(),
    exact: z.boolean().describe('false when an older compatible variant stood in (arm/v6 for arm/v7)'),
    digest: z.string().describe('digest of the selected image manifest'),
    mediaType: z.string(),
    size: z.number().int().describe('size in bytes of the selected image manifest'),
    pinned: z.string().describe('registry/repository@digest, to pull exactly this image'),
    config: z.object({ digest: z.string(), mediaType: z.string(), size: z.number().int() }).nullable(),
    created: z.string().nullable().describe('the config\'s "created" time, as written there'),
    layers: z.object({
      count: z.number().int(),
      compressedSize: z.number().int().nullable().describe('sum of the layer sizes; null when unknown (schema 1)'),
    }),
    compressedSize: z.number().int().nullable().describe('config plus layers in bytes; null when unknown'),
    via: z.array(z.string()).describe('digests of the nested indexes walked to reach it'),
  })
  .describe('with --platform: the image chosen for that platform');
export type SelectedOutput = z.infer<typeof SelectedOutput>;

export const RateLimitOutput = z
  .object({
    limit: z.number().int(),
    remaining: z.number().int(),
    windowSeconds: z.number().int().nullable(),
  })
  .describe('the pull quota the registry reported (Docker Hub: ratelimit-limit / ratelimit-remaining)');

export const InspectOutput = z
  .object({
    schemaVersion: z.literal(INSPECT_SCHEMA_VERSION),
    input: z.string().describe('the reference as typed'),
    reference: z.string().describe('fully qualified: docker.io/library/nginx:latest'),
    registry: z.string().describe('registry name: docker.io, ghcr.io, localhost:5000'),
    repository: z.string().describe('library/nginx'),
    tag: z.string().nullable(),
    digest: z.string().describe('digest of the manifest or index the reference names'),
    mediaType: z.string(),
    kind: z.enum(['index', 'manifest']),
    size: z.number().int().describe('size in bytes of that manifest or index'),
    manifests: z.array(OutputEntry),
    selected: SelectedOutput.nullable(),
    rateLimit: RateLimitOutput.nullable(),
    source: z
      .object({ host: z.string().describe('host[:port] that answered'), mirror: z.boolean().describe('a mirror answered, not the registry') })
      .describe('where the manifest came from'),
    summary: z.object({
      platforms: z.number().int(),
      attestations: z.number().int(),
      indexes: z.number().int(),
      unknown: z.number().int(),
    }),
  })
  .describe('mfx inspect --json');
export type InspectOutput = z.infer<typeof InspectOutput>;

export const BatchItemOutput = z.object({
  input: z.string().describe('the reference as written'),
  origins: z.array(z.string()).describe('where it came from: argument, file:line, compose/kubernetes/Dockerfile location'),
  status: z.enum(['ok', 'error']),
  error: z
    .object({ kind: z.string(), exitCode: z.number().int(), message: z.string() })
    .nullable(),
  result: InspectOutput.nullable().describe('the single-image document, when status is ok'),
});

export const InspectBatchOutput = z
  .object({
    schemaVersion: z.literal(INSPECT_SCHEMA_VERSION),
    images: z.array(BatchItemOutput),
    summary: z.object({ images: z.number().int(), ok: z.number().int(), failed: z.number().int() }),
    exitCode: z.number().int(),
  })
  .describe('mfx inspect --json with more than one image (several arguments, --file, - or --from)');
export type InspectBatchOutput = z.infer<typeof InspectBatchOutput>;
