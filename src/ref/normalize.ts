/**
 * Docker's normalization of references: familiar names in, fully qualified names out.
 *
 * Rules of `parseNormalizedNamed`:
 * - A bare 64-hex string is an image ID, never a name (`invalid repository name (…), cannot
 *   specify 64-byte hexadecimal strings`).
 * - The first `/`-separated component is a registry when it is `localhost`, contains `.` or `:`,
 *   or contains an uppercase letter (upstream FIXME kept on purpose: `Foo/bar` is registry
 *   `Foo`). Otherwise the registry is `docker.io`: `foo/bar` → `docker.io/foo/bar`.
 * - A text with no `/` is always a Docker Hub name: `localhost:5000` is `docker.io/library/
 *   localhost` with tag `5000` (upstream FIXME, kept).
 * - `index.docker.io` becomes `docker.io`; on `docker.io` a one-component path gets `library/`
 *   (`nginx` → `docker.io/library/nginx`, `docker.io/nginx` → `docker.io/library/nginx`).
 * - The repository (up to the first `:`) must be lowercase, else `invalid reference format:
 *   repository name (docker/Docker) must be lowercase`; then the strict `parse` decides.
 * - No tag is added; `tagNameOnly` or `parseDockerRef` add `latest`.
 *
 * Familiar forms undo the defaults: `docker.io/library/nginx:1` → `nginx:1`,
 * `docker.io/foo/bar` → `foo/bar`, but `docker.io/library/a/b` stays `library/a/b`.
 */

import { ReferenceParseError } from '../errors.js';
import {
  DEFAULT_REGISTRY,
  DEFAULT_TAG,
  LEGACY_DEFAULT_REGISTRY,
  LOCALHOST,
  OFFICIAL_NAMESPACE,
} from './defaults.js';
import { checkDigest } from './digest.js';
import { goError, hexRepositoryName, uppercaseRemote } from './messages.js';
import {
  isNamed,
  makeDigestOnly,
  makeNamed,
  nameOf,
  stringOf,
  type AnyReference,
  type NamedReference,
} from './model.js';
import { parse } from './parse.js';
import { ANCHORED_IDENTIFIER } from './regexp.js';

const OFFICIAL_PREFIX = `${OFFICIAL_NAMESPACE}/`;

/** Splits familiar text into the registry and the rest, applying Docker Hub's defaults. */
export function splitDockerDomain(text: string): { domain: string; remainder: string } {
  const slash = text.indexOf('/');
  if (slash < 0) return { domain: DEFAULT_REGISTRY, remainder: OFFICIAL_PREFIX + text };
  const first = text.slice(0, slash);
  let domain = first;
  let remainder = text.slice(slash + 1);
  if (first === LEGACY_DEFAULT_REGISTRY) {
    domain = DEFAULT_REGISTRY;
  } else if (first !== LOCALHOST && !/[.:]/.test(first) && first.toLowerCase() === first) {
    domain = DEFAULT_REGISTRY;
    remainder = text;
  }
  if (domain === DEFAULT_REGISTRY && !remainder.includes('/')) {
    remainder = OFFICIAL_PREFIX + remainder;
  }
  return { domain, remainder };
}

/** Parses familiar or qualified text into a fully qualified named reference. */
export function parseNormalizedNamed(input: string): NamedReference {
  if (ANCHORED_IDENTIFIER.test(input)) {
    throw new ReferenceParseError(input, 'repository', hexRepositoryName(input));
  }
  const { domain, remainder } = splitDockerDomain(input);
  const colon = remainder.indexOf(':');
  const remote = colon < 0 ? remainder : remainder.slice(0, colon);
  if (remote.toLowerCase() !== remote) {
    throw new ReferenceParseError(input, 'repository', uppercaseRemote(remote));
  }
  try {
    return parse(`${domain}/${remainder}`);
  } catch (err) {
    if (err instanceof ReferenceParseError) {
      throw new ReferenceParseError(input, err.component, err.reason);
    }
    throw err;
  }
}

/** Like `parseNormalizedNamed`, but the text must already be fully qualified. */
export function parseNamed(input: string): NamedReference {
  const named = parseNormalizedNamed(input);
  if (stringOf(named) !== input) throw goError(input, 'ErrNameNotCanonical');
  return named;
}

/** Adds the tag `latest` to a reference that has neither tag nor digest. */
export function tagNameOnly(ref: NamedReference): NamedReference {
  if (ref.tag !== undefined || ref.digest !== undefined) return ref;
  return makeNamed(ref.domain, ref.path, DEFAULT_TAG);
}

/** Normalizes as Docker pulls: `latest` when nothing is given, and a digest wins over a tag. */
export function parseDockerRef(input: string): NamedReference {
  const named = parseNormalizedNamed(input);
  if (named.tag !== undefined && named.digest !== undefined) {
    return makeNamed(named.domain, named.path, undefined, named.digest);
  }
  return tagNameOnly(named);
}

/** A 64-hex ID (`sha256:` is assumed), a valid digest, or else a normalized name. */
export function parseAnyReference(input: string): AnyReference {
  if (ANCHORED_IDENTIFIER.test(input)) return makeDigestOnly(`sha256:${input}`);
  if (checkDigest(input) === undefined) return makeDigestOnly(input);
  return parseNormalizedNamed(input);
}

/** The name with Docker Hub's defaults removed: `docker.io/library/nginx` → `nginx`. */
export function toFamiliarName(ref: NamedReference): string {
  if (ref.domain !== DEFAULT_REGISTRY) return nameOf(ref);
  if (ref.path.startsWith(OFFICIAL_PREFIX)) {
    const rest = ref.path.slice(OFFICIAL_PREFIX.length);
    if (!rest.includes('/')) return rest;
  }
  return ref.path;
}

/** The string form with Docker Hub's defaults removed: `nginx:1.25`, `foo/bar@sha256:…`. */
export function toFamiliarString(ref: AnyReference): string {
  if (!isNamed(ref)) return ref.digest;
  const tag = ref.tag === undefined ? '' : `:${ref.tag}`;
  const digest = ref.digest === undefined ? '' : `@${ref.digest}`;
  return `${toFamiliarName(ref)}${tag}${digest}`;
}
