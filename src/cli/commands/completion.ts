/**
 * `mfx completion bash|zsh|fish`: the completion script for the shell, generated from the
 * program that parsed this very command line, so it lists exactly its commands and flags.
 */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { EXIT } from '../../exit-codes.js';
import { SHELLS, completionScript, isShell } from '../completion.js';
import type { CliIO } from '../io.js';

export async function runCompletion(shell: string, program: Command, io: CliIO): Promise<number> {
  if (!isShell(shell)) {
    throw new UsageError(`cannot complete for the shell ${JSON.stringify(shell)}: the supported shells are ${SHELLS.join(', ')}`);
  }
  io.stdout.write(completionScript(shell, program));
  return EXIT.ok;
}
