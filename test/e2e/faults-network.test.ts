/**
 * Faults of the connection and of HTTP itself, injected by a proxy in front of a real
 * registry: a registry that never answers (or stops halfway through a body), reset
 * connections, truncated bodies, a broken chunked encoding and bytes that are not HTTP.
 * Transient faults are retried; what stays broken is exit 5 with one line naming the host,
 * and nothing on stdout. See docs/RELIABILITY.md.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nginxLike } from '../fixtures/images.js';
import { assertCleanFailure, firstN, isManifestGet, when, type FaultProxy } from '../helpers/fault-proxy.js';
import { faultBed } from '../helpers/fault-bed.js';
import type { TestRegistry } from '../helpers/registry.js';
import { runCli } from '../helpers/run-cli.js';

let registry: TestRegistry;
let proxy: FaultProxy;
faultBed('none', [nginxLike], (bed) => ({ registry, proxy } = bed));

const ref = () => `${proxy.host}/${nginxLike.repository}:${nginxLike.tag}`;
const hostPattern = () => proxy.host.replace(/\./g, '\\.');
const manifestGets = () => proxy.requests.filter((r) => r.method === 'GET' && r.path.includes('/manifests/')).length;

function assertListed(run: { status: number | null; stdout: string; stderr: string }): void {
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^8 platforms$/m);
}

test('a registry that accepts and never answers: --timeout 2 ends it, exit 5, naming host and phase', async () => {
  proxy.rule = when(isManifestGet, { kind: 'stall' });
  const run = await runCli(['inspect', '--timeout', '2', ref()], { timeoutMs: 30_000 });
  assertCleanFailure(run, {
    status: 5,
    message: new RegExp(`${hostPattern()}: timed out after 2 s \\(--timeout\\) waiting for the response headers`),
    withinMs: 10_000,
  });
  assert.equal(manifestGets(), 1, 'a timed-out run is not retried');
});

test('a registry that sends the headers and stalls the body: exit 5 naming the body phase', async () => {
  proxy.rule = when(isManifestGet, { kind: 'stall-body' });
  const run = await runCli(['inspect', '--json', '--timeout', '2', ref()], { timeoutMs: 30_000 });
  assertCleanFailure(run, {
    status: 5,
    message: new RegExp(`${hostPattern()}: timed out after 2 s \\(--timeout\\) reading the response body`),
    withinMs: 10_000,
  });
});

test('the first 2 connections reset on arrival: retried on new connections, exit 0', async () => {
  proxy.resetConnections = 2;
  const run = await runCli(['inspect', ref()], { timeoutMs: 30_000 });
  assertListed(run);
  assert.ok(proxy.connections() >= 3, `${proxy.connections()} connections`);
  assert.equal(manifestGets(), 1, 'the reset connections carried no request to the proxy');
  assert.ok(run.ms < 15_000, `took ${run.ms} ms`);
});

test('the first 2 manifest requests reset after arriving: retried, exit 0', async () => {
  proxy.rule = firstN(2, when(isManifestGet, { kind: 'reset' }));
  const run = await runCli(['inspect', ref()], { timeoutMs: 30_000 });
  assertListed(run);
  assert.equal(manifestGets(), 3);
  assert.ok(run.ms < 15_000, `took ${run.ms} ms`);
});

test('every connection reset: 1 + 3 attempts, then exit 5 naming the host', async () => {
  proxy.resetConnections = 1_000;
  const run = await runCli(['inspect', ref()], { timeoutMs: 30_000 });
  assertCleanFailure(run, {
    status: 5,
    message: new RegExp(`${hostPattern()}: connection (reset|closed unexpectedly|broken|closed)`),
    withinMs: 15_000,
  });
  assert.equal(proxy.connections(), 4, 'the default --retries 3');
});

test('a body short of its Content-Length once: retried, exit 0', async () => {
  proxy.rule = firstN(1, when(isManifestGet, { kind: 'truncate', encoding: 'content-length' }));
  const run = await runCli(['inspect', ref()], { timeoutMs: 30_000 });
  assertListed(run);
  assert.equal(manifestGets(), 2);
});

test('a body always short of its Content-Length: retried, then exit 5, never partial JSON', async () => {
  proxy.rule = when(isManifestGet, { kind: 'truncate', encoding: 'content-length' });
  for (const mode of [[], ['--json'], ['--raw']]) {
    proxy.requests.length = 0;
    const run = await runCli(['inspect', ...mode, ref()], { timeoutMs: 30_000 });
    assertCleanFailure(run, {
      status: 5,
      message: new RegExp(`${hostPattern()}: (response body shorter than its Content-Length|connection closed unexpectedly)`),
      withinMs: 15_000,
    });
    assert.equal(manifestGets(), 4);
  }
});

test('a broken chunked encoding: retried, then exit 5 (malformed HTTP)', async () => {
  proxy.rule = when(isManifestGet, { kind: 'truncate', encoding: 'chunked' });
  const run = await runCli(['inspect', '--json', ref()], { timeoutMs: 30_000 });
  assertCleanFailure(run, { status: 5, message: new RegExp(`${hostPattern()}: malformed HTTP response`), withinMs: 15_000 });
  assert.equal(manifestGets(), 4);
});

test('a broken chunked encoding once, then a good answer: exit 0', async () => {
  proxy.rule = firstN(1, when(isManifestGet, { kind: 'truncate', encoding: 'chunked' }));
  const run = await runCli(['inspect', ref()], { timeoutMs: 30_000 });
  assertListed(run);
  assert.equal(manifestGets(), 2);
});

test('an answer that is not HTTP at all, twice: retried, exit 0; always: exit 5', async () => {
  proxy.rule = firstN(2, when(isManifestGet, { kind: 'garbage' }));
  const ok = await runCli(['inspect', ref()], { timeoutMs: 30_000 });
  assertListed(ok);
  assert.equal(manifestGets(), 3);

  proxy.clear();
  proxy.rule = when(isManifestGet, { kind: 'garbage' });
  const run = await runCli(['inspect', ref()], { timeoutMs: 30_000 });
  assertCleanFailure(run, { status: 5, message: new RegExp(`${hostPattern()}: malformed HTTP response`), withinMs: 15_000 });
});

test('--timeout bounds a run that keeps being reset and retried', async () => {
  proxy.rule = when(isManifestGet, { kind: 'stall' });
  proxy.resetConnections = 2;
  const run = await runCli(['inspect', '--timeout', '2', '--retries', '9', ref()], { timeoutMs: 30_000 });
  assertCleanFailure(run, { status: 5, message: /timed out after 2 s \(--timeout\)/, withinMs: 10_000 });
});
