/**
 * One `auths` entry of docker's config.json turned into a Credential.
 *
 * Follows docker/cli cli/config/configfile/file.go (`LoadFromReader`, `decodeAuth`):
 * - `auth` is base64 (standard alphabet) of `user:password`, split at the FIRST colon, so
 *   passwords may contain colons; an empty user or a missing colon is an error; NUL bytes
 *   around the password are trimmed (docker's `strings.Trim(password, "\x00")`).
 * - A non-empty `auth` replaces `username`/`password`.
 * - A non-empty `identitytoken` makes it an identity-token credential (the username, from
 *   `auth` or `username`, kept for messages); docker's daemon then uses the OAuth refresh
 *   flow instead of the password.
 * - An entry with nothing usable (`{}`, as `docker login` leaves behind with a credsStore)
 *   means anonymous. `email`, `registrytoken` and unknown fields are ignored.
 * Leniencies: line breaks inside `auth` are skipped (Go's decoder skips \r and \n) and
 * missing `=` padding is accepted (Go's StdEncoding would reject it).
 */
import { z } from 'zod';
import { UsageError } from '../../errors.js';
import { describeIssue, formatPath } from './config-file.js';
import type { Credential } from './types.js';

const entrySchema = z.object({
  auth: z.string().nullish(),
  username: z.string().nullish(),
  password: z.string().nullish(),
  identitytoken: z.string().nullish(),
});

/**
 * The credential in `auths[key]`, or undefined when it holds none. Throws a UsageError
 * naming `display` (the config file) and the entry when the entry is malformed.
 */
export function credentialFromAuthEntry(entry: unknown, key: string, display: string): Credential | undefined {
  const where = formatPath(['auths', key]);
  const checked = entrySchema.safeParse(entry);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const fixed = issue === undefined ? undefined : { ...issue, path: ['auths', key, ...issue.path] };
    throw new UsageError(`${display}: ${describeIssue(fixed)}`);
  }
  const fields = checked.data;
  let username = fields.username ?? '';
  let password = fields.password ?? '';
  if (fields.auth) {
    const decoded = decodeAuth(fields.auth);
    if (decoded === undefined) throw new UsageError(`${display}: ${where}.auth is not valid base64 user:password`);
    ({ username, password } = decoded);
  }
  const source = `${display} ${where}`;
  if (fields.identitytoken) {
    return username === ''
      ? { kind: 'identity-token', identityToken: fields.identitytoken, source }
      : { kind: 'identity-token', username, identityToken: fields.identitytoken, source };
  }
  if (username === '' && password === '') return undefined;
  return { kind: 'basic', username, password, source };
}

/** base64 `user:password` → its parts, or undefined when it is not that. */
export function decodeAuth(auth: string): { username: string; password: string } | undefined {
  const compact = auth.replace(/[\r\n]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  if (compact.includes('=') ? compact.length % 4 !== 0 : compact.length % 4 === 1) return undefined;
  const decoded = Buffer.from(compact, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1).replace(/^\0+|\0+$/g, '') };
}
