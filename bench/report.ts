/**
 * The benchmark report as Markdown: the machine and versions, the command that reproduces
 * the run, how the numbers were taken, one table per scenario (median and min time,
 * requests, connections and request mix per run, ratio mfx ÷ client), then the goals.
 * The same text goes to stdout and, with --write, to docs/PERFORMANCE.md.
 */
import { analysisSection } from './analysis.js';
import type { GoalRow } from './goals.js';
import type { ClientOutcome, ScenarioResult } from './scenarios.js';
import { formatCount, formatMiB, formatMix, formatMs, formatRatio, mfxOf, summarize, summarizeMemory } from './summary.js';

export interface MachineInfo {
  cores: number;
  cpu: string;
  memoryGiB: number;
  os: string;
  node: string;
  date: string;
  mfx: string;
  docker: string;
  skopeo: string;
  registry: string;
}

export interface BenchReport {
  machine: MachineInfo;
  /** The exact command that reproduces this run. */
  command: string;
  settings: { images: number; runs: number; loopRuns: number; startupRuns: number; rtts: readonly number[] };
  /** How mfx was called for many images, and whether --no-cache was passed. */
  mfxNotes: string[];
  scenarios: ScenarioResult[];
  goals: GoalRow[];
  totalMs: number;
}

const row = (cells: readonly string[]): string => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;

function machineSection(r: BenchReport): string[] {
  const m = r.machine;
  return [
    '## Machine',
    '',
    row(['', '']),
    row(['---', '---']),
    row(['Date', m.date]),
    row(['CPU', `${m.cores} cores, ${m.cpu}`]),
    row(['Memory', `${m.memoryGiB} GiB`]),
    row(['OS', m.os]),
    row(['Node', m.node]),
    row(['mfx', m.mfx]),
    row(['docker', m.docker]),
    row(['skopeo', m.skopeo]),
    row(['Registry', m.registry]),
    row(['Settings', `${r.settings.images} images; ${r.settings.runs} runs per client (docker loops: ${r.settings.loopRuns}; start-up: ${r.settings.startupRuns}); RTT ${r.settings.rtts.join(', ')} ms`]),
    row(['Whole run', formatMs(r.totalMs)]),
    '',
  ];
}

function clientRow(client: ClientOutcome, mfx: ClientOutcome | undefined): string {
  const s = summarize(client);
  if (s === undefined) {
    const status = client.status === 'not installed' ? 'not installed' : `failed: ${client.failure ?? 'no sample'}`;
    return row([client.name, '0', status, '—', '—', '—', '—', '—', '—']);
  }
  const m = client === mfx ? undefined : summarize(mfx);
  const timeRatio = m ? formatRatio(m.time.median / s.time.median) : '—';
  const requestRatio = m?.requests !== undefined && s.requests ? formatRatio(m.requests / s.requests) : '—';
  const note = client.note ? ` (${client.note})` : '';
  const failedLater = client.status === 'failed' ? ` — then failed: ${client.failure}` : '';
  return row([
    `${client.name}${note}${failedLater}`, String(s.time.n), formatMs(s.time.median), formatMs(s.time.min),
    formatCount(s.requests), formatCount(s.connections), formatMix(s) || '—', timeRatio, requestRatio,
  ]);
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The line under a table whose mfx runs reported their peak memory; none when they were not asked to. */
function memoryLine(mfx: ClientOutcome | undefined): string[] {
  const m = summarizeMemory(mfx);
  if (m === undefined) return [];
  const what = 'mfx peak memory (maxRSS, as `--verbose` reports it)';
  if (m.n === 0) return [`${what}: not reported — none of the ${plural(m.of, 'run')} printed \`mfx: peak memory\`.`, ''];
  const missing = m.n < m.of ? `; ${m.of - m.n} of ${m.of} runs did not print it` : '';
  return [`${what}: **max ${formatMiB(m.max)}**, median ${formatCount(m.median)} MiB over ${plural(m.n, 'run')}${missing}.`, ''];
}

function scenarioSection(s: ScenarioResult): string[] {
  const mfx = mfxOf(s);
  const heading = s.rttMs === undefined ? s.title : `${s.title} — RTT ${s.rttMs} ms`;
  return [
    `### ${heading}`,
    '',
    row(['Client', 'Runs', 'Median', 'Min', 'Requests', 'Connections', 'Request mix (per run)', 'mfx ÷ client, time', 'mfx ÷ client, requests']),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---', '---:', '---:']),
    ...s.clients.map((c) => clientRow(c, mfx)),
    '',
    ...memoryLine(mfx),
  ];
}

function traceBlock(client: ClientOutcome, label: string): string[] {
  const counters = client.samples[0]?.counters;
  if (counters === undefined) return [];
  const lines = counters.trace;
  return [`**${label}** (${plural(lines.length, 'line')}, ${plural(counters.connections, 'TCP connection')}):`, '', '```text', ...lines, '```', ''];
}

/** What each client sent in its first measured run of the first one-image scenarios (cold, and mfx warm). */
function traceSection(scenarios: readonly ScenarioResult[]): string[] {
  const cold = scenarios.find((s) => s.id === 'single-cold');
  if (cold === undefined) return [];
  const warmMfx = mfxOf(scenarios.find((s) => s.id === 'single-warm' && s.rttMs === cold.rttMs));
  const blocks = [
    ...cold.clients.flatMap((c) => traceBlock(c, c.name)),
    ...(warmMfx ? traceBlock(warmMfx, `${warmMfx.name}, warm`) : []),
  ];
  if (blocks.length === 0) return [];
  return [`## What each client sends for one inspect (RTT ${cold.rttMs} ms, first measured run)`, '', ...blocks];
}

function goalsSection(goals: readonly GoalRow[]): string[] {
  const met = goals.filter((g) => g.status === 'met').length;
  const missed = goals.filter((g) => g.status === 'not met').length;
  return [
    '## Goals',
    '',
    `${met} met, ${missed} not met, ${goals.length - met - missed} not measured.`,
    '',
    row(['Goal', 'Target', 'Measured', 'Status']),
    row(['---', '---', '---', '---']),
    ...goals.map((g) => row([g.goal, g.target, g.measured, g.status === 'met' ? 'met' : `**${g.status}**`])),
    '',
  ];
}

function methodSection(r: BenchReport): string[] {
  return [
    '## How the numbers are taken',
    '',
    '- Every client talks to a real `docker-registry` (distribution 2.8) with Docker token auth, through a loopback proxy in `bench/proxy.ts`.',
    '  The registry\'s token realm is the proxy\'s `/token`, so token requests pass through it too.',
    '- RTT: the proxy holds every HTTP request for that long before forwarding it (one simulated round trip per request).',
    '  Opening a TCP connection costs nothing extra, so clients that open many connections are not penalised for it.',
    '- Requests and connections are counted at the proxy per run; the tables show the median per run.',
    '  "non-HTTP" counts connections whose first bytes were not HTTP (a TLS handshake tried on the plain-HTTP port).',
    '- Times are wall-clock times of the whole process (start-up included), median and minimum over the runs;',
    '  the clients\' runs are interleaved. Every run gets a fresh, empty HOME, DOCKER_CONFIG and XDG_CACHE_HOME.',
    '- Every client gets an environment built from scratch: only PATH is taken from the caller, so no proxies',
    '  (HTTP_PROXY, HTTPS_PROXY, NO_PROXY), MFX_*, DOCKER_CONFIG, REGISTRY_AUTH_FILE or NODE_OPTIONS of the machine apply.',
    '  mfx\'s configuration file (MFX_CONFIG), docker\'s daemon.json (MFX_DAEMON_JSON) and certs.d (MFX_CERTS_DIR)',
    '  point at paths that do not exist, so no mirror, insecure-registry or registry option of the machine applies.',
    '- Peak memory: the cold one-image and many-image mfx runs get `--verbose`, and mfx prints its maximum resident set',
    '  size so far (`process.resourceUsage().maxRSS`) as `mfx: peak memory N MiB` on stderr, once its requests are done',
    '  and before it writes its output: memory used after that point is not in the number. The report gives the largest',
    '  over the runs; the goal compares it in MB (1 MiB = 1.048576 MB).',
    '- Ratios are mfx\'s median ÷ the client\'s median: below 1 means mfx is faster or makes fewer requests.',
    '- Warm: mfx runs twice with the same XDG_CACHE_HOME and only the second run is measured; docker and skopeo',
    '  have no cache, so their warm rows are cold runs.',
    ...r.mfxNotes.map((n) => `- ${n}`),
    '',
  ];
}

export function renderReport(r: BenchReport): string {
  return [
    '# Performance',
    '',
    'mfx side by side with `docker manifest inspect` and `skopeo inspect --raw`, on the same registry, in one run.',
    'Generated by `bench/run.ts`; see `bench/README.md`.',
    '',
    'Reproduce (builds mfx first; `--write` rewrites this file):',
    '',
    '```sh',
    r.command,
    '```',
    '',
    ...machineSection(r),
    ...goalsSection(r.goals),
    '## Results',
    '',
    ...r.scenarios.flatMap(scenarioSection),
    ...traceSection(r.scenarios),
    ...analysisSection(),
    ...methodSection(r),
  ].join('\n');
}
