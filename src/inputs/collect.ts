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

import { dedupe } from './dedupe.js';
import { type InputIO, nodeIO, readOrFail } from './io.js';
import { parseReferenceList } from './list.js';
import type { CollectedInputs, FoundReference, InputWarning } from './types.js';

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
  if (sources.from?.length) {
    // Loaded only for --from: the YAML parser is the largest part of it.
    const { extractStacks } = await import('./stack.js');
    const result = await extractStacks(sources.from, sources, io);
    found.push(...result.found);
    warnings.push(...result.warnings);
  }
  return { images: dedupe(found), warnings };
}

