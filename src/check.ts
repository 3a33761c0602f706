/**
 * The check use case: do these images offer these platforms? For CI, where one bad image
 * must not hide the others: every image is checked (concurrently), each gets its own status,
 * and a failure to read one is recorded, not thrown.
 *
 * An image offers a platform when an entry matches it as `docker pull --platform` would
 * (older compatible variants count unless `strict`); a single-platform image counts with the
 * platform of its config; attestations and entries of unknown platform never count.
 */
import { MfxError } from './errors.js';
import { exitCodeFor } from './exit-codes.js';
import type { Platform } from './platform/types.js';
import { type Reference, parseReference } from './ref/reference.js';
import { type RegistryClientOptions, createRegistryClient } from './registry/client.js';
import { candidatesOf } from './resolve/candidates.js';
import { type PlatformRequest, platformRequest, selectCandidate } from './resolve/select.js';
import { type ManifestSource, memoizeByDigest } from './source.js';

export interface PlatformCheck {
  request: PlatformRequest;
  /** The entry that serves the request, when one does. */
  match: { platform: Platform; digest: string; exact: boolean } | undefined;
}

export interface ImageCheck {
  input: string;
  reference: Reference | undefined;
  /** Digest of the index or manifest checked. */
  digest: string | undefined;
  status: 'ok' | 'missing' | 'error';
  platforms: PlatformCheck[];
  error: MfxError | undefined;
}

export interface CheckResult {
  requests: PlatformRequest[];
  images: ImageCheck[];
  /** 0 all present; 1 some missing; else the lowest exit code among the failures. */
  exitCode: number;
}

export interface CheckOptions extends RegistryClientOptions {
  source?: ManifestSource;
  strict?: boolean;
  host?: Platform;
}

export async function check(references: readonly string[], platforms: readonly string[], options: CheckOptions = {}): Promise<CheckResult> {
  const requests = platforms.map((p) => platformRequest(p, options.strict, options.host));
  const client = options.source ? undefined : createRegistryClient(options);
  const source = memoizeByDigest(options.source ?? client!);
  try {
    const images = await Promise.all(references.map((input) => checkImage(source, input, requests)));
    return { requests, images, exitCode: checkExitCode(images) };
  } finally {
    await client?.close();
  }
}

/** Failures first (the lowest of their codes: 2 usage, 3 not found, 4 auth, 5 network, 6 integrity), then 1 for a missing platform. */
export function checkExitCode(images: readonly ImageCheck[]): number {
  const failures = images.flatMap((i) => (i.error ? [exitCodeFor(i.error.kind)] : []));
  if (failures.length) return Math.min(...failures);
  return images.some((i) => i.status === 'missing') ? exitCodeFor('platform-missing') : 0;
}

async function checkImage(source: ManifestSource, input: string, requests: readonly PlatformRequest[]): Promise<ImageCheck> {
  let reference: Reference | undefined;
  try {
    reference = parseReference(input);
    const top = await source.getManifest(reference);
    const candidates = await candidatesOf(source, reference, top);
    const checks = requests.map((request): PlatformCheck => {
      const s = selectCandidate(candidates, request);
      return { request, match: s && { platform: s.candidate.platform, digest: s.candidate.digest, exact: s.exact } };
    });
    const status = checks.every((c) => c.match) ? 'ok' : 'missing';
    return { input, reference, digest: top.digest, status, platforms: checks, error: undefined };
  } catch (err) {
    if (!(err instanceof MfxError)) throw err;
    return { input, reference, digest: undefined, status: 'error', platforms: [], error: err };
  }
}
