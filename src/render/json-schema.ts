/**
 * The JSON Schema of `mfx inspect --json`, generated from the zod contract in schema.ts.
 * `schema/inspect.schema.json` holds its output (`npm run schema` rewrites it; a test checks
 * that the file is current).
 */
import { z } from 'zod';
import { InspectOutput } from './schema.js';

export function inspectJsonSchema(): string {
  const schema = {
    ...z.toJSONSchema(InspectOutput, { target: 'draft-2020-12' }),
    $id: 'https://www.npmjs.com/package/mfx/schema/inspect.schema.json',
    title: 'mfx inspect --json',
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
