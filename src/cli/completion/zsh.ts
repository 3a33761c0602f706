/** The zsh completion script of mfx, generated from the program's description (model.ts). */
import { type CommandSpec, type FlagSpec, PLATFORMS, type ProgramSpec, type ValueKind, header, ident, sq, words } from './model.js';


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

export function zshScript(spec: ProgramSpec): string {
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

