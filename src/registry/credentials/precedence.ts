/**
 * The credential sources mfx consults, in order; the first one with an answer wins
 * (chain.ts), and a later source is not even read once an earlier one answered:
 * 1. `--username USER --password-stdin` (the CLI reads the password and passes both here);
 * 2. `MFX_USERNAME` + `MFX_PASSWORD`, restricted by `MFX_REGISTRY` when set (env.ts);
 * 3. docker's config, `$DOCKER_CONFIG/config.json` or `~/.docker/config.json`: `credHelpers`,
 *    then `credsStore`, then `auths` (docker-config.ts);
 * 4. the containers auth files: `$REGISTRY_AUTH_FILE` alone, else the primary
 *    `$XDG_RUNTIME_DIR/containers/auth.json` (or `/run/containers/<uid>/auth.json`), then
 *    `${XDG_CONFIG_HOME:-~/.config}/containers/auth.json` (containers-auth.ts).
 * Explicit choices come first, the files users already have after, docker's before podman's.
 * containers/image reads its own files first and docker's config after them; mfx keeps
 * docker's config ahead, as it was before the containers files were read, so adding them
 * changes nothing for anyone who has docker credentials.
 * A misconfigured environment (MFX_USERNAME without MFX_PASSWORD) fails here, at once; a
 * broken file fails the first lookup that reads it.
 */
import type { AuthFileHost } from './auth-file-paths.js';
import { chainCredentials } from './chain.js';
import { containersAuthCredentials } from './containers-auth.js';
import { dockerConfigCredentials } from './docker-config.js';
import { envCredentials } from './env.js';
import type { HelperRunner } from './helper.js';
import { staticCredentials } from './static.js';
import type { CredentialLookup } from './types.js';

export interface CredentialSourcesOptions {
  /** `--username` and the password `--password-stdin` read; applies to every registry. */
  flags?: { username: string; password: string };
  /** The environment: MFX_*, DOCKER_CONFIG, REGISTRY_AUTH_FILE, XDG_*, HOME, PATH. Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** Platform, uid and /run for the containers auth files. Default: this process's. */
  host?: AuthFileHost;
  /** Runs a credential helper. Default: runCredentialHelper. */
  runHelper?: HelperRunner;
}

/** All of mfx's credential sources as one lookup, in the order above. */
export function credentialSources(opts: CredentialSourcesOptions = {}): CredentialLookup {
  const env = opts.env ?? process.env;
  const lookups: CredentialLookup[] = [];
  if (opts.flags !== undefined) {
    lookups.push(staticCredentials(undefined, opts.flags.username, opts.flags.password, '--password-stdin'));
  }
  const fromEnv = envCredentials(env);
  if (fromEnv !== undefined) lookups.push(fromEnv);
  lookups.push(
    dockerConfigCredentials({ env, runHelper: opts.runHelper }),
    containersAuthCredentials({ env, host: opts.host, runHelper: opts.runHelper }),
  );
  return chainCredentials(...lookups);
}
