/**
 * Starts a real CNCF distribution registry (Debian's `docker-registry`, v2.8) for
 * integration tests, in one of three set-ups: no auth, Docker token auth (with the test
 * token server), or htpasswd Basic auth. Each registry lives in a fresh temp dir.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { connect as netConnect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killOnExit, removeOnExit } from './exit-cleanup.js';
import { findOnPath } from './executables.js';
import { freePort } from './ports.js';
import { type RegistryAuth, type RegistryTlsFiles, writeRegistryConfig } from './registry-config.js';
import { startTokenServer, type TokenServer, type TokenServerOptions } from './token-server.js';
import { USERS, type TestUsers } from './users.js';

export type { RegistryAuth } from './registry-config.js';

export const REGISTRY_NOT_FOUND =
  "docker-registry not found on PATH: install it with 'apt-get install -y docker-registry' (Debian) — integration tests need a real registry";

export interface StartRegistryOptions {
  auth: RegistryAuth;
  /** Serve HTTPS (the url is then https://127.0.0.1:PORT). */
  tls?: RegistryTlsFiles;
  /** For pushing to a TLS registry: an undici dispatcher that trusts it. */
  dispatcher?: unknown;
  /** Initial settings of the token server (token set-up only). */
  tokenServer?: TokenServerOptions;
}

export interface TestRegistry {
  /** '127.0.0.1:PORT', as in an image reference. */
  readonly host: string;
  /** 'http://127.0.0.1:PORT' */
  readonly url: string;
  readonly auth: RegistryAuth;
  /** Present in the token set-up. */
  readonly tokenServer?: TokenServer;
  readonly users: TestUsers;
  /** The registry's temp dir (config.yml, data/, htpasswd). */
  readonly dir: string;
  /** For a TLS registry: an undici dispatcher trusting its CA (and presenting a client certificate). */
  readonly dispatcher?: unknown;
  /** Kills the registry (and its token server) and removes its temp dir. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 15_000;
const PORT_ATTEMPTS = 3;

function registryEnv(): NodeJS.ProcessEnv {
  // REGISTRY_* variables would override the config file.
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('REGISTRY_')));
}

async function waitUntilReady(child: ChildProcess, url: string, stderr: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`docker-registry exited (${child.exitCode ?? child.signalCode}) before serving ${url}/v2/:\n${stderr()}`);
    }
    try {
      await probe(`${url}/v2/`);
      return; // any HTTP answer (200 or 401) means it serves
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`docker-registry did not answer ${url}/v2/ within ${READY_TIMEOUT_MS} ms:\n${stderr()}`);
}

/**
 * Plain HTTP: one GET, any answer resolves. HTTPS (which may demand a client certificate):
 * the port accepting a TCP connection does.
 */
function probe(url: string): Promise<void> {
  if (url.startsWith('https:')) {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = netConnect(Number(port), hostname, () => (socket.end(), resolve()));
      socket.on('error', reject);
    });
  }
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { timeout: 1_000 }, (res) => {
      res.resume();
      resolve();
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Spawns the registry on a free port and waits until it answers; retries when the port was taken meanwhile. */
async function spawnRegistry(binary: string, dir: string, auth: RegistryAuth, tokenServer?: TokenServer, tls?: RegistryTlsFiles) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const config = writeRegistryConfig(dir, port, auth, tokenServer, tls);
    const child = spawn(binary, ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'], env: registryEnv() });
    const untrack = killOnExit(child);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 65_536) stderr += chunk.toString('utf8');
    });
    child.unref();
    (child.stderr as { unref?: () => void } | null)?.unref?.();
    const url = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
    try {
      await waitUntilReady(child, url, () => stderr);
      return { child, untrack, port, url };
    } catch (err) {
      await terminate(child);
      untrack();
      if (attempt >= PORT_ATTEMPTS || !stderr.includes('address already in use')) throw err;
    }
  }
}

/** Starts a registry in the given set-up. Throws (never skips) when docker-registry is missing. */
export async function startRegistry(opts: StartRegistryOptions): Promise<TestRegistry> {
  const binary = findOnPath('docker-registry');
  if (binary === undefined) throw new Error(REGISTRY_NOT_FOUND);
  const dir = mkdtempSync(join(tmpdir(), `mfx-registry-${opts.auth}-`));
  const untrackDir = removeOnExit(dir);
  let tokenServer: TokenServer | undefined;
  try {
    if (opts.auth === 'token') tokenServer = await startTokenServer(opts.tokenServer);
    const { child, untrack, port, url } = await spawnRegistry(binary, dir, opts.auth, tokenServer, opts.tls);
    const server = tokenServer;
    const stop = async (): Promise<void> => {
      await terminate(child);
      untrack();
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
      untrackDir();
    };
    const extra = { ...(server ? { tokenServer: server } : {}), ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}) };
    return { host: `127.0.0.1:${port}`, url, auth: opts.auth, ...extra, users: USERS, dir, stop };
  } catch (err) {
    await tokenServer?.stop();
    rmSync(dir, { recursive: true, force: true });
    untrackDir();
    throw err;
  }
}
