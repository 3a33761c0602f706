/**
 * The default view of `mfx inspect`: a header naming what was resolved, a row per platform,
 * then attestation rows (dimmed, each naming the platform it describes), then a summary.
 * A pure function of the result: colors come in as a chalk instance, the terminal width as
 * a number (undefined when stdout is not a terminal: digests are then never shortened).
 */
import Table from 'cli-table3';
import type { InspectResult } from '../inspect.js';
import type { IndexEntry } from '../manifest/entries.js';
import { describeMediaType, shortMediaType } from '../manifest/media-types.js';
import { formatPlatform } from '../platform/format.js';
import { formatQualified } from '../ref/reference.js';
import { type TableOptions, arrow, fieldLines } from './layout.js';
import { renderSelected } from './selected.js';

export type { TableOptions } from './layout.js';
import { sanitize } from './sanitize.js';
import { formatBytes } from './size.js';

/** Full digests need about this many columns beside platform and media type. */
const FULL_DIGEST_COLUMNS = 110;

export function shortDigest(digest: string): string {
  const colon = digest.indexOf(':');
  return digest.slice(0, colon + 13);
}

interface Row {
  label: string;
  osVersion: string;
  digest: string;
  size: string;
  mediaType: string;
  dim: boolean;
}

function entryRow(e: IndexEntry, digest: (d: string) => string, to: string, sizes: InspectResult['sizes']): Row {
  const d = e.descriptor;
  const p = e.platform;
  let label: string;
  if (e.type === 'attestation') {
    label = `attestation ${to} ${e.describes?.platform ? formatPlatform(e.describes.platform) : (e.describes?.digest ? shortDigest(e.describes.digest) : 'unknown')}`;
  } else if (e.type === 'unknown') {
    label = p ? `${formatPlatform(p)} (unknown platform)` : '(no platform)';
  } else {
    label = p ? formatPlatform(p) : '(nested index)';
    if (e.type === 'index' && p) label += ' (nested index)';
  }
  return {
    label: sanitize(label),
    osVersion: sanitize(p?.['os.version'] ?? ''),
    digest: digest(d.digest),
    size: sizeCell(sizes, d.digest),
    mediaType: sanitize(shortMediaType(d.mediaType)),
    dim: e.type === 'attestation' || e.type === 'unknown',
  };
}

function sizeCell(sizes: InspectResult['sizes'], digest: string): string {
  const size = sizes?.get(digest);
  return size === undefined ? '' : formatBytes(size);
}

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

export function renderInspectTable(r: InspectResult, opts: TableOptions): string {
  if (r.selected) return renderSelected(r, r.selected, opts);
  const { chalk } = opts;
  const digest = opts.columns !== undefined && opts.columns < FULL_DIGEST_COLUMNS ? shortDigest : (d: string) => d;
  const fields: [string, string][] = [
    ['digest', r.digest],
    ['media type', sanitize(describeMediaType(r.mediaType))],
    r.image ? ['kind', 'single-platform image'] : ['entries', String(r.entries.length)],
  ];
  const lines = [chalk.bold(sanitize(formatQualified(r.reference))), ...fieldLines(chalk, fields)];
  let rows: Row[];
  if (r.image) {
    const p = r.image.platform;
    const size = sizeCell(r.sizes, r.digest);
    rows = [{ label: sanitize(formatPlatform(p)), osVersion: sanitize(p['os.version'] ?? ''), digest: digest(r.digest), size, mediaType: shortMediaType(r.mediaType), dim: false }];
  } else {
    const order = (e: IndexEntry) => (e.type === 'image' || e.type === 'index' ? 0 : e.type === 'unknown' ? 1 : 2);
    const to = arrow(opts);
    rows = [...r.entries].sort((a, b) => order(a) - order(b) || a.position - b.position).map((e) => entryRow(e, digest, to, r.sizes));
  }
  const withOsVersion = rows.some((row) => row.osVersion !== '');
  const withSize = r.sizes !== undefined;
  const head = ['PLATFORM', ...(withOsVersion ? ['OS VERSION'] : []), 'DIGEST', ...(withSize ? ['SIZE'] : []), 'MEDIA TYPE'];
  const table = new Table({
    head: head.map((h) => chalk.bold(h)),
    colAligns: head.map((h) => (h === 'SIZE' ? 'right' : 'left')),
    style: { head: [], border: [], compact: true, 'padding-left': 0, 'padding-right': 2 },
    chars: { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '' },
  });
  for (const row of rows) {
    const cells = [row.label, ...(withOsVersion ? [row.osVersion] : []), row.digest, ...(withSize ? [row.size] : []), row.mediaType];
    table.push(row.dim ? cells.map((c) => chalk.dim(c)) : cells);
  }
  lines.push('', table.toString().split('\n').map((l) => l.trimEnd()).join('\n'), '', summary(r));
  return `${lines.join('\n')}\n`;
}

function summary(r: InspectResult): string {
  if (r.image) return '1 platform (single-platform image)';
  const count = (t: IndexEntry['type']) => r.entries.filter((e) => e.type === t).length;
  const parts = [plural(count('image'), 'platform')];
  if (count('index')) parts.push(plural(count('index'), 'nested index', 'nested indexes'));
  if (count('attestation')) parts.push(plural(count('attestation'), 'attestation'));
  if (count('unknown')) parts.push(`${count('unknown')} of unknown platform`);
  return parts.join(', ');
}
