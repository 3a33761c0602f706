/**
 * Credentials given on the command line (`--username U --password-stdin`).
 *
 * With a registry, they apply to that registry only; without one, to every registry the
 * command talks to. Names compare as docker compares them: case-insensitively, with a
 * scheme or path dropped (`https://ghcr.io/` = `ghcr.io`), and `docker.io` =
 * `index.docker.io` (docker/cli cli/command/registry.go `getAuthConfigKey`).
 * Each lookup returns a fresh object, so callers may not change the next one's answer.
 */
import { convertToHostname, isDockerHub } from './registry-key.js';
import type { Credential, CredentialLookup } from './types.js';

/** A lookup that answers `username`/`password` for `registry` (or for all when undefined). */
export function staticCredentials(
  registry: string | undefined,
  username: string,
  password: string,
  source: string,
): CredentialLookup {
  const wanted = registry === undefined ? undefined : canonicalName(registry);
  return async (name) => {
    if (wanted !== undefined && canonicalName(name) !== wanted) return undefined;
    const credential: Credential = { kind: 'basic', username, password, source };
    return credential;
  };
}

function canonicalName(registry: string): string {
  const host = convertToHostname(registry.trim()).toLowerCase();
  return isDockerHub(host) ? 'docker.io' : host;
}
