/**
 * Small file helpers for the caches: private files (0600 in 0700 directories), written
 * atomically (a temporary file renamed into place) so a reader never sees half a file and
 * concurrent runs never corrupt one. Cache I/O failures are never fatal: a cache that cannot
 * be read is empty, one that cannot be written is skipped.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function readOrUndefined(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

/** Writes `data` to `path` atomically with mode 0600; returns false when it could not. */
export async function writePrivate(path: string, data: string | Uint8Array): Promise<boolean> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFile(tmp, data, { mode: 0o600 });
    await rename(tmp, path);
    return true;
  } catch {
    await rm(tmp, { force: true }).catch(() => {});
    return false;
  }
}
