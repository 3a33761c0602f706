/**
 * Mirrors: other registries that serve the same repositories (a Docker Hub pull-through cache,
 * a company mirror). `mirrorSources` turns the configured URLs into references to try;
 * `viaMirrors` tries them in order and the registry itself last. A mirror that fails in any
 * way (unreachable, missing the image, refusing, serving bad bytes) is passed over; what it
 * serves is verified like anything else, so it cannot substitute content a digest names.
 */
import { MfxError } from '../errors.js';
import { type Reference, formatQualified } from '../ref/reference.js';

export interface MirrorSource {
  ref: Reference;
  /** Configured with an http:// URL: spoken to over plain HTTP. */
  plainHttp: boolean;
}

/** Mirror URLs (`https://host`, `http://host:port`, `host:port`) as references to try. */
export function mirrorSources(ref: Reference, urls: readonly string[] = []): MirrorSource[] {
  return urls.map((url) => {
    const parsed = new URL(/^[a-z]+:\/\//i.test(url) ? url : `https://${url}`);
    return { ref: { ...ref, registry: parsed.host }, plainHttp: parsed.protocol === 'http:' };
  });
}

export async function viaMirrors<T>(
  ref: Reference,
  mirrors: readonly MirrorSource[],
  read: (from: Reference) => Promise<T>,
  log?: (line: string) => void,
): Promise<T> {
  for (const mirror of mirrors) {
    try {
      return await read(mirror.ref);
    } catch (err) {
      if (!(err instanceof MfxError) || err.kind === 'usage') throw err;
      log?.(`mirror ${mirror.ref.registry} failed for ${formatQualified(ref)}: ${err.message}; trying the next source`);
    }
  }
  return read(ref);
}
