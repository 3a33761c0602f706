/**
 * Which `auths` key of a containers auth file (auth.json) holds the credentials for an image.
 *
 * containers/image pkg/docker/config/config.go (`findCredentialsInFile`, `authKeysForKey`) and
 * containers-auth.json(5): a key is a registry (`quay.io`) or a registry and a repository path
 * (`quay.io/org`, `quay.io/org/app`), and the most specific one wins:
 * 1. with a repository, `registry/a/b/c`, `registry/a/b`, `registry/a`, then `registry`, each
 *    compared exactly (case-sensitively), as containers/image compares them;
 * 2. failing that, the keys docker would take for the registry (registry-key.ts `findAuthKey`):
 *    `https://quay.io`, `http://host:5000/v1/`, and for Docker Hub `https://index.docker.io/v1/`.
 * Keys with a path and no scheme are namespaced: they take part in step 1 only, so
 * `quay.io/org` never stands for all of quay.io (docker's ConvertToHostname would make it so;
 * containers/image's `normalizeAuthFileKey` cuts a path only after a scheme).
 * Docker Hub's keys start with `docker.io`, as `podman login docker.io/org` writes them.
 */
import { findAuthKey, isDockerHub } from './registry-key.js';

/** The key for `registry` (and `repository`, when given) among `keys`, in file order. */
export function findAuthFileKey(keys: readonly string[], registry: string, repository?: string): string | undefined {
  const present = new Set(keys);
  const exact = authFileKeyCandidates(registry, repository).find((key) => present.has(key));
  if (exact !== undefined) return exact;
  return findAuthKey(
    keys.filter((key) => !isNamespaced(key)),
    registry,
  );
}

/** `quay.io` + `org/app/x` → `quay.io/org/app/x`, `quay.io/org/app`, `quay.io/org`, `quay.io`. */
export function authFileKeyCandidates(registry: string, repository?: string): string[] {
  const host = isDockerHub(registry) ? 'docker.io' : registry;
  const parts = (repository ?? '').split('/').filter((part) => part !== '');
  const candidates: string[] = [];
  for (let n = parts.length; n > 0; n--) candidates.push([host, ...parts.slice(0, n)].join('/'));
  candidates.push(host);
  return candidates;
}

/** A key with a path but no scheme: `quay.io/org`, not `https://quay.io/v1/` nor `quay.io/`. */
function isNamespaced(key: string): boolean {
  if (key.includes('://')) return false;
  const slash = key.indexOf('/');
  return slash >= 0 && slash < key.length - 1;
}
