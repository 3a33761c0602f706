/**
 * Test support: fresh home directories under one temporary root, each holding
 * `.docker/config.json` with the given content, so config files show as `~/.docker/config.json`;
 * and other files (containers auth files) anywhere under that root.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface ConfigHomes {
  /** The temporary root (for files outside any home). */
  root: string;
  /** A new home; `config` is written as JSON, a string as is, undefined writes no file. */
  home(config: unknown): Promise<string>;
  /** Writes `path` (absolute, under root), creating its directory: JSON for an object, a string as is. */
  write(path: string, content: unknown): Promise<string>;
  cleanup(): Promise<void>;
}

function text(content: unknown): string {
  return typeof content === 'string' ? content : JSON.stringify(content);
}

export async function makeConfigHomes(): Promise<ConfigHomes> {
  const root = await mkdtemp(join(tmpdir(), 'mfx-dockercfg-'));
  let n = 0;
  return {
    root,
    async home(config) {
      const dir = join(root, `home${n++}`);
      await mkdir(join(dir, '.docker'), { recursive: true });
      if (config !== undefined) await writeFile(join(dir, '.docker', 'config.json'), text(config));
      return dir;
    },
    async write(path, content) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text(content));
      return path;
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
