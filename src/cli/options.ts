/**
 * Resolves `mfx inspect`'s flags and environment into options, in one place.
 * Precedence: flags over environment over defaults. Contradictions are rejected here, with
 * a sentence saying why.
 *
 * Color: `--no-color` wins; then `FORCE_COLOR` (as Node and chalk read it: 0 off, 1-3 on);
 * then `NO_COLOR` (any non-empty value turns color off, no-color.org); else color only when
 * stdout is a terminal.
 */
import { UsageError } from '../errors.js';

export interface InspectFlags {
  json?: boolean;
  raw?: boolean;
  color?: boolean;
  insecureRegistry?: string[];
  username?: string;
  passwordStdin?: boolean;
}

export type OutputMode = 'table' | 'json' | 'raw';

export interface ResolvedInspectOptions {
  output: OutputMode;
  /** chalk level: 0 none, 1 basic, 2 256 colors, 3 truecolor. */
  colorLevel: 0 | 1 | 2 | 3;
  insecureRegistries: string[];
  username: string | undefined;
  passwordStdin: boolean;
}

export interface Terminal {
  isTTY: boolean;
  /** What chalk detected for stdout (0-3), used when color is on by TTY. */
  detectedLevel: 0 | 1 | 2 | 3;
}

export function resolveColorLevel(flag: boolean | undefined, env: NodeJS.ProcessEnv, term: Terminal): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '' || force === 'true') return 1;
    if (force === 'false') return 0;
    const n = Number(force);
    if (Number.isInteger(n) && n >= 0 && n <= 3) return n as 0 | 1 | 2 | 3;
    return 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  return term.isTTY ? term.detectedLevel || 1 : 0;
}

export function splitList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

export function resolveInspectOptions(flags: InspectFlags, env: NodeJS.ProcessEnv, term: Terminal): ResolvedInspectOptions {
  if (flags.json && flags.raw) throw new UsageError('--json and --raw cannot be used together: choose one output');
  if (flags.passwordStdin && !flags.username) {
    throw new UsageError('--password-stdin needs --username');
  }
  if (flags.username !== undefined && !flags.passwordStdin) {
    throw new UsageError('--username needs --password-stdin (the password is read from standard input)');
  }
  if (flags.username !== undefined && flags.username.trim() === '') throw new UsageError('--username must not be empty');
  return {
    output: flags.json ? 'json' : flags.raw ? 'raw' : 'table',
    colorLevel: resolveColorLevel(flags.color, env, term),
    insecureRegistries: [...(flags.insecureRegistry ?? []), ...splitList(env.MFX_INSECURE_REGISTRIES)],
    username: flags.username,
    passwordStdin: flags.passwordStdin ?? false,
  };
}
