/**
 * WWW-Authenticate challenges: parse every challenge a registry offers, then pick the one
 * mfx answers.
 *
 * Grammar (RFC 7235 §4.1, §2.1; list rules of RFC 7230 §7):
 *   challenge  = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
 *   auth-param = token BWS "=" BWS ( token / quoted-string )
 * One header value may hold several comma-separated challenges, and a response may carry
 * several header values; both are flattened into one list in order.
 *
 * Behaviour and quirks:
 * - Scheme and parameter names are case-insensitive and returned lowercased; values are kept
 *   verbatim (quoted-strings unquoted, `\x` escapes resolved). A repeated parameter keeps the
 *   last value, as distribution's client does (registry/client/auth/challenge/authchallenge.go).
 * - Unlike that client (one challenge per header value, stops at the first surprise) this
 *   parser reads `Basic realm="x", Bearer realm="y"` as two challenges and never throws:
 *   stray characters and stray quoted-strings are skipped, an unterminated quoted-string
 *   runs to the end of the value, parameters before any scheme are dropped, empty list
 *   elements (`,,`) are ignored, and an unquoted value may contain any character but comma
 *   and whitespace (`realm=https://x/y`).
 * - A token68 (`Negotiate abc==`) is taken when the text after the scheme and at least one space
 *   is a token68 that ends the challenge; so `Bearer realm=` (no value) reads as token68 `realm=`, while
 *   `realm=""` is a parameter with an empty value.
 * - `pickChallenge` prefers a Bearer challenge with a non-empty realm (Docker token spec,
 *   distribution docs/spec/auth/token.md: the realm is the token endpoint), then Basic;
 *   every other scheme is ignored.
 */

export interface Challenge {
  /** Lowercased: 'bearer' | 'basic' | any other scheme. */
  scheme: string;
  /** Parameter names lowercased; values as sent (unquoted). */
  params: Record<string, string>;
  /** The token68 form (`Negotiate abc==`), when the challenge used it instead of params. */
  token68?: string;
}

interface Cursor {
  readonly s: string;
  i: number;
}

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN68 = /[A-Za-z0-9\-._~+/]+=*/y;
const SPACE = /[ \t\r\n]/;

/** Every challenge of one or several WWW-Authenticate header values; never throws. */
export function parseChallenges(header: string | string[] | undefined): Challenge[] {
  if (header === undefined) return [];
  const values = Array.isArray(header) ? header : [header];
  return values.flatMap((value) => (typeof value === 'string' ? parseHeaderValue(value) : []));
}

/** The challenge mfx answers: Bearer with a realm, else Basic, else none. */
export function pickChallenge(challenges: readonly Challenge[]): Challenge | undefined {
  return (
    challenges.find((c) => c.scheme === 'bearer' && (c.params['realm'] ?? '') !== '') ??
    challenges.find((c) => c.scheme === 'basic')
  );
}

function parseHeaderValue(s: string): Challenge[] {
  const out: Challenge[] = [];
  const cur: Cursor = { s, i: 0 };
  let current: Challenge | undefined;
  for (;;) {
    skipWhile(cur, (c) => c === ',' || SPACE.test(c));
    if (cur.i >= s.length) return out;
    const name = readToken(cur);
    if (name === '') {
      // Cannot start a scheme or a parameter: skip a whole quoted-string, else one character.
      if (s[cur.i] === '"') readParamValue(cur);
      else cur.i++;
      continue;
    }
    const afterName = cur.i;
    skipWhile(cur, (c) => SPACE.test(c));
    if (s[cur.i] === '=') {
      cur.i++;
      const value = readParamValue(cur);
      if (current !== undefined) setParam(current.params, name.toLowerCase(), value);
      continue;
    }
    current = { scheme: name.toLowerCase(), params: {} };
    out.push(current);
    // A token68 follows the scheme after at least one space (`a/b/c…` is three schemes, each
    // read once: trying a token68 at every `/` would take quadratic time).
    const token68 = cur.i > afterName ? readToken68(cur) : undefined;
    if (token68 !== undefined) current.token68 = token68;
  }
}

function skipWhile(cur: Cursor, test: (c: string) => boolean): void {
  while (cur.i < cur.s.length && test(cur.s[cur.i] as string)) cur.i++;
}

function readToken(cur: Cursor): string {
  const start = cur.i;
  skipWhile(cur, (c) => TCHAR.test(c));
  return cur.s.slice(start, cur.i);
}

/** A token68 that ends the challenge (followed by a comma or the end), else nothing. */
function readToken68(cur: Cursor): string | undefined {
  TOKEN68.lastIndex = cur.i;
  const match = TOKEN68.exec(cur.s);
  if (match === null) return undefined;
  let end = cur.i + match[0].length;
  while (end < cur.s.length && SPACE.test(cur.s[end] as string)) end++;
  if (end < cur.s.length && cur.s[end] !== ',') return undefined;
  cur.i = end;
  return match[0];
}

function readParamValue(cur: Cursor): string {
  skipWhile(cur, (c) => SPACE.test(c));
  if (cur.s[cur.i] !== '"') {
    const start = cur.i;
    skipWhile(cur, (c) => c !== ',' && !SPACE.test(c));
    return cur.s.slice(start, cur.i);
  }
  let value = '';
  cur.i++; // opening quote
  while (cur.i < cur.s.length) {
    const c = cur.s[cur.i++] as string;
    if (c === '"') return value;
    if (c === '\\' && cur.i < cur.s.length) value += cur.s[cur.i++];
    else value += c;
  }
  return value; // unterminated: everything up to the end
}

/** Sets an own property, so that even a `__proto__` parameter cannot touch the prototype. */
function setParam(params: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(params, key, { value, enumerable: true, writable: true, configurable: true });
}
