import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isKnownArch, isKnownOS } from './database.js';
import { normalizeArch, normalizeFeatures, normalizeOS, normalizePlatform } from './normalize.js';
import type { Platform } from './types.js';

/** Every alias of database.go's normalizeArch: [arch, variant] → [arch, variant]. */
const ARCH_ALIASES: [string, string, string, string][] = [
  ['aarch64', '', 'arm64', ''],
  ['Aarch64', 'v8', 'arm64', ''],
  ['arm64', '8', 'arm64', ''],
  ['arm64', 'v8', 'arm64', ''],
  ['arm64', 'v8.0', 'arm64', ''],
  ['arm64', '9', 'arm64', 'v9'],
  ['arm64', '9.0', 'arm64', 'v9'],
  ['arm64', 'v9.0', 'arm64', 'v9'],
  ['arm64', 'V8.2', 'arm64', 'v8.2'],
  ['arm64', 'v9.5', 'arm64', 'v9.5'],
  ['x86_64', '', 'amd64', ''],
  ['x86-64', 'v2', 'amd64', 'v2'],
  ['X86_64', 'v1', 'amd64', ''],
  ['amd64', 'v1', 'amd64', ''],
  ['amd64', 'v4', 'amd64', 'v4'],
  ['i386', '', '386', ''],
  ['i386', 'v7', '386', ''],
  ['386', '', '386', ''],
  ['armhf', '', 'arm', 'v7'],
  ['armhf', 'v6', 'arm', 'v7'],
  ['armel', '', 'arm', 'v6'],
  ['armel', 'v7', 'arm', 'v6'],
  ['arm', '', 'arm', 'v7'],
  ['arm', '7', 'arm', 'v7'],
  ['arm', '5', 'arm', 'v5'],
  ['arm', '6', 'arm', 'v6'],
  ['arm', '8', 'arm', 'v8'],
  ['arm', '4', 'arm', '4'],
  ['ARM', 'V7', 'arm', 'v7'],
  ['PPC64LE', '', 'ppc64le', ''],
  ['s390x', '', 's390x', ''],
  ['riscv64', 'rva23u64', 'riscv64', 'rva23u64'],
];

test('normalizeArch: every alias', () => {
  for (const [arch, variant, wantArch, wantVariant] of ARCH_ALIASES) {
    assert.deepEqual(normalizeArch(arch, variant), { architecture: wantArch, variant: wantVariant }, `${arch}/${variant}`);
  }
});

test('normalizeOS: lower-cased, macos is darwin, empty is the host OS', () => {
  const host: Platform = { os: 'freebsd', architecture: 'amd64' };
  const rows: [string, string][] = [['Linux', 'linux'], ['macOS', 'darwin'], ['macos', 'darwin'], ['WINDOWS', 'windows'], ['', 'freebsd']];
  for (const [os, want] of rows) assert.equal(normalizeOS(os, host), want, os);
  assert.ok(normalizeOS('').length > 0, 'this machine supplies an OS');
});

test('normalizeFeatures: sorted and de-duplicated', () => {
  assert.deepEqual(normalizeFeatures(['b', 'a', 'b']), ['a', 'b']);
  assert.deepEqual(normalizeFeatures(['win32k']), ['win32k']);
  assert.deepEqual(normalizeFeatures([]), []);
});

test('normalizePlatform: OCI fields only, os.version kept, empty fields left out', () => {
  const rows: [Platform, Platform][] = [
    [{ os: 'Linux', architecture: 'aarch64', variant: 'v8' }, { os: 'linux', architecture: 'arm64' }],
    [{ os: 'linux', architecture: 'arm' }, { os: 'linux', architecture: 'arm', variant: 'v7' }],
    [
      { os: 'Windows', 'os.version': '10.0.17763.5329', architecture: 'AMD64' },
      { os: 'windows', 'os.version': '10.0.17763.5329', architecture: 'amd64' },
    ],
    [{ os: 'linux', architecture: 'amd64', 'os.features': ['z', 'a', 'z'] }, { os: 'linux', architecture: 'amd64', 'os.features': ['a', 'z'] }],
    [{ os: 'linux', architecture: 'amd64', 'os.features': [] }, { os: 'linux', architecture: 'amd64' }],
  ];
  for (const [input, want] of rows) assert.deepEqual(normalizePlatform(input), want, JSON.stringify(input));
  const extra = { os: 'linux', architecture: 'amd64', features: ['sse4'] };
  assert.deepEqual(normalizePlatform(extra), { os: 'linux', architecture: 'amd64' });
});

test('database: single words are an OS, an architecture, or neither', () => {
  for (const os of ['linux', 'windows', 'darwin', 'freebsd', 'solaris', 'zos']) assert.ok(isKnownOS(os), os);
  for (const arch of ['amd64', 'arm64', 'arm', '386', 'ppc64le', 's390x', 'riscv64', 'mips64le', 'loong64', 'wasm']) {
    assert.ok(isKnownArch(arch), arch);
  }
  for (const word of ['foo', 'aarch64', 'macos', 'x86_64', 'unknown']) assert.ok(!isKnownOS(word) && !isKnownArch(word), word);
});
