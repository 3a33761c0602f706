import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HelperRunner } from './helper.js';
import { helperAsker } from './helper-answers.js';
import type { Credential } from './types.js';

describe('helperAsker', () => {
  const cases: { name: string; input: HelperRunner; want: Credential | undefined }[] = [
    {
      name: 'username and password',
      input: async () => ({ Username: 'u', Secret: 's' }),
      want: { kind: 'basic', username: 'u', password: 's', source: 'credential helper docker-credential-h' },
    },
    {
      name: 'identity token',
      input: async () => ({ Username: '<token>', Secret: 't' }),
      want: { kind: 'identity-token', identityToken: 't', source: 'credential helper docker-credential-h' },
    },
    { name: 'no answer', input: async () => undefined, want: undefined },
  ];
  for (const c of cases) {
    it(c.name, async () => assert.deepStrictEqual(await helperAsker(c.input, {})('h', 'ghcr.io', 'file'), c.want));
  }

  it('runs each helper once per server URL, with the env and the file', async () => {
    const calls: string[] = [];
    const env = { PATH: '/bin' };
    const ask = helperAsker(async (name, serverUrl, options) => {
      calls.push(`${name} ${serverUrl} ${options?.configFile ?? ''} ${options?.env === env}`);
      return { Username: 'u', Secret: 's' };
    }, env);
    for (const [helper, server] of [['a', 'x'], ['a', 'x'], ['a', 'y'], ['b', 'x']] as const) await ask(helper, server, 'f');
    assert.deepStrictEqual(calls, ['a x f true', 'a y f true', 'b x f true']);
  });
});
