import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VERSION } from '../version.js';
import { main } from './main.js';
import { memoryIO } from './testing.js';

const usage: { name: string; argv: string[]; stderr: RegExp }[] = [
  { name: 'no arguments', argv: [], stderr: /Usage: mfx/ },
  { name: 'an unknown command', argv: ['inspekt', 'nginx'], stderr: /mfx: unknown command 'inspekt'/ },
  { name: 'an unknown flag', argv: ['inspect', '--jsn', 'nginx'], stderr: /mfx: unknown option '--jsn'/ },
  { name: 'no reference at all', argv: ['inspect'], stderr: /^mfx: no image references: give them as arguments, or with --file FILE/ },
  { name: 'check without --platform', argv: ['check', 'nginx'], stderr: /^mfx: check needs at least one --platform/ },
  { name: 'a bad --concurrency', argv: ['inspect', '--concurrency', '0', 'nginx'], stderr: /^mfx: --concurrency must be a whole number from 1 to 64, not "0"/ },
  { name: '--raw with many references', argv: ['inspect', '--raw', 'a', 'b'], stderr: /^mfx: --raw prints the bytes of one manifest/ },
  { name: "'-' with --password-stdin", argv: ['inspect', '-', '-u', 'x', '--password-stdin'], stderr: /cannot both read standard input/ },
  { name: 'an unreadable --file', argv: ['inspect', '--file', '/nonexistent/list.txt'], stderr: /^mfx: cannot read \/nonexistent\/list\.txt/ },
  { name: 'a bad platform', argv: ['inspect', 'nginx', '--platform', 'linux/'], stderr: /^mfx: invalid platform "linux\/"/ },
  { name: 'an unreadable --ca-file', argv: ['inspect', '--ca-file', '/nonexistent/ca.pem', 'localhost:1/x'], stderr: /^mfx: --ca-file \/nonexistent\/ca\.pem: cannot read it \(ENOENT\)/ },
  { name: 'a bad --timeout', argv: ['inspect', '--timeout', 'soon', 'localhost:1/x'], stderr: /^mfx: --timeout must be a number of seconds above 0, not "soon"/ },
  { name: 'a bad --retries', argv: ['inspect', '--retries', '11', 'localhost:1/x'], stderr: /^mfx: --retries must be a whole number from 0 to 10, not "11"/ },
  { name: 'an unreadable configuration file', argv: ['inspect', '--config', '/', 'localhost:1/x'], stderr: /^mfx: \/: cannot read the mfx configuration \(EISDIR\)/ },
  { name: '--json with --raw', argv: ['inspect', '--json', '--raw', 'nginx'], stderr: /^mfx: --json and --raw cannot be used together/ },
  { name: '--password-stdin without --username', argv: ['inspect', '--password-stdin', 'nginx'], stderr: /^mfx: --password-stdin needs --username/ },
  { name: '--username without --password-stdin', argv: ['inspect', '-u', 'bob', 'nginx'], stderr: /^mfx: --username needs --password-stdin/ },
  { name: 'an invalid reference', argv: ['inspect', 'Nginx:latest'], stderr: /^mfx: invalid reference "Nginx:latest": repository name must be lowercase/ },
  { name: 'an empty reference', argv: ['inspect', ''], stderr: /^mfx: invalid reference "":/ },
  { name: 'a bad digest', argv: ['inspect', 'nginx@sha256:abc'], stderr: /^mfx: invalid reference "nginx@sha256:abc": .*64/ },
  { name: 'a tag too long', argv: ['inspect', `nginx:${'a'.repeat(129)}`], stderr: /^mfx: invalid reference .*tag/ },
];

for (const c of usage) {
  test(`usage error (exit 2): ${c.name}`, async () => {
    const io = memoryIO();
    assert.equal(await main(c.argv, io), 2);
    assert.match(io.err(), c.stderr);
    assert.equal(io.out(), '');
    assert.doesNotMatch(io.err(), /\n\s+at /, 'no stack trace');
  });
}

test("a configuration file's caFile that cannot be read is a usage error naming where it was given", async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const file = join(mkdtempSync(join(tmpdir(), 'mfx-main-')), 'config.json');
  writeFileSync(file, JSON.stringify({ registries: { 'localhost:1': { caFile: '/nonexistent/lan.pem' } } }));
  const io = memoryIO({ env: { MFX_DAEMON_JSON: '/nonexistent/daemon.json' } });
  assert.equal(await main(['inspect', '--config', file, 'localhost:1/x'], io), 2);
  assert.match(io.err(), /^mfx: registries\["localhost:1"\]\.caFile in the configuration file: \/nonexistent\/lan\.pem: cannot read it \(ENOENT\)/);
});

test('--password-stdin with empty standard input is a usage error', async () => {
  const io = memoryIO({ stdin: '' });
  assert.equal(await main(['inspect', '-u', 'bob', '--password-stdin', 'localhost:1/x'], io), 2);
  assert.match(io.err(), /standard input was empty/);
});

test('--version prints the version on stdout (exit 0)', async () => {
  const io = memoryIO();
  assert.equal(await main(['--version'], io), 0);
  assert.equal(io.out(), `${VERSION}\n`);
});

test('--help lists the commands and exit codes on stdout (exit 0)', async () => {
  const io = memoryIO();
  assert.equal(await main(['--help'], io), 0);
  assert.match(io.out(), /inspect \[options\] \[references\.\.\.\]/);
  assert.match(io.out(), /Exit codes:/);
});
