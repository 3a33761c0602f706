/**
 * What every command needs from its environment: the terminal it writes to, the credential
 * lookup (--password-stdin, then the Docker config), and the renderer options.
 */
import { Chalk, supportsColor } from 'chalk';
import { cacheDir } from '../cache/paths.js';
import { UsageError } from '../errors.js';
import { sanitize } from '../render/sanitize.js';
import { chainCredentials } from '../registry/credentials/chain.js';
import { dockerConfigCredentials } from '../registry/credentials/docker-config.js';
import { staticCredentials } from '../registry/credentials/static.js';
import type { RegistryClientOptions } from '../registry/client.js';
import type { CredentialLookup } from '../registry/credentials/types.js';
import type { TableOptions } from '../render/layout.js';
import type { CliIO } from './io.js';
import type { CommonOptions, Terminal } from './options.js';

export function terminalOf(io: CliIO): Terminal {
  return { isTTY: io.stdout.isTTY === true, detectedLevel: supportsColor ? supportsColor.level : 0 };
}

export async function credentialsFor(opts: CommonOptions, io: CliIO): Promise<CredentialLookup> {
  const fromConfig = dockerConfigCredentials({ env: io.env });
  if (opts.username === undefined) return fromConfig;
  const password = (await io.readStdin()).replace(/\r?\n$/, '');
  if (password === '') throw new UsageError('--password-stdin: standard input was empty');
  return chainCredentials(staticCredentials(undefined, opts.username, password, '--password-stdin'), fromConfig);
}

/** What every command passes to the core to reach registries. */
export async function registryOptions(opts: CommonOptions, io: CliIO): Promise<RegistryClientOptions> {
  return {
    credentials: await credentialsFor(opts, io),
    insecureRegistries: opts.insecureRegistries,
    concurrency: opts.concurrency,
    cacheDir: opts.cache ? cacheDir(io.env) : undefined,
    retries: opts.retries,
    timeoutSeconds: opts.timeoutSeconds,
    debug: opts.debug ? (line) => io.stderr.write(`mfx: debug: ${sanitize(line)}\n`) : undefined,
  };
}

export function tableOptions(opts: CommonOptions, io: CliIO): TableOptions {
  return {
    chalk: new Chalk({ level: opts.colorLevel }),
    columns: io.stdout.isTTY ? io.stdout.columns : undefined,
    unicode: opts.unicode,
  };
}
