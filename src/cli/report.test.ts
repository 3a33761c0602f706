import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatWindow, progressLine, reportStats } from './report.js';
import { memoryIO } from './testing.js';

function ttyIO(isTTY: boolean) {
  const io = memoryIO();
  (io.stderr as { isTTY?: boolean }).isTTY = isTTY;
  return io;
}

test('a progress line on a terminal, for more than a few images, cleared at the end', () => {
  const io = ttyIO(true);
  const progress = progressLine(5, io)!;
  progress({ done: 1, total: 5, failed: 0 });
  progress({ done: 4, total: 5, failed: 1 });
  progress({ done: 5, total: 5, failed: 1 });
  assert.equal(io.err(), '\r\u001b[K1/5 images, 0 failed\r\u001b[K4/5 images, 1 failed\r\u001b[K');
});

test('no progress line when stderr is not a terminal, or for few images', () => {
  assert.equal(progressLine(200, ttyIO(false)), undefined);
  assert.equal(progressLine(3, ttyIO(true)), undefined);
});

test('quota: a warning when low, a line with --verbose, the request count with --verbose', () => {
  const low = memoryIO();
  reportStats({ requests: 4, rateLimits: new Map([['docker.io', { limit: 100, remaining: 3, windowSeconds: 21600 }]]) }, false, low);
  assert.equal(low.err(), 'mfx: warning: docker.io pull quota is low: 3 of 100 left per 6 h\n');
  const verbose = memoryIO();
  reportStats({ requests: 1, rateLimits: new Map([['docker.io', { limit: 100, remaining: 76, windowSeconds: undefined }]]) }, true, verbose);
  assert.match(verbose.err(), /^mfx: docker\.io pull quota: 76 of 100 left\nmfx: 1 HTTP request\nmfx: peak memory \d+ MiB\n$/);
  const quiet = memoryIO();
  reportStats({ requests: 9, rateLimits: new Map([['docker.io', { limit: 100, remaining: 76, windowSeconds: 21600 }]]) }, false, quiet);
  assert.equal(quiet.err(), '');
});

for (const [seconds, want] of [[21600, '6 h'], [300, '5 min'], [45, '45 s']] as const) {
  test(`formatWindow(${seconds}) = ${want}`, () => assert.equal(formatWindow(seconds), want));
}
