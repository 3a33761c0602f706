/**
 * All the image references of one `mfx inspect` / `mfx check` run, from every source.
 *
 * Rules:
 * - Sources are read in this order: `args`, `files` (each in order), `stdin`, `from` (each in
 *   order); the images keep that first-seen order (`dedupe.ts`: one entry per normalized
 *   reference, origins merged).
 * - `args`: each one reference, trimmed, origin `argument`. (The CLI turns a `-` argument
 *   into `stdin`; it never reaches `args`.)
 * - `files` and `stdin`: reference lists (`list.ts`), origins `file` (with path) and `stdin`.
 * - `from`: a file is dispatched by `kindOfPath` to the compose, Kubernetes or Dockerfile
 *   extractor; a file of no known kind is a `UsageError`. A directory is walked
 *   (`walk.ts`); of the files found, those whose kind cannot be told are skipped silently,
 *   and `*.yaml` that does not parse (a Helm template, say) is skipped with a warning (origin
 *   kind `kubernetes`, the only kind such a file could have been); a file named as a compose
 *   file or Dockerfile that does not parse is an error, as when given directly. A path
 *   met twice (given twice, or given and also found in a walked directory) is read once.
 * - `buildArgs` are passed to the Dockerfile extractor (like `--build-arg`), `env` to the
 *   compose extractor for interpolation; both default to none.
 * - A file or directory that cannot be read is a `UsageError` `cannot read PATH: REASON`.
 * - Extractor warnings are passed through in the order met.
 */

import { normalize } from 'node:path';
import { dedupe } from './dedupe.js';
import { extractCompose } from './compose.js';
import { detectKind, kindByName, kindOfPath } from './detect.js';
import { extractDockerfile } from './dockerfile.js';
import { type InputIO, nodeIO, readOrFail } from './io.js';
import { extractKubernetes } from './kubernetes.js';
import { parseReferenceList } from './list.js';
import type { CollectedInputs, Extracted, FoundReference, InputWarning, SourceKind } from './types.js';
import { listStackFiles } from './walk.js';
import { YamlSyntaxError } from './yaml-source.js';

export interface CollectSources {
  /** References given as arguments. */
  args?: string[];
  /** Reference list files (`--file`). */
  files?: string[];
  /** The text read from standard input, when `-` was given. */
  stdin?: string;
  /** Stack files and directories (`--from`). */
  from?: string[];
  /** Values for Dockerfile ARGs, like `docker build --build-arg`. */
  buildArgs?: Record<string, string>;
  /** Variables for compose interpolation. */
  env?: Record<string, string>;
}

/** Reads every source and returns the deduplicated images and the warnings. */
export async function collectInputs(sources: CollectSources, io: InputIO = nodeIO): Promise<CollectedInputs> {
  const found: FoundReference[] = [];
  const warnings: InputWarning[] = [];
  for (const arg of sources.args ?? []) found.push({ reference: arg.trim(), origin: { kind: 'argument' } });
  for (const path of sources.files ?? []) {
    const text = await readOrFail(path, () => io.readFile(path));
    found.push(...parseReferenceList(text, { kind: 'file', path }));
  }
  if (sources.stdin !== undefined) found.push(...parseReferenceList(sources.stdin, { kind: 'stdin' }));
  for (const { path, walked } of await stackFiles(sources.from ?? [], io)) {
    const text = await readOrFail(path, () => io.readFile(path));
    const result = walked ? extractFound(path, text, sources) : extract(kindOfPath(path, text), path, text, sources);
    found.push(...result.found);
    warnings.push(...result.warnings);
  }
  return { images: dedupe(found), warnings };
}

/** The files of `--from`, directories walked, each path once. */
async function stackFiles(from: string[], io: InputIO): Promise<{ path: string; walked: boolean }[]> {
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
