/**
 * Terminal safety: a registry that puts escape sequences and other control characters into
 * annotations, platform fields and error messages, injected by a proxy in front of a real
 * registry. Rewritten bytes no longer match the registry's digest (exit 6); when the proxy
 * also rewrites Docker-Content-Digest and the reference is by tag, mfx accepts them and must
 * then strip every control character from the table and escape them in JSON.
 * See docs/RELIABILITY.md.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nginxLike } from '../fixtures/images.js';
import { assertCleanFailure, isManifestGet, when, type FaultProxy } from '../helpers/fault-proxy.js';
import { faultBed } from '../helpers/fault-bed.js';
import type { TestRegistry } from '../helpers/registry.js';
import { runCli } from '../helpers/run-cli.js';

let registry: TestRegistry;
let proxy: FaultProxy;
faultBed('none', [nginxLike], (bed) => ({ registry, proxy } = bed));

const byTag = () => `${proxy.host}/${nginxLike.repository}:${nginxLike.tag}`;

/** Control characters a terminal acts on; newline is the only one output may hold. */
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

const TITLE = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J\u001b[H';
const RED = '\u001b[31m';

interface ManifestList {
  manifests: { platform: Record<string, unknown>; annotations?: Record<string, string> }[];
  annotations?: Record<string, string>;
}

/** The nginx-like list with escape sequences in annotations and in platform fields. */
function hostile(original: Buffer): Buffer {
  const doc = JSON.parse(original.toString('utf8')) as ManifestList;
  doc.annotations = { 'org.opencontainers.image.title': `${TITLE}title${CLEAR}` };
  const [amd64, armV5, armV7, arm64, i386, mips] = doc.manifests;
  amd64!.annotations = { 'org.example.note': `note${RED}\r\u0008\u007f` };
  amd64!.platform['os.version'] = `1.0${CLEAR}`;
  amd64!.platform['os.features'] = [`feature${RED}`];
  armV5!.platform.variant = `v5${TITLE}`;
  armV7!.platform.variant = `v7${RED}\u009b2J`;
  arm64!.platform.architecture = `arm64\u001bc`;
  i386!.platform.os = `linux\u0007\u0000`;
  mips!.platform.architecture = `mips64le\u001b(B\u001b7`;
  return Buffer.from(JSON.stringify(doc, null, 3));
}

test('escape sequences in annotations and platform fields, Docker-Content-Digest kept: exit 6', async () => {
  proxy.rule = when(isManifestGet, { kind: 'rewrite', digest: 'keep', body: hostile });
  for (const mode of [[], ['--json']]) {
    const run = await runCli(['inspect', ...mode, byTag()], { timeoutMs: 30_000 });
    assertCleanFailure(run, { status: 6, message: /digest mismatch/, withinMs: 15_000 });
  }
});

test('escape sequences accepted by tag with a matching digest: the table holds no control character', async () => {
  proxy.rule = when(isManifestGet, { kind: 'rewrite', digest: 'match', body: hostile });
  const run = await runCli(['inspect', byTag()], { timeoutMs: 30_000 });
  assert.equal(run.status, 0, run.stderr);
  assert.doesNotMatch(run.stdout, CONTROL_BUT_NEWLINE, JSON.stringify(run.stdout));
  assert.doesNotMatch(run.stderr, CONTROL_BUT_NEWLINE);
  assert.match(run.stdout, /^8 platforms$/m);
  assert.match(run.stdout, /^linux\/arm\/v5 /m);
  assert.match(run.stdout, /^linux\/arm\/v7 /m);
});

test('escape sequences are removed whole from the table, not only their ESC (ESC c, ESC ( B, ESC 7)', async () => {
  proxy.rule = when(isManifestGet, { kind: 'rewrite', digest: 'match', body: hostile });
  const run = await runCli(['inspect', byTag()], { timeoutMs: 30_000 });
  assert.equal(run.status, 0, run.stderr);
  const labels = run.stdout.split('\n').filter((l) => l.startsWith('linux')).map((l) => l.split(/\s+/)[0]);
  assert.deepEqual(labels.slice(0, 6), ['linux/amd64', 'linux/arm/v5', 'linux/arm/v7', 'linux/arm64/v8', 'linux/386', 'linux/mips64le']);
});

test('escape sequences accepted by tag with a matching digest: --json escapes them and keeps them intact', async () => {
  proxy.rule = when(isManifestGet, { kind: 'rewrite', digest: 'match', body: hostile });
  const run = await runCli(['inspect', '--json', byTag()], { timeoutMs: 30_000 });
  assert.equal(run.status, 0, run.stderr);
  assert.doesNotMatch(run.stdout, /[\u0000-\u0009\u000b-\u001f]/, 'no raw C0 control character');
  assert.ok(run.stdout.includes('\\u001b'), 'ESC written as the JSON escape \\u001b');
  const out = JSON.parse(run.stdout) as { manifests: { variant: string | null; osVersion: string | null; os: string; architecture: string; annotations: Record<string, string> }[] };
  const [amd64, armV5, armV7, arm64, i386] = out.manifests;
  assert.equal(amd64?.osVersion, `1.0${CLEAR}`);
  assert.equal(amd64?.annotations['org.example.note'], `note${RED}\r\u0008\u007f`);
  assert.equal(armV5?.variant, `v5${TITLE}`);
  assert.equal(armV7?.variant, `v7${RED}\u009b2J`);
  assert.equal(arm64?.architecture, `arm64\u001bc`);
  assert.equal(i386?.os, `linux\u0007\u0000`);
});

test('escape sequences in a registry error message: stripped from stderr, still exit 3', async () => {
  const body = JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN', message: `gone${TITLE}${CLEAR}${RED}\r` }] });
  proxy.rule = when(isManifestGet, { kind: 'serve', status: 404, headers: { 'content-type': 'application/json' }, body });
  for (const args of [[], ['--debug']]) {
    const run = await runCli(['inspect', ...args, byTag()], { timeoutMs: 30_000 });
    assert.equal(run.status, 3, run.stderr);
    assert.equal(run.stdout, '');
    assert.doesNotMatch(run.stderr, CONTROL_BUT_NEWLINE, JSON.stringify(run.stderr));
    assert.match(run.stderr, /not found \(MANIFEST_UNKNOWN: gone\)$/m);
    if (args.length === 0) assertCleanFailure(run, { status: 3, message: /MANIFEST_UNKNOWN/, withinMs: 15_000 });
  }
});
