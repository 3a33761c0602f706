/**
 * Content digests: compute them over exact bytes and check bytes against a digest.
 *
 * OCI image-spec descriptor.md "Digests": sha256 is required, sha512 optional; mfx verifies
 * both. The digest always covers the bytes as served, never a re-serialisation.
 */
import { createHash } from 'node:crypto';
import { DigestMismatchError, ManifestError } from '../errors.js';
import { type DigestAlgorithm, isSupportedAlgorithm } from '../ref/digest.js';

export type { DigestAlgorithm } from '../ref/digest.js';

/** `sha256:<hex>` of the bytes. */
export function computeDigest(bytes: Uint8Array, algorithm: DigestAlgorithm = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/** The algorithm of a digest mfx can verify, or a ManifestError naming the one it cannot. */
export function algorithmOf(digest: string): DigestAlgorithm {
  const algorithm = digest.slice(0, digest.indexOf(':'));
  if (isSupportedAlgorithm(algorithm)) return algorithm;
  throw new ManifestError(`unsupported digest algorithm ${JSON.stringify(algorithm)} in ${JSON.stringify(digest)}`);
}

/**
 * Throws a DigestMismatchError unless `bytes` hash to `expected` (with expected's algorithm).
 * `what` names the content for the message: `manifest docker.io/library/nginx:latest`.
 * Returns the digest computed.
 */
export function verifyDigest(what: string, bytes: Uint8Array, expected: string): string {
  const actual = computeDigest(bytes, algorithmOf(expected));
  if (actual !== expected) throw new DigestMismatchError(what, expected, actual);
  return actual;
}
