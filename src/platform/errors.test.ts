import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MfxError, UsageError } from '../errors.js';
import { goQuote, PlatformParseError } from './errors.js';

test('PlatformParseError: a usage error quoting the input, with hint and containerd text', () => {
  const err = new PlatformParseError('foo', 'unknown-word', 'a hint', '"foo": unknown operating system or architecture: invalid argument');
  assert.ok(err instanceof UsageError && err instanceof MfxError);
  assert.equal(err.kind, 'usage');
  assert.equal(err.name, 'PlatformParseError');
  assert.equal(err.hint, 'a hint');
  assert.match(err.message, /^invalid platform "foo": expected os, arch, os\/arch or os\/arch\/variant \(e\.g\./);
  assert.equal(err.containerdMessage, '"foo": unknown operating system or architecture: invalid argument');
});

test('goQuote: Go %q for what containerd quotes', () => {
  const rows: [string, string][] = [
    ['linux', '"linux"'],
    ['', '""'],
    ['a"b', '"a\\"b"'],
    ['^\\(x\\)$', '"^\\\\(x\\\\)$"'],
    ['tab\there', '"tab\\there"'],
    ['\x01\x7f', '"\\x01\\x7f"'],
    ['\x07\v', '"\\a\\v"'],
    ['héllo', '"héllo"'],
  ];
  for (const [input, want] of rows) assert.equal(goQuote(input), want, JSON.stringify(input));
});
