/**
 * Content digests: `algorithm:hex`, validated as go-digest validates them.
 *
 * Rules, in the order they are checked:
 * 1. There must be a `:` with text on both sides, else `invalid checksum digest format`.
 * 2. The algorithm must be supported: `sha256` or `sha512` (the algorithms the OCI image spec
 *    registers). Another algorithm gives `unsupported digest algorithm` when the digest is
 *    otherwise well formed (`md5:abc`), else `invalid checksum digest format` (`MD5:abc`).
 * 3. The hex must have exactly the algorithm's length (sha256: 64, sha512: 128), else
 *    `invalid checksum digest length`.
 * 4. The hex must be lowercase (`[a-f0-9]`), else `invalid checksum digest format`.
 *
 * Examples: `sha256:` + 64×`a` is valid; `sha256:` + 64×`A` is not (uppercase); `sha256:abc` is
 * not (length); `sha384:…` is not (unsupported here).
 *
 * `checkDigest` returns the upstream text; `describeDigestProblem` says the same for a person.
 */

import { ReferenceParseError } from '../errors.js';
import { GO_ERRORS, type GoErrorText } from './messages.js';

export type DigestAlgorithm = 'sha256' | 'sha512';

/** Hex length of each supported algorithm's digest. */
const HEX_LENGTH: Readonly<Record<DigestAlgorithm, number>> = { sha256: 64, sha512: 128 };

export const SUPPORTED_DIGEST_ALGORITHMS: readonly DigestAlgorithm[] = ['sha256', 'sha512'];

/** The digest grammar go-digest uses to tell a foreign algorithm from a malformed digest. */
const WELL_FORMED = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const LOWER_HEX = /^[a-f0-9]+$/;

/** True for the algorithms mfx can verify: `sha256`, `sha512`. */
export function isSupportedAlgorithm(name: string): name is DigestAlgorithm {
  return Object.hasOwn(HEX_LENGTH, name);
}

/** Returns the upstream error text for an invalid digest, or undefined when it is valid. */
export function checkDigest(digest: string): GoErrorText | undefined {
  const colon = digest.indexOf(':');
  if (colon <= 0 || colon === digest.length - 1) return GO_ERRORS['digest.ErrDigestInvalidFormat'];
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  if (!isSupportedAlgorithm(algorithm)) {
    return WELL_FORMED.test(digest)
      ? GO_ERRORS['digest.ErrDigestUnsupported']
      : GO_ERRORS['digest.ErrDigestInvalidFormat'];
  }
  if (hex.length !== HEX_LENGTH[algorithm]) return GO_ERRORS['digest.ErrDigestInvalidLength'];
  if (!LOWER_HEX.test(hex)) return GO_ERRORS['digest.ErrDigestInvalidFormat'];
  return undefined;
}

/** Returns the digest when valid; throws `ReferenceParseError` (component `digest`) if not. */
export function validateDigest(digest: string): string {
  const problem = checkDigest(digest);
  if (problem !== undefined) throw new ReferenceParseError(digest, 'digest', problem);
  return digest;
}

/** The algorithm of a valid digest (`sha256:…` → `sha256`); undefined when invalid. */
export function digestAlgorithm(digest: string): DigestAlgorithm | undefined {
  if (checkDigest(digest) !== undefined) return undefined;
  const algorithm = digest.slice(0, digest.indexOf(':'));
  return isSupportedAlgorithm(algorithm) ? algorithm : undefined;
}

/**
 * Explains what is wrong with a digest in words a user can act on, or undefined when valid.
 * Example: `sha256:abc` → `sha256 digest must be 64 lowercase hex characters (got 3)`.
 */
export function describeDigestProblem(digest: string): string | undefined {
  if (checkDigest(digest) === undefined) return undefined;
  const colon = digest.indexOf(':');
  const algorithm = colon > 0 ? digest.slice(0, colon) : '';
  const hex = digest.slice(colon + 1);
  if (isSupportedAlgorithm(algorithm)) {
    const want = HEX_LENGTH[algorithm];
    const got = hex.length === want ? 'found uppercase or non-hex characters' : `got ${hex.length}`;
    return `${algorithm} digest must be ${want} lowercase hex characters (${got})`;
  }
  if (colon > 0 && colon < digest.length - 1 && WELL_FORMED.test(digest)) {
    const supported = SUPPORTED_DIGEST_ALGORITHMS.join(', ');
    return `unsupported digest algorithm ${JSON.stringify(algorithm)} (supported: ${supported})`;
  }
  return `digest ${JSON.stringify(digest)} must look like sha256:<64 lowercase hex characters>`;
}
