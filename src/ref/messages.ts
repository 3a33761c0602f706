/**
 * The exact error texts of the distribution/reference grammar and of digest validation.
 *
 * Rules:
 * - The strict layer (`parse.ts`, `normalize.ts`, `digest.ts`) throws `ReferenceParseError` whose
 *   `reason` is one of these texts, byte for byte, so results can be compared with docker's own
 *   conformance table. Example: `parse('Uppercase:tag')` fails with reason
 *   `repository name must be lowercase`.
 * - Two texts carry the offending input: `uppercaseRemote('docker/Docker')` gives
 *   `invalid reference format: repository name (docker/Docker) must be lowercase`, and
 *   `hexRepositoryName(id)` gives `invalid repository name (<id>), cannot specify 64-byte
 *   hexadecimal strings`.
 * - User-facing wording lives in `diagnose.ts`; these texts stay as they are.
 */

import { ReferenceParseError, type ReferenceComponent } from '../errors.js';

/** Sentinel errors, keyed by their upstream names. */
export const GO_ERRORS = {
  ErrReferenceInvalidFormat: 'invalid reference format',
  ErrTagInvalidFormat: 'invalid tag format',
  ErrDigestInvalidFormat: 'invalid digest format',
  ErrNameContainsUppercase: 'repository name must be lowercase',
  ErrNameEmpty: 'repository name must have at least one component',
  ErrNameTooLong: 'repository name must not be more than 255 characters',
  ErrNameNotCanonical: 'repository name must be canonical',
  'digest.ErrDigestInvalidFormat': 'invalid checksum digest format',
  'digest.ErrDigestInvalidLength': 'invalid checksum digest length',
  'digest.ErrDigestUnsupported': 'unsupported digest algorithm',
} as const;

export type GoErrorName = keyof typeof GO_ERRORS;
export type GoErrorText = (typeof GO_ERRORS)[GoErrorName];

/** The component each sentinel blames. */
const COMPONENT: Record<GoErrorName, ReferenceComponent> = {
  ErrReferenceInvalidFormat: 'reference',
  ErrTagInvalidFormat: 'tag',
  ErrDigestInvalidFormat: 'digest',
  ErrNameContainsUppercase: 'repository',
  ErrNameEmpty: 'repository',
  ErrNameTooLong: 'repository',
  ErrNameNotCanonical: 'reference',
  'digest.ErrDigestInvalidFormat': 'digest',
  'digest.ErrDigestInvalidLength': 'digest',
  'digest.ErrDigestUnsupported': 'digest',
};

/** Builds the error for a sentinel, blaming its usual component. */
export function goError(input: string, name: GoErrorName): ReferenceParseError {
  return new ReferenceParseError(input, COMPONENT[name], GO_ERRORS[name]);
}

/** The text for a remote name that is not lowercase after normalization. */
export function uppercaseRemote(remote: string): string {
  return `invalid reference format: repository name (${remote}) must be lowercase`;
}

/** The text for a bare 64-hex string given where a repository name is expected. */
export function hexRepositoryName(input: string): string {
  return `invalid repository name (${input}), cannot specify 64-byte hexadecimal strings`;
}
