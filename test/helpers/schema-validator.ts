/**
 * Validates a document against one of the JSON Schemas mfx ships in schema/, with a real
 * JSON Schema (draft 2020-12) validator, so the shipped files are checked, not only zod.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const ajv = new Ajv2020.default({ strict: false, allErrors: true });

export function validateAgainstShippedSchema(file: 'inspect.schema.json' | 'inspect-batch.schema.json' | 'check.schema.json', doc: unknown): string[] {
  const schema = JSON.parse(readFileSync(new URL(`../../schema/${file}`, import.meta.url), 'utf8'));
  const validate = ajv.getSchema(schema.$id) ?? ajv.compile(schema);
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
