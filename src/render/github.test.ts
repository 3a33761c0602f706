import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CheckResult } from '../check.js';
import { MfxError } from '../errors.js';
import { parseReference } from '../ref/reference.js';
import { githubAnnotations } from './github.js';

const request = { text: 'linux/arm64', platform: { os: 'linux', architecture: 'arm64' }, strict: false };

test('an annotation per missing platform and per failed image, with data escaped', () => {
  const result: CheckResult = {
    requests: [request],
    exitCode: 3,
    images: [
      { input: 'a', reference: parseReference('a:1'), digest: 'sha256:x', status: 'missing', platforms: [{ request, match: undefined }], error: undefined },
      { input: 'b', reference: parseReference('b:1'), digest: 'sha256:y', status: 'ok', platforms: [{ request, match: { platform: request.platform, digest: 'd', exact: true } }], error: undefined },
      { input: 'c', reference: parseReference('c:1'), digest: undefined, status: 'error', platforms: [], error: new MfxError('not-found', 'c:1: not found\n::error::injected 100%') },
    ],
  };
  assert.equal(
    githubAnnotations(result),
    '::error title=missing platform linux/arm64::a:1 has no linux/arm64 image\n' +
      '::error title=mfx check%3A c%3A1::c:1: not found::error::injected 100%25\n',
  );
});

test('nothing when every platform is there', () => {
  assert.equal(githubAnnotations({ requests: [request], exitCode: 0, images: [] }), '');
});
