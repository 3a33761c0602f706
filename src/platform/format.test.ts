import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeOSOption, encodeOSOption, OSOptionEscapeError } from './encoding.js';
import { formatPlatform, formatPlatformAll, type PlatformLike } from './format.js';
import { parsePlatform } from './parse.js';

test('formatPlatform: os/arch[/variant], unknown for missing parts, no os.version', () => {
  const rows: [PlatformLike, string][] = [
    [{ os: 'linux', architecture: 'amd64' }, 'linux/amd64'],
    [{ os: 'linux', architecture: 'arm', variant: 'v7' }, 'linux/arm/v7'],
    [{ os: 'windows', architecture: 'amd64', 'os.version': '10.0.17763' }, 'windows/amd64'],
    [{ os: '', architecture: '' }, 'unknown/unknown'],
    [{ os: 'unknown', architecture: 'unknown' }, 'unknown/unknown'],
  ];
  for (const [p, want] of rows) assert.equal(formatPlatform(p), want);
});

test('formatPlatformAll: (os.version+features), sorted, de-duplicated, %-encoded', () => {
  const rows: [PlatformLike, string][] = [
    [{ os: 'linux', architecture: 'amd64' }, 'linux/amd64'],
    [{ os: 'linux', architecture: 'arm64', variant: 'v8' }, 'linux/arm64/v8'],
    [{ os: 'windows', 'os.version': '10.0.17763', architecture: 'amd64' }, 'windows(10.0.17763)/amd64'],
    [{ os: 'windows', 'os.version': '10.0.17763', 'os.features': ['win32k'], architecture: 'amd64' }, 'windows(10.0.17763+win32k)/amd64'],
    [{ os: 'linux', 'os.features': ['simd', 'gpu', 'gpu'], architecture: 'amd64' }, 'linux(+gpu+simd)/amd64'],
    [{ os: 'linux', 'os.features': ['', 'gpu', ''], architecture: 'amd64' }, 'linux(+gpu)/amd64'],
    [{ os: 'linux', 'os.features': [''], architecture: 'amd64' }, 'linux/amd64'],
    [{ os: 'windows', 'os.version': '1.0(beta)', architecture: 'amd64' }, 'windows(1.0%28beta%29)/amd64'],
    [{ os: 'windows', 'os.version': '10.0+build', 'os.features': ['feat+1'], architecture: 'amd64' }, 'windows(10.0%2Bbuild+feat%2B1)/amd64'],
  ];
  for (const [p, want] of rows) assert.equal(formatPlatformAll(p), want);
});

test('formatPlatformAll: parses back to the same os.version and features', () => {
  for (const v of ['10.0.17763', '10.0.17763+build.42', '50%done', '1.0(beta)', 'a/b', '%2B']) {
    const p = { os: 'windows', 'os.version': v, 'os.features': ['x+y', '100%'], architecture: 'amd64' };
    const back = parsePlatform(formatPlatformAll(p));
    assert.equal(back['os.version'], v);
    assert.deepEqual(back['os.features'], ['100%', 'x+y']);
  }
});

test('encodeOSOption / decodeOSOption: the five escapes, Go PathUnescape errors', () => {
  const rows: [string, string][] = [['%', '%25'], ['+', '%2B'], ['(', '%28'], [')', '%29'], ['/', '%2F'], ['a.b-c_d', 'a.b-c_d']];
  for (const [raw, encoded] of rows) {
    assert.equal(encodeOSOption(raw), encoded);
    assert.equal(decodeOSOption(encoded), raw);
  }
  assert.equal(decodeOSOption('%2b%41+'), '+A+', 'any %XX decodes; + stays +');
  for (const [bad, escape] of [['%', '%'], ['a%2', '%2'], ['%zz9', '%zz'], ['%g0', '%g0']] as const) {
    assert.throws(() => decodeOSOption(bad), (err: unknown) => err instanceof OSOptionEscapeError && err.escape === escape);
  }
});
