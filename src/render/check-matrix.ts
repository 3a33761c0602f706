/**
 * `mfx check` for people: a row per image, a column per requested platform, a mark for
 * present or missing (with the variant actually matched where it differs, e.g. `✓ arm/v6`
 * serving arm/v7), the failure of an image that could not be checked, and a summary line.
 * Also the same matrix as Markdown, for a GitHub Actions step summary.
 */
import Table from 'cli-table3';
import type { CheckResult, ImageCheck, PlatformCheck } from '../check.js';
import { formatPlatform } from '../platform/format.js';
import { formatFamiliar } from '../ref/reference.js';
import type { TableOptions } from './layout.js';
import { sanitize } from './sanitize.js';

export interface Marks {
  present: string;
  missing: string;
}

export const UNICODE_MARKS: Marks = { present: '✓', missing: '✗' };
export const ASCII_MARKS: Marks = { present: 'ok', missing: 'MISSING' };

export function imageLabel(i: ImageCheck): string {
  return sanitize(i.reference ? formatFamiliar(i.reference) : i.input);
}

/** The cell for one platform: the mark, and the matched platform when another stood in. */
export function cellText(c: PlatformCheck, marks: Marks): string {
  if (!c.match) return marks.missing;
  if (c.match.exact) return marks.present;
  const requested = formatPlatform(c.request.platform);
  const matched = formatPlatform(c.match.platform);
  const shown = requested.split('/')[0] === matched.split('/')[0] ? matched.slice(matched.indexOf('/') + 1) : matched;
  return `${marks.present} ${sanitize(shown)}`;
}

export function checkSummary(r: CheckResult): string {
  const n = r.images.length;
  const ok = r.images.filter((i) => i.status === 'ok').length;
  const missing = r.images.filter((i) => i.status === 'missing');
  const failed = r.images.filter((i) => i.status === 'error').length;
  const parts = [`${ok} of ${n} image${n === 1 ? '' : 's'} offer${n === 1 && ok === 1 ? 's' : ''} every platform`];
  if (missing.length) {
    const lacks = missing.map((i) => `${imageLabel(i)} lacks ${i.platforms.filter((p) => !p.match).map((p) => formatPlatform(p.request.platform)).join(', ')}`);
    parts.push(`${missing.length} missing (${lacks.join('; ')})`);
  }
  if (failed) parts.push(`${failed} could not be checked`);
  return parts.join('; ');
}

export function renderCheckMatrix(r: CheckResult, opts: TableOptions): string {
  const { chalk } = opts;
  const marks = opts.unicode === false ? ASCII_MARKS : UNICODE_MARKS;
  const heads = ['IMAGE', ...r.requests.map((q) => formatPlatform(q.platform))];
  const table = new Table({
    head: heads.map((h) => chalk.bold(h)),
    style: { head: [], border: [], compact: true, 'padding-left': 0, 'padding-right': 2 },
    chars: { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '' },
  });
  for (const image of r.images) {
    if (image.error) {
      table.push([imageLabel(image), { colSpan: r.requests.length, content: chalk.red(`error: ${sanitize(image.error.message)}`) }]);
      continue;
    }
    table.push([imageLabel(image), ...image.platforms.map((c) => (c.match ? chalk.green(cellText(c, marks)) : chalk.red(cellText(c, marks))))]);
  }
  const body = table.toString().split('\n').map((l) => l.trimEnd()).join('\n');
  return `${body}\n\n${checkSummary(r)}\n`;
}

function mdEscape(text: string): string {
  return sanitize(text).replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);
}

export function renderCheckMarkdown(r: CheckResult): string {
  const head = ['image', ...r.requests.map((q) => `\`${formatPlatform(q.platform)}\``)];
  const rows = r.images.map((image) => {
    const cells = image.error
      ? [`❌ ${mdEscape(image.error.message)}`, ...r.requests.slice(1).map(() => '')]
      : image.platforms.map((c) => (c.match ? `✅${c.match.exact ? '' : ` ${mdEscape(formatPlatform(c.match.platform))}`}` : '❌ missing'));
    return [`\`${imageLabel(image).replace(/`/g, '')}\``, ...cells];
  });
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return ['### mfx check', '', line(head), line(head.map(() => '---')), ...rows.map(line), '', mdEscape(checkSummary(r)), ''].join('\n');
}
