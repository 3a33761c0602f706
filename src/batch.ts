/**
 * Many images in one run, sharing one registry client (connections, tokens, caches): each
 * image is worked on by `work`, at most `MAX_IMAGES_IN_FLIGHT` at a time (requests are further
 * limited per registry by the client), and a failure is recorded against its image instead
 * of ending the run, so one bad image never hides the others.
 */
import { MfxError } from './errors.js';
import { type Reference, parseReference } from './ref/reference.js';
import { type ClientStats, type RegistryClientOptions, createRegistryClient } from './registry/client.js';
import { type ManifestSource, memoizeByDigest } from './source.js';

export const MAX_IMAGES_IN_FLIGHT = 32;

export interface BatchItem<T> {
  input: string;
  reference: Reference | undefined;
  result: T | undefined;
  error: MfxError | undefined;
}

export interface Progress {
  done: number;
  total: number;
  failed: number;
}

export interface BatchOptions extends RegistryClientOptions {
  /** Read from this source instead of a registry client made from the options. */
  source?: ManifestSource;
  onProgress?: (p: Progress) => void;
}

export interface BatchOutcome<T> {
  items: BatchItem<T>[];
  /** Requests and pull quotas, when a registry client did the work. */
  stats: ClientStats | undefined;
}

export async function runBatch<T>(
  inputs: readonly string[],
  work: (ref: Reference, source: ManifestSource) => Promise<T>,
  options: BatchOptions = {},
): Promise<BatchOutcome<T>> {
  const client = options.source ? undefined : createRegistryClient(options);
  const source = memoizeByDigest(options.source ?? client!);
  const progress: Progress = { done: 0, total: inputs.length, failed: 0 };
  const one = async (input: string): Promise<BatchItem<T>> => {
    let reference: Reference | undefined;
    try {
      reference = parseReference(input);
      return { input, reference, result: await work(reference, source), error: undefined };
    } catch (err) {
      if (!(err instanceof MfxError)) throw err;
      progress.failed++;
      return { input, reference, result: undefined, error: err };
    } finally {
      progress.done++;
      options.onProgress?.({ ...progress });
    }
  };
  try {
    return { items: await mapLimit(inputs, MAX_IMAGES_IN_FLIGHT, one), stats: client?.stats() };
  } finally {
    await client?.close();
  }
}

/** `fn` over `items` with at most `limit` running at once; results in input order. */
export async function mapLimit<A, B>(items: readonly A[], limit: number, fn: (a: A) => Promise<B>): Promise<B[]> {
  const results = new Array<B>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
