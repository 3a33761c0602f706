import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthError } from '../../errors.js';
import { chainCredentials } from './chain.js';
import type { Credential, CredentialLookup } from './types.js';

const cred = (source: string): Credential => ({ kind: 'basic', username: 'u', password: 'p', source });
const answers = (source: string | undefined): CredentialLookup => async () =>
  source === undefined ? undefined : cred(source);
const fails: CredentialLookup = async () => {
  throw new AuthError('helper broke');
};

describe('chainCredentials', () => {
  const cases: { name: string; input: CredentialLookup[]; want?: string | undefined; error?: string }[] = [
    { name: 'no lookups', input: [], want: undefined },
    { name: 'first defined wins', input: [answers('a'), answers('b')], want: 'a' },
    { name: 'skips undefined', input: [answers(undefined), answers('b')], want: 'b' },
    { name: 'all undefined', input: [answers(undefined), answers(undefined)], want: undefined },
    { name: 'a later failure is never reached', input: [answers('a'), fails], want: 'a' },
    { name: 'a failure propagates', input: [answers(undefined), fails, answers('c')], error: 'helper broke' },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const run = chainCredentials(...c.input)('ghcr.io');
      if (c.error !== undefined) await assert.rejects(run, { name: 'AuthError', message: c.error });
      else assert.equal((await run)?.source, c.want);
    });
  }

  it('passes the registry name and repository through', async () => {
    const seen: string[] = [];
    const record: CredentialLookup = async (registry, repository) => {
      seen.push(`${registry} ${repository ?? '-'}`);
      return undefined;
    };
    await chainCredentials(record, record)('localhost:5000', 'org/app');
    await chainCredentials(record)('ghcr.io');
    assert.deepStrictEqual(seen, ['localhost:5000 org/app', 'localhost:5000 org/app', 'ghcr.io -']);
  });
});
