/**
 * What kind of stack file a path is, for `--from`: a Dockerfile, a compose file or
 * Kubernetes YAML.
 *
 * Rules, on the file's base name, case-insensitively:
 * - `Dockerfile`, `Containerfile`, `*.Dockerfile`, `Dockerfile.*` (and the same with
 *   `Containerfile`) → dockerfile.
 * - `compose.yaml`, `compose.yml`, `docker-compose*.y(a)ml` and any `*compose*.y(a)ml`
 *   (`compose.override.yaml`, `ci-compose.yml`) → compose.
 * - Any other `*.yaml` / `*.yml` is looked into: kubernetes when any document is a map with
 *   both `apiVersion` and `kind`, else compose when any document has a top-level `services`
 *   key. A YAML syntax error is a `UsageError` naming the file and line.
 * - Anything else is a `UsageError` that lists what `--from` understands.
 *
 * `detectKind` returns undefined where `kindOfPath` throws for a file of no known kind, for
 * directory walks that skip such files.
 */

import { basename } from 'node:path';
import { UsageError } from '../errors.js';
import type { SourceKind } from './types.js';
import { get, loadYaml } from './yaml-source.js';

/** What `--from` understands, for messages. */
export const UNDERSTOOD =
  'Dockerfiles (Dockerfile, Containerfile, *.Dockerfile, Dockerfile.*), compose files (compose.yaml, docker-compose*.yml, *compose*.yml) and Kubernetes YAML (*.yaml, *.yml with apiVersion and kind)';

const DOCKERFILE = /^(?:(?:docker|container)file(?:\..+)?|.+\.(?:docker|container)file)$/i;
const COMPOSE = /compose.*\.ya?ml$/i;
const YAML = /\.ya?ml$/i;

/** The kind a file's name alone tells, if any. */
export function kindByName(path: string): SourceKind | undefined {
  const name = basename(path);
  if (DOCKERFILE.test(name)) return 'dockerfile';
  if (COMPOSE.test(name)) return 'compose';
  return undefined;
}

/** True when a file may be a stack file: a name `kindByName` knows, or YAML to look into. */
export function isCandidate(path: string): boolean {
  return kindByName(path) !== undefined || YAML.test(basename(path));
}

/** The kind of a file by name, then by content for other YAML; undefined when neither tells. */
export function detectKind(path: string, text: string): SourceKind | undefined {
  const byName = kindByName(path);
  if (byName !== undefined || !YAML.test(basename(path))) return byName;
  const { documents } = loadYaml(text, path);
  if (documents.some((doc) => get(doc, doc.contents, 'apiVersion') && get(doc, doc.contents, 'kind'))) return 'kubernetes';
  if (documents.some((doc) => get(doc, doc.contents, 'services'))) return 'compose';
  return undefined;
}

/** The kind of a file given to `--from`; a `UsageError` when it is none `--from` understands. */
export function kindOfPath(path: string, text: string): SourceKind {
  const kind = detectKind(path, text);
  if (kind !== undefined) return kind;
  const why = YAML.test(basename(path)) ? 'neither a compose file (no top-level services) nor Kubernetes YAML (no document with apiVersion and kind)' : 'not a file kind --from understands';
  throw new UsageError(`${path}: ${why}; --from understands ${UNDERSTOOD}`);
}
