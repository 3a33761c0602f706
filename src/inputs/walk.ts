/**
 * The stack files under a directory given to `--from`.
 *
 * Rules:
 * - Recursive; directories named `node_modules` and directories whose name starts with `.`
 *   (`.git`, `.github`, `.venv`) are not entered.
 * - A file is kept when `isCandidate` says it may be a stack file: a Dockerfile or compose
 *   name, or any `.yaml` / `.yml` (whose content decides later).
 * - Paths are the directory joined with the entry names (`node:path` join), sorted by code
 *   unit so the result does not depend on the file system's order.
 */

import { join } from 'node:path';
import { isCandidate } from './detect.js';
import { type DirEntry, readOrFail } from './io.js';

/** Lists the candidate stack files under `dir`, sorted. */
export async function listStackFiles(dir: string, readDir: (path: string) => Promise<DirEntry[]>): Promise<string[]> {
  const found: string[] = [];
  const visit = async (current: string): Promise<void> => {
    for (const entry of await readOrFail(current, () => readDir(current))) {
      const path = join(current, entry.name);
      if (!entry.directory) {
        if (isCandidate(path)) found.push(path);
      } else if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
        await visit(path);
      }
    }
  };
  await visit(dir);
  return found.sort();
}
