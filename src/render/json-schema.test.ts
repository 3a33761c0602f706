import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SCHEMA_FILES, jsonSchema } from './json-schema.js';

for (const file of SCHEMA_FILES) {
  test(`schema/${file} is generated from its zod contract (run npm run schema)`, () => {
    const shipped = readFileSync(new URL(`../../schema/${file}`, import.meta.url), 'utf8');
    assert.equal(shipped, jsonSchema(file));
  });

  test(`${file} requires schemaVersion 1`, () => {
    const schema = JSON.parse(jsonSchema(file));
    assert.ok(schema.required.includes('schemaVersion'));
    assert.equal(schema.properties.schemaVersion.const, 1);
  });
}
