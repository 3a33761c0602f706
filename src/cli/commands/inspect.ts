/**
 * `mfx inspect REF`: resolve options, call `inspect`, print the result in the chosen form.
 */
import { inspect } from '../../inspect.js';
import { parseReference } from '../../ref/reference.js';
import { renderInspectJson } from '../../render/json.js';
import { fallbackNote } from '../../render/selected.js';
import { renderInspectTable } from '../../render/table.js';
import { registryOptions, tableOptions, terminalOf } from '../context.js';
import type { CliIO } from '../io.js';
import { type InspectFlags, resolveInspectOptions } from '../options.js';

export async function runInspect(reference: string, flags: InspectFlags, io: CliIO): Promise<number> {
  const opts = resolveInspectOptions(flags, io.env, terminalOf(io));
  const ref = parseReference(reference);
  const result = await inspect(ref, {
    ...(await registryOptions(opts, io)),
    platform: opts.platform,
    strict: opts.strict,
    sizes: opts.sizes,
  });
  const note = result.selected && fallbackNote(result.selected);
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
  if (note && opts.output !== 'table') io.stderr.write(`mfx: note: ${note}\n`);
  return 0;
}
