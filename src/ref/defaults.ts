/**
 * Named defaults of Docker-style image references.
 *
 * Rules:
 * - A reference with no registry lives on Docker Hub, whose registry name is `docker.io`
 *   (`nginx` → `docker.io/library/nginx`).
 * - `index.docker.io` is the legacy name of Docker Hub and is rewritten to `docker.io`.
 * - A Docker Hub repository with a single path component is an official image and lives in the
 *   `library` namespace (`docker.io/nginx` → `docker.io/library/nginx`).
 * - A reference with neither tag nor digest means the tag `latest`.
 * - The registry name `docker.io` is not the host to connect to: Docker Hub's registry API is
 *   served by `registry-1.docker.io`.
 * - A repository path (the name without its registry) is at most 255 characters.
 */

/** Registry name used when a reference names none. */
export const DEFAULT_REGISTRY = 'docker.io';

/** Legacy registry name of Docker Hub ("the Docker Index"), normalized to DEFAULT_REGISTRY. */
export const LEGACY_DEFAULT_REGISTRY = 'index.docker.io';

/** Host (no scheme) that serves the registry API for Docker Hub. */
export const DOCKER_HUB_ENDPOINT = 'registry-1.docker.io';

/** Tag used when a reference has neither a tag nor a digest. */
export const DEFAULT_TAG = 'latest';

/** Docker Hub namespace of official images (`nginx` → `library/nginx`). */
export const OFFICIAL_NAMESPACE = 'library';

/** The host name that is always a registry when it is the first path component. */
export const LOCALHOST = 'localhost';

/** Maximum length of a repository path, not counting the registry. */
export const REPOSITORY_NAME_MAX_LENGTH = 255;
