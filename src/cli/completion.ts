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
import { VERSION } from '../version.js';

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

function words(flag: FlagSpec): string[] {
  return [flag.short, flag.long].filter((w): w is string => w !== undefined);
}

/** A POSIX shell single-quoted word (bash and zsh). */
function sq(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

/** Identifier-safe form of a name, for shell function and variable names. */
function ident(s: string): string {
  return s.replace(/[^A-Za-z0-9_]/g, '_');
}

function header(shell: Shell, name: string, install: string[]): string {
  return [`# ${shell} completion for ${name} ${VERSION}, printed by \`${name} completion ${shell}\`.`, ...install.map((l) => `# ${l}`), ''].join('\n');
}

// ---------------------------------------------------------------------------------------
// bash

function bashScript(spec: ProgramSpec): string {
  const fn = `_${ident(spec.name)}`;
  const blocks: { name: string; flags: FlagSpec[]; args: readonly string[] }[] = [
    { name: '', flags: spec.flags, args: spec.commands.map((c) => c.name) },
    ...spec.commands.map((c) => ({ name: c.name, flags: c.flags, args: c.argValues })),
  ];
  const arms = blocks.map((b) => {
    const all = b.flags.flatMap(words);
    const valued = b.flags.filter((f) => f.takesValue).flatMap(words);
    const variadic = b.flags.filter((f) => f.variadic).flatMap(words);
    return [
      `    ${b.name === '' ? "''" : sq(b.name)})`,
      `      flags=${sq(all.join(' '))}`,
      `      valued=${sq(` ${valued.join(' ')} `)}`,
      `      variadic=${sq(` ${variadic.join(' ')} `)}`,
      `      args=${sq(b.args.join(' '))}`,
      '      ;;',
    ].join('\n');
  });
  const valueArms = blocks.flatMap((b) =>
    b.flags
      .filter((f) => f.values !== 'none')
      .map((f) => {
        const pattern = words(f)
          .map((w) => sq(`${b.name} ${w}`))
          .join(' | ');
        const actions: Record<ValueKind, string> = {
          platform: `${fn}_platforms "$head" "$cur"`,
          path: `${fn}_files -f "$head" "$cur"`,
          dir: `${fn}_files -d "$head" "$cur"`,
          choices: `${fn}_words "$head" "$cur" ${sq(f.choices.join(' '))}`,
          none: ':',
        };
        return `      ${pattern}) ${actions[f.values]} ;;`;
      }),
  );
  return `${header('bash', spec.name, [
    'Load it in this shell:  source <(mfx completion bash)',
    'or install it:          mfx completion bash > ~/.local/share/bash-completion/completions/mfx',
  ])}
${fn}_platform_list=${sq(PLATFORMS.join(' '))}

# COMPREPLY from a word list; $1 goes before each reply ('--flag=' when the word holds it).
${fn}_words() {
  local head=$1 cur=$2 w
  COMPREPLY=()
  for w in $3; do
    [[ $w == "$cur"* ]] && COMPREPLY+=("$head$w")
  done
}

# Platforms; after a comma, the platform after it (check -p linux/amd64,linux/arm64).
${fn}_platforms() {
  local head=$1 cur=$2
  if [[ $cur == *,* ]]; then
    head=$head\${cur%,*},
    cur=\${cur##*,}
  fi
  ${fn}_words "$head" "$cur" "$${fn}_platform_list"
}

# File names (-f) or directory names (-d).
${fn}_files() {
  local head=$2 cur=$3 f IFS=$'\\n'
  COMPREPLY=()
  for f in $(compgen "$1" -- "$cur"); do
    COMPREPLY+=("$head$f")
  done
  if [[ -z $head ]] && type compopt >/dev/null 2>&1; then
    compopt -o filenames 2>/dev/null
  fi
}

${fn}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} cword=$COMP_CWORD
  local cmd='' ci=0 i w
  COMPREPLY=()
  # The command: the first word that is not a flag (the program's own flags take no value).
  for ((i = 1; i < cword; i++)); do
    w=\${COMP_WORDS[i]}
    case $w in
      -*) ;;
      *) cmd=$w ci=$i; break ;;
    esac
  done

  local flags valued variadic args
  case $cmd in
${arms.join('\n')}
    *) return 0 ;;
  esac

  # The flag whose value is being completed, if any.
  local flag='' head=''
  if [[ $cur == --*=* ]]; then
    # --flag=value in one word (COMP_WORDBREAKS without '=')
    flag=\${cur%%=*} head=\${cur%%=*}= cur=\${cur#*=}
  elif [[ $cur == '=' ]] && ((cword - 1 > ci)) && [[ \${COMP_WORDS[cword - 1]} == --* ]]; then
    # --flag= split by bash into '--flag' '='
    flag=\${COMP_WORDS[cword - 1]} cur=''
  elif ((cword - 2 > ci)) && [[ \${COMP_WORDS[cword - 1]} == '=' && \${COMP_WORDS[cword - 2]} == --* ]]; then
    flag=\${COMP_WORDS[cword - 2]}
  elif ((cword - 1 > ci)) && [[ $valued == *" \${COMP_WORDS[cword - 1]} "* ]]; then
    flag=\${COMP_WORDS[cword - 1]}
  elif [[ $cur != -* ]]; then
    # A variadic flag (--from a b c) takes every word up to the next flag.
    for ((i = cword - 1; i > ci; i--)); do
      w=\${COMP_WORDS[i]}
      [[ $w == '=' ]] && continue
      if [[ $w == -* ]]; then
        w=\${w%%=*}
        [[ $variadic == *" $w "* ]] && flag=$w
        break
      fi
    done
  fi

  if [[ -n $flag ]]; then
    case "$cmd $flag" in
${valueArms.join('\n')}
    esac
    return 0
  fi
  if [[ $cur == -* ]]; then
    ${fn}_words '' "$cur" "$flags"
  elif [[ -n $args ]] && { [[ -z $cmd ]] || ((cword == ci + 1)); }; then
    ${fn}_words '' "$cur" "$args"
  fi
  return 0
}

complete -F ${fn} ${spec.name}
`;
}

// ---------------------------------------------------------------------------------------
// zsh

/** An explanation in an _arguments spec: inside [...], brackets and backslashes escaped. */
function zshExplain(s: string): string {
  return s.replace(/[\\[\]]/g, (c) => `\\${c}`);
}

/** A word of an _arguments spec or a _describe entry: ':' escaped. */
function zshColon(s: string): string {
  return s.replace(/[\\:]/g, (c) => `\\${c}`);
}

function zshFlagSpecs(flag: FlagSpec, fn: string): string[] {
  const explain = `[${zshExplain(flag.description)}]`;
  let action = '';
  if (flag.takesValue) {
    const message = zshColon(flag.valueName || 'value');
    const actions: Record<ValueKind, string> = {
      platform: `${fn}_platforms`,
      path: '_files',
      dir: '_files -/',
      choices: `(${flag.choices.map((c) => zshColon(c).replace(/[ ()\\]/g, (x) => `\\${x}`)).join(' ')})`,
      none: ' ', // a message, no matches
    };
    const what = actions[flag.values];
    // A variadic flag takes the words up to the next one that starts with '-'.
    action = flag.variadic ? `:*-*:${message}:${what}` : `:${message}:${what}`;
  }
  const names = words(flag);
  // Flags that take a value may be repeated (--file, --insecure-registry, check's --platform);
  // the others are offered once, and exclude their other spelling.
  const repeat = flag.takesValue ? '*' : '';
  const exclude = !flag.takesValue && names.length > 1 ? `(${names.join(' ')})` : '';
  return names.map((name) => {
    const suffix = !flag.takesValue || flag.variadic ? '' : name.startsWith('--') ? '=' : '+';
    return sq(`${repeat}${exclude}${name}${suffix}${explain}${action}`);
  });
}

function zshArgSpecs(cmd: CommandSpec): string[] {
  const values = cmd.argValues.length > 0 ? `(${cmd.argValues.map(zshColon).join(' ')})` : ' ';
  // '*:name:action' the rest, ':name:action' a required one, '::name:action' an optional one
  return cmd.args.map((a) => sq(`${a.variadic ? '*' : a.required ? '' : ':'}:${zshColon(a.name)}:${values}`));
}

function zshScript(spec: ProgramSpec): string {
  const fn = `_${ident(spec.name)}`;
  const indent = (lines: string[], n: number) => lines.map((l) => `${' '.repeat(n)}${l}`).join(' \\\n');
  const describe = spec.commands.map((c) => sq(`${zshColon(c.name)}:${c.description}`));
  const arms = spec.commands.map((c) => {
    const specs = [...c.flags.flatMap((f) => zshFlagSpecs(f, fn)), ...zshArgSpecs(c)];
    return `        ${sq(c.name)})\n          _arguments -s -S \\\n${indent(specs, 12)} && ret=0\n          ;;`;
  });
  // The program's own flags (--version, --help) stand alone: no command after them.
  const globals = spec.flags.flatMap((f) => (f.takesValue ? zshFlagSpecs(f, fn) : words(f).map((w) => sq(`(- : *)${w}[${zshExplain(f.description)}]`))));
  return `#compdef ${spec.name}
${header('zsh', spec.name, [
  'Install it as _mfx in a directory of $fpath, then start a new shell:',
  '  mkdir -p ~/.zfunc && mfx completion zsh > ~/.zfunc/_mfx',
  '  and in ~/.zshrc, before compinit:  fpath=(~/.zfunc $fpath)',
  'or load it in this shell (after compinit):  source <(mfx completion zsh)',
])}
${fn}_platforms() {
  # one platform, or a comma-separated list of them (check -p linux/amd64,linux/arm64)
  _sequence compadd - ${PLATFORMS.join(' ')}
}

${fn}_commands() {
  local -a commands
  commands=(
${describe.map((d) => `    ${d}`).join('\n')}
  )
  _describe -t commands '${spec.name} command' commands
}

${fn}() {
  local curcontext="$curcontext" state line ret=1
  typeset -A opt_args
  _arguments -C \\
${indent([...globals, `': :${fn}_commands'`, "'*:: :->args'"], 4)} && ret=0
  case $state in
    args)
      curcontext="\${curcontext%:*:*}:${spec.name}-$words[1]:"
      case $words[1] in
${arms.join('\n')}
      esac
      ;;
  esac
  return ret
}

if [ "$funcstack[1]" = "${fn}" ]; then
  ${fn} "$@"
else
  compdef ${fn} ${spec.name}
fi
`;
}

// ---------------------------------------------------------------------------------------
// fish

/** A fish single-quoted word. */
function fq(s: string): string {
  return `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

function fishScript(spec: ProgramSpec): string {
  const fn = `__${ident(spec.name)}`;
  const c = `complete -c ${spec.name}`;
  const flagLine = (condition: string, flag: FlagSpec) => {
    const parts = [c, '-n', fq(condition)];
    if (flag.short) parts.push('-s', flag.short.replace(/^-/, ''));
    if (flag.long) parts.push('-l', flag.long.replace(/^--/, ''));
    if (flag.takesValue) {
      if (flag.values === 'path') parts.push('-r', '-F');
      else parts.push('-x');
      if (flag.values === 'dir') parts.push('-a', fq('(__fish_complete_directories)'));
      if (flag.values === 'platform') parts.push('-a', fq(`(${fn}_platforms)`));
      if (flag.values === 'choices') parts.push('-a', fq(flag.choices.join(' ')));
    }
    parts.push('-d', fq(flag.description));
    return parts.join(' ');
  };
  const lines: string[] = [
    `${c} -e`,
    `${c} -f`,
    '',
    '# no command yet',
    ...spec.commands.map((x) => `${c} -n ${fq('__fish_use_subcommand')} -a ${fq(x.name)} -d ${fq(x.description)}`),
    ...spec.flags.map((f) => flagLine('__fish_use_subcommand', f)),
  ];
  for (const cmd of spec.commands) {
    const when = `__fish_seen_subcommand_from ${cmd.name}`;
    lines.push('', `# ${spec.name} ${cmd.name}`);
    if (cmd.argValues.length > 0) {
      // Offered until one is given (help's values include help itself).
      const given = cmd.argValues.filter((v) => v !== cmd.name).join(' ');
      lines.push(`${c} -n ${fq(`${when}; and not __fish_seen_subcommand_from ${given}`)} -a ${fq(cmd.argValues.join(' '))}`);
    }
    lines.push(...cmd.flags.map((f) => flagLine(when, f)));
    // The words after a variadic path flag, up to the next flag, are paths too.
    const variadic = cmd.flags.filter((f) => f.variadic && (f.values === 'path' || f.values === 'dir')).flatMap(words);
    if (variadic.length > 0) lines.push(`${c} -n ${fq(`${when}; and ${fn}_after_flag ${variadic.join(' ')}`)} -F`);
  }
  return `${header('fish', spec.name, [
    'Install it:  mfx completion fish > ~/.config/fish/completions/mfx.fish',
    'or load it in this shell:  mfx completion fish | source',
  ])}
# Platforms; after a comma, the platform after it (check -p linux/amd64,linux/arm64).
function ${fn}_platforms
    set -l head (commandline -ct | string replace -r '^--[^=]*=' '' | string match -r '^.*,')
    for p in ${PLATFORMS.join(' ')}
        printf '%s\\n' "$head$p"
    end
end

# True when the last flag before the word being completed is one of $argv (--from a b …).
function ${fn}_after_flag
    set -l tokens (commandline -opc)
    set -l i (count $tokens)
    while test $i -gt 1
        if string match -q -- '-*' $tokens[$i]
            contains -- (string replace -r '=.*' '' -- $tokens[$i]) $argv
            return
        end
        set i (math $i - 1)
    end
    return 1
end

# Image references are not files: complete file names only for the flags that take paths.
${lines.join('\n')}
`;
}
