/**
 * The %-encoding of the values inside `os(<version>+<feature>...)`.
 *
 * Source: containerd/platforms platforms.go (encodeOSOption, decodeOSOption), v1.0.0-rc.3+.
 * Five characters would be ambiguous inside the parentheses and are written as escapes:
 *
 *   %  →  %25      +  →  %2B      (  →  %28      )  →  %29      /  →  %2F
 *
 * So `windows(10.0.17763%2Bbuild.42+win32k)` is os.version `10.0.17763+build.42` with the
 * feature `win32k`. Decoding is Go's url.PathUnescape: any `%XX` is decoded (a `+` stays a
 * `+`), and a `%` without two hex digits after it is an error.
 */

const ESCAPES: Record<string, string> = { '%': '%25', '+': '%2B', '(': '%28', ')': '%29', '/': '%2F' };

export function encodeOSOption(value: string): string {
  return value.replace(/[%+()/]/g, (ch) => ESCAPES[ch] ?? ch);
}

/** Go's url.EscapeError text, for containerd's messages. */
export class OSOptionEscapeError extends Error {
  readonly escape: string;

  constructor(escape: string) {
    super(`invalid URL escape ${JSON.stringify(escape)}`);
    this.escape = escape;
  }
}

const HEX = /^[0-9A-Fa-f]{2}$/;

/** Decodes %XX escapes; throws OSOptionEscapeError on a malformed one. */
export function decodeOSOption(value: string): string {
  if (!value.includes('%')) return value;
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch !== '%') {
      bytes.push(...encoder.encode(ch));
      continue;
    }
    const hex = value.slice(i + 1, i + 3);
    if (!HEX.test(hex)) throw new OSOptionEscapeError(value.slice(i, i + 3));
    bytes.push(Number.parseInt(hex, 16));
    i += 2;
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
