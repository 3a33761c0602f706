import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManifestError } from '../errors.js';
import { computeDigest } from './digest.js';
import { schema1Payload } from './schema1.js';

// A prettyjws document is the payload with `,"signatures":[…]` spliced in before its closing
// bytes; `formatLength` and `formatTail` in the protected header undo the splice.
function sign(payload: string): Buffer {
  const cut = payload.lastIndexOf('\n}');
  const protectedHeader = Buffer.from(
    JSON.stringify({ formatLength: cut, formatTail: Buffer.from(payload.slice(cut)).toString('base64url'), time: '2016-01-01T00:00:00Z' }),
  ).toString('base64url');
  const signatures = `,\n   "signatures": [{"header": {"alg": "ES256"}, "signature": "c2ln", "protected": "${protectedHeader}"}]`;
  return Buffer.from(payload.slice(0, cut) + signatures + payload.slice(cut));
}

const payload = '{\n   "schemaVersion": 1,\n   "name": "library/x",\n   "tag": "1",\n   "architecture": "amd64"\n}';

test('schema1Payload gives back the bytes that were signed', () => {
  const signed = sign(payload);
  assert.notEqual(signed.toString(), payload);
  assert.equal(schema1Payload(signed).toString(), payload);
  assert.equal(computeDigest(schema1Payload(signed)), computeDigest(Buffer.from(payload)));
});

for (const [name, raw] of [
  ['no signatures', payload],
  ['a protected header that is not JSON', '{"signatures":[{"protected":"bm90IGpzb24"}]}'],
  ['formatLength past the end', `{"signatures":[{"protected":"${Buffer.from('{"formatLength":9999,"formatTail":""}').toString('base64url')}"}]}`],
] as const) {
  test(`schema1Payload rejects ${name}`, () => {
    assert.throws(() => schema1Payload(Buffer.from(raw)), ManifestError);
  });
}
