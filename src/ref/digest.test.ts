import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReferenceParseError } from '../errors.js';
import {
  checkDigest,
  describeDigestProblem,
  digestAlgorithm,
  isSupportedAlgorithm,
  validateDigest,
} from './digest.js';

const sha256 = `sha256:${'a'.repeat(64)}`;
const sha512 = `sha512:${'0'.repeat(128)}`;

const checkCases: { name: string; input: string; want: string | undefined }[] = [
  { name: 'sha256, 64 lowercase hex', input: sha256, want: undefined },
  { name: 'sha512, 128 lowercase hex', input: sha512, want: undefined },
  { name: 'sha256 too short', input: 'sha256:abc', want: 'invalid checksum digest length' },
  { name: 'sha256 too long', input: `${sha256}0`, want: 'invalid checksum digest length' },
  { name: 'sha512 with sha256 length', input: `sha512:${'a'.repeat(64)}`, want: 'invalid checksum digest length' },
  { name: 'uppercase hex', input: `sha256:${'A'.repeat(64)}`, want: 'invalid checksum digest format' },
  { name: 'non-hex', input: `sha256:${'g'.repeat(64)}`, want: 'invalid checksum digest format' },
  { name: 'unknown algorithm', input: `md5:${'a'.repeat(32)}`, want: 'unsupported digest algorithm' },
  { name: 'sha384 is not supported', input: `sha384:${'a'.repeat(96)}`, want: 'unsupported digest algorithm' },
  { name: 'uppercase algorithm', input: `SHA256:${'a'.repeat(64)}`, want: 'invalid checksum digest format' },
  { name: 'no colon', input: 'a'.repeat(64), want: 'invalid checksum digest format' },
  { name: 'nothing before colon', input: `:${'a'.repeat(64)}`, want: 'invalid checksum digest format' },
  { name: 'nothing after colon', input: 'sha256:', want: 'invalid checksum digest format' },
  { name: 'empty', input: '', want: 'invalid checksum digest format' },
];

for (const c of checkCases) {
  test(`checkDigest: ${c.name}`, () => {
    assert.equal(checkDigest(c.input), c.want);
  });
}

test('validateDigest returns a valid digest', () => {
  assert.equal(validateDigest(sha256), sha256);
});

const validateErrors: { name: string; input: string; error: string }[] = [
  { name: 'short', input: 'sha256:abc', error: 'invalid checksum digest length' },
  { name: 'unknown algorithm', input: `foo:${'a'.repeat(64)}`, error: 'unsupported digest algorithm' },
];

for (const c of validateErrors) {
  test(`validateDigest throws: ${c.name}`, () => {
    assert.throws(
      () => validateDigest(c.input),
      (err: unknown) =>
        err instanceof ReferenceParseError &&
        err.component === 'digest' &&
        err.input === c.input &&
        err.reason === c.error,
    );
  });
}

const algorithmCases: { name: string; input: string; want: string | undefined }[] = [
  { name: 'sha256', input: sha256, want: 'sha256' },
  { name: 'sha512', input: sha512, want: 'sha512' },
  { name: 'invalid digest', input: 'sha256:abc', want: undefined },
  { name: 'unsupported', input: `md5:${'a'.repeat(32)}`, want: undefined },
];

for (const c of algorithmCases) {
  test(`digestAlgorithm: ${c.name}`, () => {
    assert.equal(digestAlgorithm(c.input), c.want);
  });
}

const supportedCases: { input: string; want: boolean }[] = [
  { input: 'sha256', want: true },
  { input: 'sha512', want: true },
  { input: 'sha384', want: false },
  { input: 'SHA256', want: false },
  { input: 'toString', want: false },
  { input: '', want: false },
];

for (const c of supportedCases) {
  test(`isSupportedAlgorithm(${JSON.stringify(c.input)}) is ${c.want}`, () => {
    assert.equal(isSupportedAlgorithm(c.input), c.want);
  });
}

const describeCases: { name: string; input: string; want: string | undefined }[] = [
  { name: 'valid', input: sha256, want: undefined },
  { name: 'short', input: 'sha256:abc', want: 'sha256 digest must be 64 lowercase hex characters (got 3)' },
  {
    name: 'uppercase',
    input: `sha256:${'A'.repeat(64)}`,
    want: 'sha256 digest must be 64 lowercase hex characters (found uppercase or non-hex characters)',
  },
  { name: 'sha512 short', input: 'sha512:ab', want: 'sha512 digest must be 128 lowercase hex characters (got 2)' },
  { name: 'unknown', input: 'md5:abcd', want: 'unsupported digest algorithm "md5" (supported: sha256, sha512)' },
  { name: 'no algorithm', input: 'abcd', want: 'digest "abcd" must look like sha256:<64 lowercase hex characters>' },
];

for (const c of describeCases) {
  test(`describeDigestProblem: ${c.name}`, () => {
    assert.equal(describeDigestProblem(c.input), c.want);
  });
}
