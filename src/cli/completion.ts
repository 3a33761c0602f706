/**
 * `mfx completion SHELL`: completion scripts for bash, zsh and fish, generated from the
 * commander program itself (see completion/model.ts for what each flag's value completes to).
 */
import type { Command } from 'commander';
import { bashScript } from './completion/bash.js';
import { fishScript } from './completion/fish.js';
import { describeProgram, type Shell } from './completion/model.js';
import { zshScript } from './completion/zsh.js';

export * from './completion/model.js';

/** The completion script for `shell`, from the program's commands and flags. */
export function completionScript(shell: Shell, program: Command): string {
  const spec = describeProgram(program);
  switch (shell) {
    case 'bash':
      return bashScript(spec);
    case 'zsh':
      return zshScript(spec);
    case 'fish':
      return fishScript(spec);
  }
}
