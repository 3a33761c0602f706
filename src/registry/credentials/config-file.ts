/**
 * Finds, reads and checks docker's client config file, `config.json`. The containers auth
 * files (`auth.json`, see auth-file-paths.ts) share its format and are read with the same code.
 *
 * - Location: `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`, home being $HOME
 *   (%USERPROFILE% on Windows) and then the OS account's home (docker/cli cli/config/
 *   config.go `Dir`, `Load`). An empty DOCKER_CONFIG counts as unset.
 * - A missing file means no credentials. An empty file is an empty config, as docker
 *   tolerates io.EOF (configfile/file.go `LoadFromReader`). A UTF-8 BOM is skipped.
 * - Only `auths`, `credsStore` and `credHelpers` are read; other fields, known or not, are
 *   ignored. Their types are checked here; each `auths` / `credHelpers` entry is checked only
 *   when a lookup needs it, so one broken entry does not break other registries.
 * - Unlike docker, which prints "WARNING: Error loading config file" and carries on with what
 *   it could read (config.go `LoadDefaultConfigFile`), a file that cannot be read, is not
 *   JSON or has wrong types is a UsageError naming the file. JSON errors quote no file
 *   content, which may hold secrets: only V8's reason and the position.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, sep } from 'node:path';
import { z } from 'zod';
import { UsageError } from '../../errors.js';

export interface DockerConfig {
  /** The file as shown in messages: `~/.docker/config.json` when under the home directory. */
  display: string;
  /** `credsStore`; '' when unset. */
  credsStore: string;
  /** `credHelpers` entries in file order, values unchecked. */
  credHelpers: ReadonlyMap<string, unknown>;
  /** `auths` entries in file order, values unchecked. */
  auths: ReadonlyMap<string, unknown>;
}

const configSchema = z.object({
  auths: z.record(z.string(), z.unknown()).nullish(),
  credsStore: z.string().nullish(),
  credHelpers: z.record(z.string(), z.unknown()).nullish(),
});

/** The path of config.json: `configDir` if given, else from DOCKER_CONFIG or the home directory. */
export function configFilePath(configDir: string | undefined, env: NodeJS.ProcessEnv): string {
  const dir = configDir ?? (env['DOCKER_CONFIG'] || join(homeDir(env), '.docker'));
  return join(dir, 'config.json');
}

/** `path` with the home directory shown as `~`. */
export function displayPath(path: string, env: NodeJS.ProcessEnv): string {
  const home = homeDir(env);
  return home !== '' && path.startsWith(home + sep) ? `~${path.slice(home.length)}` : path;
}

/** Reads and checks config.json; a missing file is an empty config. */
export async function loadDockerConfig(path: string, env: NodeJS.ProcessEnv): Promise<DockerConfig> {
  const display = displayPath(path, env);
  const empty: DockerConfig = { display, credsStore: '', credHelpers: new Map(), auths: new Map() };
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return empty;
    throw new UsageError(`${display}: cannot read the file (${code ?? String(err)})`, { cause: err });
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return empty;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${display}: ${describeJsonError(err, text)}`);
  }
  const checked = configSchema.safeParse(json);
  if (!checked.success) throw new UsageError(`${display}: ${describeIssue(checked.error.issues[0])}`);
  const raw = json as { auths?: object | null; credHelpers?: object | null };
  return {
    display,
    credsStore: checked.data.credsStore ?? '',
    // Object.entries of the parsed JSON keeps keys such as `__proto__` as plain data.
    credHelpers: new Map(Object.entries(raw.credHelpers ?? {})),
    auths: new Map(Object.entries(raw.auths ?? {})),
  };
}

/**
 * The helper `credHelpers[key]` names: undefined without such an entry, '' for an empty or
 * null one. A value of another type is a UsageError naming the file and the entry.
 */
export function credHelperEntry(config: DockerConfig, key: string): string | undefined {
  if (!config.credHelpers.has(key)) return undefined;
  const helper = config.credHelpers.get(key);
  if (helper === null) return '';
  if (typeof helper !== 'string') {
    throw new UsageError(`${config.display}: ${formatPath(['credHelpers', key])} must be a string`);
  }
  return helper;
}

/** One line for a schema problem: `credHelpers["ghcr.io"] must be a string`. */
export function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (issue === undefined) return 'invalid content';
  const where = formatPath(issue.path);
  if (issue.code === 'invalid_type') {
    const isObject = issue.expected === 'record' || issue.expected === 'object';
    const expected = isObject ? 'a JSON object' : `a ${issue.expected}`;
    return `${where === '' ? 'the top level' : where} must be ${expected}`;
  }
  return `${where === '' ? 'the top level' : where}: ${issue.message}`;
}

/** `['auths', 'ghcr.io', 'auth']` → `auths["ghcr.io"].auth`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      if (i === 0 && /^[A-Za-z_$][\w$]*$/.test(name)) return name;
      return i > 1 && /^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
    })
    .join('');
}

/** V8's reason and position, without the snippet of file content V8 puts in some messages. */
function describeJsonError(err: unknown, text: string): string {
  const message = err instanceof Error ? err.message : '';
  const token = /^Unexpected token (.+?), (?:\.\.\.)?"/s.exec(message);
  if (token) return `invalid JSON: unexpected token ${token[1]}`;
  if (message.startsWith('Unexpected end of JSON input')) return 'invalid JSON: unexpected end of input';
  const positioned = /^(.*?) in JSON at position (\d+)/s.exec(message);
  if (positioned) {
    const position = Number(positioned[2]);
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    const reason = (positioned[1] ?? '').replace(/^./, (c) => c.toLowerCase());
    return `invalid JSON at position ${position} (line ${line}, column ${column}): ${reason}`;
  }
  return 'invalid JSON';
}

/** $HOME (%USERPROFILE% on Windows), else the OS account's home directory. */
export function homeDir(env: NodeJS.ProcessEnv): string {
  const fromEnv = process.platform === 'win32' ? env['USERPROFILE'] : env['HOME'];
  return fromEnv || homedir();
}
