/**
 * How docker names a registry in config.json and towards credential helpers.
 *
 * - Docker Hub (`docker.io`, `index.docker.io`) is keyed `https://index.docker.io/v1/`; every
 *   other registry by its name, `host[:port]` (docker/cli cli/command/registry.go
 *   `getAuthConfigKey`, moby registry/config.go `GetAuthConfigKey`). The same key selects a
 *   `credHelpers` entry and is the server URL a credential helper receives.
 * - An `auths` entry is found by exact key first; failing that, by comparing the registry
 *   with each key reduced by `ConvertToHostname` (docker/cli cli/config/credentials/
 *   file_store.go `fileStore.Get`), so `https://ghcr.io`, `ghcr.io/` and `http://host/v1/`
 *   keys still match. The first such key in file order wins (docker iterates a Go map, so
 *   its choice among several is random).
 * - Deliberate leniencies beyond docker: hostnames compare case-insensitively in that second
 *   pass, and Docker Hub also matches keys that reduce to `docker.io` or `index.docker.io`
 *   (podman and containers/image write `docker.io`), which docker itself ignores.
 */

/** Docker Hub's key in config.json and its server URL for credential helpers. */
export const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';

const DOCKER_HUB_HOSTS: ReadonlySet<string> = new Set(['docker.io', 'index.docker.io']);

/** True for the names docker treats as Docker Hub. */
export function isDockerHub(registry: string): boolean {
  return DOCKER_HUB_HOSTS.has(registry.toLowerCase());
}

/** The config.json key (and credential-helper server URL) for a registry name. */
export function authConfigKey(registry: string): string {
  return isDockerHub(registry) ? DOCKER_HUB_KEY : registry;
}

/**
 * `https://host:5000/v1/` → `host:5000`; `host/path` → `host`; `host` → `host`. Like docker's
 * ConvertToHostname: scheme, userinfo and path are dropped, the port kept, and a bracketed
 * IPv6 address loses its brackets when there is no port (Go's URL.Hostname()).
 */
export function convertToHostname(key: string): string {
  const schemeEnd = key.indexOf('://');
  if (schemeEnd >= 0) {
    const rest = key.slice(schemeEnd + 3);
    const authority = rest.slice(0, firstIndexOf(rest, '/?#'));
    const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
    const host = splitHostPort(hostPort);
    if (host !== '') return host;
  }
  return key.slice(0, firstIndexOf(key, '/'));
}

/** The `auths` key docker would use for `registry`, among `keys` (in file order). */
export function findAuthKey(keys: readonly string[], registry: string): string | undefined {
  const exact = authConfigKey(registry);
  if (keys.includes(exact)) return exact;
  const wanted = isDockerHub(registry) ? DOCKER_HUB_HOSTS : new Set([registry.toLowerCase()]);
  return keys.find((key) => wanted.has(convertToHostname(key).toLowerCase()));
}

function firstIndexOf(s: string, chars: string): number {
  for (let i = 0; i < s.length; i++) if (chars.includes(s[i] as string)) return i;
  return s.length;
}

/** `host:port` → itself, `host:` → `host`, `[::1]:80` → `[::1]:80`, `[::1]` → `::1`. */
function splitHostPort(hostPort: string): string {
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close < 0) return '';
    const host = hostPort.slice(1, close);
    const port = hostPort.slice(close + 1).replace(/^:/, '');
    return port === '' ? host : `[${host}]:${port}`;
  }
  const colon = hostPort.indexOf(':');
  if (colon < 0) return hostPort;
  const host = hostPort.slice(0, colon);
  const port = hostPort.slice(colon + 1);
  return port === '' || host === '' ? host : `${host}:${port}`;
}
