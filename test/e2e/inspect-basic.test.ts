/**
 * mfx inspect against a real registry with htpasswd Basic auth: every pull needs
 * credentials, which come from a Docker config file or --password-stdin.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { nginxLike, privateImage } from '../fixtures/images.js';
import { pushAll } from '../helpers/push.js';
import { startRegistry, type TestRegistry } from '../helpers/registry.js';
import { dockerConfigWithAuth, runCli } from '../helpers/run-cli.js';
import { inspectSuite } from './inspect-suite.js';

let registry: TestRegistry;
let bobConfig: string;
before(async () => {
  registry = await startRegistry({ auth: 'htpasswd' });
  await pushAll(registry);
  bobConfig = dockerConfigWithAuth(registry.host, 'bob', 'builder-secret');
});
after(async () => registry?.stop());

inspectSuite({ registry: () => registry, env: () => ({ DOCKER_CONFIG: bobConfig }) });

const ref = () => `${registry.host}/${privateImage.repository}:${privateImage.tag}`;

test('without credentials: exit 4 with a clear message', async () => {
  const run = await runCli(['inspect', ref()]);
  assert.equal(run.status, 4, run.stderr);
  assert.match(run.stderr, /authentication required/);
});

test('with --username and --password-stdin', async () => {
  const run = await runCli(['inspect', '--username', 'bob', '--password-stdin', ref()], { input: 'builder-secret' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^2 platforms$/m);
});

test('--password-stdin wins over the Docker config file', async () => {
  const run = await runCli(['inspect', '--username', 'bob', '--password-stdin', ref()], { input: 'wrong', env: { DOCKER_CONFIG: bobConfig } });
  assert.equal(run.status, 4, run.stderr);
  assert.match(run.stderr, /credentials for user "bob" \(from --password-stdin\) were refused/);
});

test('a wrong password in the Docker config file is exit 4, naming where it came from', async () => {
  const env = { DOCKER_CONFIG: dockerConfigWithAuth(registry.host, 'bob', 'wrong') };
  const run = await runCli(['inspect', `${registry.host}/${nginxLike.repository}:${nginxLike.tag}`], { env });
  assert.equal(run.status, 4, run.stderr);
  assert.match(run.stderr, /credentials for user "bob" \(from .*config\.json.*\) were refused/);
  assert.doesNotMatch(run.stderr, /wrong/);
});
