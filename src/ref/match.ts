/**
 * Shell-style matching of references against patterns, as Go's `path.Match` does it.
 *
 * Pattern rules:
 * - `*` matches any run of characters except `/`; `**` is just two `*` (it does not cross `/`).
 * - `?` matches one character except `/`.
 * - `[abc]`, `[a-z]`, `[^a-z]` match one character from (or not from) a class; `\` escapes.
 * - Any other character matches itself. The whole text must match.
 * - A malformed pattern (`[-x]`, `[a`, trailing `\`) throws a `UsageError` with the message
 *   `syntax error in pattern`, even when the text would not have matched anyway.
 *
 * `familiarMatch` tries the familiar string first, then the familiar name: for the reference
 * `docker.io/library/nginx:1.27`, the patterns `nginx:1.*` (string) and `ngin?` (name) match,
 * and for `example.com/foo/baz:tag` the pattern `example.com/foo/ba[rz]` matches.
 */

import { UsageError } from '../errors.js';
import { isNamed, type AnyReference } from './model.js';
import { toFamiliarName, toFamiliarString } from './normalize.js';

export const PATTERN_SYNTAX_ERROR = 'syntax error in pattern';

type Chars = readonly string[];

function badPattern(): UsageError {
  return new UsageError(PATTERN_SYNTAX_ERROR, {
    hint: 'patterns use *, ?, [a-z] and [^a-z]; escape a literal character with \\',
  });
}

/** Splits off leading stars and the chunk up to the next unbracketed star. */
function scanChunk(pattern: Chars): { star: boolean; chunk: Chars; rest: Chars } {
  let i = 0;
  while (pattern[i] === '*') i++;
  const start = i;
  let inRange = false;
  for (; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i += i + 1 < pattern.length ? 1 : 0;
    else if (c === '[') inRange = true;
    else if (c === ']') inRange = false;
    else if (c === '*' && !inRange) break;
  }
  return { star: start > 0, chunk: pattern.slice(start, i), rest: pattern.slice(i) };
}

/** Reads one (possibly escaped) class character at `at`; returns its code point and the next index. */
function classChar(chunk: Chars, at: number): { code: number; next: number } {
  let i = at;
  if (i >= chunk.length || chunk[i] === '-' || chunk[i] === ']') throw badPattern();
  if (chunk[i] === '\\') i++;
  const c = chunk[i];
  if (c === undefined || i + 1 >= chunk.length) throw badPattern();
  return { code: c.codePointAt(0) ?? 0, next: i + 1 };
}

/** Matches a `[...]` class at `at` against `ch`; returns whether it matched and the next index. */
function matchClass(chunk: Chars, at: number, ch: string | undefined): { ok: boolean; next: number } {
  let i = at + 1;
  const negated = chunk[i] === '^';
  if (negated) i++;
  const code = ch?.codePointAt(0) ?? -1;
  let matched = false;
  for (let ranges = 0; !(chunk[i] === ']' && ranges > 0); ranges++) {
    const lo = classChar(chunk, i);
    let hi = lo;
    if (chunk[lo.next] === '-') hi = classChar(chunk, lo.next + 1);
    if (lo.code <= code && code <= hi.code) matched = true;
    i = hi.next;
  }
  return { ok: matched !== negated, next: i + 1 };
}

/** Matches a star-free chunk at the start of `s`; returns the rest of `s`, or undefined. */
function matchChunk(chunk: Chars, s: Chars): Chars | undefined {
  let failed = false;
  let k = 0;
  for (let c = 0; c < chunk.length; ) {
    if (k >= s.length) failed = true;
    const p = chunk[c];
    if (p === '[') {
      const r = matchClass(chunk, c, failed ? undefined : s[k++]);
      failed ||= !r.ok;
      c = r.next;
      continue;
    }
    if (p === '?') {
      failed ||= s[k++] === '/';
      c++;
      continue;
    }
    if (p === '\\' && ++c >= chunk.length) throw badPattern();
    failed ||= chunk[c] !== s[k++];
    c++;
  }
  return failed ? undefined : s.slice(k);
}

/** Go `path.Match`: whether all of `name` matches `pattern`. */
export function pathMatch(pattern: string, name: string): boolean {
  let p: Chars = Array.from(pattern);
  let s: Chars = Array.from(name);
  next: while (p.length > 0) {
    const { star, chunk, rest } = scanChunk(p);
    p = rest;
    if (star && chunk.length === 0) return !s.includes('/');
    const here = matchChunk(chunk, s);
    if (here !== undefined && (here.length === 0 || p.length > 0)) {
      s = here;
      continue;
    }
    for (let i = 0; star && i < s.length && s[i] !== '/'; i++) {
      const t = matchChunk(chunk, s.slice(i + 1));
      if (t !== undefined && !(p.length === 0 && t.length > 0)) {
        s = t;
        continue next;
      }
    }
    for (let tail = p; tail.length > 0; ) {
      const scanned = scanChunk(tail);
      matchChunk(scanned.chunk, []);
      tail = scanned.rest;
    }
    return false;
  }
  return s.length === 0;
}

/** Whether the pattern matches the reference's familiar string or, failing that, its name. */
export function familiarMatch(pattern: string, ref: AnyReference): boolean {
  if (pathMatch(pattern, toFamiliarString(ref))) return true;
  return isNamed(ref) && pathMatch(pattern, toFamiliarName(ref));
}
