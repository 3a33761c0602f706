/**
 * Timing of child processes: runs one command (asynchronously, so the proxy and token
 * server in this process keep answering), measures its wall time with the monotonic
 * clock, and pairs it with what the counting proxy saw during the run. Also the summary
 * statistics (min, median) over several runs.
 */
import { spawn } from 'node:child_process';
import type { Counters, CountingProxy } from './proxy.js';

export interface Command {
  file: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Kill the child after this long; the run then counts as failed. */
  timeoutMs: number;
}

export interface ProcessResult {
  ms: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface Sample {
  ms: number;
  /** Undefined when the command ran without the proxy (start-up). */
  counters?: Counters;
  /**
   * mfx's own `--verbose` report of its peak memory (maxRSS), in MiB: set on the runs that
   * ask for it, null when such a run did not print it.
   */
  peakMemoryMiB?: number | null;
}

/** Keeps the first `limit` characters of a stream. */
function collector(limit: number): { push(chunk: Buffer): void; text(): string } {
  let text = '';
  return {
    push(chunk) {
      if (text.length < limit) text += chunk.toString('utf8');
    },
    text: () => text,
  };
}

/** Keeps the last `limit` characters (or a few more) of a stream: where errors and end-of-run reports are. */
function tailCollector(limit: number): { push(chunk: Buffer): void; text(): string } {
  let text = '';
  return {
    push(chunk) {
      text += chunk.toString('utf8');
      if (text.length > 2 * limit) text = text.slice(-limit);
    },
    text: () => text,
  };
}

/** Runs a command to its end and measures its wall time; never throws for a failing command. */
export function runProcess(cmd: Command, outputLimit = 1 << 20): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const out = collector(outputLimit);
    const err = tailCollector(64 * 1024);
    const started = process.hrtime.bigint();
    const child = spawn(cmd.file, [...cmd.args], { env: cmd.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, cmd.timeoutMs);
    child.stdout.on('data', out.push);
    child.stderr.on('data', err.push);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      resolve({ ms, code, signal, stdout: out.text(), stderr: err.text(), timedOut });
    });
  });
}

/** Why a finished command counts as failed, or undefined when it succeeded. */
export function failureOf(result: ProcessResult, acceptCodes: readonly number[] = [0]): string | undefined {
  if (result.timedOut) return `timed out after ${Math.round(result.ms)} ms`;
  if (result.code !== null && acceptCodes.includes(result.code)) return undefined;
  const how = result.code === null ? `killed by ${result.signal}` : `exit ${result.code}`;
  const detail = result.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 300);
  return detail ? `${how}: ${detail}` : how;
}

/** Resets the proxy's counters, runs `run`, and returns its wall time with the counters of that run. */
export async function countedRun(proxy: CountingProxy, run: () => Promise<ProcessResult>): Promise<{ result: ProcessResult; counters: Counters }> {
  proxy.reset();
  const result = await run();
  return { result, counters: proxy.snapshot() };
}

export interface Stats {
  n: number;
  min: number;
  median: number;
}

/** The median of the values (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function stats(values: readonly number[]): Stats {
  return { n: values.length, min: values.length ? Math.min(...values) : Number.NaN, median: median(values) };
}
