/**
 * mfx's image reference: what the user typed, normalized the way `docker pull` reads it.
 *
 * Rules of `parseReference`:
 * - Docker's normalization applies (`normalize.ts`): `nginx` → registry `docker.io`, repository
 *   `library/nginx`; `foo/bar` → `docker.io`, `foo/bar`; `index.docker.io/x` → `docker.io`;
 *   `ghcr.io/o/a`, `localhost:5000/x`, `[::1]:5000/x` keep their registry.
 * - The tag defaults to `latest` only when there is neither tag nor digest. A digest alone stays
 *   digest-only; a tag and a digest are both kept (`x:t@sha256:…`), the digest deciding what
 *   is fetched.
 * - Digests are sha256 (64 lowercase hex) or sha512 (128 lowercase hex).
 * - Errors are `ReferenceParseError`s, message `invalid reference "<input>": <reason>`, with the
 *   reason and component from `diagnose.ts`: `Nginx:latest` fails with `repository name must
 *   be lowercase (got "Nginx")`; also empty input, names over 255 characters (registry not
 *   counted), bad tags and bad digests.
 * - A first component that upstream takes for a registry but that is no valid host
 *   (`foo_bar.com/x`, which upstream keeps as a registry-less path) is an error here.
 * - The result is frozen.
 *
 * Registry facts (`registryEndpoint`, `isLoopbackRegistry`) live in `registry.ts` and are
 * re-exported here.
 *
 * Formatting: `referenceName` → `docker.io/library/nginx`; `formatQualified` →
 * `docker.io/library/nginx:latest`; `formatFamiliar` → `nginx:latest`; `familiarName` → `nginx`.
 */

import { ReferenceParseError } from '../errors.js';
import { DEFAULT_TAG } from './defaults.js';
import { diagnose } from './diagnose.js';
import { makeNamed, type NamedReference } from './model.js';
import { parseNormalizedNamed, splitDockerDomain, toFamiliarName } from './normalize.js';

export { isLoopbackRegistry, registryEndpoint } from './registry.js';

export interface Reference {
  /** Exactly what the user typed. */
  readonly original: string;
  /** Registry name as shown: `docker.io`, `ghcr.io`, `localhost:5000`, `[::1]:5000`. */
  readonly registry: string;
  /** Path within the registry: `library/nginx`. */
  readonly repository: string;
  /** `latest` when neither tag nor digest was given; kept when a digest is also given. */
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

function normalized(input: string): NamedReference {
  let named: NamedReference;
  try {
    named = parseNormalizedNamed(input);
  } catch (err) {
    if (!(err instanceof ReferenceParseError)) throw err;
    const found = diagnose(input) ?? { component: err.component, reason: err.reason };
    throw new ReferenceParseError(input, found.component, found.reason);
  }
  if (named.domain === '') {
    // Upstream keeps `foo_bar.com/x` as a path with no domain; mfx needs a registry.
    const found = diagnose(input)?.reason ?? 'expected a registry host[:port] before the first "/"';
    throw new ReferenceParseError(input, 'registry', found);
  }
  return named;
}

/** Parses a user's image reference with Docker's defaults. */
export function parseReference(input: string): Reference {
  const named = normalized(input);
  const tag = named.tag ?? (named.digest === undefined ? DEFAULT_TAG : undefined);
  return Object.freeze({
    original: input,
    registry: named.domain,
    repository: named.path,
    tag,
    digest: named.digest,
  });
}

const suffix = (ref: Reference): string =>
  `${ref.tag === undefined ? '' : `:${ref.tag}`}${ref.digest === undefined ? '' : `@${ref.digest}`}`;

/** `registry/repository`: `docker.io/library/nginx`. */
export function referenceName(ref: Reference): string {
  return `${ref.registry}/${ref.repository}`;
}

/** The fully qualified form: `docker.io/library/nginx:latest`, `x.io/y:t@sha256:…`. */
export function formatQualified(ref: Reference): string {
  return `${referenceName(ref)}${suffix(ref)}`;
}

/**
 * The name as Docker shows it: `nginx`, `foo/bar`, `ghcr.io/o/a`. A Docker Hub path whose first
 * component would read as a registry (`docker.io/a.b/c`, `docker.io/localhost/x`) stays qualified.
 */
export function familiarName(ref: Reference): string {
  const familiar = toFamiliarName(makeNamed(ref.registry, ref.repository));
  return splitDockerDomain(familiar).domain === ref.registry ? familiar : referenceName(ref);
}

/** The reference as Docker shows it: `nginx:latest`, `ghcr.io/o/a@sha256:…`. */
export function formatFamiliar(ref: Reference): string {
  return `${familiarName(ref)}${suffix(ref)}`;
}
