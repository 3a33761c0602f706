/**
 * Reference lists: the format of `--file FILE` and of standard input (`-`).
 *
 * Rules:
 * - One reference per line, trimmed; blank lines are skipped.
 * - `#` starts a comment at the start of a line or after whitespace (space or tab), so
 *   `nginx:1.27  # web` is `nginx:1.27`. A `#` glued to text stays (it is no reference
 *   character, so such a line fails later as an invalid reference, where the user sees it).
 * - Line endings may be LF, CRLF or CR; a leading byte order mark is ignored.
 * - Each reference keeps the 1-based line it was on.
 */

import type { FoundReference, Origin } from './types.js';

const COMMENT = /(^|[ \t])#.*$/;

/** Splits text into lines on LF, CRLF or CR, without a leading byte order mark. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/** Parses a reference list; each result's origin is `origin` plus its line. */
export function parseReferenceList(text: string, origin: Omit<Origin, 'line'>): FoundReference[] {
  const found: FoundReference[] = [];
  splitLines(text).forEach((raw, index) => {
    const reference = raw.replace(COMMENT, '').trim();
    if (reference !== '') found.push({ reference, origin: { ...origin, line: index + 1 } });
  });
  return found;
}
