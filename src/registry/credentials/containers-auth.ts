/**
 * Credentials from the containers auth files that `podman login`, `buildah login` and
 * `skopeo login` write (containers-auth.json(5)), looked up as containers/image does
 * (pkg/docker/config/config.go `getCredentialsWithHomeDir`, `findCredentialsInFile`).
 *
 * - The files, in order, are those of auth-file-paths.ts; the first file with an answer wins.
 *   Each is read only when the files before it had nothing for the image, at most once per
 *   lookup function; a missing file is skipped.
 * - Within a file: `credHelpers[registry]` names a helper → ask `docker-credential-<helper>`
 *   with the registry name as server URL (`docker.io` for Docker Hub, not docker's
 *   `https://index.docker.io/v1/`), and do not read that file's `auths`; else the `auths`
 *   entry chosen by auth-file-key.ts, the most specific repository prefix first.
 * - A helper without an answer, or an entry without credentials (`{}`), moves on to the next
 *   file, as containers/image does with an empty result.
 * - `credsStore` is ignored: containers/image does not read it (its helpers come from
 *   registries.conf `credential-helpers`, which mfx does not read).
 * The format and its checks are docker's (config-file.ts, auth-entry.ts): a file that is not
 * JSON or has wrong types is a UsageError naming it; a broken entry fails only the lookups
 * that pick it. Leniencies kept from there: an empty file is an empty config, and entries may
 * hold `username`/`password` (containers/image reads only `auth` and `identitytoken`).
 */
import { credentialFromAuthEntry } from './auth-entry.js';
import { type AuthFileHost, containersAuthFiles } from './auth-file-paths.js';
import { findAuthFileKey } from './auth-file-key.js';
import { credHelperEntry, type DockerConfig, loadDockerConfig } from './config-file.js';
import { type HelperRunner, runCredentialHelper } from './helper.js';
import { type HelperAsker, helperAsker } from './helper-answers.js';
import { isDockerHub } from './registry-key.js';
import type { Credential, CredentialLookup } from './types.js';

export interface ContainersAuthOptions {
  /** REGISTRY_AUTH_FILE, XDG_RUNTIME_DIR, XDG_CONFIG_HOME, HOME and the helpers' PATH. Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** Platform, uid and /run. Default: this process's (currentHost). */
  host?: AuthFileHost;
  /** Runs a credential helper. Default: runCredentialHelper. */
  runHelper?: HelperRunner;
}

/** A lookup over the containers auth files; no files yield no credentials. */
export function containersAuthCredentials(opts: ContainersAuthOptions = {}): CredentialLookup {
  const env = opts.env ?? process.env;
  const files = containersAuthFiles(env, opts.host);
  const askHelper = helperAsker(opts.runHelper ?? runCredentialHelper, env);
  const loaded = new Map<string, Promise<DockerConfig>>();
  const load = (path: string): Promise<DockerConfig> => {
    let config = loaded.get(path);
    if (config === undefined) {
      config = loadDockerConfig(path, env);
      loaded.set(path, config);
    }
    return config;
  };

  return async (registry, repository) => {
    for (const path of files) {
      const found = await fromFile(await load(path), askHelper, registry, repository);
      if (found !== undefined) return found;
    }
    return undefined;
  };
}

async function fromFile(
  config: DockerConfig,
  askHelper: HelperAsker,
  registry: string,
  repository: string | undefined,
): Promise<Credential | undefined> {
  const name = isDockerHub(registry) ? 'docker.io' : registry;
  const helper = credHelperEntry(config, name);
  if (helper) return askHelper(helper, name, config.display);
  const key = findAuthFileKey([...config.auths.keys()], registry, repository);
  return key === undefined ? undefined : credentialFromAuthEntry(config.auths.get(key), key, config.display);
}
