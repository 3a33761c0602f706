/**
 * Variable expansion in the two dialects the stack files use: Dockerfile words (a `FROM`
 * image, an `ARG` default) and compose interpolation (`image: ${REGISTRY:-ghcr.io}/app`).
 *
 * Supported forms: `$NAME`, `${NAME}`, `${NAME:-word}` / `${NAME-word}` (default when unset or
 * empty / when unset), `${NAME:+word}` / `${NAME+word}` (alternative when set and non-empty /
 * when set), `${NAME:?msg}` / `${NAME?msg}` (required). The word may itself hold expansions
 * (`${A:-${B}}`) and is only expanded when it is used. A `$` not followed by a name or `{`
 * is literal.
 *
 * Dialects:
 * - `dockerfile`: the escape character (`\`, or `` ` `` after `# escape=`` ` ``) makes the next
 *   character literal (`\$X` is `$X`); single quotes are literal; double quotes are removed
 *   and expand inside. (BuildKit's shell lexer, `frontend/dockerfile/shell/lex.go`.)
 * - `compose`: `$$` is a literal `$`; quotes are YAML's business and stay as they are.
 *   (compose-spec "Interpolation".)
 *
 * A name without a value where one is needed, a required name that is missing, an unclosed
 * `${` and any other `${...}` form (`${X#pat}`, `${X%pat}`, `${X/a/b}`, `${#X}`) make the
 * expansion fail with a problem text; nothing is guessed.
 */

export interface ExpandOptions {
  dialect: 'dockerfile' | 'compose';
  /** The Dockerfile escape character; `\` unless a parser directive says otherwise. */
  escape?: string;
  /** The value of a name, or undefined when it is unset. */
  lookup(name: string): string | undefined;
  /** The problem text for a plain `$NAME` / `${NAME}` whose name is unset. */
  unset(name: string): string;
}

export type Expansion = { ok: true; value: string } | { ok: false; problem: string };

class Problem extends Error {}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Expands every variable of `text`. */
export function expand(text: string, options: ExpandOptions): Expansion {
  try {
    return { ok: true, value: expandWord(text, options) };
  } catch (err) {
    if (err instanceof Problem) return { ok: false, problem: err.message };
    throw err;
  }
}

/** Expands `text`; `quoted` is the inside of a Dockerfile double-quoted string. */
function expandWord(text: string, options: ExpandOptions, quoted = false): string {
  const docker = options.dialect === 'dockerfile';
  const escape = options.escape ?? '\\';
  let out = '';
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    const next = text[i + 1];
    if (!docker && c === '$' && next === '$') {
      out += '$';
      i += 2;
    } else if (docker && c === escape && (!quoted || next === '"' || next === '$' || next === escape)) {
      out += next ?? '';
      i += 2;
    } else if (docker && !quoted && c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) throw new Problem(`unterminated quote in "${text}"`);
      out += text.slice(i + 1, close);
      i = close + 1;
    } else if (docker && !quoted && c === '"') {
      const close = closingQuote(text, i + 1, escape);
      out += expandWord(text.slice(i + 1, close), options, true);
      i = close + 1;
    } else if (c === '$') {
      const { value, end } = dollar(text, i, options);
      out += value;
      i = end;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

function closingQuote(text: string, from: number, escape: string): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === escape) i++;
    else if (text[i] === '"') return i;
  }
  throw new Problem(`unterminated quote in "${text}"`);
}

/** The index of the `}` closing the `${` whose body starts at `from`. */
function closingBrace(text: string, from: number, options: ExpandOptions): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (options.dialect === 'dockerfile' && text[i] === (options.escape ?? '\\')) i++;
    else if (text.startsWith('${', i)) {
      depth++;
      i++;
    } else if (text[i] === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  throw new Problem(`unclosed "\${" in "${text}"`);
}

function dollar(text: string, at: number, options: ExpandOptions): { value: string; end: number } {
  if (text[at + 1] !== '{') {
    const name = NAME.exec(text.slice(at + 1))?.[0];
    if (name === undefined) return { value: '$', end: at + 1 };
    return { value: required(name, options), end: at + 1 + name.length };
  }
  const close = closingBrace(text, at + 2, options);
  const body = text.slice(at + 2, close);
  const name = NAME.exec(body)?.[0];
  const rest = body.slice(name?.length ?? 0);
  const op = /^:?[-+?]/.exec(rest)?.[0];
  if (name === undefined || (rest !== '' && op === undefined)) {
    throw new Problem(`unsupported expansion "${text.slice(at, close + 1)}"`);
  }
  const value = options.lookup(name);
  return { value: operate(name, value, op, rest.slice(op?.length ?? 0), options), end: close + 1 };
}

function required(name: string, options: ExpandOptions): string {
  const value = options.lookup(name);
  if (value === undefined) throw new Problem(options.unset(name));
  return value;
}

function operate(name: string, value: string | undefined, op: string | undefined, word: string, options: ExpandOptions): string {
  const missing = op?.startsWith(':') ? value === undefined || value === '' : value === undefined;
  switch (op) {
    case undefined:
      return required(name, options);
    case ':-':
    case '-':
      return missing ? expandWord(word, options) : value!;
    case ':+':
    case '+':
      return missing ? '' : expandWord(word, options);
    default: // ':?' and '?'
      if (!missing) return value!;
      throw new Problem(word === '' ? `${name} is required` : `${name} is required: ${expandWord(word, options)}`);
  }
}
