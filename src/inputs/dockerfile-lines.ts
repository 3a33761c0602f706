/**
 * A Dockerfile as instructions: the logical lines the builder reads, each with the line it
 * starts on.
 *
 * Rules (Dockerfile reference, "Format", "Parser directives", "Here-Documents"):
 * - Parser directives are `# name=value` lines at the very top; the first other line (blank,
 *   comment or instruction) ends them. Only `escape` matters here: `\` (default) or `` ` ``.
 * - A line whose first non-blank character is `#` is a comment; blank lines are skipped.
 * - A line ending with the escape character (trailing blanks allowed) continues on the next
 *   line; the escape character is removed and the parts are joined. Comment and blank lines
 *   inside a continuation are skipped.
 * - The bodies of here-documents of `RUN`, `COPY` and `ADD` (`<<EOF` … `EOF`, `<<-EOF` with
 *   leading tabs removed from the terminator, quoted delimiters) are skipped, so a `FROM` line
 *   inside one is not taken for an instruction.
 * - Lines may end with LF, CRLF or CR; a leading byte order mark is ignored.
 */

import { splitLines } from './list.js';

export interface Instruction {
  /** 1-based line the instruction starts on. */
  line: number;
  /** The instruction's text, continuations joined, trimmed. */
  text: string;
}

export interface DockerfileInstructions {
  /** The escape character: `\` or `` ` ``. */
  escape: string;
  instructions: Instruction[];
}

const DIRECTIVE = /^#\s*([A-Za-z][A-Za-z0-9_-]*)\s*=\s*(.*?)\s*$/;
const HEREDOC = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;

const skippable = (line: string): boolean => /^\s*(#|$)/.test(line);

/** Reads the parser directives, comments, continuations and here-documents of a Dockerfile. */
export function readInstructions(text: string): DockerfileInstructions {
  const raw = splitLines(text);
  let i = 0;
  let escape = '\\';
  for (let m = DIRECTIVE.exec(raw[0] ?? ''); m !== null; m = DIRECTIVE.exec(raw[++i] ?? '')) {
    if (m[1]!.toLowerCase() === 'escape' && (m[2] === '\\' || m[2] === '`')) escape = m[2];
  }
  const continued = new RegExp(`${escape === '`' ? '`' : '\\\\'}[ \\t]*$`);
  const instructions: Instruction[] = [];
  while (i < raw.length) {
    const start = i;
    let line = raw[i++]!;
    if (skippable(line)) continue;
    let joined = '';
    while (continued.test(line)) {
      joined += line.replace(continued, '');
      while (i < raw.length && skippable(raw[i]!)) i++;
      if (i >= raw.length) {
        line = '';
        break;
      }
      line = raw[i++]!;
    }
    joined = (joined + line).trim();
    instructions.push({ line: start + 1, text: joined });
    i = skipHeredocs(joined, raw, i);
  }
  return { escape, instructions };
}

/** The index of the first line after the here-document bodies an instruction opens. */
function skipHeredocs(instruction: string, raw: string[], from: number): number {
  if (!/^(RUN|COPY|ADD)\s/i.test(instruction)) return from;
  let i = from;
  for (const m of instruction.matchAll(HEREDOC)) {
    const stripTabs = m[1] === '-';
    const terminator = m[3]!;
    while (i < raw.length) {
      const line = raw[i++]!;
      if ((stripTabs ? line.replace(/^\t+/, '') : line).trimEnd() === terminator) break;
    }
  }
  return i;
}
