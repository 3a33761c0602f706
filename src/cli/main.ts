/**
 * The CLI entry: parse argv, run the command, and turn every outcome into an exit code.
 * The only place errors become text on stderr and kinds become exit codes.
 */
import { CommanderError } from 'commander';
import { isMfxError } from '../errors.js';
import { sanitize } from '../render/sanitize.js';
import { EXIT, exitCodeFor } from '../exit-codes.js';
import { type CliIO, processIO } from './io.js';
import { buildProgram } from './program.js';

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, {
    // Commands load on demand: --help and --version never load the HTTP code.
    inspect: async (references, flags) => {
      code = await (await import('./commands/inspect.js')).runInspect(references, flags, io);
    },
    digest: async (reference, flags) => {
      code = await (await import('./commands/digest.js')).runDigest(reference, flags, io);
    },
    check: async (references, flags) => {
      code = await (await import('./commands/check.js')).runCheck(references, flags, io);
    },
    completion: async (shell, program) => {
      code = await (await import('./commands/completion.js')).runCompletion(shell, program, io);
    },
  });
  if (argv.length === 0) {
    io.stderr.write(program.helpInformation());
    return EXIT.usage;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    return report(err, io);
  }
  return code;
}

function report(err: unknown, io: CliIO): number {
  if (err instanceof CommanderError) {
    // commander has printed its message (or the help/version) already.
    return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (isMfxError(err)) {
    io.stderr.write(`mfx: ${sanitize(err.message)}\n`);
    if (err.hint) io.stderr.write(`mfx: hint: ${sanitize(err.hint)}\n`);
    if (io.env.MFX_DEBUG && err.cause) io.stderr.write(`${String((err.cause as Error).stack ?? err.cause)}\n`);
    return exitCodeFor(err.kind);
  }
  const e = err as Error;
  io.stderr.write(`mfx: internal error: ${sanitize(e?.message ?? String(err))}\n`);
  io.stderr.write(io.env.MFX_DEBUG ? `${e?.stack ?? ''}\n` : 'mfx: run with MFX_DEBUG=1 for details, and please report it\n');
  return EXIT.internal;
}
