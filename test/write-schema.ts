// Rewrites schema/*.schema.json from the zod contracts: `npm run schema`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { SCHEMA_FILES, jsonSchema } from '../src/render/json-schema.js';

mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
for (const file of SCHEMA_FILES) writeFileSync(new URL(`../schema/${file}`, import.meta.url), jsonSchema(file));
