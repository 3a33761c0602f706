/**
 * --platform, --sizes, `mfx digest` and `mfx check` against a real registry without auth:
 * docker's platform matching on the fixtures, fallbacks, nested indexes, Windows versions,
 * sizes read from the child manifests, and check's matrix, JSON and exit codes.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Fixture, armV6Only, buildkit, dockerSingle, nested, nginxLike, windows } from '../fixtures/images.js';
import { requireExecutable } from '../helpers/executables.js';
import { pushAll } from '../helpers/push.js';
import { startRegistry, type TestRegistry } from '../helpers/registry.js';
import { runCli } from '../helpers/run-cli.js';
import { validateAgainstShippedSchema } from '../helpers/schema-validator.js';

let registry: TestRegistry;
before(async () => {
  registry = await startRegistry({ auth: 'none' });
  await pushAll(registry);
});
after(async () => registry?.stop());

const refOf = (f: Fixture) => `${registry.host}/${f.repository}:${f.tag}`;
const platformDigest = (f: Fixture, platform: string, osVersion?: string) =>
  f.expected.platforms.find((p) => p.platform === platform && (osVersion === undefined || p.osVersion === osVersion))!.digest;

/** Config plus layer sizes, read from the fixture's own manifest bytes. */
function compressedSize(f: Fixture, digest: string): number {
  const m = JSON.parse(f.manifests.find((x) => x.digest === digest)!.bytes.toString());
  return m.config.size + m.layers.reduce((s: number, l: { size: number }) => s + l.size, 0);
}

async function json(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = await runCli([...args, '--json'], { env });
  assert.equal(run.status, 0, run.stderr);
  return { doc: JSON.parse(run.stdout), stderr: run.stderr };
}

test('--platform arm64 on the nginx-like list selects arm64/v8 and prints its size; aliases select the same', async () => {
  const want = platformDigest(nginxLike, 'linux/arm64/v8');
  const table = await runCli(['inspect', refOf(nginxLike), '--platform', 'arm64']);
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /→ linux\/arm64\/v8\n/);
  assert.match(table.stdout, new RegExp(`digest\\s+${want}`));
  assert.match(table.stdout, new RegExp(`pinned\\s+${registry.host}/${nginxLike.repository}@${want}`));
  assert.match(table.stdout, /layers\s+1, \d+ B compressed/);
  assert.match(table.stdout, new RegExp(`total size\\s+${compressedSize(nginxLike, want)} B compressed`));
  for (const spec of ['arm64', 'aarch64', 'linux/arm64/v8', 'LINUX/ARM64', 'linux/aarch64']) {
    const { doc } = await json(['inspect', refOf(nginxLike), '--platform', spec]);
    assert.equal(doc.selected.digest, want, spec);
    assert.equal(doc.selected.platform, 'linux/arm64/v8');
    assert.equal(doc.selected.exact, true);
    assert.equal(doc.selected.compressedSize, compressedSize(nginxLike, want));
    assert.equal(doc.selected.layers.count, 1);
    assert.deepEqual(validateAgainstShippedSchema('inspect.schema.json', doc), []);
  }
});

test('linux/arm/v7 on a list with only arm/v6 falls back and says so; --strict is exit 1', async () => {
  const v6 = platformDigest(armV6Only, 'linux/arm/v6');
  const table = await runCli(['inspect', refOf(armV6Only), '--platform', 'linux/arm/v7']);
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /no linux\/arm\/v7 image; using the compatible linux\/arm\/v6/);
  const { doc, stderr } = await json(['inspect', refOf(armV6Only), '--platform', 'linux/arm/v7']);
  assert.equal(doc.selected.digest, v6);
  assert.equal(doc.selected.exact, false);
  assert.match(stderr, /^mfx: note: no linux\/arm\/v7 image; using the compatible linux\/arm\/v6$/m);
  const strict = await runCli(['inspect', refOf(armV6Only), '--platform', 'linux/arm/v7', '--strict']);
  assert.equal(strict.status, 1, strict.stderr);
  assert.equal(strict.stdout, '');
  assert.match(strict.stderr, /has no linux\/arm\/v7 \(strict\) image; it offers linux\/amd64, linux\/arm\/v6/);
});

test('a platform an image lacks is exit 1, listing what it offers; a bad specifier is exit 2', async () => {
  const miss = await runCli(['inspect', refOf(windows), '--platform', 'linux/arm64']);
  assert.equal(miss.status, 1);
  assert.match(miss.stderr, /has no linux\/arm64 image; it offers windows\/amd64 \(10\.0\.17763\.5329\), windows\/amd64 \(10\.0\.20348\.2227\)/);
  const bad = await runCli(['inspect', refOf(windows), '--platform', 'linux/arm64/v8/extra']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^mfx: invalid platform "linux\/arm64\/v8\/extra"/);
});

test('a single-platform image matches by the platform of its config', async () => {
  const { doc } = await json(['inspect', refOf(dockerSingle), '--platform', 'linux/amd64']);
  assert.equal(doc.selected.digest, dockerSingle.expected.digest);
  const miss = await runCli(['inspect', refOf(dockerSingle), '--platform', 'arm64']);
  assert.equal(miss.status, 1);
});

test('nested indexes are walked to the image', async () => {
  const inner = nested.expected.nestedIndexes[0]!;
  const { doc } = await json(['inspect', refOf(nested), '--platform', 'linux/arm/v7']);
  assert.equal(doc.selected.digest, inner.platforms.find((p) => p.platform === 'linux/arm/v7')!.digest);
  assert.deepEqual(doc.selected.via, [inner.digest]);
});

test('Windows entries are chosen by os.version', async () => {
  for (const [spec, version] of [
    ['windows(10.0.20348)/amd64', '10.0.20348.2227'],
    ['windows(10.0.17763)/amd64', '10.0.17763.5329'],
  ] as const) {
    const { doc } = await json(['inspect', refOf(windows), '--platform', spec]);
    assert.equal(doc.selected.digest, platformDigest(windows, 'windows/amd64', version), spec);
    assert.equal(doc.selected.osVersion, version);
  }
});

test('--raw with --platform prints the selected manifest bytes', async () => {
  const run = await runCli(['inspect', refOf(nginxLike), '--platform', 'linux/386', '--raw']);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(`sha256:${createHash('sha256').update(run.stdoutBytes).digest('hex')}`, platformDigest(nginxLike, 'linux/386'));
});

test('--sizes adds every platform\'s compressed size, from its manifest', async () => {
  const { doc } = await json(['inspect', refOf(buildkit), '--sizes']);
  for (const m of doc.manifests) {
    if (m.type === 'image') assert.equal(m.compressedSize, compressedSize(buildkit, m.digest), m.platform);
    else assert.equal(m.compressedSize, null);
  }
  const table = await runCli(['inspect', refOf(buildkit), '--sizes']);
  assert.match(table.stdout, /PLATFORM\s+DIGEST\s+SIZE\s+MEDIA TYPE/);
  assert.match(table.stdout, /linux\/amd64\s+sha256:[0-9a-f]{64}\s+\d+ B\s+oci manifest/);
});

test('mfx digest: of the index, of a platform, pinned; equal to what docker manifest inspect --verbose reports', async () => {
  const index = await runCli(['digest', refOf(nginxLike)]);
  assert.equal(index.stdout, `${nginxLike.expected.digest}\n`);
  const amd64 = await runCli(['digest', refOf(nginxLike), '--platform', 'linux/amd64']);
  assert.equal(amd64.stdout, `${platformDigest(nginxLike, 'linux/amd64')}\n`);
  const pinned = await runCli(['digest', refOf(nginxLike), '--pinned']);
  assert.equal(pinned.stdout, `${refOf(nginxLike)}@${nginxLike.expected.digest}\n`);
  requireExecutable('docker', 'docker.io', 'mfx digest is compared with docker manifest inspect --verbose');
  const config = mkdtempSync(join(tmpdir(), 'mfx-docker-'));
  const docker = await runCli([], { env: { DOCKER_CONFIG: config }, shell: `docker manifest inspect --verbose --insecure '${refOf(nginxLike)}'` });
  assert.equal(docker.status, 0, docker.stderr);
  const entries = JSON.parse(docker.stdout) as { Descriptor: { digest: string; platform: { os: string; architecture: string; variant?: string } } }[];
  const fromDocker = entries.find((e) => e.Descriptor.platform.os === 'linux' && e.Descriptor.platform.architecture === 'amd64')!;
  assert.equal(amd64.stdout.trim(), fromDocker.Descriptor.digest);
});

test('mfx check: exit 0 when every image offers every platform, with the matrix', async () => {
  const run = await runCli(['check', refOf(nginxLike), refOf(buildkit), '--platform', 'linux/amd64,linux/arm64', '-p', 'linux/arm/v7']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^IMAGE\s+linux\/amd64\s+linux\/arm64\s+linux\/arm\/v7$/m);
  assert.match(run.stdout, /nginx-like:1\.27\s+✓\s+✓\s+✓$/m);
  assert.match(run.stdout, /^2 of 2 images offer every platform$/m);
  assert.equal(run.stderr, '');
});

test('mfx check: as docker pull, linux/arm64 is served by 32-bit arm unless --strict', async () => {
  const run = await runCli(['check', refOf(armV6Only), '--platform', 'linux/arm64']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /armv6-only:1\s+✓ arm\/v6$/m);
  const strict = await runCli(['check', refOf(armV6Only), '--platform', 'linux/arm64', '--strict']);
  assert.equal(strict.status, 1, strict.stderr);
});

test('mfx check: exit 1 when one lacks a platform; the variant that stood in is shown', async () => {
  const run = await runCli(['check', refOf(nginxLike), refOf(armV6Only), '--platform', 'linux/s390x,linux/arm/v7']);
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stdout, /armv6-only:1\s+✗\s+✓ arm\/v6$/m);
  assert.match(run.stdout, /1 missing \(.*armv6-only:1 lacks linux\/s390x\)/);
  const ascii = await runCli(['check', refOf(armV6Only), '--platform', 'linux/s390x,linux/arm/v7', '--ascii']);
  assert.match(ascii.stdout, /armv6-only:1\s+MISSING\s+ok arm\/v6$/m);
  const posix = await runCli(['check', refOf(armV6Only), '--platform', 'linux/s390x'], { env: { LANG: 'C' } });
  assert.match(posix.stdout, /armv6-only:1\s+MISSING$/m);
  const strict = await runCli(['check', refOf(armV6Only), '--platform', 'linux/arm/v7', '--strict']);
  assert.equal(strict.status, 1);
});

test('mfx check: attestations never count; a failure beats a missing platform (exit 3)', async () => {
  const att = await runCli(['check', refOf(buildkit), '--platform', 'unknown/unknown']);
  assert.equal(att.status, 1, att.stderr);
  const run = await runCli(['check', refOf(armV6Only), `${registry.host}/team/nope:1`, '--platform', 'linux/arm64']);
  assert.equal(run.status, 3, run.stderr);
  assert.match(run.stdout, /team\/nope:1\s+error: .*not found/);
});

test('mfx check --json validates against schema/check.schema.json', async () => {
  const run = await runCli(['check', refOf(nginxLike), refOf(armV6Only), `${registry.host}/team/nope:1`, 'Bad:Ref', '-p', 's390x,linux/arm/v7', '--json']);
  assert.equal(run.status, 2, run.stderr);
  const doc = JSON.parse(run.stdout);
  assert.deepEqual(validateAgainstShippedSchema('check.schema.json', doc), []);
  assert.deepEqual(doc.platforms, ['linux/s390x', 'linux/arm/v7']);
  assert.deepEqual(doc.images.map((i: { status: string }) => i.status), ['ok', 'missing', 'error', 'error']);
  assert.deepEqual(doc.images.map((i: { error: { exitCode: number } | null }) => i.error?.exitCode ?? null), [null, null, 3, 2]);
  assert.deepEqual(doc.images[1].platforms[1], { requested: 'linux/arm/v7', platform: 'linux/arm/v7', present: true, exact: false, matched: 'linux/arm/v6', digest: platformDigest(armV6Only, 'linux/arm/v6') });
  assert.deepEqual(doc.summary, { images: 4, ok: 1, missing: 1, failed: 2 });
  assert.equal(doc.exitCode, 2);
});

test('mfx check under GitHub Actions: annotations and the step summary, and only there', async () => {
  const summary = join(mkdtempSync(join(tmpdir(), 'mfx-gha-')), 'summary.md');
  const args = ['check', refOf(armV6Only), refOf(nginxLike), '--platform', 'linux/ppc64le,linux/s390x'];
  const gha = await runCli(args, { env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } });
  assert.equal(gha.status, 1);
  assert.match(gha.stderr, /^::error title=missing platform linux\/ppc64le::.*armv6-only:1 has no linux\/ppc64le image$/m);
  assert.match(gha.stderr, /^::error title=missing platform linux\/s390x::.*armv6-only:1 has no linux\/s390x image$/m);
  assert.equal(gha.stderr.match(/^::error/gm)?.length, 2);
  const md = readFileSync(summary, 'utf8');
  assert.match(md, /^\| image \| `linux\/ppc64le` \| `linux\/s390x` \|$/m);
  assert.match(md, /armv6-only:1` \| ❌ missing \| ❌ missing \|$/m);
  const plain = await runCli(args, { env: { GITHUB_STEP_SUMMARY: summary } });
  assert.doesNotMatch(plain.stderr + plain.stdout, /::error/);
  assert.equal(readFileSync(summary, 'utf8'), md, 'nothing appended without GITHUB_ACTIONS=true');
});
