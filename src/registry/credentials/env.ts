/**
 * Credentials from environment variables, for CI jobs that hold a registry token as a secret:
 *
 * - `MFX_USERNAME` and `MFX_PASSWORD` together give a username and password. One without the
 *   other (an empty value counts as unset) is a UsageError naming both: it is usually a secret
 *   missing from the job, and going anonymous would only surface as a confusing 401 later.
 * - They apply to every registry mfx talks to, unless `MFX_REGISTRY` names one registry
 *   (`ghcr.io`, `localhost:5000`, `docker.io`); other registries then fall through to the next
 *   source. Names compare as for `--username` (static.ts): case, scheme and Docker Hub's
 *   aliases do not matter. A repository path (`ghcr.io/org`) is refused rather than widened to
 *   the whole registry, and MFX_REGISTRY without the pair is refused as having no effect.
 * The source shown in messages is `MFX_USERNAME/MFX_PASSWORD`; values are never shown.
 */
import { UsageError } from '../../errors.js';
import { staticCredentials } from './static.js';
import type { CredentialLookup } from './types.js';

export const ENV_CREDENTIALS_SOURCE = 'MFX_USERNAME/MFX_PASSWORD';

/** The lookup MFX_USERNAME/MFX_PASSWORD (and MFX_REGISTRY) define, or undefined when unset. */
export function envCredentials(env: NodeJS.ProcessEnv): CredentialLookup | undefined {
  const username = env['MFX_USERNAME'] || undefined;
  const password = env['MFX_PASSWORD'] || undefined;
  const registry = env['MFX_REGISTRY']?.trim() || undefined;
  if (username === undefined && password === undefined) {
    if (registry !== undefined) throw new UsageError('MFX_REGISTRY is set but MFX_USERNAME and MFX_PASSWORD are not');
    return undefined;
  }
  if (username === undefined || password === undefined) {
    const missing = username === undefined ? 'MFX_USERNAME' : 'MFX_PASSWORD';
    throw new UsageError(`MFX_USERNAME and MFX_PASSWORD must be set together (${missing} is unset or empty)`);
  }
  if (registry !== undefined) checkRegistryName(registry);
  return staticCredentials(registry, username, password, ENV_CREDENTIALS_SOURCE);
}

/** `ghcr.io`, `localhost:5000`, `https://index.docker.io/v1/` pass; `ghcr.io/org` does not. */
function checkRegistryName(registry: string): void {
  const schemeless = registry.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const [host = '', ...path] = schemeless.split('/');
  const hasScheme = schemeless !== registry;
  if (host === '' || /\s/.test(registry) || (!hasScheme && path.join('/') !== '')) {
    throw new UsageError(`MFX_REGISTRY must be a registry name (host[:port]), not ${JSON.stringify(registry)}`);
  }
}
