import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InspectFlags } from './options.js';
import { buildProgram } from './program.js';
import { memoryIO } from './testing.js';

async function parse(argv: string[]): Promise<{ reference: string; flags: InspectFlags } | undefined> {
  let got: { reference: string; flags: InspectFlags } | undefined;
  const program = buildProgram(memoryIO(), { inspect: async (reference, flags) => void (got = { reference, flags }) });
  await program.parseAsync(argv, { from: 'user' });
  return got;
}

const cases: { name: string; argv: string[]; want: { reference: string; flags: InspectFlags } }[] = [
  { name: 'a reference alone', argv: ['inspect', 'nginx'], want: { reference: 'nginx', flags: { color: true } } },
  { name: '--json', argv: ['inspect', '--json', 'nginx'], want: { reference: 'nginx', flags: { color: true, json: true } } },
  { name: '--raw after the reference', argv: ['inspect', 'nginx', '--raw'], want: { reference: 'nginx', flags: { color: true, raw: true } } },
  { name: '--no-color', argv: ['inspect', '--no-color', 'nginx'], want: { reference: 'nginx', flags: { color: false } } },
  {
    name: '--insecure-registry repeated',
    argv: ['inspect', '--insecure-registry', 'a:5000', '--insecure-registry=b', 'a:5000/x'],
    want: { reference: 'a:5000/x', flags: { color: true, insecureRegistry: ['a:5000', 'b'] } },
  },
  {
    name: '-u and --password-stdin',
    argv: ['inspect', '-u', 'bob', '--password-stdin', 'ghcr.io/o/p'],
    want: { reference: 'ghcr.io/o/p', flags: { color: true, username: 'bob', passwordStdin: true } },
  },
];

for (const c of cases) {
  test(`argv → options: ${c.name}`, async () => {
    assert.deepEqual(await parse(c.argv), c.want);
  });
}

test('inspect --help shows examples and the exit codes', () => {
  const io = memoryIO();
  const program = buildProgram(io, { inspect: async () => {} });
  program.commands.find((c) => c.name() === 'inspect')!.outputHelp();
  const help = io.out();
  assert.match(help, /--json/);
  assert.match(help, /Examples:\n\s+\$ mfx inspect nginx:latest/);
  assert.match(help, /Exit codes:\n\s+0\s+success/);
  for (const code of ['1', '2', '3', '4', '5', '6']) assert.match(help, new RegExp(`^\\s+${code}\\s+\\S`, 'm'));
});
