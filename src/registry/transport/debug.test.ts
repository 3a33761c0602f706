import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redactAuthorization, redactUrl, withDebug } from './debug.js';
import type { RegistryRequest } from './types.js';

test('URLs lose user-info and secret parameters, keep the rest', () => {
  assert.equal(redactUrl(new URL('https://bob:pw@r.example/token?service=s&scope=repository:a:pull&password=pw')), 'https://redacted@r.example/token?service=s&scope=repository%3Aa%3Apull&password=redacted');
  assert.equal(redactUrl(new URL('https://cdn.example/blob?X-Amz-Signature=abc&expires=1')), 'https://cdn.example/blob?X-Amz-Signature=redacted&expires=1');
});

test('Authorization keeps only its scheme', () => {
  assert.equal(redactAuthorization('Bearer eyJhbGciOi.secret'), 'Bearer <redacted>');
  assert.equal(redactAuthorization('Basic Ym9iOnB3'), 'Basic <redacted>');
});

test('a logged exchange shows no secret', async () => {
  const lines: string[] = [];
  const send = withDebug(
    async (req) => ({ status: 200, headers: { 'content-type': 'application/json', location: 'https://x/?token=t0ps3cret' }, body: Buffer.from('{"token":"t0ps3cret"}'), url: req.url }),
    (l) => lines.push(l),
    () => 0,
  );
  const req: RegistryRequest = {
    method: 'POST',
    url: new URL('https://auth.example/token'),
    headers: { authorization: 'Basic Ym9iOnB3' },
    body: 'grant_type=password&password=pw',
    maxBytes: 1,
    what: 'token',
  };
  await send(req);
  const all = lines.join('\n');
  assert.match(all, /^> POST https:\/\/auth\.example\/token authorization: Basic <redacted> \(31 bytes of form data, not shown\)$/m);
  assert.match(all, /^< 200 POST https:\/\/auth\.example\/token 21 bytes 0 ms \| content-type: application\/json \| location: https:\/\/x\/\?token=redacted$/m);
  assert.doesNotMatch(all, /t0ps3cret|Ym9iOnB3|password=pw/);
});
