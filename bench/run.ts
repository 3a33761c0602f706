/**
 * Entry of the benchmarks (`npm run bench -- [options]`): starts the counting proxy, a
 * token-auth registry behind it and pushes the images; runs every scenario at every RTT
 * plus start-up; prints the Markdown report and, with --write, saves it as
 * docs/PERFORMANCE.md. Everything it starts is stopped before it returns.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, release, tmpdir, totalmem, type as osType } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { removeOnExit } from '../test/helpers/exit-cleanup.js';
import { findOnPath } from '../test/helpers/executables.js';
import { DEFAULT_MFX_BIN, detectMfx, detectPeers, NODE, versionOf, type MfxFeatures } from './clients.js';
import { evaluateGoals } from './goals.js';
import { startCountingProxy } from './proxy.js';
import { manyImages as manyFixtures, pushImages, singleImage, startBenchRegistry } from './registry.js';
import { renderReport, type BenchReport, type MachineInfo } from './report.js';
import { manyImages, singleCold, singleWarm, startup, type BenchContext, type ScenarioResult } from './scenarios.js';

const DOC = fileURLToPath(new URL('../docs/PERFORMANCE.md', import.meta.url));

const USAGE = `Usage: npm run bench -- [--images N] [--runs R] [--loop-runs L] [--startup-runs S] [--rtt 0,50]
                         [--mfx PATH] [--write]

  --images N        images of the many-image scenario (default 200)
  --runs R          measured runs per client and scenario (default 5)
  --loop-runs L     runs of the docker shell loops over N images (default min(R, 2))
  --startup-runs S  runs of mfx --version and node -e 0 (default 20)
  --rtt LIST        round-trip times in ms added per request by the proxy (default 0,50)
  --mfx PATH        the bin/mfx.js to measure (default: this working tree's)
  --write           also write docs/PERFORMANCE.md`;

export interface Options {
  images: number;
  runs: number;
  loopRuns: number;
  startupRuns: number;
  rtts: number[];
  /** Absolute path of the bin/mfx.js to measure. */
  mfx: string;
  write: boolean;
}

function bounded(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer from ${min} to ${max}, not '${text}'`);
  return n;
}

export function parseOptions(argv: readonly string[]): Options | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      images: { type: 'string' }, runs: { type: 'string' }, 'loop-runs': { type: 'string' },
      'startup-runs': { type: 'string' }, rtt: { type: 'string' }, mfx: { type: 'string' }, write: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const runs = bounded('runs', values.runs, 5, 1, 50);
  const rtts = (values.rtt ?? '0,50').split(',').map((t) => bounded('rtt', t.trim(), 0, 0, 1_000));
  return {
    images: bounded('images', values.images, 200, 1, 2_000),
    runs,
    loopRuns: bounded('loop-runs', values['loop-runs'], Math.min(runs, 2), 1, 50),
    startupRuns: bounded('startup-runs', values['startup-runs'], 20, 1, 200),
    rtts: [...new Set(rtts)],
    mfx: values.mfx === undefined ? DEFAULT_MFX_BIN : resolve(values.mfx),
    write: values.write ?? false,
  };
}

/** The command line that reproduces a run with these options (defaults left out). */
function reproduceCommand(o: Options): string {
  const flags = [
    ...(o.images !== 200 ? [`--images ${o.images}`] : []),
    ...(o.runs !== 5 ? [`--runs ${o.runs}`] : []),
    ...(o.loopRuns !== Math.min(o.runs, 2) ? [`--loop-runs ${o.loopRuns}`] : []),
    ...(o.startupRuns !== 20 ? [`--startup-runs ${o.startupRuns}`] : []),
    ...(o.rtts.join(',') !== '0,50' ? [`--rtt ${o.rtts.join(',')}`] : []),
    ...(o.mfx !== DEFAULT_MFX_BIN ? [`--mfx ${o.mfx}`] : []),
    '--write',
  ];
  return `npm run bench -- ${flags.join(' ')}`;
}

async function machineInfo(bin: string): Promise<MachineInfo> {
  const peers = detectPeers();
  const [mfx, commit, docker, skopeo, registry] = await Promise.all([
    versionOf(NODE, [bin, '--version']),
    versionOf(findOnPath('git'), ['-C', dirname(bin), 'describe', '--always', '--dirty']),
    versionOf(peers.docker),
    versionOf(peers.skopeo),
    versionOf(findOnPath('docker-registry'), ['--version']),
  ]);
  return {
    cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${osType()} ${release()}`, node: process.version, date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    mfx: `${mfx} (${bin}, working tree at ${commit})`, docker, skopeo, registry,
  };
}

function mfxNotes(features: MfxFeatures): string[] {
  return [
    `This build of mfx ${features.noCache ? 'accepts' : 'has no'} \`--no-cache\`${features.noCache ? ': cold runs pass it' : ''}.`,
    features.inspectFile || features.checkFile
      ? 'Many images: mfx reads the list of references from a file (`--file`).'
      : 'Many images: this build of mfx has no `--file`, so every reference is an argument of one `mfx check` run.',
    'Many images: the mfx run is cold, like the one-image cold runs (empty cache, `--no-cache` when accepted).',
    features.verbose
      ? 'This build of mfx accepts `--verbose`: the cold one-image and many-image runs pass it and report their peak memory.'
      : 'This build of mfx has no `--verbose`, so its peak memory is not measured.',
  ];
}

const log = (text: string): void => void process.stderr.write(`bench: ${text}\n`);

async function runAll(ctx: BenchContext, rtts: readonly number[]): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const rtt of rtts) {
    ctx.proxy.setDelay(rtt);
    for (const scenario of [singleCold, singleWarm, manyImages]) {
      const started = Date.now();
      const result = await scenario(ctx, rtt);
      log(`${result.title}, RTT ${rtt} ms: ${((Date.now() - started) / 1000).toFixed(1)} s`);
      results.push(result);
    }
  }
  ctx.proxy.setDelay(0);
  results.push(await startup(ctx));
  return results;
}

async function bench(o: Options): Promise<BenchReport> {
  const started = Date.now();
  const features = await detectMfx(o.mfx);
  const tmp = mkdtempSync(join(tmpdir(), 'mfx-bench-'));
  const untrackTmp = removeOnExit(tmp);
  const proxy = await startCountingProxy();
  const registry = await startBenchRegistry(proxy.url).catch(async (err: unknown) => {
    await proxy.stop();
    throw err;
  });
  try {
    proxy.setUpstreams({ registry: registry.url, token: registry.tokenServer!.url });
    const single = singleImage();
    const many = manyFixtures(o.images);
    log(`pushing ${many.length + 1} images to ${registry.host} (clients use ${proxy.host})`);
    await pushImages(registry, [single, ...many]);
    const refs = many.map((f) => `${proxy.host}/${f.repository}:${f.tag}`);
    const listFile = join(tmp, 'images.txt');
    writeFileSync(listFile, `${refs.join('\n')}\n`);
    const ctx: BenchContext = {
      proxy, tmp, features, peers: detectPeers(), runs: o.runs, loopRuns: o.loopRuns, startupRuns: o.startupRuns,
      single: { ref: `${proxy.host}/${single.repository}:${single.tag}`, childDigest: single.expected.platforms[0]!.digest },
      many: { refs, listFile },
    };
    const scenarios = await runAll(ctx, o.rtts);
    const report: BenchReport = {
      machine: await machineInfo(o.mfx), command: reproduceCommand(o), mfxNotes: mfxNotes(features),
      settings: { images: o.images, runs: o.runs, loopRuns: o.loopRuns, startupRuns: o.startupRuns, rtts: o.rtts },
      scenarios, goals: evaluateGoals(scenarios), totalMs: 0,
    };
    return { ...report, totalMs: Date.now() - started };
  } finally {
    await registry.stop();
    await proxy.stop();
    rmSync(tmp, { recursive: true, force: true });
    untrackTmp();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const options = parseOptions(argv);
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const report = await bench(options);
  const text = renderReport(report);
  process.stdout.write(`${text}\n`);
  if (options.write) {
    mkdirSync(dirname(DOC), { recursive: true });
    writeFileSync(DOC, `${text}\n`);
    log(`wrote ${DOC}`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
