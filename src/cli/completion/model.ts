/**
 * Shell completion scripts for bash, zsh and fish, generated from the commander program
 * itself: its commands, their options (with the built-in help command and -h/--help), and the
 * choices of their arguments. A flag added to the program is completed without a change here.
 *
 * What a flag's value completes to is read from the flag:
 *   --platform / -p                        a fixed list of common platforms (`PLATFORMS`),
 *                                          also after a comma (`check -p linux/amd64,linux/ar`)
 *   a value named <file> or <path>,        file names (`--file`, `--from <paths...>`, `--ca-file <file>`)
 *   or a long name ending in -file/-path
 *   a value named <dir>, or --*-dir        directory names (`--certs-dir <dir>`)
 *   an option or argument with choices     those choices (`mfx completion <shell>`)
 *   anything else                          nothing (a host, a number, an image reference)
 * A variadic flag (`--from <paths...>`) takes every following word up to the next flag, as
 * commander parses it, so each of those words completes as a path too.
 */
import type { Argument, Command, Option } from 'commander';
import { VERSION } from '../../version.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export function isShell(name: string): name is Shell {
  return (SHELLS as readonly string[]).includes(name);
}

/** What `--platform` completes to: the common platforms, then the single-word aliases. */
export const PLATFORMS: readonly string[] = [
  'linux/amd64',
  'linux/arm64',
  'linux/arm/v7',
  'linux/arm/v6',
  'linux/386',
  'linux/ppc64le',
  'linux/s390x',
  'linux/riscv64',
  'linux/mips64le',
  'windows/amd64',
  'windows/arm64',
  'darwin/amd64',
  'darwin/arm64',
  'amd64',
  'arm64',
  'arm/v7',
  'arm/v6',
];

export type ValueKind = 'none' | 'platform' | 'path' | 'dir' | 'choices';

export interface FlagSpec {
  short: string | undefined;
  long: string | undefined;
  description: string;
  takesValue: boolean;
  /** Takes every following word up to the next flag (`--from <paths...>`). */
  variadic: boolean;
  /** The name of its value (`file`, `paths...`), for messages. */
  valueName: string;
  values: ValueKind;
  choices: readonly string[];
}

export interface CommandSpec {
  name: string;
  description: string;
  flags: FlagSpec[];
  /** What the positional arguments complete to (empty: nothing). */
  argValues: readonly string[];
  /** The positional arguments, for zsh's messages: name, required, variadic. */
  args: { name: string; required: boolean; variadic: boolean }[];
}

export interface ProgramSpec {
  name: string;
  flags: FlagSpec[];
  commands: CommandSpec[];
}

const PATH_VALUE = /^(file|files|path|paths)(\.\.\.)?$/i;
const PATH_LONG = /^--(file|from|.*-(file|path))$/;
const DIR_VALUE = /^(dir|dirs|directory|directories)(\.\.\.)?$/i;
const DIR_LONG = /^--.*-dir$/;

function describeFlag(option: Option): FlagSpec {
  const valueName = /<([^>]*)>|\[([^\]]*)\]/.exec(option.flags)?.slice(1).find((s) => s !== undefined) ?? '';
  const takesValue = option.required || option.optional;
  const choices = option.argChoices ?? [];
  let values: ValueKind = 'none';
  if (takesValue) {
    if (choices.length > 0) values = 'choices';
    else if (option.long === '--platform') values = 'platform';
    else if (DIR_VALUE.test(valueName) || DIR_LONG.test(option.long ?? '')) values = 'dir';
    else if (PATH_VALUE.test(valueName) || PATH_LONG.test(option.long ?? '')) values = 'path';
  }
  return {
    short: option.short,
    long: option.long,
    description: option.description,
    takesValue,
    variadic: option.variadic,
    valueName: valueName.replace(/\.\.\.$/, ''),
    values,
    choices,
  };
}

/** The completion model of a commander program: its commands, flags and argument values. */
export function describeProgram(program: Command): ProgramSpec {
  const help = program.createHelp();
  const commands = help.visibleCommands(program);
  const names = commands.map((c) => c.name());
  return {
    name: program.name(),
    flags: help.visibleOptions(program).map(describeFlag),
    commands: commands.map((cmd) => {
      const registered: readonly Argument[] = cmd.registeredArguments;
      // commander's own help command takes a command name.
      const argValues = cmd.name() === 'help' ? names : registered.flatMap((a) => a.argChoices ?? []);
      const args =
        cmd.name() === 'help' && registered.length === 0
          ? [{ name: 'command', required: false, variadic: false }]
          : registered.map((a) => ({ name: a.name(), required: a.required, variadic: a.variadic }));
      return {
        name: cmd.name(),
        description: cmd.summary() || cmd.description(),
        flags: help.visibleOptions(cmd).map(describeFlag),
        argValues,
        args,
      };
    }),
  };
}


export function words(flag: FlagSpec): string[] {
  return [flag.short, flag.long].filter((w): w is string => w !== undefined);
}

/** A POSIX shell single-quoted word (bash and zsh). */
export function sq(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

/** Identifier-safe form of a name, for shell function and variable names. */
export function ident(s: string): string {
  return s.replace(/[^A-Za-z0-9_]/g, '_');
}

export function header(shell: Shell, name: string, install: string[]): string {
  return [`# ${shell} completion for ${name} ${VERSION}, printed by \`${name} completion ${shell}\`.`, ...install.map((l) => `# ${l}`), ''].join('\n');
}

