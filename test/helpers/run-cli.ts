/**
 * Runs the built CLI (`bin/mfx.js`) as a user would: a child process with its own
 * environment and standard input, never sharing the test's event loop (the test's token
 * server must keep answering while mfx runs). HOME and DOCKER_CONFIG point at an empty temp
 * dir unless given, so the machine's own Docker credentials never leak into a test.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeOnExit } from './exit-cleanup.js';

export const MFX_BIN = fileURLToPath(new URL('../../bin/mfx.js', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stdoutBytes: Buffer;
  stderr: string;
  /** Wall time in milliseconds. */
  ms: number;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  input?: string;
  /** Kill the child after this long (a hang is a failure, not a stuck suite). */
  timeoutMs?: number;
  /** Run through `sh -c` with mfx as "$MFX", for pipelines: `$MFX inspect --raw x | sha256sum`. */
  shell?: string;
}

let emptyHome: string | undefined;
function isolatedHome(): string {
  if (emptyHome === undefined) {
    emptyHome = mkdtempSync(join(tmpdir(), 'mfx-home-'));
    removeOnExit(emptyHome);
  }
  return emptyHome;
}

export function runCli(args: readonly string[], opts: RunOptions = {}): Promise<CliRun> {
  const home = isolatedHome();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    DOCKER_CONFIG: join(home, '.docker'),
    // A cache of its own per run, unless a test shares one on purpose.
    XDG_CACHE_HOME: mkdtempSync(join(home, 'cache-')),
    LANG: 'C.UTF-8',
    MFX: `${process.execPath} ${MFX_BIN}`,
    ...opts.env,
  };
  const [cmd, argv] = opts.shell ? ['sh', ['-c', opts.shell]] : [process.execPath, [MFX_BIN, ...args]];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      const stdoutBytes = Buffer.concat(out);
      resolve({ status, stdout: stdoutBytes.toString('utf8'), stdoutBytes, stderr: Buffer.concat(err).toString('utf8'), ms: Date.now() - started });
    });
    child.stdin.end(opts.input ?? '');
  });
}

/** A Docker config dir whose config.json holds `config`; returns the dir (for DOCKER_CONFIG). */
export function dockerConfigDir(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'mfx-docker-config-'));
  removeOnExit(dir);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config, null, 2));
  return dir;
}

/** A Docker config dir with `auths[registry].auth` = base64(user:password). */
export function dockerConfigWithAuth(registry: string, username: string, password: string): string {
  const auth = Buffer.from(`${username}:${password}`).toString('base64');
  return dockerConfigDir({ auths: { [registry]: { auth } } });
}
