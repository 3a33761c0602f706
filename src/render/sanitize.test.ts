import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sanitize } from './sanitize.js';

const cases: [string, string, string][] = [
  ['plain text', 'linux/arm64', 'linux/arm64'],
  ['CSI color', 'a\u001b[31mred\u001b[0m', 'ared'],
  ['cursor movement', 'x\u001b[2J\u001b[Hy', 'xy'],
  ['OSC window title with BEL', 'a\u001b]0;pwned\u0007b', 'ab'],
  ['OSC hyperlink with ST', 'a\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\b', 'alinkb'],
  ['C1 CSI', 'a\u009b31mb', 'ab'],
  ['newlines and carriage returns', 'a\r\nb\tc', 'abc'],
  ['NUL and DEL', 'a\u0000b\u007fc', 'abc'],
  ['unicode stays', 'attestation → linux/amd64 ✓', 'attestation → linux/amd64 ✓'],
];

for (const [name, input, want] of cases) {
  test(`sanitize: ${name}`, () => assert.equal(sanitize(input), want));
}
