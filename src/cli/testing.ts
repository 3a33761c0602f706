/**
 * An in-memory CliIO for tests of the CLI layer.
 */
import type { CliIO } from './io.js';

export interface MemoryIO extends CliIO {
  out(): string;
  err(): string;
}

export function memoryIO(opts: { env?: NodeJS.ProcessEnv; stdin?: string; isTTY?: boolean; columns?: number } = {}): MemoryIO {
  let out = '';
  let err = '';
  const text = (c: string | Uint8Array) => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'));
  return {
    stdout: { write: (c) => (out += text(c)), isTTY: opts.isTTY ?? false, columns: opts.columns },
    stderr: { write: (c) => (err += text(c)) },
    // Never the machine's own configuration: tests name what they want.
    env: opts.env ?? { MFX_CONFIG: '/nonexistent/mfx/config.json', MFX_DAEMON_JSON: '/nonexistent/docker/daemon.json', DOCKER_CONFIG: '/nonexistent/docker' },
    readStdin: async () => opts.stdin ?? '',
    out: () => out,
    err: () => err,
  };
}
