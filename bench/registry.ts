/**
 * The registry the benchmarks measure against: the test bed's real `docker-registry` with
 * Docker token auth, started here (not with test/helpers/registry.ts) so that its token
 * realm is the counting proxy's `/token`: every token request a client makes then goes
 * through the proxy and is delayed and counted like the registry requests. Also pushes the
 * benchmark images: deterministic OCI indexes over four platforms, one per repository.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { platformsFixture } from '../test/fixtures/index-builder.js';
import type { Fixture, Platform } from '../test/fixtures/types.js';
import { killOnExit, removeOnExit } from '../test/helpers/exit-cleanup.js';
import { findOnPath } from '../test/helpers/executables.js';
import { freePort } from '../test/helpers/ports.js';
import { pushFixture } from '../test/helpers/push.js';
import { writeRegistryConfig } from '../test/helpers/registry-config.js';
import type { TestRegistry } from '../test/helpers/registry.js';
import { startTokenServer, type TokenServer } from '../test/helpers/token-server.js';
import { USERS } from '../test/helpers/users.js';

export const PLATFORMS: readonly Platform[] = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64', variant: 'v8' },
  { os: 'linux', architecture: 'arm', variant: 'v7' },
  { os: 'linux', architecture: 's390x' },
];

const READY_TIMEOUT_MS = 15_000;
const PUSH_CONCURRENCY = 8;

/** The fixture of the single-image measurements. */
export function singleImage(): Fixture {
  return platformsFixture({ name: 'single', repository: 'bench/single', tag: 'v1', flavor: 'oci', platforms: PLATFORMS });
}

/** The fixtures of the many-image measurements: `count` repositories bench/many-NNN:v1. */
export function manyImages(count: number): Fixture[] {
  return Array.from({ length: count }, (_, i) => {
    const repository = `bench/many-${String(i).padStart(4, '0')}`;
    return platformsFixture({ name: repository, repository, tag: 'v1', flavor: 'oci', platforms: PLATFORMS });
  });
}

async function waitUntilReady(child: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`docker-registry exited before serving ${url}`);
    try {
      await fetch(`${url}/v2/`, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`docker-registry did not answer ${url}/v2/ within ${READY_TIMEOUT_MS} ms`);
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function registryEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('REGISTRY_')));
}

/**
 * Starts the token server and the registry; the registry's challenges name
 * `${realmBase}/token` as the realm. Pushes go straight to the registry (`url`).
 */
export async function startBenchRegistry(realmBase: string): Promise<TestRegistry> {
  const binary = findOnPath('docker-registry');
  if (binary === undefined) throw new Error("docker-registry not found on PATH: install it with 'apt-get install -y docker-registry'");
  const dir = mkdtempSync(join(tmpdir(), 'mfx-bench-registry-'));
  const untrackDir = removeOnExit(dir);
  const tokenServer: TokenServer = await startTokenServer();
  const port = await freePort();
  const config = writeRegistryConfig(dir, port, 'token', { ...tokenServer, realm: `${realmBase}/token` });
  const child = spawn(binary, ['serve', config], { stdio: 'ignore', env: registryEnv() });
  const untrack = killOnExit(child);
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    await terminate(child);
    untrack();
    await tokenServer.stop();
    rmSync(dir, { recursive: true, force: true });
    untrackDir();
  };
  try {
    await waitUntilReady(child, url);
  } catch (err) {
    await stop();
    throw err;
  }
  return { host: `127.0.0.1:${port}`, url, auth: 'token', tokenServer, users: USERS, dir, stop };
}

/** Pushes the fixtures, a few at a time. */
export async function pushImages(registry: TestRegistry, fixtures: readonly Fixture[]): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < fixtures.length) {
      const fixture = fixtures[next++];
      if (fixture !== undefined) await pushFixture(registry, fixture);
    }
  };
  await Promise.all(Array.from({ length: PUSH_CONCURRENCY }, worker));
}
