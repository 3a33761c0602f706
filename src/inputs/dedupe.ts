/**
 * Merging found references into one entry per image.
 *
 * Rules:
 * - The key is Docker's normalized, fully qualified form (`formatQualified(parseReference(r))`):
 *   `nginx`, `library/nginx`, `docker.io/library/nginx:latest` and
 *   `index.docker.io/library/nginx` are one image. A reference that does not parse keeps
 *   itself as its key, so it still reaches the command that reports it as invalid.
 * - First-seen order; the entry keeps the reference as first written; origins are merged in
 *   order, the same origin (kind, path, line, detail) only once.
 */

import { ReferenceParseError } from '../errors.js';
import { formatQualified, parseReference } from '../ref/reference.js';
import { sameOrigin } from './origin.js';
import type { FoundReference, ImageInput } from './types.js';

/** The deduplication key of a reference. */
export function referenceKey(reference: string): string {
  try {
    return formatQualified(parseReference(reference));
  } catch (err) {
    if (err instanceof ReferenceParseError) return reference;
    throw err;
  }
}

/** One `ImageInput` per key, in first-seen order, origins merged. */
export function dedupe(found: readonly FoundReference[]): ImageInput[] {
  const byKey = new Map<string, ImageInput>();
  for (const { reference, origin } of found) {
    const key = referenceKey(reference);
    const image = byKey.get(key);
    if (image === undefined) byKey.set(key, { reference, key, origins: [origin] });
    else if (!image.origins.some((o) => sameOrigin(o, origin))) image.origins.push(origin);
  }
  return [...byKey.values()];
}
