import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Argument, Command, Option } from 'commander';
import { PLATFORMS, SHELLS, type Shell, completionScript, describeProgram } from './completion.js';
import { main } from './main.js';
import { buildProgram } from './program.js';
import { memoryIO } from './testing.js';

const noop = async () => {};
const program = () => buildProgram(memoryIO(), { inspect: noop, digest: noop, check: noop, completion: noop });

const work = mkdtempSync(join(tmpdir(), 'mfx-completion-'));
after(() => rmSync(work, { recursive: true, force: true }));

async function script(shell: string): Promise<string> {
  const io = memoryIO();
  assert.equal(await main(['completion', shell], io), 0);
  assert.equal(io.err(), '');
  return io.out();
}

/** How each shell's script spells a flag. */
const spelling: Record<Shell, (flag: string) => string> = {
  bash: (flag) => flag,
  zsh: (flag) => flag,
  fish: (flag) => (flag.startsWith('--') ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`),
};

const inspectFlags = () => {
  const inspect = program().commands.find((c) => c.name() === 'inspect')!;
  return inspect.options.flatMap((o) => [o.short, o.long].filter((f): f is string => f !== undefined));
};

test('completion: the program offers exactly the shells there are scripts for', () => {
  const cmd = program().commands.find((c) => c.name() === 'completion')!;
  assert.deepEqual(cmd.registeredArguments[0]?.argChoices, [...SHELLS]);
});

for (const shell of SHELLS) {
  test(`completion ${shell}: every command and every flag of inspect, as the program defines them`, async () => {
    const text = await script(shell);
    for (const name of ['inspect', 'digest', 'check', 'completion', 'help']) assert.ok(text.includes(name), `command ${name}`);
    const flags = inspectFlags();
    assert.ok(flags.length >= 10 && flags.includes('--platform') && flags.includes('--from'), 'flags are read from the program');
    for (const flag of flags) assert.ok(text.includes(spelling[shell](flag)), `${shell}: ${flag}`);
    assert.ok(text.includes('linux/arm/v7') && text.includes('windows/amd64'), 'platform values');
  });
}

test('completion: an unknown shell is a usage error (exit 2) naming the supported shells', async () => {
  const io = memoryIO();
  assert.equal(await main(['completion', 'tcsh'], io), 2);
  assert.equal(io.out(), '');
  assert.match(io.err(), /^mfx: .*'tcsh'.*bash, zsh, fish/);
  const none = memoryIO();
  assert.equal(await main(['completion'], none), 2);
  assert.match(none.err(), /missing required argument 'shell'/);
});

test('completion model: value kinds, variadic flags and argument values come from the program', () => {
  const spec = describeProgram(program());
  assert.deepEqual(
    spec.commands.map((c) => c.name),
    ['inspect', 'digest', 'check', 'completion', 'help'],
  );
  const flag = (command: string, long: string) => spec.commands.find((c) => c.name === command)!.flags.find((f) => f.long === long)!;
  assert.equal(flag('inspect', '--platform').values, 'platform');
  assert.equal(flag('check', '--platform').short, '-p');
  assert.equal(flag('inspect', '--file').values, 'path');
  assert.equal(flag('inspect', '--from').values, 'path');
  assert.equal(flag('inspect', '--from').variadic, true);
  assert.equal(flag('inspect', '--json').takesValue, false);
  assert.equal(flag('inspect', '--concurrency').values, 'none');
  assert.equal(flag('inspect', '--help').short, '-h');
  assert.deepEqual(spec.commands.find((c) => c.name === 'completion')!.argValues, ['bash', 'zsh', 'fish']);
  assert.deepEqual(spec.commands.find((c) => c.name === 'help')!.argValues, ['inspect', 'digest', 'check', 'completion', 'help']);
  assert.deepEqual(spec.flags.flatMap((f) => [f.short, f.long]), ['-V', '--version', '-h', '--help']);
});

/** A made-up program, to show that completions follow whatever flags a program has. */
function otherProgram(): Command {
  const p = new Command('tool');
  p.command('run')
    .description("run it (don't)")
    .option('--ca-file <file>', 'a CA bundle')
    .option('--out-dir <dir>', 'where to write')
    .addOption(new Option('--level <level>', 'how much').choices(['low', 'high']))
    .option('-p, --platform <platform>', 'a platform')
    .addArgument(new Argument('[mode]').choices(['fast', 'slow']));
  return p;
}

test('completion model: <file>, <dir> and choices of any program', () => {
  const run = describeProgram(otherProgram()).commands.find((c) => c.name === 'run')!;
  const kinds = Object.fromEntries(run.flags.map((f) => [f.long, f.values]));
  assert.deepEqual(kinds, { '--ca-file': 'path', '--out-dir': 'dir', '--level': 'choices', '--platform': 'platform', '--help': 'none' });
  assert.deepEqual(run.argValues, ['fast', 'slow']);
});

// ---------------------------------------------------------------------------------------
// bash: the script parses, and its completion function answers as a user would see it.

function bashComplete(text: string, words: string[], cwd = work, fn = '_mfx'): string[] {
  const file = join(work, `completion-${words.length}-${Math.random().toString(36).slice(2)}.bash`);
  writeFileSync(file, text);
  // COMP_WORDS as bash splits the command line; the last word is the one being completed.
  const r = spawnSync(
    'bash',
    ['--norc', '--noprofile', '-c', `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); ${fn}; printf "%s\\n" "\${COMPREPLY[@]}"`, 'bash', file, ...words],
    { cwd, encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  return r.stdout.split('\n').filter((l) => l !== '');
}

test('completion bash: bash -n accepts the script', async () => {
  const r = spawnSync('bash', ['-n'], { input: await script('bash'), encoding: 'utf8' });
  assert.equal(r.error, undefined, 'bash is installed');
  assert.equal(r.status, 0, r.stderr);
});

test('completion bash: commands, flags and flag values', async () => {
  const text = await script('bash');
  const dir = join(work, 'stack');
  mkdirSync(join(dir, 'k8s'), { recursive: true });
  writeFileSync(join(dir, 'compose.yaml'), '');
  writeFileSync(join(dir, 'images.txt'), '');
  const cases: { words: string[]; want: string[] }[] = [
    { words: ['mfx', 'insp'], want: ['inspect'] },
    { words: ['mfx', ''], want: ['inspect', 'digest', 'check', 'completion', 'help'] },
    { words: ['mfx', 'c'], want: ['check', 'completion'] },
    { words: ['mfx', '-'], want: ['-V', '--version', '-h', '--help'] },
    { words: ['mfx', 'inspect', '--pla'], want: ['--platform'] },
    { words: ['mfx', 'inspect', 'nginx', '--st'], want: ['--strict'] },
    { words: ['mfx', 'digest', '--pi'], want: ['--pinned'] },
    { words: ['mfx', 'inspect', '--platform', 'linux/arm'], want: ['linux/arm64', 'linux/arm/v7', 'linux/arm/v6'] },
    { words: ['mfx', 'inspect', '-p', ''], want: [...PLATFORMS] },
    { words: ['mfx', 'check', '-p', 'linux/amd64,linux/arm6'], want: ['linux/amd64,linux/arm64'] },
    // --platform=x: bash splits at '=' (COMP_WORDBREAKS); without that, one word.
    { words: ['mfx', 'digest', '--platform', '=', 'win'], want: ['windows/amd64', 'windows/arm64'] },
    { words: ['mfx', 'digest', '--platform=win'], want: ['--platform=windows/amd64', '--platform=windows/arm64'] },
    { words: ['mfx', 'completion', ''], want: ['bash', 'zsh', 'fish'] },
    { words: ['mfx', 'help', 'di'], want: ['digest'] },
    // image references are not files
    { words: ['mfx', 'inspect', 'comp'], want: [] },
    { words: ['mfx', 'inspect', '--concurrency', ''], want: [] },
    { words: ['mfx', 'inspect', '--file', 'im'], want: ['images.txt'] },
    // --from takes every path up to the next flag
    { words: ['mfx', 'check', '--from', 'compose.yaml', 'k8'], want: ['k8s'] },
    { words: ['mfx', 'check', '--from', 'compose.yaml', '--json', 'k8'], want: [] },
  ];
  for (const c of cases) {
    assert.deepEqual(bashComplete(text, c.words, dir), c.want, c.words.join(' '));
  }
});

test('completion bash: a flag added to a program is completed, values and all', () => {
  const text = completionScript('bash', otherProgram());
  const dir = join(work, 'other');
  mkdirSync(join(dir, 'certs'), { recursive: true });
  writeFileSync(join(dir, 'ca.pem'), '');
  const complete = (...words: string[]) => bashComplete(text, words, dir, '_tool');
  assert.deepEqual(complete('tool', 'run', '--'), ['--ca-file', '--out-dir', '--level', '--platform', '--help']);
  assert.deepEqual(complete('tool', 'run', '--level', ''), ['low', 'high']);
  assert.deepEqual(complete('tool', 'run', '--ca-file', 'ca'), ['ca.pem']);
  assert.deepEqual(complete('tool', 'run', '--out-dir', ''), ['certs']);
  assert.deepEqual(complete('tool', 'run', 'f'), ['fast']);
});

// ---------------------------------------------------------------------------------------
// zsh and fish: a syntax check by the shell itself (.ci/run installs both; never skipped).

function requireShell(shell: string): void {
  if (spawnSync(shell, ['-c', 'exit 0']).error !== undefined) {
    throw new Error(`${shell} not found on PATH: install it with 'apt-get install -y ${shell}' (Debian)`);
  }
}

for (const shell of ['zsh', 'fish'] as const) {
  test(`completion ${shell}: ${shell} -n accepts the script`, async () => {
    requireShell(shell);
    const file = join(work, `mfx.${shell}`);
    writeFileSync(file, await script(shell));
    const r = spawnSync(shell, ['-n', file], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
  });
}
