import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuthError } from '../../errors.js';
import { type HelperCredentials, helperCredential, runCredentialHelper } from './helper.js';
import { type FakeHelper, installFakeHelper } from './testdata/fake-helper.js';

const SECRET = 'sekrit-value';
const skip = process.platform === 'win32' ? 'shebang scripts do not run on Windows' : false;

interface RunCase {
  name: string;
  helper?: string;
  server: string;
  timeoutMs?: number;
  want?: HelperCredentials | undefined;
  error?: RegExp;
}

const runCases: RunCase[] = [
  { name: 'username and secret', server: 'ghcr.io', want: { Username: 'octo', Secret: SECRET } },
  { name: 'Docker Hub server URL', server: 'https://index.docker.io/v1/', want: { Username: 'hubuser', Secret: SECRET } },
  { name: 'host with port', server: 'localhost:5000', want: { Username: 'local', Secret: SECRET } },
  { name: 'identity token passes through', server: 'token.example', want: { Username: '<token>', Secret: SECRET } },
  { name: 'empty secret means none', server: 'empty.example', want: undefined },
  { name: 'not found in keychain means none', server: 'unknown.example', want: undefined },
  {
    name: 'helper fails',
    server: 'fail.example',
    error: /^docker-credential-mfxtest get failed with exit code 3: error getting credentials: the keyring is locked$/,
  },
  { name: 'garbage output', server: 'garbage.example', error: /^docker-credential-mfxtest get printed output that is not JSON$/ },
  {
    name: 'JSON of the wrong shape',
    server: 'shape.example',
    error: /^docker-credential-mfxtest get printed JSON that is not an object with string Username and Secret$/,
  },
  {
    name: 'helper hangs',
    server: 'hang.example',
    timeoutMs: 300,
    error: /^docker-credential-mfxtest get did not answer within 0.3 s$/,
  },
  {
    name: 'helper not on PATH',
    helper: 'nosuch',
    server: 'ghcr.io',
    error: /^docker-credential-nosuch not found on PATH \(configured in ~\/\.docker\/config\.json\)$/,
  },
];

describe('runCredentialHelper', { skip }, () => {
  let fake: FakeHelper;
  before(async () => {
    fake = await installFakeHelper({
      'ghcr.io': { Username: 'octo', Secret: SECRET },
      'https://index.docker.io/v1/': { Username: 'hubuser', Secret: SECRET },
      'localhost:5000': { Username: 'local', Secret: SECRET },
      'token.example': { Username: '<token>', Secret: SECRET },
      'empty.example': { Username: '', Secret: '' },
    });
  });
  after(() => fake.cleanup());

  for (const c of runCases) {
    it(c.name, async () => {
      const run = runCredentialHelper(c.helper ?? 'mfxtest', c.server, {
        env: fake.env,
        timeoutMs: c.timeoutMs,
        configFile: '~/.docker/config.json',
      });
      if (c.error === undefined) {
        assert.deepStrictEqual(await run, c.want);
        return;
      }
      const pattern = c.error;
      await assert.rejects(run, (err: unknown) => {
        assert.ok(err instanceof AuthError, String(err));
        assert.equal(err.kind, 'auth');
        assert.match(err.message, pattern);
        assert.ok(!err.message.includes(SECRET));
        return true;
      });
    });
  }

  it('finds nothing when PATH is empty', async () => {
    await assert.rejects(runCredentialHelper('mfxtest', 'ghcr.io', { env: { PATH: '' } }), /not found on PATH$/);
  });
});

interface CredentialCase {
  name: string;
  input: HelperCredentials;
  want: ReturnType<typeof helperCredential>;
}

const credentialCases: CredentialCase[] = [
  {
    name: 'username and password',
    input: { Username: 'u', Secret: 'p' },
    want: { kind: 'basic', username: 'u', password: 'p', source: 'credential helper docker-credential-x' },
  },
  {
    name: '<token> is an identity token without a username',
    input: { Username: '<token>', Secret: 't' },
    want: { kind: 'identity-token', identityToken: 't', source: 'credential helper docker-credential-x' },
  },
];

describe('helperCredential', () => {
  for (const c of credentialCases) {
    it(c.name, () => {
      assert.deepStrictEqual(helperCredential(c.input, 'credential helper docker-credential-x'), c.want);
    });
  }
});
