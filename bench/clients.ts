/**
 * The command lines the benchmarks run: mfx (the current build, `bin/mfx.js` under this
 * very node binary), `docker manifest inspect`, `skopeo inspect --raw` and shell loops of
 * docker. Finds which peers are installed and which flags this build of mfx accepts (read
 * from its `--help`), and gives every run its own empty HOME, DOCKER_CONFIG and
 * XDG_CACHE_HOME so that nothing is shared between runs unless a warm run asks for it.
 * Every child gets an environment built from scratch (nothing of the caller's but PATH),
 * and mfx's configuration sources that do not come from the environment (its config file,
 * docker's daemon.json, certs.d) are pointed at paths that do not exist.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findOnPath } from '../test/helpers/executables.js';
import { runProcess, type Command } from './measure.js';

/** The CLI of this working tree, as a user runs it. */
export const DEFAULT_MFX_BIN = fileURLToPath(new URL('../bin/mfx.js', import.meta.url));
export const NODE = process.execPath;

export const SINGLE_TIMEOUT_MS = 60_000;
export const LOOP_TIMEOUT_MS = 15 * 60_000;

/** What this build of mfx accepts, read from its help texts. */
export interface MfxFeatures {
  /** The bin/mfx.js that is measured. */
  bin: string;
  noCache: boolean;
  inspectFile: boolean;
  checkFile: boolean;
  hasCheck: boolean;
  insecureRegistry: boolean;
  /** `--verbose` is accepted (and prints `mfx: peak memory N MiB` on stderr). */
  verbose: boolean;
}

export interface Peers {
  /** Absolute path, or undefined when not installed. */
  docker: string | undefined;
  skopeo: string | undefined;
}

/** The per-run directories: HOME (with .docker inside), the cache root, and a directory that is never created. */
export interface RunDirs {
  root: string;
  home: string;
  dockerConfig: string;
  cache: string;
  /** Never created: mfx's config file, daemon.json and certs.d point inside it. */
  absent: string;
}

async function helpOf(bin: string, args: readonly string[]): Promise<{ text: string; error: string }> {
  const parent = mkdtempSync(join(tmpdir(), 'mfx-bench-help-'));
  try {
    const env = mfxEnv(freshDirs(parent));
    const result = await runProcess({ file: NODE, args: [bin, ...args, '--help'], env, timeoutMs: SINGLE_TIMEOUT_MS });
    return result.code === 0 ? { text: result.stdout, error: '' } : { text: '', error: result.stderr.trim().split('\n')[0] ?? '' };
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

export async function detectMfx(bin: string): Promise<MfxFeatures> {
  const [help, checkHelp] = await Promise.all([helpOf(bin, ['inspect']), helpOf(bin, ['check'])]);
  const inspect = help.text;
  const check = checkHelp.text;
  if (inspect === '') throw new Error(`'${bin} inspect --help' failed (${help.error}): is the CLI built (npm run build)?`);
  return {
    bin,
    noCache: /--no-cache\b/.test(inspect),
    inspectFile: /--file\b/.test(inspect),
    checkFile: /--file\b/.test(check),
    hasCheck: check !== '',
    insecureRegistry: /--insecure-registry\b/.test(inspect),
    verbose: /--verbose\b/.test(inspect),
  };
}

export function detectPeers(): Peers {
  return { docker: findOnPath('docker'), skopeo: findOnPath('skopeo') };
}

/**
 * A minimal environment, built from scratch rather than filtered from the caller's: only
 * PATH is taken over, so no HTTP(S)_PROXY/NO_PROXY, MFX_*, DOCKER_CONFIG,
 * REGISTRY_AUTH_FILE, NODE_OPTIONS, NODE_EXTRA_CA_CERTS, XDG_* or credentials of the
 * machine reach a client. No colours.
 */
export function baseEnv(dirs?: RunDirs): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    LANG: 'C.UTF-8',
    NO_COLOR: '1',
    ...(dirs ? { HOME: dirs.home, DOCKER_CONFIG: dirs.dockerConfig, XDG_CACHE_HOME: dirs.cache, XDG_CONFIG_HOME: join(dirs.home, '.config') } : {}),
  };
}

/**
 * `baseEnv` plus, for mfx, its configuration file (MFX_CONFIG), docker's daemon.json
 * (MFX_DAEMON_JSON, else /etc/docker/daemon.json) and certs.d (MFX_CERTS_DIR, else
 * /etc/docker/certs.d) pointed at paths of this run that do not exist, so neither the
 * user's nor the machine's mirrors, insecure registries, CAs or registry options apply.
 */
export function mfxEnv(dirs: RunDirs): NodeJS.ProcessEnv {
  return {
    ...baseEnv(dirs),
    MFX_CONFIG: join(dirs.absent, 'mfx-config.json'),
    MFX_DAEMON_JSON: join(dirs.absent, 'daemon.json'),
    MFX_CERTS_DIR: join(dirs.absent, 'certs.d'),
  };
}

/** Fresh, empty per-run directories under `parent`; remove them with `removeDirs`. */
export function freshDirs(parent: string): RunDirs {
  const root = mkdtempSync(join(parent, 'run-'));
  const dirs = {
    root, home: join(root, 'home'), dockerConfig: join(root, 'home', '.docker'), cache: join(root, 'cache'), absent: join(root, 'absent'),
  };
  for (const dir of [dirs.dockerConfig, dirs.cache]) mkdirSync(dir, { recursive: true });
  return dirs;
}

export function removeDirs(dirs: RunDirs): void {
  rmSync(dirs.root, { recursive: true, force: true });
}

function insecure(features: MfxFeatures, host: string): string[] {
  return features.insecureRegistry ? ['--insecure-registry', host] : [];
}

/** `--verbose` when this build has it: mfx then reports its peak memory on stderr. */
function verbose(features: MfxFeatures): string[] {
  return features.verbose ? ['--verbose'] : [];
}

/**
 * `mfx inspect --json REF`; `cold` adds --no-cache when this build has it, and --verbose
 * (for the peak memory) when it has that. The warm runs stay without --verbose.
 */
export function mfxInspect(features: MfxFeatures, host: string, ref: string, dirs: RunDirs, cold: boolean): Command {
  const coldFlags = cold ? [...(features.noCache ? ['--no-cache'] : []), ...verbose(features)] : [];
  const args = [features.bin, 'inspect', '--json', ...coldFlags, ...insecure(features, host), ref];
  return { file: NODE, args, env: mfxEnv(dirs), timeoutMs: SINGLE_TIMEOUT_MS };
}

/** How `mfxInspect` calls mfx for a cold run, for the report. */
export function mfxColdLabel(features: MfxFeatures): string {
  return ['mfx inspect --json', ...(features.noCache ? ['--no-cache'] : []), ...verbose(features)].join(' ');
}

/** One mfx run over many images: inspect --file, else check --file, else check with every reference. */
export function mfxMany(features: MfxFeatures, host: string, refs: readonly string[], listFile: string, dirs: RunDirs): Command {
  const common = ['--json', ...(features.noCache ? ['--no-cache'] : []), ...verbose(features), ...insecure(features, host)];
  let args: string[];
  if (features.inspectFile) args = ['inspect', ...common, '--file', listFile];
  else if (features.checkFile) args = ['check', ...common, '--platform', 'linux/amd64', '--file', listFile];
  else args = ['check', ...common, '--platform', 'linux/amd64', ...refs];
  return { file: NODE, args: [features.bin, ...args], env: mfxEnv(dirs), timeoutMs: LOOP_TIMEOUT_MS };
}

/** How `mfxMany` will call mfx, for the report. */
export function mfxManyLabel(features: MfxFeatures): string {
  const flags = `--json${features.noCache ? ' --no-cache' : ''}${features.verbose ? ' --verbose' : ''}`;
  if (features.inspectFile) return `mfx inspect ${flags} --file LIST`;
  if (features.checkFile) return `mfx check ${flags} --platform linux/amd64 --file LIST`;
  return `mfx check ${flags} --platform linux/amd64 REF…`;
}

const PEAK_MEMORY = /^mfx: peak memory (\d+(?:\.\d+)?) MiB\s*$/gm;

/** The `mfx: peak memory N MiB` that `--verbose` prints on stderr (the last one), in MiB. */
export function peakMemoryOf(stderr: string): number | undefined {
  const found = [...stderr.matchAll(PEAK_MEMORY)].at(-1);
  return found ? Number(found[1]) : undefined;
}

/** stderr without the lines `--verbose` adds, so that a failure shows its error rather than the statistics. */
export function withoutVerboseLines(stderr: string): string {
  return stderr.split('\n').filter((line) => !/^mfx: (peak memory \d|\d+ HTTP requests?$|answered by |\S+ pull quota: )/.test(line)).join('\n');
}

export function dockerInspect(docker: string, ref: string, dirs: RunDirs): Command {
  return { file: docker, args: ['manifest', 'inspect', '--insecure', ref], env: baseEnv(dirs), timeoutMs: SINGLE_TIMEOUT_MS };
}

export function skopeoInspect(skopeo: string, ref: string, dirs: RunDirs): Command {
  const args = ['inspect', '--raw', '--tls-verify=false', `docker://${ref}`];
  return { file: skopeo, args, env: baseEnv(dirs), timeoutMs: SINGLE_TIMEOUT_MS };
}

/** A shell loop of `docker manifest inspect` over the lines of `listFile`, `width` at a time. */
export function dockerLoop(docker: string, listFile: string, width: number, dirs: RunDirs): Command {
  const script = width <= 1
    ? 'while IFS= read -r ref; do "$0" manifest inspect --insecure "$ref" >/dev/null || exit 1; done < "$1"'
    : `xargs -P${width} -n1 "$0" manifest inspect --insecure < "$1" >/dev/null`;
  return { file: 'sh', args: ['-c', script, docker, listFile], env: baseEnv(dirs), timeoutMs: LOOP_TIMEOUT_MS };
}

export function mfxVersion(features: MfxFeatures, dirs: RunDirs): Command {
  return { file: NODE, args: [features.bin, '--version'], env: mfxEnv(dirs), timeoutMs: SINGLE_TIMEOUT_MS };
}

export function nodeNoop(dirs: RunDirs): Command {
  return { file: NODE, args: ['-e', '0'], env: baseEnv(dirs), timeoutMs: SINGLE_TIMEOUT_MS };
}

/** `--version` of a program, first line, or 'not installed'. */
export async function versionOf(file: string | undefined, args: readonly string[] = ['--version']): Promise<string> {
  if (file === undefined) return 'not installed';
  const result = await runProcess({ file, args, env: baseEnv(), timeoutMs: SINGLE_TIMEOUT_MS });
  const text = `${result.stdout}${result.stderr}`.trim().split('\n')[0] ?? '';
  return result.code === 0 && text !== '' ? text : `unknown (exit ${result.code})`;
}
