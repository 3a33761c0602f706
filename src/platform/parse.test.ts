import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '../errors.js';
import { PlatformParseError, type PlatformParseProblem } from './errors.js';
import { parsePlatform } from './parse.js';
import type { Platform } from './types.js';

const LINUX_AMD64: Platform = { os: 'linux', architecture: 'amd64' };

const VALID: [string, Platform][] = [
  ['linux/arm64', { os: 'linux', architecture: 'arm64' }],
  ['linux/arm64/v8', { os: 'linux', architecture: 'arm64', variant: 'v8' }],
  ['linux/aarch64/8', { os: 'linux', architecture: 'arm64', variant: 'v8' }],
  ['linux/arm64/v8.0', { os: 'linux', architecture: 'arm64', variant: 'v8' }],
  ['linux/arm64/9.0', { os: 'linux', architecture: 'arm64', variant: 'v9' }],
  ['linux/arm64/v8.2', { os: 'linux', architecture: 'arm64', variant: 'v8.2' }],
  ['arm64', { os: 'linux', architecture: 'arm64' }],
  ['aarch64', { os: 'linux', architecture: 'arm64' }],
  ['linux/aarch64', { os: 'linux', architecture: 'arm64' }],
  ['x86_64', { os: 'linux', architecture: 'amd64' }],
  ['x86-64', { os: 'linux', architecture: 'amd64' }],
  ['linux/amd64/v1', { os: 'linux', architecture: 'amd64' }],
  ['linux/amd64/v3', { os: 'linux', architecture: 'amd64', variant: 'v3' }],
  ['i386', { os: 'linux', architecture: '386' }],
  ['linux/i386', { os: 'linux', architecture: '386' }],
  ['armhf', { os: 'linux', architecture: 'arm' }],
  ['linux/armhf', { os: 'linux', architecture: 'arm' }],
  ['linux/arm', { os: 'linux', architecture: 'arm' }],
  ['linux/arm/v7', { os: 'linux', architecture: 'arm', variant: 'v7' }],
  ['linux/arm/7', { os: 'linux', architecture: 'arm', variant: 'v7' }],
  ['armel', { os: 'linux', architecture: 'arm', variant: 'v6' }],
  ['linux/arm/v5', { os: 'linux', architecture: 'arm', variant: 'v5' }],
  ['LINUX/ARM64', { os: 'linux', architecture: 'arm64' }],
  ['Linux/ARM/V7', { os: 'linux', architecture: 'arm', variant: 'v7' }],
  ['linux/ppc64le', { os: 'linux', architecture: 'ppc64le' }],
  ['linux/riscv64', { os: 'linux', architecture: 'riscv64' }],
  ['linux/s390x', { os: 'linux', architecture: 's390x' }],
  ['s390x', { os: 'linux', architecture: 's390x' }],
  ['linux/mips64le', { os: 'linux', architecture: 'mips64le' }],
  ['freebsd/madeup', { os: 'freebsd', architecture: 'madeup' }],
  ['linux', { os: 'linux', architecture: 'amd64' }],
  ['windows', { os: 'windows', architecture: 'amd64' }],
  ['macOS', { os: 'darwin', architecture: 'amd64' }],
  ['macos/arm64', { os: 'darwin', architecture: 'arm64' }],
  ['windows(10.0.17763)/amd64', { os: 'windows', 'os.version': '10.0.17763', architecture: 'amd64' }],
  ['windows(10.0.17763)', { os: 'windows', 'os.version': '10.0.17763', architecture: 'amd64' }],
  ['WINDOWS(10.0.20348.2227)/AMD64', { os: 'windows', 'os.version': '10.0.20348.2227', architecture: 'amd64' }],
  ['windows(10.0.17763+win32k)/amd64', { os: 'windows', 'os.version': '10.0.17763', 'os.features': ['win32k'], architecture: 'amd64' }],
  ['linux(+gpu+simd)/amd64', { os: 'linux', 'os.features': ['gpu', 'simd'], architecture: 'amd64' }],
  ['linux(+unsorted+erofs)', { os: 'linux', 'os.features': ['unsorted', 'erofs'], architecture: 'amd64' }],
  ['windows()/amd64', { os: 'windows', architecture: 'amd64' }],
  ['windows(10.0.17763%2Bbuild.42)/amd64', { os: 'windows', 'os.version': '10.0.17763+build.42', architecture: 'amd64' }],
  ['windows(a%2fb)/amd64', { os: 'windows', 'os.version': 'a/b', architecture: 'amd64' }],
];

test('parsePlatform: valid specifiers, with a linux/amd64 host', () => {
  for (const [input, want] of VALID) assert.deepEqual(parsePlatform(input, LINUX_AMD64), want, input);
});

test('parsePlatform: an OS alone takes the host architecture, arm variants except v7', () => {
  const rows: [Platform, string, Platform][] = [
    [{ os: 'linux', architecture: 'arm64', variant: 'v8' }, 'linux', { os: 'linux', architecture: 'arm64' }],
    [{ os: 'linux', architecture: 'arm', variant: 'v6' }, 'linux', { os: 'linux', architecture: 'arm', variant: 'v6' }],
    [{ os: 'linux', architecture: 'arm', variant: 'v7' }, 'linux', { os: 'linux', architecture: 'arm' }],
    [{ os: 'linux', architecture: 'arm' }, 'windows', { os: 'windows', architecture: 'arm' }],
    [{ os: 'darwin', architecture: 'arm64' }, 'linux', { os: 'linux', architecture: 'arm64' }],
  ];
  for (const [host, input, want] of rows) assert.deepEqual(parsePlatform(input, host), want, `${input} on ${JSON.stringify(host)}`);
});

test('parsePlatform: an architecture alone is linux, whatever the host', () => {
  for (const host of [LINUX_AMD64, { os: 'darwin', architecture: 'arm64' }, { os: 'windows', architecture: 'amd64' }]) {
    assert.deepEqual(parsePlatform('arm64', host), { os: 'linux', architecture: 'arm64' });
  }
});

test('parsePlatform: without a host, this machine supplies the architecture', () => {
  const p = parsePlatform('linux');
  assert.equal(p.os, 'linux');
  assert.ok(p.architecture.length > 0);
});

const INVALID: [string, PlatformParseProblem, string][] = [
  ['', 'os-component', '"" is an invalid OS component of ""'],
  ['linux/', 'component', '"" is an invalid component of "linux/"'],
  ['/amd64', 'os-component', '"" is an invalid OS component of "/amd64"'],
  ['linux /arm', 'os-component', '"linux " is an invalid OS component of "linux /arm"'],
  ['li nux', 'os-component', '"li nux" is an invalid OS component of "li nux"'],
  ['linux/&arm', 'component', '"&arm" is an invalid component of "linux/&arm"'],
  ['linux/arm/', 'component', '"" is an invalid component of "linux/arm/"'],
  ['linux/arm64/v8/extra', 'too-many-parts', '"linux/arm64/v8/extra": cannot parse platform specifier: invalid argument'],
  ['linux/arm/v7/a/b', 'too-many-parts', '"a/b" is an invalid component of "linux/arm/v7/a/b"'],
  ['foo', 'unknown-word', '"foo": unknown operating system or architecture: invalid argument'],
  ['linux(10.0', 'os-component', '"linux(10.0" is an invalid OS component'],
  ['amd64(1.0)', 'unknown-word', '"amd64(1.0)": unknown operating system or architecture'],
  ['*', 'wildcard', '"*": wildcards not yet supported: invalid argument'],
  ['linux/*', 'wildcard', '"linux/*": wildcards not yet supported: invalid argument'],
  ['*/arm64', 'wildcard', '"*/arm64": wildcards not yet supported: invalid argument'],
  ['windows(10%zz)/amd64', 'encoding', '"windows(10%zz)/amd64" has an invalid OS version "10%zz": invalid URL escape "%zz"'],
  ['linux(+a%2)/amd64', 'encoding', '"linux(+a%2)/amd64" has an invalid OS feature "a%2": invalid URL escape "%2"'],
];

test('parsePlatform: invalid specifiers throw PlatformParseError with containerd text', () => {
  for (const [input, problem, containerd] of INVALID) {
    assert.throws(
      () => parsePlatform(input, LINUX_AMD64),
      (err: unknown) => {
        assert.ok(err instanceof PlatformParseError && err instanceof UsageError, input);
        assert.equal(err.kind, 'usage');
        assert.equal(err.input, input);
        assert.equal(err.problem, problem, input);
        assert.ok(err.containerdMessage.startsWith(containerd), `${input}: ${err.containerdMessage}`);
        assert.ok(err.containerdMessage.endsWith(': invalid argument') || problem === 'encoding', err.containerdMessage);
        assert.ok(err.hint && err.hint.length > 0, input);
        return true;
      },
    );
  }
});

test('parsePlatform: the message quotes the input and says what is accepted', () => {
  assert.throws(() => parsePlatform('linux/arm64/v8/x'), {
    message:
      'invalid platform "linux/arm64/v8/x": expected os, arch, os/arch or os/arch/variant ' +
      '(e.g. linux/arm64, arm64, windows(10.0.17763)/amd64)',
  });
  assert.throws(() => parsePlatform('foo'), { hint: /"foo" is neither a known operating system/ });
});
