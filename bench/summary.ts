/**
 * Per-client summaries of the raw samples: min and median wall time, and the median of
 * each proxy counter (requests by kind, connections, 401s, non-HTTP attempts) per run.
 * Also the small number formats the report and the goals share.
 */
import { REQUEST_KINDS, type Counters, type RequestKind } from './proxy.js';
import { median, stats, type Stats } from './measure.js';
import type { ClientOutcome, ScenarioId, ScenarioResult } from './scenarios.js';

export interface ClientSummary {
  time: Stats;
  /** Medians per run; undefined when the runs were not counted (start-up). */
  requests?: number;
  connections?: number;
  unauthorized?: number;
  notHttp?: number;
  byKind?: Record<RequestKind, number>;
}

/** mfx's own peak-memory reports (maxRSS, `--verbose`) over the runs of one client, in MiB. */
export interface MemorySummary {
  /** Runs that reported it. */
  n: number;
  /** Runs that should have reported it (were given --verbose). */
  of: number;
  max: number;
  median: number;
}

/** The peak-memory reports of a client's runs; undefined when its runs were not asked for them or it has no samples. */
export function summarizeMemory(outcome: ClientOutcome | undefined): MemorySummary | undefined {
  const asked = (outcome?.samples ?? []).filter((s) => s.peakMemoryMiB !== undefined);
  if (asked.length === 0) return undefined;
  const values = asked.flatMap((s) => (typeof s.peakMemoryMiB === 'number' ? [s.peakMemoryMiB] : []));
  return { n: values.length, of: asked.length, max: values.length ? Math.max(...values) : Number.NaN, median: median(values) };
}

/** MiB (what mfx reports) to MB of 10^6 bytes. */
export const MIB_IN_MB = 2 ** 20 / 1e6;

/** '41 MiB (43.0 MB)'. */
export function formatMiB(mib: number): string {
  if (!Number.isFinite(mib)) return '—';
  return `${formatCount(mib)} MiB (${(mib * MIB_IN_MB).toFixed(1)} MB)`;
}

function medianOf(counters: readonly Counters[], pick: (c: Counters) => number): number {
  return median(counters.map(pick));
}

/** The summary of a client's samples, or undefined when it has none (missing, failed at once). */
export function summarize(outcome: ClientOutcome | undefined): ClientSummary | undefined {
  if (outcome === undefined || outcome.samples.length === 0 || outcome.status !== 'ok') return undefined;
  const time = stats(outcome.samples.map((s) => s.ms));
  const counters = outcome.samples.flatMap((s) => (s.counters ? [s.counters] : []));
  if (counters.length === 0) return { time };
  const byKind = Object.fromEntries(REQUEST_KINDS.map((k) => [k, medianOf(counters, (c) => c.byKind[k])])) as Record<RequestKind, number>;
  return {
    time,
    requests: medianOf(counters, (c) => c.requests),
    connections: medianOf(counters, (c) => c.connections),
    unauthorized: medianOf(counters, (c) => c.unauthorized),
    notHttp: medianOf(counters, (c) => c.notHttp),
    byKind,
  };
}

/** '850 ms', '12.3 s' or '3 min 05 s'. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1_000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const seconds = Math.round(ms / 1_000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** An integer as is, a fraction (median of an even count) with one decimal. */
export function formatCount(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return '—';
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function formatRatio(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${ratio < 0.1 ? ratio.toFixed(3) : ratio.toFixed(2)}×`;
}

/** 'ping 1 · token 1 · manifest GET 1; 401s 1; non-HTTP 1': the non-zero medians. */
export function formatMix(summary: ClientSummary): string {
  if (summary.byKind === undefined) return '';
  const byKind = summary.byKind;
  const kinds = REQUEST_KINDS.filter((k) => byKind[k] > 0).map((k) => `${k} ${formatCount(byKind[k])}`);
  const extras = [
    ...(summary.unauthorized ? [`401s ${formatCount(summary.unauthorized)}`] : []),
    ...(summary.notHttp ? [`non-HTTP ${formatCount(summary.notHttp)}`] : []),
  ];
  return [kinds.join(' · '), ...extras].filter((s) => s !== '').join('; ');
}

/** The scenario with this id and RTT, if it ran. */
export function findScenario(scenarios: readonly ScenarioResult[], id: ScenarioId, rttMs?: number): ScenarioResult | undefined {
  return scenarios.find((s) => s.id === id && (rttMs === undefined || s.rttMs === rttMs));
}

export function mfxOf(scenario: ScenarioResult | undefined): ClientOutcome | undefined {
  return scenario?.clients.find((c) => c.isMfx);
}

/** The peer whose name starts with `prefix`. */
export function peerOf(scenario: ScenarioResult | undefined, prefix: string): ClientOutcome | undefined {
  return scenario?.clients.find((c) => !c.isMfx && c.name.startsWith(prefix));
}
