/** The bash completion script of mfx, generated from the program's description (model.ts). */
import { type FlagSpec, PLATFORMS, type ProgramSpec, type ValueKind, header, ident, sq, words } from './model.js';


export function bashScript(spec: ProgramSpec): string {
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

