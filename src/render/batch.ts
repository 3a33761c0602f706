/**
 * `mfx inspect` over many images: one table per image, in input order, each followed by
 * where the reference came from, then a summary line; or one JSON document with an entry per
 * image. Images offer different platforms, so a table each reads best; `mfx check` gives the
 * combined matrix for a set of platforms.
 */
import type { BatchItem } from '../batch.js';
import { exitCodeFor } from '../exit-codes.js';
import type { InspectResult } from '../inspect.js';
import { toInspectOutput } from './json.js';
import type { TableOptions } from './layout.js';
import { sanitize } from './sanitize.js';
import { INSPECT_SCHEMA_VERSION, InspectBatchOutput } from './schema.js';
import { renderInspectTable } from './table.js';

/** Where each input came from, formatted, by input string. */
export type Origins = ReadonlyMap<string, readonly string[]>;

function summary(items: readonly BatchItem<InspectResult>[]): { images: number; ok: number; failed: number } {
  const failed = items.filter((i) => i.error).length;
  return { images: items.length, ok: items.length - failed, failed };
}

export function renderBatchTables(items: readonly BatchItem<InspectResult>[], origins: Origins, opts: TableOptions): string {
  const { chalk } = opts;
  const blocks = items.map((item) => {
    const from = (origins.get(item.input) ?? []).map((o) => `  ${chalk.dim('from')}  ${sanitize(o)}`);
    if (item.result) return [renderInspectTable(item.result, opts).trimEnd(), ...from].join('\n');
    return [chalk.bold(sanitize(item.input)), `  ${chalk.red(`error: ${sanitize(item.error?.message ?? 'unknown error')}`)}`, ...from].join('\n');
  });
  const s = summary(items);
  return `${blocks.join('\n\n')}\n\n${s.images} images: ${s.ok} inspected, ${s.failed} failed\n`;
}

export function renderBatchJson(items: readonly BatchItem<InspectResult>[], origins: Origins, exitCode: number): string {
  const doc = InspectBatchOutput.parse({
    schemaVersion: INSPECT_SCHEMA_VERSION,
    images: items.map((item) => ({
      input: item.input,
      origins: [...(origins.get(item.input) ?? [])],
      status: item.error ? 'error' : 'ok',
      error: item.error ? { kind: item.error.kind, exitCode: exitCodeFor(item.error.kind), message: item.error.message } : null,
      result: item.result ? toInspectOutput(item.result) : null,
    })),
    summary: summary(items),
    exitCode,
  });
  return `${JSON.stringify(doc, null, 2)}\n`;
}
