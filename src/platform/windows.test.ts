import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareOSVersions, parseWindowsVersion, windowsOSVersionMatches, windowsVersionCompatible } from './windows.js';

test('parseWindowsVersion: major.minor.build, revision ignored, bad ones undefined', () => {
  const rows: [string | undefined, [number, number, number] | undefined][] = [
    ['10.0.17763', [10, 0, 17763]],
    ['10.0.20348.2227', [10, 0, 20348]],
    ['10.0.26100.2894.9', [10, 0, 26100]],
    ['99.99.99.99', [99, 99, 99]],
    ['10.0', undefined],
    ['10.0.x', undefined],
    ['256.0.1', undefined],
    ['10.0.65536', undefined],
    ['10.0.-1', undefined],
    ['0.0.0', undefined],
    ['', undefined],
    [undefined, undefined],
  ];
  for (const [input, want] of rows) {
    const got = parseWindowsVersion(input);
    assert.deepEqual(got && [got.major, got.minor, got.build], want, String(input));
  }
});

test('windowsVersionCompatible: the host-build table of windows.ts', () => {
  const rows: [number, number, boolean][] = [
    [17763, 17763, true], [17763, 20348, false], [17763, 17134, false],
    [20348, 20348, true], [20348, 17763, false], [20348, 22621, false],
    [22621, 20348, true], [22621, 22621, true], [22621, 17763, false],
    [25398, 20348, true], [25398, 25398, true],
    [26100, 20348, true], [26100, 22621, true], [26100, 26100, true], [26100, 26200, false],
    [26200, 26100, true], [26200, 20348, false],
  ];
  for (const [host, image, want] of rows) {
    const got = windowsVersionCompatible({ major: 10, minor: 0, build: host }, { major: 10, minor: 0, build: image });
    assert.equal(got, want, `${host} runs ${image}`);
  }
  assert.ok(!windowsVersionCompatible({ major: 10, minor: 0, build: 20348 }, { major: 6, minor: 3, build: 20348 }));
  assert.ok(!windowsVersionCompatible({ major: 10, minor: 0, build: 20348 }, undefined));
});

test('windowsOSVersionMatches: a missing version on either side matches', () => {
  assert.ok(windowsOSVersionMatches(undefined, '10.0.17763'));
  assert.ok(windowsOSVersionMatches('10.0.17763', ''));
  assert.ok(windowsOSVersionMatches('not-a-version', '10.0.20348'));
  assert.ok(!windowsOSVersionMatches('10.0.17763', 'garbage'));
});

test('compareOSVersions: dotted numbers, missing lowest', () => {
  const rows: [string | undefined, string | undefined, number][] = [
    ['10.0.20348.2227', '10.0.17763.5329', 1],
    ['10.0.9999', '10.0.17763', -1],
    ['10.0.17763.2', '10.0.17763.10', -1],
    ['10.0.17763', '10.0.17763', 0],
    ['10.0.17763', '10.0.17763.1', -1],
    [undefined, '10.0.17763', -1],
    ['', undefined, 0],
  ];
  for (const [a, b, sign] of rows) assert.equal(Math.sign(compareOSVersions(a, b)), sign, `${a} vs ${b}`);
});
