/**
 * Credentials from docker's client config (`~/.docker/config.json`), looked up as docker does.
 *
 * Order, per registry (docker/cli cli/config/configfile/file.go `GetCredentialsStore`,
 * `getConfiguredCredentialStore`; cli/config/credentials/native_store.go `Get`):
 * 1. `credHelpers[key]` names a helper → ask `docker-credential-<helper>`;
 * 2. else `credsStore` names a helper → ask that one;
 * 3. else the `auths` entry for the registry (see auth-entry.ts, registry-key.ts).
 * `key` is `https://index.docker.io/v1/` for Docker Hub and the registry name otherwise;
 * `credHelpers` keys must match it exactly (docker does not normalise them).
 * Quirks kept from docker:
 * - When a helper is chosen, `auths` is NOT consulted for credentials, not even when the
 *   helper has none: the native store reads the file only for the legacy email field. So
 *   with `credsStore` set, stale `auths` entries are ignored and the registry is anonymous.
 * - `credHelpers[key] = ""` opts that registry out of `credsStore` and back to `auths`
 *   (getConfiguredCredentialStore returns "", and GetCredentialsStore keeps the file store).
 * Differences: a failing helper is an AuthError (docker's pull ignores the error and goes
 * anonymous, cli/command/registry.go `ResolveAuthConfig`); a broken file is a UsageError
 * (docker warns and continues); DOCKER_AUTH_CONFIG and the platform default store docker
 * picks when the file has no auth at all (credentials.DetectDefaultStore) are not used.
 * A repository passed to the lookup is ignored: docker keys credentials by registry only.
 * The file is read once per lookup function, on the first lookup; helper answers are cached
 * per helper and server URL for the lifetime of the lookup function.
 */
import { credentialFromAuthEntry } from './auth-entry.js';
import { configFilePath, credHelperEntry, type DockerConfig, loadDockerConfig } from './config-file.js';
import { type HelperRunner, runCredentialHelper } from './helper.js';
import { helperAsker } from './helper-answers.js';
import { authConfigKey, findAuthKey } from './registry-key.js';
import type { CredentialLookup } from './types.js';

export interface DockerConfigOptions {
  /** The directory holding config.json. Default: $DOCKER_CONFIG, else ~/.docker. */
  configDir?: string;
  /** Environment for DOCKER_CONFIG, HOME and the helpers' PATH. Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** Runs a credential helper. Default: runCredentialHelper. */
  runHelper?: HelperRunner;
}

/** A lookup over docker's config file; a missing file yields no credentials. */
export function dockerConfigCredentials(opts: DockerConfigOptions = {}): CredentialLookup {
  const env = opts.env ?? process.env;
  const askHelper = helperAsker(opts.runHelper ?? runCredentialHelper, env);
  const path = configFilePath(opts.configDir, env);
  let config: Promise<DockerConfig> | undefined;

  return async (registry) => {
    config ??= loadDockerConfig(path, env);
    const loaded = await config;
    const helper = helperFor(loaded, registry);
    if (helper !== '') return askHelper(helper, authConfigKey(registry), loaded.display);
    const key = findAuthKey([...loaded.auths.keys()], registry);
    return key === undefined ? undefined : credentialFromAuthEntry(loaded.auths.get(key), key, loaded.display);
  };
}

/** The helper docker would ask for `registry`, or '' for the `auths` file store. */
function helperFor(config: DockerConfig, registry: string): string {
  return credHelperEntry(config, authConfigKey(registry)) ?? config.credsStore;
}
