/**
 * Ordering of reference strings, most specific first.
 *
 * Rules:
 * - Each string is read with `parseAnyReference` and replaced by its normalized form
 *   (`busybox` → `docker.io/library/busybox`).
 * - Ranks: name+tag+digest, then name+tag, then name+digest, then name only, then bare
 *   digests; within a rank, by string (code unit order, which is byte order for the ASCII that
 *   references are made of).
 * - Strings that do not parse come last, unchanged, sorted among themselves.
 *
 * Example: `['x.io/n:latest', 'x.io/n@sha256:…', 'x.io/n:latest@sha256:…']` →
 * `['x.io/n:latest@sha256:…', 'x.io/n:latest', 'x.io/n@sha256:…']`.
 */

import { ReferenceParseError } from '../errors.js';
import { kindOf, stringOf, type AnyReference, type ReferenceKind } from './model.js';
import { parseAnyReference } from './normalize.js';

const RANK: Readonly<Record<ReferenceKind, number>> = {
  'tagged+digested': 1,
  tagged: 2,
  digested: 3,
  name: 4,
  digest: 5,
};

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts references most specific first; unparsable strings go last. */
export function sortReferences(references: readonly string[]): string[] {
  const parsed: AnyReference[] = [];
  const bad: string[] = [];
  for (const text of references) {
    try {
      parsed.push(parseAnyReference(text));
    } catch (err) {
      if (!(err instanceof ReferenceParseError)) throw err;
      bad.push(text);
    }
  }
  const ranked = parsed.map((ref) => ({ rank: RANK[kindOf(ref)], text: stringOf(ref) }));
  ranked.sort((a, b) => a.rank - b.rank || byString(a.text, b.text));
  return [...ranked.map((r) => r.text), ...bad.sort(byString)];
}
