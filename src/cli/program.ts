/**
 * The commander program: commands, flags, help text. It parses and dispatches; the work is
 * done by the action functions it is given, so argv parsing can be tested on its own.
 */
import { Command, Option } from 'commander';
import { VERSION } from '../version.js';
import { EXIT_CODE_HELP } from './exit-codes.js';
import type { CliIO } from './io.js';
import type { InspectFlags } from './options.js';

export interface Actions {
  inspect(reference: string, flags: InspectFlags): Promise<void>;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

const INSPECT_EXAMPLES = `
Examples:
  $ mfx inspect nginx:latest                     platforms of an official image
  $ mfx inspect ghcr.io/owner/app:1.2 --json     the documented JSON shape, for jq
  $ mfx inspect nginx@sha256:… --raw | sha256sum the exact bytes the registry served
  $ mfx inspect localhost:5000/app               loopback registries use plain HTTP
  $ mfx inspect registry.lan:5000/app --insecure-registry registry.lan:5000
  $ echo "$TOKEN" | mfx inspect ghcr.io/owner/private --username owner --password-stdin
`;

export function buildProgram(io: CliIO, actions: Actions): Command {
  const program = new Command('mfx')
    .description('Inspect container image manifests: which platforms does this image support?')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run mfx --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(s.replace(/^error: /, 'mfx: ')),
    })
    .addHelpText('after', `\n${EXIT_CODE_HELP}\n\nRun 'mfx inspect --help' for examples.`);

  program
    .command('inspect')
    .description('show the platforms an image reference offers, with their digests')
    .argument('<reference>', 'image reference: [registry/]repository[:tag][@digest]')
    .option('--json', 'print the documented JSON shape (schema/inspect.schema.json)')
    .option('--raw', 'print the exact manifest bytes the registry served')
    .option('--no-color', 'never use color (also NO_COLOR=1)')
    .addOption(
      new Option('--insecure-registry <host[:port]>', 'use plain HTTP for this registry (repeatable; also MFX_INSECURE_REGISTRIES)')
        .argParser(collect),
    )
    .option('-u, --username <user>', 'user name for the registry (with --password-stdin)')
    .option('--password-stdin', 'read the password or token from standard input')
    .addHelpText('after', `${INSPECT_EXAMPLES}\n${EXIT_CODE_HELP}\n`)
    .action(async (reference: string, flags: InspectFlags) => actions.inspect(reference, flags));

  return program;
}
