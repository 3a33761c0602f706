/**
 * A registry that answers with a retryable status (408, 429, 5xx), with or without
 * Retry-After, injected by a proxy in front of a real registry: how often mfx asks again,
 * how long it waits, and when it gives up (exit 5, one line, nothing on stdout).
 * See docs/RELIABILITY.md.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nginxLike } from '../fixtures/images.js';
import { assertCleanFailure, errorStatus, firstN, isManifestGet, when, type FaultProxy } from '../helpers/fault-proxy.js';
import { faultBed } from '../helpers/fault-bed.js';
import type { TestRegistry } from '../helpers/registry.js';
import { runCli } from '../helpers/run-cli.js';

let registry: TestRegistry;
let proxy: FaultProxy;
faultBed('none', [nginxLike], (bed) => ({ registry, proxy } = bed));

const ref = () => `${proxy.host}/${nginxLike.repository}:${nginxLike.tag}`;
const manifestGets = () => proxy.requests.filter((r) => r.method === 'GET' && r.path.includes('/manifests/'));

function assertListed(run: { status: number | null; stdout: string; stderr: string }): void {
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^8 platforms$/m);
}

test('503 twice with Retry-After: 0, then the manifest: exit 0 after 3 requests', async () => {
  proxy.rule = firstN(2, when(isManifestGet, errorStatus(503, '0')));
  const run = await runCli(['inspect', ref()], { timeoutMs: 30_000 });
  assertListed(run);
  assert.equal(manifestGets().length, 3);
  assert.ok(run.ms < 10_000, `took ${run.ms} ms`);
});

test('429 with Retry-After as an HTTP date about 1-2 s ahead: waited for, then exit 0', async () => {
  proxy.rule = firstN(1, when(isManifestGet, () => errorStatus(429, new Date(Date.now() + 2_000).toUTCString(), 'TOOMANYREQUESTS')));
  const run = await runCli(['inspect', ref()], { timeoutMs: 30_000 });
  assertListed(run);
  const [first, second] = manifestGets();
  assert.ok(first && second, 'two manifest requests');
  // The date has whole seconds: it lies 1 to 2 s after the 429 was sent.
  assert.ok(second.at - first.at >= 900, `asked again after ${second.at - first.at} ms`);
  assert.ok(run.ms < 15_000, `took ${run.ms} ms`);
});

test('429 with Retry-After: 3600 is not waited for: exit 5 at once, 1 request', async () => {
  proxy.rule = when(isManifestGet, errorStatus(429, '3600', 'TOOMANYREQUESTS'));
  const run = await runCli(['inspect', ref()], { timeoutMs: 30_000 });
  assertCleanFailure(run, { status: 5, message: /nginx-like:1\.27: too many requests \(rate limited\)/, withinMs: 8_000 });
  assert.equal(manifestGets().length, 1);
});

test('503 with Retry-After an hour ahead as an HTTP date: exit 5 at once, 1 request', async () => {
  proxy.rule = when(isManifestGet, () => errorStatus(503, new Date(Date.now() + 3_600_000).toUTCString()));
  const run = await runCli(['inspect', ref()], { timeoutMs: 30_000 });
  assertCleanFailure(run, { status: 5, message: /registry server error \(HTTP 503\)/, withinMs: 8_000 });
  assert.equal(manifestGets().length, 1);
});

test('--retries 0 with one 503: exit 5, 1 request', async () => {
  proxy.rule = firstN(1, when(isManifestGet, errorStatus(503, '0')));
  const run = await runCli(['inspect', '--retries', '0', ref()], { timeoutMs: 30_000 });
  assertCleanFailure(run, { status: 5, message: /nginx-like:1\.27: registry server error \(HTTP 503\)/, withinMs: 8_000 });
  assert.equal(manifestGets().length, 1);
});

test('503 on every request, no Retry-After: 1 + 3 attempts with backoff, then exit 5', async () => {
  proxy.rule = when(isManifestGet, errorStatus(503));
  const run = await runCli(['inspect', '--json', ref()], { timeoutMs: 30_000 });
  assertCleanFailure(run, { status: 5, message: /registry server error \(HTTP 503\)/, withinMs: 15_000 });
  const gets = manifestGets();
  assert.equal(gets.length, 4);
  // Backoff: 250 ms × 2^attempt × [0.5, 1): at least 125, 250 and 500 ms between attempts.
  const gaps = gets.slice(1).map((r, i) => r.at - gets[i]!.at);
  gaps.forEach((gap, i) => assert.ok(gap >= 125 * 2 ** i - 20, `gap ${i}: ${gap} ms`));
});

test('--retries 1 with 500 on every request: 2 requests, exit 5', async () => {
  proxy.rule = when(isManifestGet, errorStatus(500));
  const run = await runCli(['inspect', '--retries', '1', ref()], { timeoutMs: 30_000 });
  assertCleanFailure(run, { status: 5, message: /registry server error \(HTTP 500\)/, withinMs: 10_000 });
  assert.equal(manifestGets().length, 2);
});

test('408, 500, 502 and 504 once each are retried: exit 0', async () => {
  for (const status of [408, 500, 502, 504]) {
    proxy.clear();
    proxy.rule = firstN(1, when(isManifestGet, errorStatus(status)));
    const run = await runCli(['inspect', ref()], { timeoutMs: 30_000 });
    assertListed(run);
    assert.equal(manifestGets().length, 2, `HTTP ${status}`);
  }
});

test('501 and 400 are not retried: exit 5 after 1 request', async () => {
  for (const status of [501, 400]) {
    proxy.clear();
    proxy.rule = when(isManifestGet, errorStatus(status, '0', 'INJECTED'));
    const run = await runCli(['inspect', ref()], { timeoutMs: 30_000 });
    assertCleanFailure(run, { status: 5, message: new RegExp(`\\(HTTP ${status}\\)`), withinMs: 8_000 });
    assert.equal(manifestGets().length, 1, `HTTP ${status}`);
  }
});

test('a Retry-After wait longer than --timeout: the run ends at the timeout, exit 5', async () => {
  proxy.rule = when(isManifestGet, errorStatus(503, '8'));
  const run = await runCli(['inspect', '--timeout', '2', ref()], { timeoutMs: 30_000 });
  assertCleanFailure(run, { status: 5, message: /timed out after 2 s \(--timeout\)|registry server error \(HTTP 503\)/, withinMs: 6_000 });
});

test('bad --timeout and --retries values are usage errors (exit 2), before any request', async () => {
  const cases: [string[], RegExp][] = [
    [['--timeout', '0'], /^mfx: --timeout must be a number of seconds above 0, not "0"/],
    [['--timeout', 'soon'], /^mfx: --timeout must be a number of seconds above 0, not "soon"/],
    [['--retries=-1'], /^mfx: --retries must be a whole number from 0 to \d+, not "-1"/],
    [['--retries', '1.5'], /^mfx: --retries must be a whole number from 0 to \d+, not "1\.5"/],
    [['--retries', '1000'], /^mfx: --retries must be a whole number from 0 to \d+, not "1000"/],
  ];
  for (const [flags, message] of cases) {
    const run = await runCli(['inspect', ...flags, ref()], { timeoutMs: 30_000 });
    assertCleanFailure(run, { status: 2, message, withinMs: 10_000 });
  }
  assert.equal(proxy.requests.length, 0);
});
