/**
 * Conformance of src/platform with containerd's own platform tests.
 *
 * Source: github.com/containerd/platforms, commit 09756f59cb1d6b3fb368f371043d36e634789537
 * (= tag v1.0.0-rc.4). The table rows of platforms_test.go, compare_test.go, defaults*_test.go,
 * platforms_windows_test.go, platform_windows_compat_test.go and cpuinfo_linux_test.go, plus
 * tables derived from database.go, were exported as data to ../shared/conformance/platforms.json
 * and copied here unchanged; field meanings are in that folder's README.
 *
 * Rules of this test:
 * - Every row of every section runs: parse 35, format 10, match 360, order 31, normalize 45,
 *   windowsCompat 12, cpuVariantFromArch 10, defaults 3, and the database lists.
 * - Host-dependent rows run with the host they name injected: linux/amd64, or the Windows host
 *   10.0.17763 for the Windows-only tests (README "Host dependence").
 * - Besides the asserted fields, the cheap `computed` values are compared too: the parsed
 *   platform and both formats, containerd's exact error text (PlatformParseError's
 *   containerdMessage), the full `less` matrix and `matches` of every order row, reparsed
 *   formats, and the matcher answers of the Windows compatibility rows.
 * - The three wildcard rows upstream skips (`skip: true`) are checked against `computed`:
 *   Parse rejects `*` with containerd's message.
 * - A row either conforms or is listed in DIFFERENCES with a reason and the mismatches it
 *   shows; a listed row that starts to conform fails, so the list stays true.
 */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { UsageError } from '../../src/errors.js';
import * as platforms from '../../src/platform/index.js';
import type { MatchComparer, Matcher, Platform } from '../../src/platform/index.js';

type Row = Record<string, unknown> & { computed?: Record<string, unknown> };

type Section = 'parse' | 'format' | 'match' | 'order' | 'normalize' | 'windowsCompat' | 'cpuVariantFromArch' | 'defaults';
type Data = Record<Section, Row[]> & { database: { knownOS: string[]; knownArch: string[]; armArch: string[] } };

const data = JSON.parse(readFileSync(new URL('./platforms.json', import.meta.url), 'utf8')) as Data;

/** Deliberate differences from upstream: `section#index` → why, and the mismatches it shows. */
const DIFFERENCES = new Map<string, { reason: string; mismatches: string[] }>([]);

const EXPECTED_COUNTS = {
  parse: 35, format: 10, match: 360, order: 31, normalize: 45,
  windowsCompat: 12, cpuVariantFromArch: 10, defaults: 3, database: 1,
};

const LINUX_HOST: Platform = { os: 'linux', architecture: 'amd64' };

const show = (v: unknown): string => JSON.stringify(v);

function hostOf(row: Row): Platform {
  return (row['host'] as Platform | undefined) ?? LINUX_HOST;
}

/** Pushes a mismatch when `got` and `want` differ (deep, strict). */
function expect(out: string[], what: string, got: unknown, want: unknown): void {
  if (!isDeepStrictEqual(got, want)) out.push(`${what}: got ${show(got)}, want ${show(want)}`);
}

/** Parses, returning `{error: <containerd's text>}` instead of throwing. */
function tryParse(input: string, host: Platform): Platform | { error: string } {
  try {
    return platforms.parsePlatform(input, host);
  } catch (err) {
    assert.ok(err instanceof platforms.PlatformParseError, `not a PlatformParseError: ${String(err)}`);
    assert.ok(err instanceof UsageError && err.kind === 'usage');
    assert.ok(err.message.startsWith(`invalid platform ${JSON.stringify(input)}: expected os, arch`), err.message);
    return { error: err.containerdMessage };
  }
}

function formatWith(fn: unknown, p: Platform): string {
  return fn === 'Format' ? platforms.formatPlatform(p) : platforms.formatPlatformAll(p);
}

function checkParse(row: Row): string[] {
  const out: string[] = [];
  const host = hostOf(row);
  const got = tryParse(String(row['input']), host);
  const computed = row.computed ?? {};
  if ('error' in got) {
    expect(out, 'valid', false, row['skip'] ? computed['valid'] : row['valid']);
    expect(out, 'computed.error', got.error, computed['error']);
    return out;
  }
  expect(out, 'valid', true, row['valid']);
  expect(out, 'expected', got, row['expected']);
  expect(out, 'computed.platform', got, computed['platform']);
  expect(out, 'computed.format', platforms.formatPlatform(got), computed['format']);
  expect(out, 'computed.formatAll', platforms.formatPlatformAll(got), computed['formatAll']);
  const formatted = formatWith(row['formatFn'], got);
  expect(out, 'formatted', formatted, row['formatted']);
  const again = tryParse(formatted, host);
  if (row['roundTrip']) expect(out, 'roundTrip', 'error' in again ? again : formatWith(row['formatFn'], again), formatted);
  return out;
}

function checkFormat(row: Row): string[] {
  const out: string[] = [];
  const formatted = platforms.formatPlatformAll(row['platform'] as Platform);
  expect(out, 'expected', formatted, row['expected']);
  expect(out, 'computed.formatAll', formatted, row.computed?.['formatAll']);
  const reparsed = tryParse(formatted, LINUX_HOST) as Record<string, unknown>;
  expect(out, 'computed.reparsed', reparsed, row.computed?.['reparsed']);
  for (const [key, want] of Object.entries((row['roundTrip'] as object | undefined) ?? {})) {
    expect(out, `roundTrip.${key}`, reparsed[key], want);
  }
  return out;
}

/** The matcher or comparer each row's `matcher` names, built for its `platform` and host. */
const COMPARERS: Record<string, (p: Platform, host: Platform) => Matcher | MatchComparer> = {
  NewMatcher: (p) => platforms.newMatcher(p),
  Only: (p) => platforms.only(p),
  OnlyStrict: (p) => platforms.onlyStrict(p),
  OnlyOS: (p) => platforms.onlyOS(p),
  Ordered: (p) => platforms.ordered(p),
  Any: (p) => platforms.any(p),
  WindowsMatchComparer: (p) => platforms.windowsMatchComparer(p),
  Default: (_p, host) => platforms.defaultComparer(host),
};

function comparerFor(row: Row, host: Platform): MatchComparer {
  const make = COMPARERS[String(row['matcher'])];
  assert.ok(make, `no comparer for ${String(row['matcher'])}`);
  return make(row['platform'] as Platform, host) as MatchComparer;
}

/** A `*Specifier` must parse to the object beside it. */
function checkSpecifier(out: string[], what: string, specifier: unknown, want: unknown, host: Platform): void {
  if (typeof specifier === 'string') expect(out, what, tryParse(specifier, host), want);
}

function checkMatch(row: Row): string[] {
  const out: string[] = [];
  const host = hostOf(row);
  checkSpecifier(out, 'platformSpecifier', row['platformSpecifier'], row['platform'], host);
  checkSpecifier(out, 'candidateSpecifier', row['candidateSpecifier'], row['candidate'], host);
  const matcher = comparerFor(row, host);
  const got = matcher.match(row['candidate'] as Platform);
  expect(out, 'matches', got, row['matches']);
  expect(out, 'computed.matches', got, row.computed?.['matches']);
  return out;
}

function stableSort(items: readonly Platform[], comparer: MatchComparer): Platform[] {
  return [...items].sort((a, b) => (comparer.less(a, b) ? -1 : comparer.less(b, a) ? 1 : 0));
}

function checkOrder(row: Row): string[] {
  const out: string[] = [];
  const host = hostOf(row);
  const objects = row['platformObjects'] as Platform[];
  checkSpecifier(out, 'platformSpecifier', row['platformSpecifier'], row['platform'], host);
  (row['platforms'] as string[] | undefined)?.forEach((s, i) => checkSpecifier(out, `platforms[${i}]`, s, objects[i], host));
  const comparer = comparerFor(row, host);
  const sorted = stableSort(objects, comparer);
  const formatted = sorted.map((p) => platforms.formatPlatformAll(p));
  if ('expected' in row) expect(out, 'expected', formatted, row['expected']);
  if ('expectedObjects' in row) expect(out, 'expectedObjects', sorted, row['expectedObjects']);
  const first = row['expectedFirst'] as Platform | undefined;
  if (first) {
    expect(out, 'expectedFirst.os', sorted[0]?.os, first.os);
    expect(out, 'expectedFirst.os.version', sorted[0]?.['os.version'], first['os.version']);
  }
  const computed = row.computed ?? {};
  expect(out, 'computed.sortedFormatted', formatted, computed['sortedFormatted']);
  expect(out, 'computed.less', objects.map((a) => objects.map((b) => comparer.less(a, b))), computed['less']);
  expect(out, 'computed.matches', objects.map((p) => comparer.match(p)), computed['matches']);
  return out;
}

function checkNormalize(row: Row): string[] {
  const out: string[] = [];
  const got = platforms.normalizePlatform(row['input'] as Platform, hostOf(row));
  expect(out, 'expected', got, row['expected']);
  expect(out, 'computed.normalized', got, row.computed?.['normalized']);
  return out;
}

function checkWindowsCompat(row: Row): string[] {
  const out: string[] = [];
  const hostVersion = (row['host'] as Platform)['os.version'];
  const imageVersion = (row['container'] as Platform)['os.version'];
  const host = platforms.parseWindowsVersion(hostVersion);
  const image = platforms.parseWindowsVersion(imageVersion);
  expect(out, 'hostBuild', host?.build, row['hostBuild']);
  expect(out, 'containerBuild', image?.build, row['containerBuild']);
  const runs = host !== undefined && platforms.windowsVersionCompatible(host, image);
  expect(out, 'shouldRun', runs, row['shouldRun']);
  expect(out, 'computed.shouldRun', runs, row.computed?.['shouldRun']);
  const matcher = platforms.newMatcher({ os: 'windows', architecture: 'amd64', 'os.version': hostVersion ?? '' });
  const matches = matcher.match({ os: 'windows', architecture: 'amd64', 'os.version': imageVersion ?? '' });
  expect(out, 'computed.newMatcherMatches', matches, row.computed?.['newMatcherMatches']);
  return out;
}

function checkCpuVariant(row: Row): string[] {
  const out: string[] = [];
  const got = platforms.cpuVariantFromMachine(String(row['input']));
  expect(out, 'valid', got !== undefined, row['valid']);
  if (row['valid']) expect(out, 'output', got, row['output']);
  return out;
}

/** Per host OS of the defaults rows: Node's process values, and probes of the default comparer. */
const DEFAULT_HOSTS: Record<string, { node: platforms.NodeHostInfo; accepts: string[]; refuses: string[]; prefers: [string, string] }> = {
  // Only(DefaultSpec()): amd64, then 386.
  linux: { node: { platform: 'linux', arch: 'x64' }, accepts: ['linux/386'], refuses: ['linux/arm64'], prefers: ['linux/amd64', 'linux/386'] },
  // windowsMatchComparer{NewMatcher(DefaultSpec())}: the host's build, newest revision first.
  windows: {
    node: { platform: 'win32', arch: 'x64', osVersion: '10.0.17763' },
    accepts: ['windows(10.0.17763.1)/amd64'],
    refuses: ['windows(10.0.20348.1)/amd64', 'linux/amd64'],
    prefers: ['windows(10.0.17763.2)/amd64', 'windows(10.0.17763.1)/amd64'],
  },
  // Ordered(DefaultSpec(), linux/GOARCH).
  darwin: { node: { platform: 'darwin', arch: 'arm64' }, accepts: ['linux/arm64'], refuses: ['linux/amd64'], prefers: ['darwin/arm64', 'linux/arm64'] },
};

function checkDefaults(row: Row): string[] {
  const out: string[] = [];
  const host = DEFAULT_HOSTS[(row['host'] as Platform).os];
  assert.ok(host, 'a known host OS');
  const spec = platforms.platformFromNode(host.node);
  expect(out, 'defaultSpec', spec, row['defaultSpec']);
  expect(out, 'defaultString', platforms.formatPlatformAll(spec), row['defaultString']);
  if (row.computed?.['defaultSpec']) expect(out, 'computed.defaultSpec', spec, row.computed['defaultSpec']);
  const comparer = platforms.defaultComparer(spec);
  const parse = (s: string): Platform => platforms.parsePlatform(s, spec);
  for (const s of host.accepts) expect(out, `default accepts ${s}`, comparer.match(parse(s)), true);
  for (const s of host.refuses) expect(out, `default refuses ${s}`, comparer.match(parse(s)), false);
  expect(out, `default prefers ${host.prefers[0]}`, comparer.less(parse(host.prefers[0]), parse(host.prefers[1])), true);
  return out;
}

function checkDatabase(): string[] {
  const out: string[] = [];
  expect(out, 'knownOS', platforms.KNOWN_OS, data.database.knownOS);
  expect(out, 'knownArch', platforms.KNOWN_ARCH, data.database.knownArch);
  expect(out, 'armArch', platforms.ARM_ARCH, data.database.armArch);
  expect(out, 'isKnownOS', data.database.knownOS.every((os) => platforms.isKnownOS(os)), true);
  expect(out, 'isKnownArch', data.database.knownArch.every((a) => platforms.isKnownArch(a)), true);
  expect(out, 'isArmArch', data.database.armArch.every((a) => platforms.isArmArch(a)), true);
  expect(out, 'unknown word', platforms.isKnownOS('foo') || platforms.isKnownArch('foo'), false);
  return out;
}

const SECTIONS: [keyof typeof EXPECTED_COUNTS, Row[], (row: Row) => string[]][] = [
  ['parse', data.parse, checkParse],
  ['format', data.format, checkFormat],
  ['match', data.match, checkMatch],
  ['order', data.order, checkOrder],
  ['normalize', data.normalize, checkNormalize],
  ['windowsCompat', data.windowsCompat, checkWindowsCompat],
  ['cpuVariantFromArch', data.cpuVariantFromArch, checkCpuVariant],
  ['defaults', data.defaults, checkDefaults],
  ['database', [{}], checkDatabase],
];

function labelOf(row: Row): string {
  const subject = row['input'] ?? row['platformSpecifier'] ?? row['platform'] ?? row['host'];
  const parts = [row['matcher'], subject, row['candidateSpecifier'] ?? row['candidate'] ?? row['container']];
  return show(parts.filter((p) => p !== undefined)).slice(0, 100);
}

const tally = { conformed: 0, differed: 0, bySection: {} as Record<string, number> };

for (const [section, rows, check] of SECTIONS) {
  rows.forEach((row, index) => {
    const id = `${section}#${index}`;
    test(`${id} ${labelOf(row)}`, () => {
      const found = check(row);
      const difference = DIFFERENCES.get(id);
      if (difference === undefined) {
        assert.deepEqual(found, [], `row ${id} does not conform`);
        tally.conformed++;
      } else {
        assert.deepEqual(found, difference.mismatches, `listed difference ${id} changed`);
        tally.differed++;
      }
      tally.bySection[section] = (tally.bySection[section] ?? 0) + 1;
    });
  });
}

test('every row ran and is accounted for', (t) => {
  assert.deepEqual(tally.bySection, EXPECTED_COUNTS);
  assert.equal(tally.differed, DIFFERENCES.size);
  const total = Object.values(EXPECTED_COUNTS).reduce((a, b) => a + b, 0);
  assert.equal(tally.conformed + tally.differed, total);
  const counts = Object.entries(tally.bySection).map(([s, n]) => `${s} ${n}`).join(', ');
  t.diagnostic(`ran ${total} rows (${counts}): ${tally.conformed} conform, ${tally.differed} listed differences`);
});
