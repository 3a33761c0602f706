/**
 * The inspect checks every registry set-up must pass: each fixture through table, --json
 * and --raw output, checked against what was pushed, and the README's jq recipes. The
 * set-up files (inspect-*.test.ts) start a registry and call `inspectSuite` with the
 * environment that gives mfx its credentials there.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { allFixtures, buildkit, nginxLike, type Fixture } from '../fixtures/images.js';
import { getManifest } from '../helpers/fetch-manifest.js';
import { authorizationFor } from '../helpers/registry-auth.js';
import type { TestRegistry } from '../helpers/registry.js';
import { requireExecutable } from '../helpers/executables.js';
import { runCli } from '../helpers/run-cli.js';

export interface SuiteContext {
  registry: () => TestRegistry;
  /** Environment giving mfx credentials for public fixtures (empty when none are needed). */
  env: () => NodeJS.ProcessEnv;
}

interface JsonEntry {
  type: string;
  platform: string | null;
  digest: string;
  mediaType: string;
  attestation: { describes: { digest: string; platform: string | null } } | null;
}

const refOf = (r: TestRegistry, f: Fixture) => `${r.host}/${f.repository}:${f.tag}`;

export function assertJsonMatches(json: Record<string, unknown>, f: Fixture, r: TestRegistry): void {
  const e = f.expected;
  assert.equal(json.schemaVersion, 1);
  assert.equal(json.reference, refOf(r, f));
  assert.equal(json.registry, r.host);
  assert.equal(json.repository, f.repository);
  assert.equal(json.tag, f.tag);
  assert.equal(json.digest, e.digest);
  assert.equal(json.mediaType, e.mediaType);
  assert.equal(json.kind, e.kind);
  assert.equal(json.size, e.size);
  const entries = json.manifests as JsonEntry[];
  const images = entries.filter((m) => m.type === 'image');
  assert.deepEqual(
    images.map((m) => [m.platform, m.digest]),
    e.platforms.map((p) => [p.platform, e.kind === 'index' ? p.digest : e.digest]),
  );
  const attestations = entries.filter((m) => m.type === 'attestation');
  assert.deepEqual(
    attestations.map((m) => [m.digest, m.attestation?.describes.digest, m.attestation?.describes.platform]),
    e.attestations.map((a) => [a.digest, a.describes, a.platform]),
  );
  assert.deepEqual(
    entries.filter((m) => m.type === 'index').map((m) => m.digest),
    e.nestedIndexes.map((n) => n.digest),
  );
}

export function inspectSuite(ctx: SuiteContext): void {
  for (const f of allFixtures.filter((x) => !x.repository.startsWith('private/'))) {
    test(`--json of ${f.name} matches what was pushed`, async () => {
      const run = await runCli(['inspect', '--json', refOf(ctx.registry(), f)], { env: ctx.env() });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stderr, '');
      assertJsonMatches(JSON.parse(run.stdout), f, ctx.registry());
    });
  }

  test('the nginx-like list shows 8 platform rows', async () => {
    const run = await runCli(['inspect', refOf(ctx.registry(), nginxLike)], { env: ctx.env() });
    assert.equal(run.status, 0, run.stderr);
    const rows = run.stdout.split('\n').filter((l) => l.startsWith('linux/'));
    assert.deepEqual(rows.map((l) => l.split(/\s+/)[0]), nginxLike.expected.platforms.map((p) => p.platform));
    for (const p of nginxLike.expected.platforms) assert.ok(run.stdout.includes(p.digest), `full digest ${p.digest}`);
    assert.match(run.stdout, /^8 platforms$/m);
    assert.doesNotMatch(run.stdout, /\u001b\[/, 'no color when stdout is not a terminal');
  });

  test('the BuildKit index shows 3 platforms and 3 attestations, each naming its platform', async () => {
    const run = await runCli(['inspect', refOf(ctx.registry(), buildkit)], { env: ctx.env() });
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.deepEqual(lines.filter((l) => l.startsWith('linux/')).map((l) => l.split(/\s+/)[0]), ['linux/amd64', 'linux/arm64', 'linux/arm/v7']);
    const attestations = lines.filter((l) => l.startsWith('attestation → '));
    assert.deepEqual(attestations.map((l) => l.split(/\s+/)[2]), ['linux/amd64', 'linux/arm64', 'linux/arm/v7']);
    for (const a of buildkit.expected.attestations) assert.ok(attestations.some((l) => l.includes(a.digest)));
    assert.match(run.stdout, /^3 platforms, 3 attestations$/m);
    assert.doesNotMatch(run.stdout, /unknown\/unknown/);
  });

  test('--raw | sha256sum equals the digest the registry reports', async () => {
    const r = ctx.registry();
    for (const f of [nginxLike, buildkit]) {
      const auth = await authorizationFor(r, f.repository, ['pull'], r.auth === 'none' ? undefined : r.users.bob);
      const served = await getManifest(r.url, f.repository, f.tag, auth);
      const reported = served.headers.get('docker-content-digest');
      const run = await runCli([], { env: ctx.env(), shell: `$MFX inspect --raw '${refOf(r, f)}' | sha256sum` });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(`sha256:${run.stdout.split(' ')[0]}`, reported);
      const raw = await runCli(['inspect', '--raw', refOf(r, f)], { env: ctx.env() });
      assert.ok(raw.stdoutBytes.equals(served.body), 'exactly the bytes served');
      assert.equal(`sha256:${createHash('sha256').update(raw.stdoutBytes).digest('hex')}`, f.expected.digest);
    }
  });

  test('by digest, and by tag and digest together', async () => {
    const r = ctx.registry();
    const byDigest = `${r.host}/${buildkit.repository}@${buildkit.expected.digest}`;
    const both = `${r.host}/${buildkit.repository}:${buildkit.tag}@${buildkit.expected.digest}`;
    for (const ref of [byDigest, both]) {
      const run = await runCli(['inspect', '--json', ref], { env: ctx.env() });
      assert.equal(run.status, 0, run.stderr);
      const json = JSON.parse(run.stdout);
      assert.equal(json.digest, buildkit.expected.digest);
      assert.equal(json.tag, ref === both ? buildkit.tag : null);
    }
  });

  test('the README jq recipes work on --json', async () => {
    requireExecutable('jq', 'jq', "the README's jq recipes are tested");
    const r = ctx.registry();
    const archs = await runCli([], { env: ctx.env(), shell: `$MFX inspect --json '${refOf(r, buildkit)}' | jq -r '.manifests[] | select(.type == "image") | .platform'` });
    assert.equal(archs.status, 0, archs.stderr);
    assert.equal(archs.stdout, 'linux/amd64\nlinux/arm64\nlinux/arm/v7\n');
    const hasArm64 = `jq -e 'any(.manifests[]; .type == "image" and .os == "linux" and .architecture == "arm64")'`;
    const yes = await runCli([], { env: ctx.env(), shell: `$MFX inspect --json '${refOf(r, nginxLike)}' | ${hasArm64}` });
    assert.equal(yes.status, 0, yes.stderr);
    assert.equal(yes.stdout.trim(), 'true');
    const windowsRef = `${r.host}/team/windows-app:ltsc`;
    const no = await runCli([], { env: ctx.env(), shell: `$MFX inspect --json '${windowsRef}' | ${hasArm64}` });
    assert.equal(no.status, 1, 'jq -e exits 1 when the answer is false');
    const attested = await runCli([], {
      env: ctx.env(),
      shell: `$MFX inspect --json '${refOf(r, buildkit)}' | jq -r '.manifests[] | select(.type == "attestation") | .attestation.describes.platform'`,
    });
    assert.equal(attested.stdout, 'linux/amd64\nlinux/arm64\nlinux/arm/v7\n');
    const pin = await runCli([], {
      env: ctx.env(),
      shell: `$MFX inspect --json '${refOf(r, nginxLike)}' | jq -r '.manifests[] | select(.platform == "linux/amd64") | .digest'`,
    });
    assert.equal(pin.stdout, `${nginxLike.expected.platforms.find((p) => p.platform === 'linux/amd64')!.digest}\n`);
  });
}
