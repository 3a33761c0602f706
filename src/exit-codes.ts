/**
 * mfx's exit codes: the one place an error kind becomes a number. The README and
 * `mfx --help` print this same table (`EXIT_CODE_HELP`).
 */
import type { ErrorKind } from './errors.js';

export const EXIT = {
  ok: 0,
  platformMissing: 1,
  usage: 2,
  notFound: 3,
  auth: 4,
  network: 5,
  integrity: 6,
  /** A bug in mfx: an error it did not expect. */
  internal: 70,
} as const;

const BY_KIND: Record<ErrorKind, number> = {
  'platform-missing': EXIT.platformMissing,
  usage: EXIT.usage,
  'not-found': EXIT.notFound,
  auth: EXIT.auth,
  network: EXIT.network,
  integrity: EXIT.integrity,
};

export function exitCodeFor(kind: ErrorKind): number {
  return BY_KIND[kind];
}

/**
 * One exit code for a run of many images: a failure to read one (2-6; the lowest when
 * several, as the most fundamental: usage, not found, auth, network, integrity) wins over a
 * missing platform (1), which wins over success (0).
 */
export function combineExitCodes(codes: readonly number[]): number {
  const failures = codes.filter((c) => c > 1);
  if (failures.length) return Math.min(...failures);
  return codes.includes(1) ? 1 : 0;
}

export const EXIT_CODE_HELP = `Exit codes:
  0   success
  1   a requested platform is missing
  2   usage: bad flag, argument or image reference
  3   not found: repository, tag or digest
  4   authentication or authorization refused
  5   network, TLS, timeout, rate limit or registry server error
  6   integrity: digest mismatch, malformed or unsupported manifest
  70  internal error (a bug in mfx)`;
