/**
 * The performance goals of mfx and whether the measurements meet them: request counts
 * (cold index ≤ 3, warm = 1, never more than docker or skopeo), time ratios against the
 * peers at 50 ms RTT, the many-image ratios against docker loops, and start-up against a
 * bare node, and the peak memory of the many-image run (as mfx reports it with --verbose).
 * A goal whose inputs were not measured (peer missing, RTT not run, a failure, no memory
 * report) is reported as such, never as met.
 */
import type { ClientOutcome, ScenarioResult } from './scenarios.js';
import {
  findScenario, formatCount, formatMiB, formatMix, formatRatio, MIB_IN_MB, mfxOf, peerOf, summarize, summarizeMemory, type ClientSummary,
} from './summary.js';

export type GoalStatus = 'met' | 'not met' | 'not measured';

export interface GoalRow {
  goal: string;
  target: string;
  measured: string;
  status: GoalStatus;
}

const GOAL_RTT_MS = 50;

function notMeasured(goal: string, target: string, why: string): GoalRow {
  return { goal, target, measured: why, status: 'not measured' };
}

function why(outcome: ClientOutcome | undefined, what: string): string {
  if (outcome === undefined) return `${what} not run`;
  return `${what}: ${outcome.status === 'not installed' ? 'not installed' : (outcome.failure ?? 'no sample')}`;
}

/** mfx median ÷ peer median, compared with `limit`. */
function timeRatio(goal: string, limit: number, mfx: ClientOutcome | undefined, peer: ClientOutcome | undefined, peerName: string): GoalRow {
  const target = `≤ ${limit}×`;
  const m = summarize(mfx);
  const p = summarize(peer);
  if (m === undefined) return notMeasured(goal, target, why(mfx, 'mfx'));
  if (p === undefined) return notMeasured(goal, target, why(peer, peerName));
  const ratio = m.time.median / p.time.median;
  return { goal, target, measured: formatRatio(ratio), status: ratio <= limit ? 'met' : 'not met' };
}

/** The largest median request count of mfx over the given scenarios (all RTTs). */
function mfxRequests(scenarios: readonly ScenarioResult[]): { summary: ClientSummary; requests: number } | undefined {
  const summaries = scenarios.map((s) => summarize(mfxOf(s))).filter((s): s is ClientSummary => s?.requests !== undefined);
  const worst = summaries.sort((a, b) => b.requests! - a.requests!)[0];
  return worst ? { summary: worst, requests: worst.requests! } : undefined;
}

function requestGoals(scenarios: readonly ScenarioResult[]): GoalRow[] {
  const cold = scenarios.filter((s) => s.id === 'single-cold');
  const warm = scenarios.filter((s) => s.id === 'single-warm');
  const coldMfx = mfxRequests(cold);
  const warmMfx = mfxRequests(warm);
  const rows: GoalRow[] = [];
  const g1 = 'Requests, cold inspect of an index';
  rows.push(coldMfx
    ? { goal: g1, target: '≤ 3', measured: `${formatCount(coldMfx.requests)} (${formatMix(coldMfx.summary)})`, status: coldMfx.requests <= 3 ? 'met' : 'not met' }
    : notMeasured(g1, '≤ 3', why(mfxOf(cold[0]), 'mfx')));
  const g2 = 'Requests, warm inspect';
  rows.push(warmMfx
    ? { goal: g2, target: '= 1', measured: `${formatCount(warmMfx.requests)} (${formatMix(warmMfx.summary) || 'none'})`, status: warmMfx.requests === 1 ? 'met' : 'not met' }
    : notMeasured(g2, '= 1', why(mfxOf(warm[0]), 'mfx')));
  for (const [peer, name] of [['docker', 'docker manifest inspect'], ['skopeo', 'skopeo inspect --raw']] as const) {
    rows.push(noMoreRequests(`Requests, one image cold: no more than ${name}`, cold[0], peer, name));
  }
  const many = scenarios.find((s) => s.id === 'many');
  rows.push(noMoreRequests('Requests, many images: no more than a docker loop', many, 'sh loop', 'the docker loop'));
  return rows;
}

function noMoreRequests(goal: string, scenario: ScenarioResult | undefined, prefix: string, peerName: string): GoalRow {
  const target = '≤ 1× the peer';
  const m = summarize(mfxOf(scenario));
  const peer = peerOf(scenario, prefix);
  const p = summarize(peer);
  if (m?.requests === undefined) return notMeasured(goal, target, why(mfxOf(scenario), 'mfx'));
  if (p?.requests === undefined) return notMeasured(goal, target, why(peer, peerName));
  const measured = `${formatCount(m.requests)} vs ${formatCount(p.requests)}`;
  return { goal, target, measured, status: m.requests <= p.requests ? 'met' : 'not met' };
}

function timeGoals(scenarios: readonly ScenarioResult[]): GoalRow[] {
  const cold = findScenario(scenarios, 'single-cold', GOAL_RTT_MS);
  const warm = findScenario(scenarios, 'single-warm', GOAL_RTT_MS);
  const rtt = `${GOAL_RTT_MS} ms RTT`;
  const rows = [
    timeRatio(`${rtt}, one image cold: mfx ÷ docker manifest inspect`, 0.8, mfxOf(cold), peerOf(cold, 'docker'), 'docker'),
    timeRatio(`${rtt}, one image cold: mfx ÷ skopeo inspect --raw`, 1.0, mfxOf(cold), peerOf(cold, 'skopeo'), 'skopeo'),
    timeRatio(`${rtt}, one image warm: mfx ÷ skopeo inspect --raw`, 0.7, mfxOf(warm), peerOf(warm, 'skopeo'), 'skopeo'),
  ];
  for (const many of scenarios.filter((s) => s.id === 'many')) {
    const at = `${many.rttMs} ms RTT, ${many.title.split(' ')[0]} images`;
    rows.push(timeRatio(`${at}: one mfx run ÷ sequential docker loop`, 0.05, mfxOf(many), peerOf(many, 'sh loop'), 'docker loop'));
    rows.push(timeRatio(`${at}: one mfx run ÷ docker loop 8-wide`, 0.3, mfxOf(many), peerOf(many, 'xargs'), 'docker loop'));
  }
  const start = findScenario(scenarios, 'startup');
  rows.push(timeRatio('Start-up: mfx --version ÷ node -e 0', 1.3, mfxOf(start), peerOf(start, 'node'), 'node'));
  return rows.map((row) => (cold === undefined && row.goal.startsWith(rtt) ? notMeasured(row.goal, row.target, `${rtt} not in --rtt`) : row));
}

/** The peak memory of one mfx run over the many images must stay below this, in MB (10^6 bytes). */
const MANY_PEAK_MEMORY_MB = 100;

/**
 * The largest peak memory mfx reported over every run of the many-image scenarios (all
 * RTTs). Not measured when a scenario's mfx failed or any of its runs did not report it.
 */
function memoryGoal(scenarios: readonly ScenarioResult[]): GoalRow {
  const many = scenarios.filter((s) => s.id === 'many');
  const images = many[0]?.title.split(' ')[0] ?? 'many';
  const goal = `Peak memory, ${images} images in one run`;
  const target = `< ${MANY_PEAK_MEMORY_MB} MB`;
  if (many.length === 0) return notMeasured(goal, target, 'many-image scenario not run');
  let max = -Infinity;
  let runs = 0;
  for (const scenario of many) {
    const mfx = mfxOf(scenario);
    if (summarize(mfx) === undefined) return notMeasured(goal, target, why(mfx, `mfx, RTT ${scenario.rttMs} ms`));
    const memory = summarizeMemory(mfx);
    if (memory === undefined) return notMeasured(goal, target, 'this build of mfx has no --verbose');
    if (memory.n < memory.of) {
      return notMeasured(goal, target, `RTT ${scenario.rttMs} ms: ${memory.of - memory.n} of ${memory.of} runs printed no \`mfx: peak memory\``);
    }
    max = Math.max(max, memory.max);
    runs += memory.n;
  }
  const rtts = many.map((s) => s.rttMs).join(', ');
  const measured = `${formatMiB(max)}: largest of ${runs} runs (RTT ${rtts} ms)`;
  return { goal, target, measured, status: max * MIB_IN_MB < MANY_PEAK_MEMORY_MB ? 'met' : 'not met' };
}

export function evaluateGoals(scenarios: readonly ScenarioResult[]): GoalRow[] {
  return [...requestGoals(scenarios), ...timeGoals(scenarios), memoryGoal(scenarios)];
}
