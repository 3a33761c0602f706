/**
 * `mfx inspect REF`: resolve options, call `inspect`, print the result in the chosen form.
 */
import { Chalk, supportsColor } from 'chalk';
import { UsageError } from '../../errors.js';
import { inspect } from '../../inspect.js';
import { parseReference } from '../../ref/reference.js';
import { renderInspectJson } from '../../render/json.js';
import { renderInspectTable } from '../../render/table.js';
import { chainCredentials } from '../../registry/credentials/chain.js';
import { dockerConfigCredentials } from '../../registry/credentials/docker-config.js';
import { staticCredentials } from '../../registry/credentials/static.js';
import type { CredentialLookup } from '../../registry/credentials/types.js';
import type { CliIO } from '../io.js';
import { type InspectFlags, type ResolvedInspectOptions, resolveInspectOptions } from '../options.js';

async function credentialsFor(opts: ResolvedInspectOptions, io: CliIO): Promise<CredentialLookup> {
  const fromConfig = dockerConfigCredentials({ env: io.env });
  if (opts.username === undefined) return fromConfig;
  const password = (await io.readStdin()).replace(/\r?\n$/, '');
  if (password === '') throw new UsageError('--password-stdin: standard input was empty');
  return chainCredentials(staticCredentials(undefined, opts.username, password, '--password-stdin'), fromConfig);
}

export async function runInspect(reference: string, flags: InspectFlags, io: CliIO): Promise<number> {
  const detected = supportsColor ? supportsColor.level : 0;
  const opts = resolveInspectOptions(flags, io.env, { isTTY: io.stdout.isTTY === true, detectedLevel: detected });
  const ref = parseReference(reference);
  const credentials = await credentialsFor(opts, io);
  const result = await inspect(ref, { credentials, insecureRegistries: opts.insecureRegistries });
  switch (opts.output) {
    case 'raw':
      io.stdout.write(result.raw);
      break;
    case 'json':
      io.stdout.write(renderInspectJson(result));
      break;
    default:
      io.stdout.write(
        renderInspectTable(result, {
          chalk: new Chalk({ level: opts.colorLevel }),
          columns: io.stdout.isTTY ? io.stdout.columns : undefined,
        }),
      );
  }
  return 0;
}
