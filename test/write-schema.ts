// Rewrites schema/inspect.schema.json from the zod contract: `npm run schema`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { inspectJsonSchema } from '../src/render/json-schema.js';

mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
writeFileSync(new URL('../schema/inspect.schema.json', import.meta.url), inspectJsonSchema());
