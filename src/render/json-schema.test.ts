import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { inspectJsonSchema } from './json-schema.js';

test('schema/inspect.schema.json is generated from the zod contract (run npm run schema)', () => {
  const shipped = readFileSync(new URL('../../schema/inspect.schema.json', import.meta.url), 'utf8');
  assert.equal(shipped, inspectJsonSchema());
});

test('the JSON Schema requires schemaVersion and the manifests list', () => {
  const schema = JSON.parse(inspectJsonSchema());
  assert.ok(schema.required.includes('schemaVersion'));
  assert.ok(schema.required.includes('manifests'));
  assert.equal(schema.properties.schemaVersion.const, 1);
});
