/**
 * Asks a docker credential helper (`docker-credential-<name>`) for one server's credentials.
 *
 * Protocol (docker-credential-helpers client/client.go `Get`, credentials/error.go):
 * - run `docker-credential-<name> get`, write the server URL to stdin (no newline), close it;
 *   the server URL is docker's config key: `https://index.docker.io/v1/` for Docker Hub, the
 *   registry's `host[:port]` otherwise (see registry-key.ts);
 * - exit 0: stdout holds `{"ServerURL": ..., "Username": ..., "Secret": ...}`;
 * - a non-zero exit whose trimmed stdout is `credentials not found in native keychain` means
 *   "no credentials" (docker only looks at stdout; mfx also accepts the text on stderr);
 * - Username `<token>` marks Secret as an identity token (docker/cli cli/config/credentials/
 *   native_store.go `tokenUsername`); docker then drops the username, and so does mfx.
 * An empty Secret is treated as no credentials. The program is found on `env.PATH` when an
 * env is given (Node child_process.spawn), so tests need not touch process.env. It is killed
 * after 30 s by default; its output is capped at 1 MiB. Failures are AuthErrors of one line
 * that never contain the secret (the helper's own first error line is quoted, not stdout JSON).
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { z } from 'zod';
import { AuthError } from '../../errors.js';
import type { Credential } from './types.js';

export interface HelperCredentials {
  Username: string;
  Secret: string;
}

export interface HelperOptions {
  /** Environment of the helper, and the PATH it is looked up on. Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** Kill the helper after this long. Default: 30 000 ms. */
  timeoutMs?: number;
  /** The config file that names the helper, for messages (`~/.docker/config.json`). */
  configFile?: string;
}

export type HelperRunner = (
  name: string,
  serverUrl: string,
  options?: HelperOptions,
) => Promise<HelperCredentials | undefined>;

const NOT_FOUND = 'credentials not found in native keychain';
const TOKEN_USERNAME = '<token>';
const MAX_OUTPUT = 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;

const outputSchema = z.object({ Username: z.string().nullish(), Secret: z.string().nullish() });

/** Runs `docker-credential-<name> get` for `serverUrl`; undefined when it has no credentials. */
export const runCredentialHelper: HelperRunner = (name, serverUrl, options = {}) => {
  const program = `docker-credential-${name}`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawn(program, ['get'], { env: options.env ?? process.env, windowsHide: true });
    } catch (err) {
      reject(startError(program, err as NodeJS.ErrnoException, options.configFile)); // e.g. a NUL in the name
      return;
    }
    const stdout = collect(child.stdout);
    const stderr = collect(child.stderr);
    let settled = false;
    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(() => reject(new AuthError(`${program} get did not answer within ${timeoutMs / 1000} s`)));
    }, timeoutMs);
    child.on('error', (err) => settle(() => reject(startError(program, err, options.configFile))));
    child.on('close', (code, signal) =>
      settle(() => {
        try {
          resolve(interpret(program, code, signal, stdout(), stderr()));
        } catch (err) {
          reject(err);
        }
      }),
    );
    child.stdin.on('error', () => {}); // EPIPE when the helper exits without reading stdin
    child.stdin.end(serverUrl);
  });
};

/** A helper's answer as a Credential: `<token>` means an identity token. */
export function helperCredential(answer: HelperCredentials, source: string): Credential {
  if (answer.Username === TOKEN_USERNAME) return { kind: 'identity-token', identityToken: answer.Secret, source };
  return { kind: 'basic', username: answer.Username, password: answer.Secret, source };
}

/** Accumulates a stream (up to MAX_OUTPUT + 1 bytes); the returned function reads it. */
function collect(stream: NodeJS.ReadableStream): () => string {
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on('data', (chunk: Buffer) => {
    if (size > MAX_OUTPUT) return;
    chunks.push(chunk);
    size += chunk.length;
  });
  return () => Buffer.concat(chunks).toString('utf8');
}

function interpret(
  program: string,
  code: number | null,
  signal: NodeJS.Signals | null,
  stdout: string,
  stderr: string,
): HelperCredentials | undefined {
  if (stdout.trim() === NOT_FOUND || stderr.includes(NOT_FOUND)) return undefined;
  if (signal !== null) throw new AuthError(`${program} get was killed by ${signal}`);
  if (code !== 0) {
    // stdout is quoted only when it cannot be the credentials JSON
    const line = firstLine(stderr) || (stdout.trimStart().startsWith('{') ? '' : firstLine(stdout));
    throw new AuthError(`${program} get failed with exit code ${code}${line ? `: ${line}` : ''}`);
  }
  if (Buffer.byteLength(stdout) > MAX_OUTPUT) throw new AuthError(`${program} get printed more than 1 MiB`);
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw new AuthError(`${program} get printed output that is not JSON`);
  }
  const parsed = outputSchema.safeParse(json);
  if (!parsed.success) {
    throw new AuthError(`${program} get printed JSON that is not an object with string Username and Secret`);
  }
  const secret = parsed.data.Secret ?? '';
  return secret === '' ? undefined : { Username: parsed.data.Username ?? '', Secret: secret };
}

function startError(program: string, err: NodeJS.ErrnoException, configFile: string | undefined): AuthError {
  const where = configFile === undefined ? '' : ` (configured in ${configFile})`;
  if (err.code === 'ENOENT') {
    return new AuthError(`${program} not found on PATH${where}`, {
      cause: err,
      hint: `install ${program}, or remove it from ${configFile ?? 'the docker config file'}`,
    });
  }
  return new AuthError(`${program} could not be started: ${err.code ?? err.message}${where}`, { cause: err });
}

/** The first non-empty line, at most 200 characters. */
function firstLine(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const trimmed = line.trim();
  return trimmed.length > 200 ? `${trimmed.slice(0, 200)}…` : trimmed;
}
