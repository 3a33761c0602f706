import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../errors.js';
import { credentialFromAuthEntry, decodeAuth } from './auth-entry.js';
import type { Credential } from './types.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const FILE = '~/.docker/config.json';
const SOURCE = `${FILE} auths["r.example"]`;
const BAD_AUTH = `${FILE}: auths["r.example"].auth is not valid base64 user:password`;

interface EntryCase {
  name: string;
  input: unknown;
  want?: Credential | undefined;
  error?: string;
}

const entryCases: EntryCase[] = [
  { name: 'auth', input: { auth: b64('u:p') }, want: { kind: 'basic', username: 'u', password: 'p', source: SOURCE } },
  {
    name: 'auth splits at the first colon',
    input: { auth: b64('u:p:a:ss') },
    want: { kind: 'basic', username: 'u', password: 'p:a:ss', source: SOURCE },
  },
  {
    name: 'auth beats username/password',
    input: { auth: b64('a:b'), username: 'x', password: 'y' },
    want: { kind: 'basic', username: 'a', password: 'b', source: SOURCE },
  },
  {
    name: 'username and password',
    input: { username: 'u', password: 'p', email: 'e@example.com' },
    want: { kind: 'basic', username: 'u', password: 'p', source: SOURCE },
  },
  {
    name: 'identitytoken with auth keeps the username',
    input: { auth: b64('00000000-0000-0000-0000-000000000000:'), identitytoken: 'refresh' },
    want: {
      kind: 'identity-token',
      username: '00000000-0000-0000-0000-000000000000',
      identityToken: 'refresh',
      source: SOURCE,
    },
  },
  {
    name: 'identitytoken alone',
    input: { identitytoken: 't' },
    want: { kind: 'identity-token', identityToken: 't', source: SOURCE },
  },
  { name: 'empty entry', input: {}, want: undefined },
  { name: 'empty strings and nulls', input: { auth: '', username: null, identitytoken: '' }, want: undefined },
  { name: 'registrytoken alone is ignored', input: { registrytoken: 'x' }, want: undefined },
  { name: 'bad base64', input: { auth: 'not base64!' }, error: BAD_AUTH },
  { name: 'no colon', input: { auth: b64('user') }, error: BAD_AUTH },
  { name: 'empty user', input: { auth: b64(':pw') }, error: BAD_AUTH },
  { name: 'field of the wrong type', input: { password: 1 }, error: `${FILE}: auths["r.example"].password must be a string` },
  { name: 'not an object', input: 'u:p', error: `${FILE}: auths["r.example"] must be a JSON object` },
  { name: 'null', input: null, error: `${FILE}: auths["r.example"] must be a JSON object` },
];

describe('credentialFromAuthEntry', () => {
  for (const c of entryCases) {
    it(c.name, () => {
      const run = (): Credential | undefined => credentialFromAuthEntry(c.input, 'r.example', FILE);
      if (c.error === undefined) assert.deepStrictEqual(run(), c.want);
      else assert.throws(run, (err: unknown) => err instanceof UsageError && err.message === c.error);
    });
  }
});

interface DecodeCase {
  name: string;
  input: string;
  want: { username: string; password: string } | undefined;
}

const decodeCases: DecodeCase[] = [
  { name: 'padded', input: b64('user:pw'), want: { username: 'user', password: 'pw' } },
  { name: 'unpadded', input: b64('user:pw').replace(/=+$/, ''), want: { username: 'user', password: 'pw' } },
  {
    name: 'line breaks skipped',
    input: `${b64('user:pw').slice(0, 4)}\r\n${b64('user:pw').slice(4)}`,
    want: { username: 'user', password: 'pw' },
  },
  { name: 'empty password', input: b64('user:'), want: { username: 'user', password: '' } },
  { name: 'NULs around the password trimmed', input: b64('u:\0p\0'), want: { username: 'u', password: 'p' } },
  { name: 'UTF-8', input: b64('jürgen:pässwörd'), want: { username: 'jürgen', password: 'pässwörd' } },
  { name: 'url-safe alphabet rejected', input: 'dXNlcjpw-_==', want: undefined },
  { name: 'padding in the middle rejected', input: 'dX=lcjpw', want: undefined },
  { name: 'padding with a bad length rejected', input: 'dXNlcjpwdw=', want: undefined },
  { name: 'impossible length rejected', input: 'dXNlc', want: undefined },
  { name: 'no colon', input: b64('user'), want: undefined },
  { name: 'empty user', input: b64(':pw'), want: undefined },
];

describe('decodeAuth', () => {
  for (const c of decodeCases) {
    it(c.name, () => {
      assert.deepStrictEqual(decodeAuth(c.input), c.want);
    });
  }
});
