import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { extractDockerfile, words } from './dockerfile.js';

interface Case {
  name: string;
  text: string;
  args?: Record<string, string>;
  /** [reference, line, detail] */
  found: [string, number, string][];
  /** [line, message] */
  warnings?: [number, string][];
}

const DIGEST = `sha256:${'a'.repeat(64)}`;

const cases: Case[] = [
  { name: 'a plain FROM', text: 'FROM alpine:3.20', found: [['alpine:3.20', 1, 'FROM']] },
  { name: 'lowercase and mixed-case instructions', text: 'from alpine\nFrom busybox As b', found: [['alpine', 1, 'FROM'], ['busybox', 2, 'FROM (stage b)']] },
  { name: 'a digest', text: `FROM alpine@${DIGEST}`, found: [[`alpine@${DIGEST}`, 1, 'FROM']] },
  { name: 'the platform flag skipped', text: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS tools', found: [['golang:1.22', 1, 'FROM (stage tools)']] },
  { name: 'stages are no images, case-insensitively', text: 'FROM a AS Build\nFROM build\nFROM BUILD AS again\nFROM again', found: [['a', 1, 'FROM (stage Build)']] },
  { name: 'a later stage name is still an image before it is defined', text: 'FROM later\nFROM x AS later', found: [['later', 1, 'FROM'], ['x', 2, 'FROM (stage later)']] },
  { name: 'scratch skipped', text: 'FROM scratch\nFROM scratch AS s', found: [] },
  { name: 'tabs between words', text: 'FROM\talpine\tAS\tx', found: [['alpine', 1, 'FROM (stage x)']] },
  { name: 'Windows line endings', text: 'ARG B=alpine\r\nFROM \\\r\n  $B\r\n', found: [['alpine', 2, 'FROM']] },
  { name: 'ARG default in $X, ${X} and ${X:-d}', text: 'ARG X=alpine\nFROM $X\nFROM ${X}:1\nFROM ${X:-busybox}:2', found: [['alpine', 2, 'FROM'], ['alpine:1', 3, 'FROM'], ['alpine:2', 4, 'FROM']] },
  { name: 'quoted defaults and several ARGs on one line', text: 'ARG A="alpine" B=\'3.20\'\nFROM ${A}:${B}', found: [['alpine:3.20', 2, 'FROM']] },
  { name: 'a default built from an earlier ARG', text: 'ARG REG=ghcr.io\nARG IMG=${REG}/org/app\nFROM $IMG:1', found: [['ghcr.io/org/app:1', 3, 'FROM']] },
  { name: 'an undeclared name with a default', text: 'FROM ${REGISTRY:-ghcr.io}/org/app:1', found: [['ghcr.io/org/app:1', 1, 'FROM']] },
  { name: '${X-d} uses an empty default as set', text: 'ARG T=\nFROM alpine${T-:3}', found: [['alpine', 2, 'FROM']] },
  {
    name: 'an ARG without default',
    text: 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nFROM ${BASE_IMAGE:-alpine}',
    found: [['alpine', 3, 'FROM']],
    warnings: [[2, 'FROM ${BASE_IMAGE}: ARG BASE_IMAGE has no default; skipped']],
  },
  { name: 'an undeclared name', text: 'FROM $NOPE', found: [], warnings: [[1, 'FROM $NOPE: NOPE is not declared by an ARG before the first FROM; skipped']] },
  { name: 'an automatic platform ARG', text: 'FROM app-$TARGETARCH', found: [], warnings: [[1, 'FROM app-$TARGETARCH: TARGETARCH is set per target platform at build time; skipped']] },
  { name: 'an unsupported expansion', text: 'ARG V=1.2\nFROM app:${V%.*}', found: [], warnings: [[2, 'FROM app:${V%.*}: unsupported expansion "${V%.*}"; skipped']] },
  { name: 'ARGs after the first FROM do not reach FROM lines', text: 'FROM a\nARG X=b\nFROM $X', found: [['a', 1, 'FROM']], warnings: [[3, 'FROM $X: X is not declared by an ARG before the first FROM; skipped']] },
  { name: 'an empty expansion', text: 'ARG X=\nFROM $X', found: [], warnings: [[2, 'FROM $X: expands to nothing; skipped']] },
  { name: 'FROM without an image', text: 'FROM\nFROM --platform=linux/amd64', found: [], warnings: [[1, 'FROM without an image; skipped'], [2, 'FROM without an image; skipped']] },
  { name: 'the line of a continued FROM is its first line', text: 'RUN a\nFROM \\\n  # c\n  alpine \\\n  AS x', found: [['alpine', 2, 'FROM (stage x)']] },
  { name: 'escape directive', text: '# escape=`\nARG X=alpine\nFROM `\n $X', found: [['alpine', 3, 'FROM']] },
  { name: 'args override a default', text: 'ARG X=alpine\nFROM $X', args: { X: 'busybox' }, found: [['busybox', 2, 'FROM']] },
  { name: 'args give an ARG without default its value', text: 'ARG V\nFROM node:${V}', args: { V: '22' }, found: [['node:22', 2, 'FROM']] },
  { name: 'args do not declare', text: 'FROM $X', args: { X: 'busybox' }, found: [], warnings: [[1, 'FROM $X: X is not declared by an ARG before the first FROM; skipped']] },
  { name: 'args give automatic platform ARGs', text: 'FROM app-$TARGETARCH', args: { TARGETARCH: 'arm64' }, found: [['app-arm64', 1, 'FROM']] },
  { name: 'an expanded stage name is a stage', text: 'ARG S=build\nFROM a AS build\nFROM $S', found: [['a', 2, 'FROM (stage build)']] },
  { name: 'no FROM at all', text: '# nothing\n', found: [] },
];

for (const c of cases) {
  test(`Dockerfile: ${c.name}`, () => {
    const got = extractDockerfile(c.text, 'Dockerfile', c.args);
    assert.deepEqual(
      got.found.map((f) => [f.reference, f.origin.line, f.origin.detail]),
      c.found,
    );
    assert.deepEqual(
      got.warnings.map((w) => [w.origin.line, w.message]),
      c.warnings ?? [],
    );
    for (const f of [...got.found.map((x) => x.origin), ...got.warnings.map((w) => w.origin)]) {
      assert.equal(f.kind, 'dockerfile');
      assert.equal(f.path, 'Dockerfile');
    }
  });
}

const wordCases: { text: string; escape?: string; want: string[] }[] = [
  { text: 'a  b\tc', want: ['a', 'b', 'c'] },
  { text: 'A="x y" B=\'p q\'', want: ['A="x y"', "B='p q'"] },
  { text: 'a\\ b c', want: ['a\\ b', 'c'] },
  { text: 'a` b c', escape: '`', want: ['a` b', 'c'] },
  { text: '"a\\" b" c', want: ['"a\\" b"', 'c'] },
  { text: '', want: [] },
];

for (const c of wordCases) {
  test(`Dockerfile words: ${JSON.stringify(c.text)}`, () => assert.deepEqual(words(c.text, c.escape ?? '\\'), c.want));
}

test('Dockerfile: the sample file', () => {
  const text = readFileSync(new URL('../../test/fixtures/inputs/Dockerfile', import.meta.url), 'utf8');
  const got = extractDockerfile(text, 'Dockerfile');
  assert.deepEqual(
    got.found.map((f) => [f.reference, f.origin.line, f.origin.detail]),
    [
      ['alpine:3.20', 6, 'FROM (stage build)'],
      ['golang:1.22', 11, 'FROM (stage tools)'],
      ['ghcr.io/org/app:1', 20, 'FROM (stage app)'],
    ],
  );
  assert.deepEqual(got.warnings, [
    { origin: { kind: 'dockerfile', path: 'Dockerfile', line: 17, detail: 'FROM' }, message: 'FROM node:${NODE_VERSION}: ARG NODE_VERSION has no default; skipped' },
  ]);
});
