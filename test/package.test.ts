/**
 * The package as npm ships it: the built entry points exist, the published file list holds
 * what users need and nothing of the tests, `import 'mfx'` gives the library API, and the
 * packed tarball installs globally and runs.
 * (npm test builds dist/ before it runs the tests.)
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseDocument, parse as parseYaml } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

test('npm pack ships bin, dist and the JSON Schema, and no tests', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  const files: string[] = JSON.parse(out)[0].files.map((f: { path: string }) => f.path);
  for (const needed of ['bin/mfx.js', 'dist/cli/bin.js', 'dist/index.js', 'dist/index.d.ts', 'schema/inspect.schema.json', 'package.json', 'README.md']) {
    assert.ok(files.includes(needed), `${needed} is packed`);
  }
  assert.deepEqual(files.filter((f) => /test|testdata|testing|^src\//.test(f)), []);
});

test("import 'mfx' gives the documented API", async () => {
  const mfx = await import('mfx');
  for (const name of ['inspect', 'parseReference', 'formatQualified', 'createRegistryClient', 'toInspectOutput', 'dockerConfigCredentials', 'isMfxError', 'exitCodeFor']) {
    assert.equal(typeof (mfx as Record<string, unknown>)[name], 'function', name);
  }
  const ref = mfx.parseReference('nginx');
  assert.equal(mfx.formatQualified(ref), 'docker.io/library/nginx:latest');
  assert.equal(mfx.exitCodeFor('not-found'), 3);
});

test('npm pack ships bin/, dist/, schema/, LICENSE, README.md and package.json: nothing else', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[]; license: string };
  assert.deepEqual(pkg.files, ['bin', 'dist', 'schema'], 'the whitelist of what ships');
  assert.equal(pkg.license, 'MIT');
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  const files: string[] = JSON.parse(out)[0].files.map((f: { path: string }) => f.path);
  for (const needed of ['LICENSE', 'README.md', 'package.json', 'bin/mfx.js', 'dist/mfx.js', 'schema/check.schema.json']) {
    assert.ok(files.includes(needed), `${needed} is packed`);
  }
  assert.deepEqual(files.filter((f) => !/^(bin|dist|schema)\/|^(LICENSE|README\.md|package\.json)$/.test(f)), []);
  assert.deepEqual(files.filter((f) => /^(src|test|bench|docs|\.github|\.ci)\/|\.test\.|\.tsbuildinfo$|\.tgz$/.test(f)), []);
});

test('the packed tarball installs globally on an empty prefix, and its mfx runs', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'mfx-pack-'));
  try {
    // dist/ is built already (npm test builds first): no prepare script when packing.
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--pack-destination', dir, '--ignore-scripts', '--json'], { cwd: ROOT, encoding: 'utf8' }),
    ) as { filename: string }[];
    const tarball = join(dir, packed[0]!.filename);
    const prefix = join(dir, 'prefix');
    // The dependencies come from the npm cache that `npm ci` filled, else from the registry.
    execFileSync('npm', ['install', '-g', '--prefix', prefix, tarball, '--prefer-offline', '--no-audit', '--no-fund'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const bin = join(prefix, 'bin', 'mfx');
    // bin/mfx.js runs with the `node` on PATH (#!/usr/bin/env node): this one.
    const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` };
    const run = (args: string[]) => execFileSync(bin, args, { cwd: dir, env, encoding: 'utf8' });
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(run(['--version']), `${pkg.version}\n`);
    assert.match(run(['--help']), /Usage: mfx/);
    const completion = run(['completion', 'bash']);
    assert.match(completion, /^complete -F _mfx mfx$/m);
    assert.ok(completion.includes('--platform'));
    execFileSync('bash', ['-n'], { input: completion });
    const installed = join(prefix, 'lib', 'node_modules', 'mfx');
    assert.ok(existsSync(join(installed, 'LICENSE')), 'LICENSE is installed');
    assert.ok(!existsSync(join(installed, 'src')), 'no sources');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------------------
// action.yml: its steps' scripts, run as the runner runs them (bash, inputs in the env).

interface ActionStep {
  id?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
}

function actionSteps(): ActionStep[] {
  const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { using: string; steps: ActionStep[] } };
  assert.equal(action.runs.using, 'composite');
  return action.runs.steps;
}

/** Parses $GITHUB_OUTPUT: `name=value` lines and `name<<DELIMITER` blocks. */
function readOutputs(file: string): Record<string, string> {
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
  const outputs: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const block = /^([\w-]+)<<(.+)$/.exec(line);
    if (block) {
      const end = lines.indexOf(block[2]!, i + 1);
      outputs[block[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

function runStep(step: ActionStep, opts: { cwd: string; actionPath: string; inputs: Record<string, string>; env?: NodeJS.ProcessEnv }) {
  const output = join(opts.cwd, `github-output-${Math.random().toString(36).slice(2)}`);
  // The step's env maps inputs: `MFX_IMAGES: ${{ inputs.images }}`.
  const stepEnv = Object.fromEntries(
    Object.entries(step.env ?? {}).map(([k, v]) => [k, v.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/, (_, name: string) => opts.inputs[name] ?? '')]),
  );
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
    cwd: opts.cwd,
    encoding: 'utf8',
    env: {
      PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
      HOME: opts.cwd,
      XDG_CACHE_HOME: join(opts.cwd, 'cache'),
      GITHUB_ACTION_PATH: opts.actionPath,
      GITHUB_OUTPUT: output,
      RUNNER_TEMP: opts.cwd,
      ...stepEnv,
      ...opts.env,
    },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, outputs: readOutputs(output) };
}

test('action.yml: inputs, outputs, and node set up only when missing', () => {
  const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { required?: boolean; default?: string }>;
    outputs: Record<string, { value: string }>;
  };
  assert.deepEqual(Object.keys(action.inputs), ['images', 'platforms', 'strict']);
  assert.equal(action.inputs.images?.required, true);
  assert.equal(action.inputs.strict?.default, 'false');
  assert.match(action.outputs.result!.value, /steps\.check\.outputs\.result/);
  const steps = actionSteps();
  const setup = steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
  assert.equal(setup?.uses, 'actions/setup-node@v4');
  assert.equal(setup?.if, "steps.node.outputs.found != 'true'");
  const dir = mkdtempSync(join(tmpdir(), 'mfx-action-'));
  try {
    const found = runStep(steps.find((s) => s.id === 'node')!, { cwd: dir, actionPath: ROOT, inputs: {} });
    assert.equal(found.status, 0, found.stderr);
    assert.equal(found.outputs.found, 'true', `node ${process.version} will do`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('action.yml: the check step passes references, files (--from), platforms and --strict, and exits with mfx', () => {
  const check = actionSteps().find((s) => s.id === 'check')!;
  const dir = mkdtempSync(join(tmpdir(), 'mfx-action-'));
  try {
    // A stand-in for bin/mfx.js: prints its arguments as JSON, exits with $FAKE_EXIT.
    const fake = join(dir, 'fake-action');
    mkdirSync(join(fake, 'bin'), { recursive: true });
    writeFileSync(
      join(fake, 'bin', 'mfx.js'),
      'process.stdout.write(JSON.stringify({ argv: process.argv.slice(2) }, null, 2) + "\\n"); process.exit(Number(process.env.FAKE_EXIT));\n',
    );
    const workspace = join(dir, 'workspace');
    mkdirSync(join(workspace, 'k8s'), { recursive: true });
    writeFileSync(join(workspace, 'compose.yaml'), '');
    const inputs = { images: 'nginx:1.27\n  redis:7 compose.yaml\nk8s\n', platforms: 'linux/amd64, linux/arm64\n', strict: 'True' };

    const missing = runStep(check, { cwd: workspace, actionPath: fake, inputs, env: { FAKE_EXIT: '1' } });
    assert.equal(missing.status, 1, 'a missing platform fails the step');
    const argv = ['check', '--json', '--platform', 'linux/amd64,linux/arm64', '--strict', 'nginx:1.27', 'redis:7', '--from', 'compose.yaml', 'k8s'];
    assert.deepEqual(JSON.parse(missing.outputs.result!), { argv });
    assert.deepEqual(JSON.parse(readFileSync(missing.outputs['result-file']!, 'utf8')), { argv });

    const ok = runStep(check, { cwd: workspace, actionPath: fake, inputs: { images: 'nginx', platforms: 'arm64', strict: 'false' }, env: { FAKE_EXIT: '0' } });
    assert.equal(ok.status, 0, ok.stderr);
    assert.deepEqual(JSON.parse(ok.outputs.result!).argv, ['check', '--json', '--platform', 'arm64', 'nginx']);

    for (const [name, bad] of [
      ['no images', { images: ' \n', platforms: 'arm64', strict: 'false' }],
      ['no platforms', { images: 'nginx', platforms: ' , ', strict: 'false' }],
      ['strict neither true nor false', { images: 'nginx', platforms: 'arm64', strict: 'maybe' }],
      ['a flag among the images', { images: 'nginx --insecure-registry x', platforms: 'arm64', strict: 'false' }],
    ] as const) {
      const r = runStep(check, { cwd: workspace, actionPath: fake, inputs: bad, env: { FAKE_EXIT: '0' } });
      assert.equal(r.status, 2, name);
      assert.match(r.stdout, /^::error title=mfx::/m, name);
      assert.equal(r.outputs.result, undefined, name);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('action.yml: with the real mfx, a compose file and an unreachable registry give exit 5 and the JSON', () => {
  const check = actionSteps().find((s) => s.id === 'check')!;
  const dir = mkdtempSync(join(tmpdir(), 'mfx-action-'));
  try {
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  web:\n    image: localhost:1/app:1\n');
    const r = runStep(check, { cwd: dir, actionPath: ROOT, inputs: { images: 'compose.yaml', platforms: 'linux/amd64', strict: 'false' } });
    assert.equal(r.status, 5, r.stderr);
    const result = JSON.parse(r.outputs.result!) as { exitCode: number; images: { input: string; origins: string[]; status: string }[] };
    assert.equal(result.exitCode, 5);
    assert.equal(result.images[0]?.input, 'localhost:1/app:1');
    assert.equal(result.images[0]?.status, 'error');
    assert.match(result.images[0]?.origins[0] ?? '', /^compose\.yaml:3 services\.web\.image$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('.github/workflows/ci.yml: tests on Node 20 and 22, a packing job, the action', () => {
  const doc = parseDocument(readFileSync(join(ROOT, '.github', 'workflows', 'ci.yml'), 'utf8'));
  assert.deepEqual(doc.errors, []);
  const ci = doc.toJS() as { jobs: Record<string, { 'runs-on': string; strategy?: { matrix: { node: string[] } }; steps: ActionStep[] }> };
  assert.deepEqual(ci.jobs.test?.strategy?.matrix.node, ['20', '22']);
  for (const job of Object.values(ci.jobs)) assert.equal(job['runs-on'], 'ubuntu-latest');
  const run = (job: string) => ci.jobs[job]!.steps.map((s) => s.run ?? '').join('\n');
  assert.match(run('test'), /apt-get install -y .*docker-registry apache2-utils openssl jq skopeo/);
  assert.match(run('test'), /npm test/);
  assert.match(run('pack'), /npm pack/);
  assert.match(run('pack'), /npm install -g --prefix/);
  assert.ok(ci.jobs.action?.steps.some((s) => s.uses === './'));
});
