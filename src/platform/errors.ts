/**
 * The error a platform specifier that cannot be parsed raises.
 *
 * It is a usage error (exit code of a bad argument). Its message is for people and always
 * says what is accepted; `reason` says what broke, and `containerdMessage` holds the text
 * containerd's `platforms.Parse` gives for the same input, byte for byte, so behaviour can be
 * compared with upstream's own tables.
 */
import { UsageError } from '../errors.js';

/** What broke, in a word a caller can switch on. */
export type PlatformParseProblem =
  | 'wildcard' // `*` anywhere: containerd does not support wildcards yet
  | 'os-component' // the first part is not `os` or `os(version+feature...)`
  | 'component' // a later part has characters other than A-Z a-z 0-9 _ . -
  | 'encoding' // a bad %-escape inside the parentheses
  | 'unknown-word' // a single word that is neither a known OS nor a known architecture
  | 'too-many-parts'; // more than os/arch/variant

export const ACCEPTED_FORMS =
  'expected os, arch, os/arch or os/arch/variant (e.g. linux/arm64, arm64, windows(10.0.17763)/amd64)';

export class PlatformParseError extends UsageError {
  /** The specifier as given. */
  readonly input: string;
  readonly problem: PlatformParseProblem;
  /** containerd's error text for the same input (errdefs' `invalid argument` included). */
  readonly containerdMessage: string;

  constructor(input: string, problem: PlatformParseProblem, hint: string, containerdMessage: string) {
    super(`invalid platform ${JSON.stringify(input)}: ${ACCEPTED_FORMS}`, { hint });
    this.input = input;
    this.problem = problem;
    this.containerdMessage = containerdMessage;
  }
}

const GO_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '"': '\\"',
  '\\': '\\\\',
};

/**
 * A string quoted as Go's `%q` (strconv.Quote) prints it, for containerd's messages: exact for
 * ASCII, which is all a specifier that reaches an error message usually holds.
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (GO_ESCAPES[ch] !== undefined) out += GO_ESCAPES[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
