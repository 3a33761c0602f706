/**
 * The `--json` contract of `mfx check`: this zod schema is its one definition;
 * `schema/check.schema.json` is generated from it. Same stability rules as inspect's.
 */
import { z } from 'zod';

export const CHECK_SCHEMA_VERSION = 1;

export const CheckPlatformOutput = z.object({
  requested: z.string().describe('the platform as given on the command line'),
  platform: z.string().describe('normalized: os/architecture[/variant]'),
  present: z.boolean(),
  exact: z.boolean().nullable().describe('false when an older compatible variant serves it; null when absent'),
  matched: z.string().nullable().describe('platform of the entry that serves it'),
  digest: z.string().nullable().describe('digest of that entry\'s manifest'),
});

export const CheckImageOutput = z.object({
  input: z.string(),
  origins: z.array(z.string()).describe('where the reference came from: argument, file:line, compose/kubernetes/Dockerfile location'),
  reference: z.string().nullable().describe('fully qualified; null when the input is not a valid reference'),
  digest: z.string().nullable().describe('digest of the index or manifest checked'),
  status: z.enum(['ok', 'missing', 'error']),
  platforms: z.array(CheckPlatformOutput).describe('one per requested platform; empty on error'),
  error: z
    .object({ kind: z.string(), exitCode: z.number().int(), message: z.string() })
    .nullable()
    .describe('why the image could not be checked'),
});

export const CheckOutput = z
  .object({
    schemaVersion: z.literal(CHECK_SCHEMA_VERSION),
    platforms: z.array(z.string()).describe('the requested platforms, normalized'),
    strict: z.boolean(),
    ok: z.boolean().describe('every image offers every platform'),
    exitCode: z.number().int(),
    images: z.array(CheckImageOutput),
    summary: z.object({ images: z.number().int(), ok: z.number().int(), missing: z.number().int(), failed: z.number().int() }),
  })
  .describe('mfx check --json');
export type CheckOutput = z.infer<typeof CheckOutput>;
