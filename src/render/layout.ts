/**
 * Shared pieces of the terminal views: options every renderer takes, and the aligned
 * `label  value` lines under a title.
 */
import type { ChalkInstance } from 'chalk';

export interface TableOptions {
  chalk: ChalkInstance;
  /** Terminal width; digests are shortened when a full one would not fit. */
  columns: number | undefined;
  /** False on terminals that cannot show UTF-8: `->` instead of `→`. Default true. */
  unicode?: boolean;
}

export function arrow(opts: Pick<TableOptions, 'unicode'>): string {
  return opts.unicode === false ? '->' : '→';
}

/** `  label       value` lines under a title, labels dimmed and aligned. */
export function fieldLines(chalk: ChalkInstance, fields: [string, string][]): string[] {
  const width = Math.max(...fields.map(([label]) => label.length)) + 2;
  return fields.map(([label, value]) => `  ${chalk.dim(label)}${' '.repeat(width - label.length)}${value}`);
}

