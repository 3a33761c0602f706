/**
 * Several credential sources as one: asked in order, the first defined answer wins.
 *
 * Later sources are not asked once one answers, so `--password-stdin` placed first keeps a
 * broken docker config file from mattering. An error from a source that is asked is not
 * swallowed: it rejects the lookup, because falling through to the next source (or to
 * anonymous access) would hide a misconfiguration behind a confusing 401.
 */
import type { CredentialLookup } from './types.js';

/** Asks each lookup in turn; resolves with the first defined credential, else undefined. */
export function chainCredentials(...lookups: CredentialLookup[]): CredentialLookup {
  return async (registry, repository) => {
    for (const lookup of lookups) {
      const found = await lookup(registry, repository);
      if (found !== undefined) return found;
    }
    return undefined;
  };
}
