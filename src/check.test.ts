import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ImageCheck, checkExitCode } from './check.js';
import { AuthError, MfxError, NetworkError, ReferenceParseError } from './errors.js';

const image = (status: ImageCheck['status'], error?: MfxError): ImageCheck => ({
  input: 'x',
  reference: undefined,
  digest: undefined,
  status,
  platforms: [],
  error,
});
const notFound = new MfxError('not-found', 'gone');
const integrity = new MfxError('integrity', 'bad');

const cases: { name: string; images: ImageCheck[]; want: number }[] = [
  { name: 'all ok', images: [image('ok'), image('ok')], want: 0 },
  { name: 'no images at all', images: [], want: 0 },
  { name: 'one missing', images: [image('ok'), image('missing')], want: 1 },
  { name: 'a failure beats a missing platform', images: [image('missing'), image('error', notFound)], want: 3 },
  { name: 'the lowest failure code wins: auth (4) over network (5)', images: [image('error', new NetworkError('h', 'down')), image('error', new AuthError('no'))], want: 4 },
  { name: 'usage (2) over not found (3)', images: [image('error', notFound), image('error', new ReferenceParseError('B', 'repository', 'r'))], want: 2 },
  { name: 'integrity alone', images: [image('ok'), image('error', integrity)], want: 6 },
];

for (const c of cases) {
  test(`check exit code: ${c.name} → ${c.want}`, () => assert.equal(checkExitCode(c.images), c.want));
}
