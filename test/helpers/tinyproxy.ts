/**
 * A real forward proxy for the tests: Debian's tinyproxy on a free loopback port, logging
 * every request it forwards, so tests can see which requests went through it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killOnExit, removeOnExit } from './exit-cleanup.js';
import { requireExecutable } from './executables.js';
import { freePort } from './ports.js';

export interface TestProxy {
  url: string;
  /** The request lines tinyproxy logged so far (`CONNECT 127.0.0.1:5000 HTTP/1.1`, `GET http://… HTTP/1.1`). */
  requests(): string[];
  stop(): Promise<void>;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
    socket.on('error', () => resolve(false));
  });
}

export async function startTinyproxy(): Promise<TestProxy> {
  const binary = requireExecutable('tinyproxy', 'tinyproxy', 'proxy tests need a real forward proxy');
  const dir = mkdtempSync(join(tmpdir(), 'mfx-tinyproxy-'));
  const untrackDir = removeOnExit(dir);
  const port = await freePort();
  const log = join(dir, 'tinyproxy.log');
  const config = join(dir, 'tinyproxy.conf');
  writeFileSync(
    config,
    [`Port ${port}`, 'Listen 127.0.0.1', 'Timeout 30', `LogFile "${log}"`, 'LogLevel Info', 'MaxClients 50', 'Allow 127.0.0.1', 'DisableViaHeader Yes', ''].join('\n'),
  );
  writeFileSync(log, '');
  const child = spawn(binary, ['-d', '-c', config], { stdio: 'ignore' });
  const untrack = killOnExit(child);
  child.unref();
  for (let i = 0; i < 100 && !(await listening(port)); i++) await new Promise((r) => setTimeout(r, 50));
  if (!(await listening(port))) throw new Error(`tinyproxy did not listen on 127.0.0.1:${port}: ${readFileSync(log, 'utf8')}`);
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => [...readFileSync(log, 'utf8').matchAll(/Request \(file descriptor \d+\): (.*)$/gm)].map((m) => m[1]!),
    async stop() {
      child.kill('SIGTERM');
      untrack();
      untrackDir();
    },
  };
}
