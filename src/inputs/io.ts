/**
 * The file access `collectInputs` needs, with node:fs/promises as the default so tests can
 * inject a fake file system.
 *
 * Rules:
 * - Files are read as UTF-8.
 * - `isDirectory` is false for anything that cannot be stat'ed (the read then reports why).
 * - `readDir` lists a directory's entries; a symbolic link is never a directory here, so
 *   walks cannot loop.
 * - A failed read becomes `UsageError` `cannot read PATH: REASON`, the reason in words for
 *   the usual codes (`no such file or directory`, `permission denied`, `is a directory`).
 */

import { readFile, readdir, stat } from 'node:fs/promises';
import { UsageError } from '../errors.js';

export interface DirEntry {
  name: string;
  directory: boolean;
}

export interface InputIO {
  readFile(path: string): Promise<string>;
  /** Whether a `--from` path is a directory to walk; nothing is when absent. */
  isDirectory?(path: string): Promise<boolean>;
  /** The entries of a directory; node's `readdir` when absent. */
  readDir?(path: string): Promise<DirEntry[]>;
}

export const nodeIO: Required<InputIO> = {
  readFile: (path) => readFile(path, 'utf8'),
  isDirectory: async (path) => {
    try {
      return (await stat(path)).isDirectory();
    } catch {
      return false;
    }
  },
  readDir: async (path) => (await readdir(path, { withFileTypes: true })).map((e) => ({ name: e.name, directory: e.isDirectory() })),
};

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
};

/** Why a read failed, in words. */
export function readFailure(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && Object.hasOwn(REASONS, code)) return REASONS[code]!;
  return err instanceof Error ? err.message : String(err);
}

/** Runs a read; a failure becomes `UsageError` `cannot read PATH: REASON`. */
export async function readOrFail<T>(path: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${readFailure(err)}`, { cause: err });
  }
}
