/**
 * Explains, part by part, why a reference was rejected, in words a user can act on.
 *
 * The strict parser answers like upstream (`invalid reference format` for most things); this
 * module looks at the pieces of the text instead and names the first one that is wrong, left
 * to right: the whole text, then the registry, the repository, the tag, the digest.
 *
 * Examples (reason, component):
 * - `''` → `reference is empty; …`, reference
 * - `https://ghcr.io/a` → `remove the URL scheme "https://"; …`, reference
 * - `Nginx:latest` → `repository name must be lowercase (got "Nginx")`, repository
 * - `a..b`, `a/`, `/a` → `invalid path component …` / `empty path component …`, repository
 * - `:tag`, `@sha256:…` → `missing repository name`, repository
 * - `nginx:.x` → `invalid tag ".x": …`, tag
 * - `nginx@sha256:abc` → `sha256 digest must be 64 lowercase hex characters (got 3)`, digest
 *
 * `diagnose` returns undefined when it finds nothing; the caller then keeps upstream's text.
 */

import type { ReferenceComponent } from '../errors.js';
import { DEFAULT_REGISTRY, OFFICIAL_NAMESPACE, REPOSITORY_NAME_MAX_LENGTH } from './defaults.js';
import { describeDigestProblem } from './digest.js';
import { splitDockerDomain } from './normalize.js';
import {
  ANCHORED_DOMAIN_AND_PORT,
  ANCHORED_IDENTIFIER,
  ANCHORED_PATH_COMPONENT,
  ANCHORED_TAG,
} from './regexp.js';

export interface Diagnosis {
  readonly component: ReferenceComponent;
  readonly reason: string;
}

const EXAMPLE = 'name an image such as nginx, nginx:1.27 or ghcr.io/owner/app:1.0';
const TAG_RULE = "a tag is 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'";
const PATH_RULE = "use lowercase letters and digits, separated by '.', '_', '__' or '-'";

const quote = (s: string): string => JSON.stringify(s);
const found = (component: ReferenceComponent, reason: string): Diagnosis => ({ component, reason });

interface Pieces {
  name: string;
  tag: string | undefined;
  digest: string | undefined;
}

/** Cuts `name[:tag][@digest]` at the first `@` and the last `:` after the last `/`. */
function cut(input: string): Pieces {
  const at = input.indexOf('@');
  const digest = at < 0 ? undefined : input.slice(at + 1);
  const rest = at < 0 ? input : input.slice(0, at);
  const colon = rest.lastIndexOf(':');
  if (colon <= rest.lastIndexOf('/') || (rest.startsWith('[') && colon < rest.indexOf(']'))) {
    return { name: rest, tag: undefined, digest };
  }
  return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
}

function wholeText(input: string): Diagnosis | undefined {
  if (input === '') return found('reference', `reference is empty; ${EXAMPLE}`);
  if (/\s/.test(input)) return found('reference', 'reference must not contain whitespace');
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(input)?.[0];
  if (scheme !== undefined) {
    return found('reference', `remove the URL scheme ${quote(scheme)}; ${EXAMPLE}`);
  }
  if (ANCHORED_IDENTIFIER.test(input)) {
    return found('repository', 'a bare 64-hex string is an image ID, not a repository name');
  }
  if (input.indexOf('@') !== input.lastIndexOf('@')) {
    return found('reference', "a reference has at most one '@' (before the digest)");
  }
  return undefined;
}

/** The registry as written (undefined when Docker Hub is implied) and the rest of the name. */
function splitWritten(name: string): { registry: string | undefined; written: string } {
  const slash = name.indexOf('/');
  if (slash < 0 || splitDockerDomain(name).remainder === name) {
    return { registry: undefined, written: name };
  }
  return { registry: name.slice(0, slash), written: name.slice(slash + 1) };
}

function checkRegistry(name: string): Diagnosis | undefined {
  if (name.startsWith('[') && !name.includes('/')) {
    return found('registry', `registry ${quote(name)} must be followed by /<repository>`);
  }
  const { registry } = splitWritten(name);
  if (registry !== undefined && !ANCHORED_DOMAIN_AND_PORT.test(registry)) {
    return found('registry', `invalid registry ${quote(registry)}: expected host[:port]`);
  }
  return undefined;
}

function checkRepository(name: string): Diagnosis | undefined {
  if (name === '') return found('repository', `missing repository name; ${EXAMPLE}`);
  const { registry, written } = splitWritten(name);
  if (written === '') return found('repository', `missing repository name after ${quote(`${registry}/`)}`);
  const { domain, remainder } = splitDockerDomain(name);
  if (written.toLowerCase() !== written) {
    return found('repository', `repository name must be lowercase (got ${quote(written)})`);
  }
  for (const component of written.split('/')) {
    if (component === '') {
      return found('repository', `empty path component in ${quote(written)}`);
    }
    if (!ANCHORED_PATH_COMPONENT.test(component)) {
      return found('repository', `invalid path component ${quote(component)}: ${PATH_RULE}`);
    }
  }
  if (remainder.length > REPOSITORY_NAME_MAX_LENGTH) {
    const prefixed = domain === DEFAULT_REGISTRY && remainder !== written;
    const note = prefixed ? `, counting the "${OFFICIAL_NAMESPACE}/" prefix` : '';
    const got = `got ${remainder.length}${note}`;
    return found('repository', `repository name must not be more than 255 characters (${got})`);
  }
  return undefined;
}

function checkTag(tag: string | undefined): Diagnosis | undefined {
  if (tag === undefined || ANCHORED_TAG.test(tag)) return undefined;
  if (tag === '') return found('tag', "missing tag after ':'");
  if (tag.length > 128) return found('tag', `tag must be at most 128 characters (got ${tag.length})`);
  return found('tag', `invalid tag ${quote(tag)}: ${TAG_RULE}`);
}

function checkDigestPiece(digest: string | undefined): Diagnosis | undefined {
  if (digest === undefined) return undefined;
  if (digest === '') return found('digest', "missing digest after '@'");
  const problem = describeDigestProblem(digest);
  return problem === undefined ? undefined : found('digest', problem);
}

/** The first part of `input` that breaks a rule, or undefined when none stands out. */
export function diagnose(input: string): Diagnosis | undefined {
  const whole = wholeText(input);
  if (whole !== undefined) return whole;
  const { name, tag, digest } = cut(input);
  return checkRegistry(name) ?? checkRepository(name) ?? checkTag(tag) ?? checkDigestPiece(digest);
}
