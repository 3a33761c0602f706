/**
 * Resolves each command's flags and environment into options, in one place.
 * Precedence: flags over environment over defaults. Contradictions are rejected here, with
 * a sentence saying why.
 *
 * Color: `--no-color` wins; then `FORCE_COLOR` (as Node and chalk read it: 0 off, 1-3 on);
 * then `NO_COLOR` (any non-empty value turns color off, no-color.org); else color only when
 * stdout is a terminal.
 *
 * Unicode marks (✓ ✗ →): unless `--ascii`, or the locale (`LC_ALL`, else `LC_CTYPE`, else
 * `LANG`) does not name UTF-8. No locale at all is the POSIX locale: ASCII. Windows: Unicode.
 */
import { UsageError } from '../errors.js';
import { DEFAULT_CERTS_DIR } from '../registry/tls.js';

/** Flags every command that reads a registry takes. */
export interface CommonFlags {
  color?: boolean;
  ascii?: boolean;
  insecureRegistry?: string[];
  username?: string;
  passwordStdin?: boolean;
  cache?: boolean;
  concurrency?: string;
  verbose?: boolean;
  timeout?: string;
  retries?: string;
  debug?: boolean;
  caFile?: string[];
  certsDir?: string;
  mirror?: string[];
  config?: string;
}

/** Where references come from besides the arguments (inspect and check). */
export interface InputFlags {
  file?: string[];
  from?: string[];
}

export interface InspectFlags extends CommonFlags, InputFlags {
  json?: boolean;
  raw?: boolean;
  platform?: string;
  strict?: boolean;
  sizes?: boolean;
}

export interface DigestFlags extends CommonFlags {
  platform?: string;
  strict?: boolean;
  pinned?: boolean;
}

export interface CheckFlags extends CommonFlags, InputFlags {
  platform?: string[];
  strict?: boolean;
  json?: boolean;
}

export type ColorLevel = 0 | 1 | 2 | 3;

export interface CommonOptions {
  /** chalk level: 0 none, 1 basic, 2 256 colors, 3 truecolor. */
  colorLevel: ColorLevel;
  unicode: boolean;
  insecureRegistries: string[];
  username: string | undefined;
  passwordStdin: boolean;
  /** Use the on-disk cache of tokens and content (`--no-cache` turns it off). */
  cache: boolean;
  /** Requests in flight per registry. */
  concurrency: number;
  verbose: boolean;
  /** Limit for the whole run, seconds; undefined: none (each phase has its own). */
  timeoutSeconds: number | undefined;
  retries: number;
  /** Log requests and responses to stderr, secrets redacted (--debug or MFX_DEBUG=1). */
  debug: boolean;
  /** Extra CA files for every registry. */
  caFiles: string[];
  /** docker's certs.d layout: per-registry CAs and client certificates. */
  certsDir: string;
  /** Docker Hub mirrors given with --mirror, tried before the configured ones. */
  mirrors: string[];
  /** The configuration file to read (--config, else MFX_CONFIG, else the XDG default). */
  configFile: string | undefined;
}

export const DEFAULT_CONCURRENCY = 8;
export const MAX_CONCURRENCY = 64;

export const DEFAULT_RETRIES = 3;
export const MAX_RETRIES = 10;

/** A whole number within [min, max] from a flag's text, or a UsageError naming the flag. */
export function parseWhole(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || n < min || n > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`);
  }
  return n;
}

export function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 86_400) throw new UsageError(`--timeout must be a number of seconds above 0, not ${JSON.stringify(value)}`);
  return n;
}

export function parseConcurrency(value: string | undefined): number {
  return value === undefined ? DEFAULT_CONCURRENCY : parseWhole('--concurrency', value, 1, MAX_CONCURRENCY);
}

export type OutputMode = 'table' | 'json' | 'raw';

export interface ResolvedInspectOptions extends CommonOptions, InputFlags {
  output: OutputMode;
  platform: string | undefined;
  strict: boolean;
  sizes: boolean;
}

export interface ResolvedDigestOptions extends CommonOptions {
  platform: string | undefined;
  strict: boolean;
  pinned: boolean;
}

export interface ResolvedCheckOptions extends CommonOptions, InputFlags {
  platforms: string[];
  strict: boolean;
  json: boolean;
}

export interface Terminal {
  isTTY: boolean;
  /** What chalk detected for stdout (0-3), used when color is on by TTY. */
  detectedLevel: ColorLevel;
  platform?: NodeJS.Platform;
}

export function resolveColorLevel(flag: boolean | undefined, env: NodeJS.ProcessEnv, term: Terminal): ColorLevel {
  if (flag === false) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '' || force === 'true') return 1;
    if (force === 'false') return 0;
    const n = Number(force);
    if (Number.isInteger(n) && n >= 0 && n <= 3) return n as ColorLevel;
    return 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  return term.isTTY ? term.detectedLevel || 1 : 0;
}

export function resolveUnicode(ascii: boolean | undefined, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): boolean {
  if (ascii) return false;
  if (platform === 'win32') return true;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(locale);
}

export function splitList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

export function resolveCommon(flags: CommonFlags, env: NodeJS.ProcessEnv, term: Terminal): CommonOptions {
  if (flags.passwordStdin && !flags.username) throw new UsageError('--password-stdin needs --username');
  if (flags.username !== undefined && !flags.passwordStdin) {
    throw new UsageError('--username needs --password-stdin (the password is read from standard input)');
  }
  if (flags.username !== undefined && flags.username.trim() === '') throw new UsageError('--username must not be empty');
  return {
    colorLevel: resolveColorLevel(flags.color, env, term),
    unicode: resolveUnicode(flags.ascii, env, term.platform),
    insecureRegistries: [...(flags.insecureRegistry ?? []), ...splitList(env.MFX_INSECURE_REGISTRIES)],
    username: flags.username,
    passwordStdin: flags.passwordStdin ?? false,
    cache: flags.cache !== false,
    concurrency: parseConcurrency(flags.concurrency),
    verbose: flags.verbose ?? false,
    timeoutSeconds: parseTimeout(flags.timeout),
    retries: flags.retries === undefined ? DEFAULT_RETRIES : parseWhole('--retries', flags.retries, 0, MAX_RETRIES),
    debug: flags.debug === true || (env.MFX_DEBUG !== undefined && env.MFX_DEBUG !== '' && env.MFX_DEBUG !== '0'),
    caFiles: flags.caFile ?? [],
    certsDir: flags.certsDir ?? (env.MFX_CERTS_DIR || DEFAULT_CERTS_DIR),
    mirrors: flags.mirror ?? [],
    configFile: flags.config,
  };
}

export function resolveInspectOptions(flags: InspectFlags, env: NodeJS.ProcessEnv, term: Terminal): ResolvedInspectOptions {
  if (flags.json && flags.raw) throw new UsageError('--json and --raw cannot be used together: choose one output');
  if (flags.sizes && flags.raw) throw new UsageError('--sizes has nothing to add to --raw, which prints only the manifest bytes');
  if (flags.sizes && flags.platform !== undefined) throw new UsageError('--sizes lists every platform; with --platform the size of the one chosen is shown anyway');
  if (flags.strict && flags.platform === undefined) throw new UsageError('--strict needs --platform');
  return {
    ...resolveCommon(flags, env, term),
    file: flags.file,
    from: flags.from,
    output: flags.json ? 'json' : flags.raw ? 'raw' : 'table',
    platform: flags.platform,
    strict: flags.strict ?? false,
    sizes: flags.sizes ?? false,
  };
}

export function resolveDigestOptions(flags: DigestFlags, env: NodeJS.ProcessEnv, term: Terminal): ResolvedDigestOptions {
  if (flags.strict && flags.platform === undefined) throw new UsageError('--strict needs --platform');
  return { ...resolveCommon(flags, env, term), platform: flags.platform, strict: flags.strict ?? false, pinned: flags.pinned ?? false };
}

export function resolveCheckOptions(flags: CheckFlags, env: NodeJS.ProcessEnv, term: Terminal): ResolvedCheckOptions {
  const platforms = [...new Set((flags.platform ?? []).flatMap((p) => splitList(p)))];
  if (platforms.length === 0) throw new UsageError('check needs at least one --platform (e.g. --platform linux/amd64,linux/arm64)');
  return { ...resolveCommon(flags, env, term), file: flags.file, from: flags.from, platforms, strict: flags.strict ?? false, json: flags.json ?? false };
}
