/**
 * `--from`: image references extracted from compose files, Kubernetes YAML and Dockerfiles,
 * given as files or found in directories. A file given by name must be of a known kind; a
 * file found in a directory is skipped when it is not, and only warned about when it is YAML
 * that does not parse and whose name does not say what it is.
 */
import { normalize } from 'node:path';
import { extractCompose } from './compose.js';
import type { CollectSources } from './collect.js';
import { detectKind, kindByName, kindOfPath } from './detect.js';
import { extractDockerfile } from './dockerfile.js';
import { type InputIO, nodeIO, readOrFail } from './io.js';
import { extractKubernetes } from './kubernetes.js';
import type { Extracted, SourceKind } from './types.js';
import { listStackFiles } from './walk.js';
import { YamlSyntaxError } from './yaml-source.js';

export async function extractStacks(from: readonly string[], sources: CollectSources, io: InputIO): Promise<Extracted> {
  const out: Extracted = { found: [], warnings: [] };
  for (const { path, walked } of await stackFiles(from, io)) {
    const text = await readOrFail(path, () => io.readFile(path));
    const result = walked ? extractFound(path, text, sources) : extract(kindOfPath(path, text), path, text, sources);
    out.found.push(...result.found);
    out.warnings.push(...result.warnings);
  }
  return out;
}

/** The files of `--from`, directories walked, each path once. */
async function stackFiles(from: readonly string[], io: InputIO): Promise<{ path: string; walked: boolean }[]> {
  const files: { path: string; walked: boolean }[] = [];
  const seen = new Set<string>();
  const add = (path: string, walked: boolean): void => {
    if (!seen.has(normalize(path))) files.push({ path, walked });
    seen.add(normalize(path));
  };
  for (const path of from) {
    if (!(await io.isDirectory?.(path))) add(path, false);
    else for (const file of await listStackFiles(path, io.readDir ?? nodeIO.readDir)) add(file, true);
  }
  return files;
}

/** Extraction for a file found in a directory: unknown kinds skipped, unnamed bad YAML warned about. */
function extractFound(path: string, text: string, sources: CollectSources): Extracted {
  try {
    const kind = detectKind(path, text);
    return kind === undefined ? { found: [], warnings: [] } : extract(kind, path, text, sources);
  } catch (err) {
    if (!(err instanceof YamlSyntaxError) || err.path !== path || kindByName(path) !== undefined) throw err;
    const origin = { kind: 'kubernetes' as const, path, line: err.line };
    return { found: [], warnings: [{ origin, message: `not valid YAML (${err.reason}); skipped` }] };
  }
}

function extract(kind: SourceKind, path: string, text: string, sources: CollectSources): Extracted {
  switch (kind) {
    case 'compose':
      return extractCompose(text, path, sources.env);
    case 'kubernetes':
      return extractKubernetes(text, path);
    case 'dockerfile':
      return extractDockerfile(text, path, sources.buildArgs);
  }
}
