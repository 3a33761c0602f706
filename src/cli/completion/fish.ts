/** The fish completion script of mfx, generated from the program's description (model.ts). */
import { type FlagSpec, PLATFORMS, type ProgramSpec, header, ident, words } from './model.js';


/** A fish single-quoted word. */
function fq(s: string): string {
  return `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

export function fishScript(spec: ProgramSpec): string {
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
