/**
 * Test support: puts testdata/docker-credential-mfxtest (as an executable copy) in a fresh
 * temporary directory and returns an environment whose PATH holds only that directory and
 * node's, so tests run a real helper without touching process.env.
 */
import { chmod, copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'docker-credential-mfxtest');

export interface FakeHelper {
  env: NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
}

/** An env that finds `docker-credential-mfxtest`, answering `answers` (server URL → reply). */
export async function installFakeHelper(
  answers: Record<string, { Username: string; Secret: string }> = {},
): Promise<FakeHelper> {
  const bin = await mkdtemp(join(tmpdir(), 'mfx-helper-'));
  const target = join(bin, 'docker-credential-mfxtest');
  await copyFile(SCRIPT, target);
  await chmod(target, 0o755);
  return {
    env: { PATH: `${bin}${delimiter}${dirname(process.execPath)}`, MFXTEST_CREDENTIALS: JSON.stringify(answers) },
    cleanup: () => rm(bin, { recursive: true, force: true }),
  };
}
