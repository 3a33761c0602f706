/**
 * The strict reference parser: the grammar of `regexp.ts`, with no Docker normalization.
 *
 * Rules of `parse`:
 * - `''` fails with `repository name must have at least one component`.
 * - Text that does not match the grammar fails with `repository name must be lowercase` when
 *   its lowercase form would match (`Uppercase:tag`), else with `invalid reference format`
 *   (`:justtag`, `@sha256:…`, `a..b`, `[::1]` alone).
 * - The name's first component is a domain only when another `/` follows and it matches the
 *   domain grammar: `test.com/repo` has domain `test.com`; `test.com:5000` is the path
 *   `test.com` with the tag `5000`; `foo/bar` has domain `foo` (no defaults are applied here).
 * - The path (not counting the domain) is at most 255 characters, else
 *   `repository name must not be more than 255 characters`.
 * - A digest must also pass `checkDigest` (`digest.ts`): sha256/sha512, exact length, lowercase.
 * - The result keeps what was written: `parse(s)` prints back as `s` (`stringOf`).
 *
 * `withName`, `withTag` and `withDigest` build references piece by piece. `withDigest` checks
 * only the grammar (at least 32 hex digits), as upstream does.
 *
 * Every failure is a `ReferenceParseError` whose `reason` is the upstream text (`messages.ts`).
 */

import { ReferenceParseError } from '../errors.js';
import { REPOSITORY_NAME_MAX_LENGTH } from './defaults.js';
import { checkDigest } from './digest.js';
import { goError } from './messages.js';
import { makeNamed, type NamedReference } from './model.js';
import { ANCHORED_DIGEST, ANCHORED_NAME, ANCHORED_TAG, REFERENCE } from './regexp.js';

/** Splits a name into domain and path (`domain` is `''` when there is none). */
function splitName(name: string): { domain: string; path: string } | undefined {
  const groups = ANCHORED_NAME.exec(name)?.groups;
  if (groups === undefined) return undefined;
  return { domain: groups['domain'] ?? '', path: groups['path'] ?? '' };
}

/** Parses a reference exactly as written: `[domain/]path[:tag][@digest]`. */
export function parse(input: string): NamedReference {
  if (input === '') throw goError(input, 'ErrNameEmpty');
  const groups = REFERENCE.exec(input)?.groups;
  if (groups === undefined) {
    const lower = input.toLowerCase();
    if (lower !== input && REFERENCE.test(lower)) throw goError(input, 'ErrNameContainsUppercase');
    throw goError(input, 'ErrReferenceInvalidFormat');
  }
  const name = groups['name'] ?? '';
  const { domain, path } = splitName(name) ?? { domain: '', path: name };
  if (path.length > REPOSITORY_NAME_MAX_LENGTH) throw goError(input, 'ErrNameTooLong');
  const digest = groups['digest'];
  if (digest !== undefined) {
    const problem = checkDigest(digest);
    if (problem !== undefined) throw new ReferenceParseError(input, 'digest', problem);
  }
  return makeNamed(domain, path, groups['tag'], digest);
}

/** A name with no tag or digest: `withName('test:8080/foo')` → domain `test:8080`, path `foo`. */
export function withName(name: string): NamedReference {
  const parts = splitName(name);
  if (parts === undefined) throw goError(name, 'ErrReferenceInvalidFormat');
  if (parts.path.length > REPOSITORY_NAME_MAX_LENGTH) throw goError(name, 'ErrNameTooLong');
  return makeNamed(parts.domain, parts.path);
}

/** The same name and digest with `tag` as its tag. */
export function withTag(ref: NamedReference, tag: string): NamedReference {
  if (!ANCHORED_TAG.test(tag)) throw goError(tag, 'ErrTagInvalidFormat');
  return makeNamed(ref.domain, ref.path, tag, ref.digest);
}

/** The same name and tag with `digest` as its digest (grammar check only). */
export function withDigest(ref: NamedReference, digest: string): NamedReference {
  if (!ANCHORED_DIGEST.test(digest)) throw goError(digest, 'ErrDigestInvalidFormat');
  return makeNamed(ref.domain, ref.path, ref.tag, digest);
}
