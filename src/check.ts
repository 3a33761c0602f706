/**
 * The check use case: do these images offer these platforms? For CI, where one bad image
 * must not hide the others: every image is checked (one shared client, see batch.ts), each
 * gets its own status, and a failure to read one is recorded, not thrown.
 *
 * An image offers a platform when an entry matches it as `docker pull --platform` would
 * (older compatible variants count unless `strict`); a single-platform image counts with the
 * platform of its config; attestations and entries of unknown platform never count.
 */
import { type BatchOptions, runBatch } from './batch.js';
import type { MfxError } from './errors.js';
import { combineExitCodes, exitCodeFor } from './exit-codes.js';
import type { Platform } from './platform/types.js';
import type { Reference } from './ref/reference.js';
import type { ClientStats } from './registry/client.js';
import { candidatesOf } from './resolve/candidates.js';
import { type PlatformRequest, platformRequest, selectCandidate } from './resolve/select.js';
import type { ManifestSource } from './source.js';

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
  stats?: ClientStats | undefined;
}

export interface CheckOptions extends BatchOptions {
  strict?: boolean;
  host?: Platform;
}

export async function check(references: readonly string[], platforms: readonly string[], options: CheckOptions = {}): Promise<CheckResult> {
  const requests = platforms.map((p) => platformRequest(p, options.strict, options.host));
  const outcome = await runBatch(references, (ref, source) => checkImage(source, ref, requests), options);
  const images = outcome.items.map(
    (item): ImageCheck =>
      item.result ?? { input: item.input, reference: item.reference, digest: undefined, status: 'error', platforms: [], error: item.error },
  );
  return { requests, images, exitCode: checkExitCode(images), stats: outcome.stats };
}

/** Failures first (the lowest of their codes: 2 usage, 3 not found, 4 auth, 5 network, 6 integrity), then 1 for a missing platform. */
export function checkExitCode(images: readonly ImageCheck[]): number {
  return combineExitCodes(images.map((i) => (i.error ? exitCodeFor(i.error.kind) : i.status === 'missing' ? 1 : 0)));
}

async function checkImage(source: ManifestSource, reference: Reference, requests: readonly PlatformRequest[]): Promise<ImageCheck> {
  const top = await source.getManifest(reference);
  const candidates = await candidatesOf(source, reference, top);
  const checks = requests.map((request): PlatformCheck => {
    const s = selectCandidate(candidates, request);
    return { request, match: s && { platform: s.candidate.platform, digest: s.candidate.digest, exact: s.exact } };
  });
  const status = checks.every((c) => c.match) ? 'ok' : 'missing';
  return { input: reference.original, reference, digest: top.digest, status, platforms: checks, error: undefined };
}
