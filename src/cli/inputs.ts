/**
 * Gathers the image references of `inspect` and `check` from their arguments, `--file`,
 * `-` (standard input) and `--from`, deduplicated, with where each came from. Warnings
 * (a Dockerfile ARG without default, ...) go to stderr.
 */
import { UsageError } from '../errors.js';
import { collectInputs } from '../inputs/collect.js';
import { formatOrigin } from '../inputs/origin.js';
import { sanitize } from '../render/sanitize.js';
import type { CliIO } from './io.js';
import type { CommonOptions, InputFlags } from './options.js';

export interface GatheredInputs {
  references: string[];
  /** Formatted origins by reference. */
  origins: Map<string, string[]>;
  /** More than one image, or any source besides one argument: the many-image output. */
  batch: boolean;
}

export async function gatherInputs(args: readonly string[], flags: InputFlags, opts: CommonOptions, io: CliIO): Promise<GatheredInputs> {
  const wantsStdin = args.includes('-');
  if (wantsStdin && opts.passwordStdin) {
    throw new UsageError("'-' (references on standard input) and --password-stdin cannot both read standard input");
  }
  const collected = await collectInputs({
    args: args.filter((a) => a !== '-'),
    files: flags.file,
    stdin: wantsStdin ? await io.readStdin() : undefined,
    from: flags.from,
  });
  for (const w of collected.warnings) io.stderr.write(`mfx: warning: ${sanitize(formatOrigin(w.origin))}: ${sanitize(w.message)}\n`);
  if (collected.images.length === 0) {
    throw new UsageError('no image references: give them as arguments, or with --file FILE, - (standard input) or --from PATH');
  }
  const single = args.length === 1 && !wantsStdin && !flags.file?.length && !flags.from?.length;
  return {
    references: collected.images.map((i) => i.reference),
    origins: new Map(collected.images.map((i) => [i.reference, i.origins.map(formatOrigin)])),
    batch: !single,
  };
}
