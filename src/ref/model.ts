/**
 * The values of the strict reference layer and their canonical string forms.
 *
 * Rules:
 * - A named reference has a `domain` (`''` when the text named none), a `path`, and an optional
 *   `tag` and `digest`; a digest reference is a bare digest (`sha256:…`) with no name.
 * - The name is `domain/path`, or just `path` when the domain is empty.
 * - The string form is `name[:tag][@digest]`: `test:5000/repo:tag@sha256:…`, `foo`, `sha256:…`.
 * - The kind is `name`, `tagged`, `digested`, `tagged+digested` or `digest` (no name).
 *
 * Values are frozen plain objects; nothing here validates (see `parse.ts`).
 */

export type ReferenceKind = 'name' | 'tagged' | 'digested' | 'tagged+digested' | 'digest';

export interface NamedReference {
  readonly domain: string;
  readonly path: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

export interface DigestReference {
  readonly digest: string;
}

export type AnyReference = NamedReference | DigestReference;

/** Makes a frozen named reference. */
export function makeNamed(
  domain: string,
  path: string,
  tag: string | undefined = undefined,
  digest: string | undefined = undefined,
): NamedReference {
  return Object.freeze({ domain, path, tag, digest });
}

/** Makes a frozen digest-only reference. */
export function makeDigestOnly(digest: string): DigestReference {
  return Object.freeze({ digest });
}

/** True when the reference has a name (everything but a bare digest). */
export function isNamed(ref: AnyReference): ref is NamedReference {
  return 'path' in ref;
}

/** `domain/path`, or `path` when there is no domain. */
export function nameOf(ref: NamedReference): string {
  return ref.domain === '' ? ref.path : `${ref.domain}/${ref.path}`;
}

/** The canonical string: `name[:tag][@digest]`, or the digest of a digest reference. */
export function stringOf(ref: AnyReference): string {
  if (!isNamed(ref)) return ref.digest;
  const tag = ref.tag === undefined ? '' : `:${ref.tag}`;
  const digest = ref.digest === undefined ? '' : `@${ref.digest}`;
  return `${nameOf(ref)}${tag}${digest}`;
}

/** Which parts the reference has. */
export function kindOf(ref: AnyReference): ReferenceKind {
  if (!isNamed(ref)) return 'digest';
  if (ref.tag !== undefined) return ref.digest !== undefined ? 'tagged+digested' : 'tagged';
  return ref.digest !== undefined ? 'digested' : 'name';
}
