/**
 * The benchmark scenarios: one image cold, one image warm, many images in one go, and
 * start-up. Each scenario is a list of client plans (mfx and its peers); the runs of the
 * clients are interleaved round by round so that a slow drift of the machine affects all
 * of them alike. Every run gets fresh directories; a client that fails stops being run and
 * is reported with the reason.
 */
import type { Counters, CountingProxy } from './proxy.js';
import {
  dockerInspect, dockerLoop, freshDirs, mfxColdLabel, mfxInspect, mfxMany, mfxManyLabel, mfxVersion, nodeNoop, peakMemoryOf, removeDirs,
  skopeoInspect, withoutVerboseLines, type MfxFeatures, type Peers, type RunDirs,
} from './clients.js';
import { countedRun, failureOf, runProcess, type Command, type ProcessResult, type Sample } from './measure.js';

export type ScenarioId = 'single-cold' | 'single-warm' | 'many' | 'startup';

export interface ClientOutcome {
  name: string;
  isMfx: boolean;
  status: 'ok' | 'not installed' | 'failed';
  note?: string;
  failure?: string;
  samples: Sample[];
}

export interface ScenarioResult {
  id: ScenarioId;
  title: string;
  /** The proxy delay of this scenario; undefined for start-up (no network). */
  rttMs: number | undefined;
  clients: ClientOutcome[];
}

export interface BenchContext {
  proxy: CountingProxy;
  /** Parent of the per-run directories. */
  tmp: string;
  features: MfxFeatures;
  peers: Peers;
  single: { ref: string; childDigest: string };
  many: { refs: readonly string[]; listFile: string };
  runs: number;
  loopRuns: number;
  startupRuns: number;
}

/** One run: a sample, or the reason it failed. */
type Once = () => Promise<Sample | string>;

interface ClientPlan {
  name: string;
  isMfx: boolean;
  runs: number;
  /** Run once, unmeasured, before the measured runs (warms the page cache). */
  warmup: boolean;
  /** 'not installed' (or another reason) when the client cannot run at all. */
  missing?: string;
  note?: string;
  once: Once;
}

async function inFreshDirs<T>(ctx: BenchContext, fn: (dirs: RunDirs) => Promise<T>): Promise<T> {
  const dirs = freshDirs(ctx.tmp);
  try {
    return await fn(dirs);
  } finally {
    removeDirs(dirs);
  }
}

/**
 * The sample of a finished run, or why it failed. `memory`: the run was given mfx's
 * --verbose, so its stderr should end with the peak memory line (null when it does not).
 */
function sampleOf(result: ProcessResult, counters: Counters | undefined, expect: string | undefined, memory = false): Sample | string {
  const failure = failureOf(memory ? { ...result, stderr: withoutVerboseLines(result.stderr) } : result);
  if (failure !== undefined) return failure;
  if (expect !== undefined && !result.stdout.includes(expect)) return `output lacks ${expect}: ${result.stdout.slice(0, 200)}`;
  const sample: Sample = counters ? { ms: result.ms, counters } : { ms: result.ms };
  return memory ? { ...sample, peakMemoryMiB: peakMemoryOf(result.stderr) ?? null } : sample;
}

/**
 * One counted run of `command(dirs)` in fresh directories; `expect` must appear in stdout;
 * `memory`: read mfx's peak memory from its --verbose stderr.
 */
function counted(ctx: BenchContext, command: (dirs: RunDirs) => Command, expect?: string, memory = false): Once {
  return () => inFreshDirs(ctx, async (dirs) => {
    const { result, counters } = await countedRun(ctx.proxy, () => runProcess(command(dirs)));
    return sampleOf(result, counters, expect, memory);
  });
}

/** Runs the plans round by round; returns their outcomes in plan order. */
async function runPlans(plans: readonly ClientPlan[]): Promise<ClientOutcome[]> {
  const outcomes = plans.map((p): ClientOutcome => ({
    name: p.name, isMfx: p.isMfx, status: p.missing ? 'not installed' : 'ok', samples: [],
    ...(p.note ? { note: p.note } : {}), ...(p.missing ? { failure: p.missing } : {}),
  }));
  for (const [i, plan] of plans.entries()) {
    const outcome = outcomes[i]!;
    if (outcome.status === 'ok' && plan.warmup) {
      const got = await plan.once();
      if (typeof got === 'string') Object.assign(outcome, { status: 'failed', failure: got });
    }
  }
  const rounds = Math.max(0, ...plans.map((p) => p.runs));
  for (let round = 0; round < rounds; round++) {
    for (const [i, plan] of plans.entries()) {
      const outcome = outcomes[i]!;
      if (outcome.status !== 'ok' || round >= plan.runs) continue;
      const got = await plan.once();
      if (typeof got === 'string') Object.assign(outcome, { status: 'failed', failure: got });
      else outcome.samples.push(got);
    }
  }
  return outcomes;
}

function peerPlans(ctx: BenchContext, note?: string): ClientPlan[] {
  const { docker, skopeo } = ctx.peers;
  const { ref, childDigest } = ctx.single;
  const base = { isMfx: false, runs: ctx.runs, warmup: true, ...(note ? { note } : {}) };
  return [
    { ...base, name: 'docker manifest inspect --insecure', ...(docker ? {} : { missing: 'not installed' }),
      once: counted(ctx, (d) => dockerInspect(docker!, ref, d), childDigest) },
    { ...base, name: 'skopeo inspect --raw --tls-verify=false', ...(skopeo ? {} : { missing: 'not installed' }),
      once: counted(ctx, (d) => skopeoInspect(skopeo!, ref, d), childDigest) },
  ];
}

export async function singleCold(ctx: BenchContext, rttMs: number): Promise<ScenarioResult> {
  const { ref, childDigest } = ctx.single;
  const host = ctx.proxy.host;
  const mfx: ClientPlan = {
    name: mfxColdLabel(ctx.features), isMfx: true, runs: ctx.runs, warmup: true,
    note: 'empty XDG_CACHE_HOME per run',
    once: counted(ctx, (d) => mfxInspect(ctx.features, host, ref, d, true), childDigest, ctx.features.verbose),
  };
  const clients = await runPlans([mfx, ...peerPlans(ctx)]);
  return { id: 'single-cold', title: 'One image (OCI index, 4 platforms), cold', rttMs, clients };
}

/** mfx run twice with the same cache; only the second run is measured and counted. */
function warmOnce(ctx: BenchContext): Once {
  const { ref, childDigest } = ctx.single;
  return () => inFreshDirs(ctx, async (dirs) => {
    const prime = await runProcess(mfxInspect(ctx.features, ctx.proxy.host, ref, dirs, false));
    const primeFailure = failureOf(prime);
    if (primeFailure !== undefined) return `first (priming) run: ${primeFailure}`;
    const { result, counters } = await countedRun(ctx.proxy, () => runProcess(mfxInspect(ctx.features, ctx.proxy.host, ref, dirs, false)));
    return sampleOf(result, counters, childDigest);
  });
}

export async function singleWarm(ctx: BenchContext, rttMs: number): Promise<ScenarioResult> {
  const mfx: ClientPlan = {
    name: 'mfx inspect --json', isMfx: true, runs: ctx.runs, warmup: true,
    note: 'second run with the XDG_CACHE_HOME of a first, unmeasured one', once: warmOnce(ctx),
  };
  const clients = await runPlans([mfx, ...peerPlans(ctx, 'no cache: measured as cold')]);
  return { id: 'single-warm', title: 'One image, warm', rttMs, clients };
}

/** 'bench/many-0199' of '127.0.0.1:PORT/bench/many-0199:v1': every answer names it. */
function lastRepository(refs: readonly string[]): string | undefined {
  const last = refs[refs.length - 1];
  return last?.slice(last.indexOf('/') + 1).replace(/:[^:/]*$/, '');
}

export async function manyImages(ctx: BenchContext, rttMs: number): Promise<ScenarioResult> {
  const { refs, listFile } = ctx.many;
  const { docker } = ctx.peers;
  const host = ctx.proxy.host;
  const missing = docker ? {} : { missing: 'not installed' };
  const plans: ClientPlan[] = [
    { name: mfxManyLabel(ctx.features), isMfx: true, runs: ctx.runs, warmup: false,
      once: counted(ctx, (d) => mfxMany(ctx.features, host, refs, listFile, d), lastRepository(refs), ctx.features.verbose) },
    { name: 'sh loop: docker manifest inspect, sequential', isMfx: false, runs: ctx.loopRuns, warmup: false, ...missing,
      once: counted(ctx, (d) => dockerLoop(docker!, listFile, 1, d)) },
    { name: 'xargs -P8: docker manifest inspect, 8 at a time', isMfx: false, runs: ctx.loopRuns, warmup: false, ...missing,
      once: counted(ctx, (d) => dockerLoop(docker!, listFile, 8, d)) },
  ];
  const clients = await runPlans(plans);
  return { id: 'many', title: `${refs.length} images (distinct repositories, OCI indexes of 4 platforms)`, rttMs, clients };
}

/** A run without the proxy (nothing goes over the network). */
function uncounted(ctx: BenchContext, command: (dirs: RunDirs) => Command): Once {
  return () => inFreshDirs(ctx, async (dirs) => sampleOf(await runProcess(command(dirs)), undefined, undefined));
}

export async function startup(ctx: BenchContext): Promise<ScenarioResult> {
  const runs = ctx.startupRuns;
  const clients = await runPlans([
    { name: 'mfx --version', isMfx: true, runs, warmup: true, once: uncounted(ctx, (d) => mfxVersion(ctx.features, d)) },
    { name: 'node -e 0', isMfx: false, runs, warmup: true, note: 'the same node binary', once: uncounted(ctx, nodeNoop) },
  ]);
  return { id: 'startup', title: 'Start-up', rttMs: undefined, clients };
}
