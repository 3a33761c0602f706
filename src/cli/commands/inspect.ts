/**
 * `mfx inspect REF...`: resolve options and inputs, call `inspectMany`, print the result in
 * the chosen form: one image's document, or the many-image one.
 */
import { UsageError } from '../../errors.js';
import { combineExitCodes, exitCodeFor } from '../../exit-codes.js';
import { inspectMany } from '../../inspect.js';
import { renderBatchJson, renderBatchTables } from '../../render/batch.js';
import { renderInspectJson } from '../../render/json.js';
import { fallbackNote } from '../../render/selected.js';
import { renderInspectTable } from '../../render/table.js';
import { registryOptions, tableOptions, terminalOf } from '../context.js';
import { gatherInputs } from '../inputs.js';
import type { CliIO } from '../io.js';
import { type InspectFlags, resolveInspectOptions } from '../options.js';
import { progressLine, reportStats } from '../report.js';

export async function runInspect(args: string[], flags: InspectFlags, io: CliIO): Promise<number> {
  const opts = resolveInspectOptions(flags, io.env, terminalOf(io));
  const { references, origins, batch } = await gatherInputs(args, opts, opts, io);
  if (batch && opts.output === 'raw') throw new UsageError('--raw prints the bytes of one manifest: give a single reference');
  const outcome = await inspectMany(references, {
    ...(await registryOptions(opts, io)),
    platform: opts.platform,
    strict: opts.strict,
    sizes: opts.sizes,
    onProgress: batch ? progressLine(references.length, io) : undefined,
  });
  reportStats(outcome.stats, opts.verbose, io);
  if (batch) {
    const code = combineExitCodes(outcome.items.map((i) => (i.error ? exitCodeFor(i.error.kind) : 0)));
    const tables = () => renderBatchTables(outcome.items, origins, tableOptions(opts, io));
    io.stdout.write(opts.output === 'json' ? renderBatchJson(outcome.items, origins, code) : tables());
    return code;
  }
  const { result, error } = outcome.items[0]!;
  if (error || !result) throw error;
  switch (opts.output) {
    case 'raw':
      io.stdout.write(result.selected?.raw ?? result.raw);
      break;
    case 'json':
      io.stdout.write(renderInspectJson(result));
      break;
    default:
      io.stdout.write(renderInspectTable(result, tableOptions(opts, io)));
  }
  const note = result.selected && fallbackNote(result.selected);
  if (note && opts.output !== 'table') io.stderr.write(`mfx: note: ${note}\n`);
  if (opts.verbose) io.stderr.write(`mfx: answered by ${result.fromMirror ? 'the mirror ' : ''}${result.host}\n`);
  return 0;
}
