/**
 * What a run says about itself on stderr: a warning when a registry's pull quota runs low
 * (always), and with --verbose the requests made and every quota reported; plus the live
 * progress line of a many-image run, only when stderr is a terminal.
 */
import type { Progress } from '../batch.js';
import type { ClientStats } from '../registry/client.js';
import { isLow } from '../registry/transport/rate-limit.js';
import type { CliIO } from './io.js';

/** Runs of more images than this show a progress line on a terminal. */
export const PROGRESS_THRESHOLD = 3;

export function reportStats(stats: ClientStats | undefined, verbose: boolean, io: CliIO): void {
  if (!stats) return;
  for (const [registry, q] of stats.rateLimits) {
    const window = q.windowSeconds ? ` per ${formatWindow(q.windowSeconds)}` : '';
    if (isLow(q)) io.stderr.write(`mfx: warning: ${registry} pull quota is low: ${q.remaining} of ${q.limit} left${window}\n`);
    else if (verbose) io.stderr.write(`mfx: ${registry} pull quota: ${q.remaining} of ${q.limit} left${window}\n`);
  }
  if (verbose) {
    io.stderr.write(`mfx: ${stats.requests} HTTP request${stats.requests === 1 ? '' : 's'}\n`);
    io.stderr.write(`mfx: peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB\n`);
  }
}

/** 21600 → `6 h`, 300 → `5 min`, 45 → `45 s`. */
export function formatWindow(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** A progress callback for runBatch, or undefined when none should be shown. */
export function progressLine(total: number, io: CliIO): ((p: Progress) => void) | undefined {
  if (!io.stderr.isTTY || total <= PROGRESS_THRESHOLD) return undefined;
  return (p) => {
    const line = p.done === p.total ? '\r\u001b[K' : `\r\u001b[K${p.done}/${p.total} images, ${p.failed} failed`;
    io.stderr.write(line);
  };
}
