/**
 * Registry credentials as lookup functions: from the command line, from MFX_USERNAME and
 * MFX_PASSWORD, from docker's config file and credential helpers, from the containers auth
 * files podman writes, and chains of these; `credentialSources` is all of them in mfx's order.
 */
export type { Credential, CredentialLookup } from './types.js';
export { staticCredentials } from './static.js';
export { ENV_CREDENTIALS_SOURCE, envCredentials } from './env.js';
export { type DockerConfigOptions, dockerConfigCredentials } from './docker-config.js';
export { type ContainersAuthOptions, containersAuthCredentials } from './containers-auth.js';
export { type AuthFileHost, containersAuthFiles, currentHost } from './auth-file-paths.js';
export { authFileKeyCandidates, findAuthFileKey } from './auth-file-key.js';
export {
  type HelperCredentials,
  type HelperOptions,
  type HelperRunner,
  helperCredential,
  runCredentialHelper,
} from './helper.js';
export { type HelperAsker, helperAsker } from './helper-answers.js';
export { chainCredentials } from './chain.js';
export { type CredentialSourcesOptions, credentialSources } from './precedence.js';
export { DOCKER_HUB_KEY, authConfigKey, convertToHostname } from './registry-key.js';
