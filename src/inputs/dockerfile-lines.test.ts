import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readInstructions } from './dockerfile-lines.js';

const cases: { name: string; text: string; escape?: string; want: [number, string][] }[] = [
  { name: 'one instruction per line', text: 'FROM a\nRUN b\n', want: [[1, 'FROM a'], [2, 'RUN b']] },
  { name: 'comments and blank lines skipped', text: '# c\n\nFROM a\n  # indented\n', want: [[3, 'FROM a']] },
  { name: 'continuation joined, line of its start', text: 'RUN a \\\n  b \\\n  c\nFROM x', want: [[1, 'RUN a   b   c'], [4, 'FROM x']] },
  { name: 'blanks after the escape character', text: 'FROM \\  \n alpine', want: [[1, 'FROM  alpine']] },
  { name: 'comments and blank lines inside a continuation', text: 'FROM \\\n# note\n\n  alpine\nRUN x', want: [[1, 'FROM   alpine'], [5, 'RUN x']] },
  { name: 'a continuation at the end of the file', text: 'FROM alpine \\\n', want: [[1, 'FROM alpine']] },
  { name: 'CRLF', text: 'FROM \\\r\n alpine\r\nRUN x\r\n', want: [[1, 'FROM  alpine'], [3, 'RUN x']] },
  { name: 'byte order mark', text: '\uFEFFFROM a', want: [[1, 'FROM a']] },
  { name: 'tabs', text: '\tFROM\talpine\t\n', want: [[1, 'FROM\talpine']] },
  { name: 'escape directive: backtick', text: '# escape=`\nFROM `\n  alpine\nRUN dir c:\\', escape: '`', want: [[2, 'FROM   alpine'], [4, 'RUN dir c:\\']] },
  { name: 'directives only at the top', text: '# hello\n# escape=`\nFROM \\\n a', want: [[3, 'FROM  a']] },
  { name: 'syntax directive ignored', text: '# syntax=docker/dockerfile:1\nFROM a', want: [[2, 'FROM a']] },
  { name: 'here-document bodies skipped', text: 'RUN <<EOF\nFROM fake\nEOF\nFROM real', want: [[1, 'RUN <<EOF'], [4, 'FROM real']] },
  { name: 'quoted and tab-stripped delimiters', text: "COPY <<-'END' /x\nFROM fake\n\tEND\nFROM real", want: [[1, "COPY <<-'END' /x"], [4, 'FROM real']] },
  { name: 'two here-documents', text: 'RUN <<A bash && <<B sh\nFROM f1\nA\nFROM f2\nB\nFROM real', want: [[1, 'RUN <<A bash && <<B sh'], [6, 'FROM real']] },
  { name: 'no here-document outside RUN, COPY, ADD', text: 'LABEL x=<<EOF\nFROM real', want: [[1, 'LABEL x=<<EOF'], [2, 'FROM real']] },
];

for (const c of cases) {
  test(`Dockerfile instructions: ${c.name}`, () => {
    const got = readInstructions(c.text);
    assert.equal(got.escape, c.escape ?? '\\');
    assert.deepEqual(got.instructions.map((i) => [i.line, i.text]), c.want);
  });
}
