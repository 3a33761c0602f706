/**
 * The JSON Schemas of mfx's `--json` outputs, generated from their zod contracts.
 * `schema/*.schema.json` hold this output (`npm run schema` rewrites them; a test checks that
 * the files are current).
 */
import { z } from 'zod';
import { CheckOutput } from './check-schema.js';
import { InspectBatchOutput, InspectOutput } from './schema.js';

const CONTRACTS = {
  'inspect.schema.json': { schema: InspectOutput, title: 'mfx inspect --json' },
  'inspect-batch.schema.json': { schema: InspectBatchOutput, title: 'mfx inspect --json, many images' },
  'check.schema.json': { schema: CheckOutput, title: 'mfx check --json' },
} as const;

export type SchemaFile = keyof typeof CONTRACTS;
export const SCHEMA_FILES = Object.keys(CONTRACTS) as SchemaFile[];

export function jsonSchema(file: SchemaFile): string {
  const { schema, title } = CONTRACTS[file];
  const json = {
    ...z.toJSONSchema(schema, { target: 'draft-2020-12' }),
    $id: `https://www.npmjs.com/package/mfx/schema/${file}`,
    title,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
