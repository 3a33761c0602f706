/**
 * Test support: fresh home directories under one temporary root, each holding
 * `.docker/config.json` with the given content, so config files show as `~/.docker/config.json`.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ConfigHomes {
  /** The temporary root (for files outside any home). */
  root: string;
  /** A new home; `config` is written as JSON, a string as is, undefined writes no file. */
  home(config: unknown): Promise<string>;
  cleanup(): Promise<void>;
}

export async function makeConfigHomes(): Promise<ConfigHomes> {
  const root = await mkdtemp(join(tmpdir(), 'mfx-dockercfg-'));
  let n = 0;
  return {
    root,
    async home(config) {
      const dir = join(root, `home${n++}`);
      await mkdir(join(dir, '.docker'), { recursive: true });
      if (config !== undefined) {
        const text = typeof config === 'string' ? config : JSON.stringify(config);
        await writeFile(join(dir, '.docker', 'config.json'), text);
      }
      return dir;
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
