/**
 * Last-resort cleanup for the test bed: registry processes and temp dirs still alive when
 * the test process exits (a crashed or interrupted test) are killed and removed.
 */
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

const children = new Set<ChildProcess>();
const dirs = new Set<string>();
let installed = false;

function cleanUpNow(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  cleanUpNow();
  // Our listener was the only reason the default action did not run: re-raise the signal.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', cleanUpNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, onSignal);
}

/** Kills `child` when the process exits, unless untracked first. */
export function killOnExit(child: ChildProcess): () => void {
  install();
  children.add(child);
  return () => children.delete(child);
}

/** Removes `dir` when the process exits, unless untracked first. */
export function removeOnExit(dir: string): () => void {
  install();
  dirs.add(dir);
  return () => dirs.delete(dir);
}
