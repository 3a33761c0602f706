import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { staticCredentials } from './static.js';
import type { Credential } from './types.js';

const SOURCE = '--password-stdin';
const cred: Credential = { kind: 'basic', username: 'u', password: 'p', source: SOURCE };

describe('staticCredentials', () => {
  const cases: { name: string; input: { given: string | undefined; asked: string }; want: Credential | undefined }[] = [
    { name: 'any registry when none given', input: { given: undefined, asked: 'ghcr.io' }, want: cred },
    { name: 'the given registry', input: { given: 'ghcr.io', asked: 'ghcr.io' }, want: cred },
    { name: 'another registry', input: { given: 'ghcr.io', asked: 'quay.io' }, want: undefined },
    { name: 'host and port', input: { given: 'localhost:5000', asked: 'localhost:5000' }, want: cred },
    { name: 'other port', input: { given: 'localhost:5000', asked: 'localhost:5001' }, want: undefined },
    { name: 'IP with port', input: { given: '127.0.0.1:5000', asked: '127.0.0.1:5000' }, want: cred },
    { name: 'Docker Hub aliases', input: { given: 'index.docker.io', asked: 'docker.io' }, want: cred },
    { name: 'Docker Hub URL', input: { given: 'https://index.docker.io/v1/', asked: 'docker.io' }, want: cred },
    { name: 'scheme and case ignored', input: { given: 'https://GHCR.io/', asked: 'ghcr.io' }, want: cred },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const lookup = staticCredentials(c.input.given, 'u', 'p', SOURCE);
      assert.deepStrictEqual(await lookup(c.input.asked), c.want);
    });
  }

  it('answers a fresh object each time', async () => {
    const lookup = staticCredentials(undefined, 'u', 'p', SOURCE);
    const first = await lookup('ghcr.io');
    assert.ok(first?.kind === 'basic');
    first.password = 'changed';
    assert.deepStrictEqual(await lookup('ghcr.io'), cred);
  });
});
