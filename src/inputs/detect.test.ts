import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '../errors.js';
import { detectKind, isCandidate, kindOfPath } from './detect.js';
import type { SourceKind } from './types.js';

const K8S = 'apiVersion: v1\nkind: Pod\n';
const COMPOSE = 'services:\n  a:\n    image: x\n';

const cases: { path: string; text?: string; want: SourceKind }[] = [
  { path: 'Dockerfile', want: 'dockerfile' },
  { path: 'app/Dockerfile', want: 'dockerfile' },
  { path: 'dockerfile', want: 'dockerfile' },
  { path: 'Containerfile', want: 'dockerfile' },
  { path: 'api.Dockerfile', want: 'dockerfile' },
  { path: 'Dockerfile.dev', want: 'dockerfile' },
  { path: 'Containerfile.arm64', want: 'dockerfile' },
  { path: 'compose.yaml', want: 'compose' },
  { path: 'compose.yml', want: 'compose' },
  { path: 'docker-compose.yml', want: 'compose' },
  { path: 'docker-compose.prod.yaml', want: 'compose' },
  { path: 'compose.override.yaml', want: 'compose' },
  { path: 'stack/ci-compose.yml', want: 'compose' },
  { path: 'compose.yaml', text: K8S, want: 'compose' },
  { path: 'k8s/app.yaml', text: K8S, want: 'kubernetes' },
  { path: 'app.yml', text: `---\n---\n${K8S}`, want: 'kubernetes' },
  { path: 'APP.YAML', text: K8S, want: 'kubernetes' },
  { path: 'stack.yaml', text: COMPOSE, want: 'compose' },
  { path: 'both.yaml', text: `${COMPOSE}---\n${K8S}`, want: 'kubernetes' },
];

for (const c of cases) {
  test(`kindOfPath: ${c.path}${c.text === undefined ? '' : ` (${JSON.stringify(c.text.slice(0, 20))}…)`}`, () => {
    assert.equal(kindOfPath(c.path, c.text ?? 'not: yaml: at all: ['), c.want);
  });
}

const unknown: { path: string; text: string; message: RegExp }[] = [
  { path: 'images.txt', text: 'nginx', message: /^images\.txt: not a file kind --from understands; --from understands Dockerfiles \(/ },
  { path: 'values.yaml', text: 'replicas: 2\nimage: nginx\n', message: /^values\.yaml: neither a compose file \(no top-level services\) nor Kubernetes YAML \(no document with apiVersion and kind\); --from understands / },
  { path: 'only-kind.yaml', text: 'kind: Pod\n', message: /neither a compose file/ },
  { path: 'empty.yaml', text: '', message: /neither a compose file/ },
  { path: 'Makefile', text: 'all:', message: /not a file kind/ },
];

for (const c of unknown) {
  test(`kindOfPath: ${c.path} is a UsageError listing what is understood`, () => {
    assert.throws(() => kindOfPath(c.path, c.text), (err: unknown) => err instanceof UsageError && c.message.test(err.message));
    assert.equal(detectKind(c.path, c.text), undefined);
  });
}

test('kindOfPath: YAML that does not parse is a UsageError naming the file and line', () => {
  assert.throws(
    () => kindOfPath('k8s/bad.yaml', 'a: 1\n\tb: 2\n'),
    (err: unknown) => err instanceof UsageError && err.message.startsWith('k8s/bad.yaml:2:1: invalid YAML: '),
  );
});

const candidates: [string, boolean][] = [
  ['Dockerfile', true],
  ['x.yaml', true],
  ['x.YML', true],
  ['docker-compose.yml', true],
  ['README.md', false],
  ['package.json', false],
  ['Dockerfile.dev', true],
];

for (const [path, want] of candidates) {
  test(`isCandidate: ${path} → ${want}`, () => assert.equal(isCandidate(path), want));
}
