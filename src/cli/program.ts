/**
 * The commander program: commands, flags, help text. It parses and dispatches; the work is
 * done by the action functions it is given, so argv parsing can be tested on its own.
 */
import { Argument, Command, Option } from 'commander';
import { EXIT_CODE_HELP } from '../exit-codes.js';
import { VERSION } from '../version.js';
import type { CliIO } from './io.js';
import type { CheckFlags, DigestFlags, InspectFlags } from './options.js';

export interface Actions {
  inspect(references: string[], flags: InspectFlags): Promise<void>;
  digest(reference: string, flags: DigestFlags): Promise<void>;
  check(references: string[], flags: CheckFlags): Promise<void>;
  /** `mfx completion SHELL`, given the program to describe. Optional: tests of argv parsing leave it out. */
  completion?(shell: string, program: Command): Promise<void>;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

const PLATFORM_HELP = 'platform: os[/arch[/variant]] or arch, e.g. linux/arm64, arm64, linux/arm/v7, windows(10.0.20348)/amd64';

/** The flags every registry-reading command shares. */
function withRegistryOptions(cmd: Command): Command {
  return cmd
    .option('--no-color', 'never use color (also NO_COLOR=1)')
    .option('--ascii', 'plain ASCII marks instead of ✓ ✗ →')
    .addOption(
      new Option('--insecure-registry <host[:port]>', 'use plain HTTP for this registry (repeatable; also MFX_INSECURE_REGISTRIES)').argParser(collect),
    )
    .option('-u, --username <user>', 'user name for the registry (with --password-stdin)')
    .option('--password-stdin', 'read the password or token from standard input')
    .option('--no-cache', 'neither read nor write the token and manifest cache ($XDG_CACHE_HOME/mfx)')
    .option('--concurrency <n>', 'requests in flight per registry (default 8)')
    .option('-v, --verbose', 'report requests made and registry pull quotas on stderr')
    .option('--timeout <seconds>', 'give up on the whole run after this long (exit 5); each connection, response and body also has its own limit')
    .option('--retries <n>', 'more attempts for transient failures: resets, 408, 429, 5xx (default 3)')
    .option('--debug', 'log every request and response on stderr, secrets redacted (also MFX_DEBUG=1)')
    .addOption(new Option('--ca-file <file>', 'trust this CA (PEM) for every registry; repeatable (also NODE_EXTRA_CA_CERTS)').argParser(collect))
    .option('--certs-dir <dir>', "docker's certs.d: DIR/HOST[:PORT]/*.crt, client.cert, client.key (default /etc/docker/certs.d, or MFX_CERTS_DIR)")
    .addOption(new Option('--mirror <url>', 'try this Docker Hub mirror first, falling back to Docker Hub; repeatable').argParser(collect))
    .option('--config <file>', 'configuration file (default $XDG_CONFIG_HOME/mfx/config.json, or MFX_CONFIG)');
}

/** --file and --from, for the commands that take many images. */
function withInputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --file <file>', "read references from FILE, one per line ('#' comments); repeatable").argParser(collect))
    .option('--from <paths...>', 'extract references from compose files, Kubernetes YAML, Dockerfiles or directories of them');
}

function examples(lines: string): string {
  return `\nExamples:\n${lines}\n\n${EXIT_CODE_HELP}\n`;
}

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
    .addHelpText('after', `\n${EXIT_CODE_HELP}\n\nRun 'mfx help COMMAND' for a command's flags and examples.`);

  withInputOptions(withRegistryOptions(
    program
      .command('inspect')
      .description('show the platforms an image offers, with their digests; or, with --platform, the one image for it')
      .argument('[references...]', "image references: [registry/]repository[:tag][@digest]; '-' reads them from standard input")
      .option('--json', 'print the documented JSON shape (schema/inspect.schema.json)')
      .option('--raw', 'print the exact manifest bytes the registry served')
      .option('-p, --platform <platform>', `resolve the image for this ${PLATFORM_HELP}`)
      .option('--strict', 'with --platform: no fallback to older compatible variants')
      .option('--sizes', "fetch every platform's manifest and show its compressed size (one request per platform)"),
  ))
    .addHelpText(
      'after',
      examples(`  $ mfx inspect nginx:latest                     platforms of an official image
  $ mfx inspect nginx --platform arm64           the arm64 image: digest, config, layers, size
  $ mfx inspect nginx --sizes                    compressed size of every platform
  $ mfx inspect ghcr.io/owner/app:1.2 --json     the documented JSON shape, for jq
  $ mfx inspect nginx@sha256:… --raw | sha256sum the exact bytes the registry served
  $ mfx inspect localhost:5000/app               loopback registries use plain HTTP
  $ echo "$TOKEN" | mfx inspect ghcr.io/owner/private --username owner --password-stdin
  $ mfx inspect --from compose.yaml k8s/ Dockerfile every image of a stack, a table each
  $ mfx inspect --file images.txt --json         one JSON document, an entry per image
  $ mfx inspect nginx --mirror https://mirror.gcr.io   ask a Docker Hub mirror first
  $ mfx inspect registry.corp:5000/app --ca-file corp-ca.pem --certs-dir ./certs.d
  $ mfx inspect nginx --timeout 20 --retries 1 --no-cache
  $ mfx inspect --file images.txt --concurrency 4 --verbose
  $ mfx inspect nginx --debug --config ./mfx.json 2> requests.log`),
    )
    .action(async (references: string[], flags: InspectFlags) => actions.inspect(references, flags));

  withRegistryOptions(
    program
      .command('digest')
      .description('print the digest to pin: of the index, or of the image for --platform')
      .argument('<reference>', 'image reference')
      .option('-p, --platform <platform>', `the image for this ${PLATFORM_HELP}`)
      .option('--strict', 'with --platform: no fallback to older compatible variants')
      .option('--pinned', 'print NAME:TAG@DIGEST instead of the digest alone'),
  )
    .addHelpText(
      'after',
      examples(`  $ mfx digest nginx:1.27                        sha256:… of the index
  $ mfx digest nginx:1.27 --platform linux/arm64 sha256:… of the arm64 image
  $ mfx digest nginx:1.27 --pinned               nginx:1.27@sha256:…, for FROM lines`),
    )
    .action(async (reference: string, flags: DigestFlags) => actions.digest(reference, flags));

  withInputOptions(withRegistryOptions(
    program
      .command('check')
      .description('fail (exit 1) unless every image offers every requested platform')
      .argument('[references...]', "image references; '-' reads them from standard input")
      .addOption(new Option('-p, --platform <platforms>', `required ${PLATFORM_HELP}; repeatable or comma separated`).argParser(collect))
      .option('--strict', 'an older compatible variant does not count (arm/v6 for arm/v7)')
      .option('--json', 'print the documented JSON shape (schema/check.schema.json)'),
  ))
    .addHelpText(
      'after',
      examples(`  $ mfx check nginx:1.27 redis:7 --platform linux/amd64,linux/arm64
  $ mfx check --platform linux/arm64 --from docker-compose.yml k8s/
  $ mfx check ghcr.io/o/app:1 --platform linux/arm/v7 --strict
  $ mfx check nginx:1.27 --platform arm64 --json | jq '.images[] | select(.status != "ok")'

Outcome: exit 0 when every image offers every platform, 1 when one lacks a platform. When an
image cannot be checked, the exit code is that failure's (the lowest when several fail:
2 usage, 3 not found, 4 auth, 5 network, 6 integrity), even if another image lacks a platform.
Under GitHub Actions (GITHUB_ACTIONS=true) each missing platform is also an ::error::
annotation, and the matrix is appended to $GITHUB_STEP_SUMMARY.`),
    )
    .action(async (references: string[], flags: CheckFlags) => actions.check(references, flags));

  program
    .command('completion')
    .description('print the completion script for bash, zsh or fish: commands, flags, platforms')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      `
Examples:
  $ source <(mfx completion bash)                 bash, this shell (add the line to ~/.bashrc)
  $ mfx completion bash > ~/.local/share/bash-completion/completions/mfx
  $ mfx completion zsh > ~/.zfunc/_mfx            zsh: a directory of $fpath, then a new shell
  $ mfx completion fish > ~/.config/fish/completions/mfx.fish
`,
    )
    .action(async (shell: string) => actions.completion?.(shell, program));

  return program;
}
