/**
 * Registry credentials as lookup functions: from the command line, from docker's config
 * file and credential helpers, and chains of these.
 */
export type { Credential, CredentialLookup } from './types.js';
export { staticCredentials } from './static.js';
export { type DockerConfigOptions, dockerConfigCredentials } from './docker-config.js';
export {
  type HelperCredentials,
  type HelperOptions,
  type HelperRunner,
  helperCredential,
  runCredentialHelper,
} from './helper.js';
export { chainCredentials } from './chain.js';
export { DOCKER_HUB_KEY, authConfigKey, convertToHostname } from './registry-key.js';
