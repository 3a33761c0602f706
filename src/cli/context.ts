/**
 * What every command needs from its environment: the terminal it writes to, the credential
 * lookup (--password-stdin, MFX_USERNAME/MFX_PASSWORD, the Docker config, the containers
 * auth files: see registry/credentials/precedence.ts), TLS and proxy settings, and the
 * renderer options.
 */
import { Chalk, supportsColor } from 'chalk';
import { cacheDir } from '../cache/paths.js';
import { loadConfig } from '../config/file.js';
import { UsageError } from '../errors.js';
import { sanitize } from '../render/sanitize.js';
import { credentialSources } from '../registry/credentials/precedence.js';
import type { RegistryClientOptions } from '../registry/client.js';
import { readCaFiles } from '../registry/tls.js';
import type { CredentialLookup } from '../registry/credentials/types.js';
import type { TableOptions } from '../render/layout.js';
import type { CliIO } from './io.js';
import type { CommonOptions, Terminal } from './options.js';

export function terminalOf(io: CliIO): Terminal {
  return { isTTY: io.stdout.isTTY === true, detectedLevel: supportsColor ? supportsColor.level : 0 };
}

/**
 * The credential lookup for a command, first match wins: `--username` + `--password-stdin`,
 * then MFX_USERNAME/MFX_PASSWORD, then the Docker config, then the containers auth files
 * (src/registry/credentials/precedence.ts has the details).
 */
export async function credentialsFor(opts: CommonOptions, io: CliIO): Promise<CredentialLookup> {
  let flags: { username: string; password: string } | undefined;
  if (opts.username !== undefined) {
    const password = (await io.readStdin()).replace(/\r?\n$/, '');
    if (password === '') throw new UsageError('--password-stdin: standard input was empty');
    flags = { username: opts.username, password };
  }
  return credentialSources({ flags, env: io.env });
}

/**
 * What every command passes to the core to reach registries. Precedence: flags, then
 * environment, then the configuration file (mfx's, then docker's daemon.json); lists add up.
 */
export async function registryOptions(opts: CommonOptions, io: CliIO): Promise<RegistryClientOptions> {
  const config = await loadConfig(opts.configFile ? { ...io.env, MFX_CONFIG: opts.configFile } : io.env);
  const perRegistry = Object.entries(config.registries ?? {});
  const mirrors: Record<string, string[]> = { 'docker.io': [...opts.mirrors, ...(config.mirrors ?? [])] };
  for (const [registry, o] of perRegistry) if (o.mirrors) mirrors[registry] = [...(mirrors[registry] ?? []), ...o.mirrors];
  return {
    credentials: await credentialsFor(opts, io),
    insecureRegistries: [
      ...opts.insecureRegistries,
      ...(config.insecureRegistries ?? []),
      ...perRegistry.filter(([, o]) => o.insecure).map(([registry]) => registry),
    ],
    concurrency: opts.concurrency,
    cacheDir: opts.cache ? cacheDir(io.env) : undefined,
    retries: opts.retries,
    timeoutSeconds: opts.timeoutSeconds,
    debug: opts.debug ? (line) => io.stderr.write(`mfx: debug: ${sanitize(line)}\n`) : undefined,
    extraCa: [...(await readCaFiles(opts.caFiles)), ...(await readCaFiles(config.caFiles ?? [], 'caFiles in the configuration file:'))],
    certsDir: opts.certsDir,
    env: io.env,
    mirrors,
    registryCa: Object.fromEntries(
      await Promise.all(
        perRegistry.filter(([, o]) => o.caFile).map(async ([registry, o]) => [registry, (await readCaFiles([o.caFile!], `registries["${registry}"].caFile in the configuration file:`))[0]!] as const),
      ),
    ),
  };
}

export function tableOptions(opts: CommonOptions, io: CliIO): TableOptions {
  return {
    chalk: new Chalk({ level: opts.colorLevel }),
    columns: io.stdout.isTTY ? io.stdout.columns : undefined,
    unicode: opts.unicode,
  };
}
