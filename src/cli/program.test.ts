import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Actions, buildProgram } from './program.js';
import { memoryIO } from './testing.js';

type Call = { command: string; args: unknown; flags: unknown };

async function parse(argv: string[]): Promise<Call | undefined> {
  let got: Call | undefined;
  const record =
    (command: string) =>
    async (args: unknown, flags: unknown): Promise<void> =>
      void (got = { command, args, flags });
  const actions: Actions = { inspect: record('inspect'), digest: record('digest'), check: record('check') };
  await buildProgram(memoryIO(), actions).parseAsync(argv, { from: 'user' });
  return got;
}

const cases: { name: string; argv: string[]; want: Call }[] = [
  { name: 'inspect a reference', argv: ['inspect', 'nginx'], want: { command: 'inspect', args: ['nginx'], flags: { color: true, cache: true } } },
  { name: 'inspect --json', argv: ['inspect', '--json', 'nginx'], want: { command: 'inspect', args: ['nginx'], flags: { color: true, cache: true, json: true } } },
  { name: 'inspect --raw after the reference', argv: ['inspect', 'nginx', '--raw'], want: { command: 'inspect', args: ['nginx'], flags: { color: true, cache: true, raw: true } } },
  { name: 'inspect --no-color --ascii', argv: ['inspect', '--no-color', '--ascii', 'nginx'], want: { command: 'inspect', args: ['nginx'], flags: { color: false, cache: true, ascii: true } } },
  {
    name: 'inspect -p arm64 --strict',
    argv: ['inspect', '-p', 'arm64', '--strict', 'nginx'],
    want: { command: 'inspect', args: ['nginx'], flags: { color: true, cache: true, platform: 'arm64', strict: true } },
  },
  { name: 'inspect --sizes', argv: ['inspect', '--sizes', 'nginx'], want: { command: 'inspect', args: ['nginx'], flags: { color: true, cache: true, sizes: true } } },
  {
    name: 'inspect --insecure-registry repeated',
    argv: ['inspect', '--insecure-registry', 'a:5000', '--insecure-registry=b', 'a:5000/x'],
    want: { command: 'inspect', args: ['a:5000/x'], flags: { color: true, cache: true, insecureRegistry: ['a:5000', 'b'] } },
  },
  {
    name: 'inspect -u and --password-stdin',
    argv: ['inspect', '-u', 'bob', '--password-stdin', 'ghcr.io/o/p'],
    want: { command: 'inspect', args: ['ghcr.io/o/p'], flags: { color: true, cache: true, username: 'bob', passwordStdin: true } },
  },
  {
    name: 'digest --platform --pinned',
    argv: ['digest', 'nginx:1.27', '--platform', 'linux/amd64', '--pinned'],
    want: { command: 'digest', args: 'nginx:1.27', flags: { color: true, cache: true, platform: 'linux/amd64', pinned: true } },
  },
  {
    name: 'check several images, platforms repeated and comma separated',
    argv: ['check', 'nginx', 'redis:7', '-p', 'linux/amd64,linux/arm64', '--platform', 'arm/v7', '--json'],
    want: { command: 'check', args: ['nginx', 'redis:7'], flags: { color: true, cache: true, platform: ['linux/amd64,linux/arm64', 'arm/v7'], json: true } },
  },
  {
    name: 'inspect from files, a list and many paths, without cache',
    argv: ['inspect', '--file', 'a.txt', '-f', 'b.txt', '--no-cache', '--concurrency', '4', '-v', '--from', 'compose.yaml', 'k8s/'],
    want: {
      command: 'inspect',
      args: [],
      flags: { color: true, cache: false, file: ['a.txt', 'b.txt'], concurrency: '4', verbose: true, from: ['compose.yaml', 'k8s/'] },
    },
  },
  {
    name: "check with '-' for standard input",
    argv: ['check', '-', '--platform', 'arm64'],
    want: { command: 'check', args: ['-'], flags: { color: true, cache: true, platform: ['arm64'] } },
  },
];

for (const c of cases) {
  test(`argv → options: ${c.name}`, async () => {
    assert.deepEqual(await parse(c.argv), c.want);
  });
}

for (const command of ['inspect', 'digest', 'check']) {
  test(`${command} --help shows examples and the exit codes`, () => {
    const io = memoryIO();
    const program = buildProgram(io, { inspect: async () => {}, digest: async () => {}, check: async () => {} });
    program.commands.find((c) => c.name() === command)!.outputHelp();
    const help = io.out();
    assert.match(help, new RegExp(`Examples:\\n\\s+\\$ mfx ${command} `));
    assert.match(help, /Exit codes:\n\s+0\s+success/);
    for (const code of ['1', '2', '3', '4', '5', '6']) assert.match(help, new RegExp(`^\\s+${code}\\s+\\S`, 'm'));
  });
}
