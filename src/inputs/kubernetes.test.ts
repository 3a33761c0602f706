import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { UsageError } from '../errors.js';
import { extractKubernetes } from './kubernetes.js';

interface Case {
  name: string;
  text: string;
  /** [reference, line, detail] */
  found: [string, number, string][];
  /** [line, message] */
  warnings?: [number, string][];
}

const DIGEST = `sha256:${'c'.repeat(64)}`;
const pod = (containers: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${containers}`;
const workload = (kind: string, route: string[]): string => {
  let text = `apiVersion: x/v1\nkind: ${kind}\nmetadata:\n  name: w\n`;
  route.forEach((key, depth) => (text += `${'  '.repeat(depth)}${key}:\n`));
  return `${text}${'  '.repeat(route.length)}containers:\n${'  '.repeat(route.length)}  - image: app\n`;
};

const cases: Case[] = [
  { name: 'a Pod', text: pod('  containers:\n    - name: a\n      image: alpine\n'), found: [['alpine', 8, 'Pod/p containers[0]']] },
  ...(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job'] as const).map((kind) => ({
    name: `a ${kind}`,
    text: workload(kind, ['spec', 'template', 'spec']),
    found: [['app', 9, `${kind}/w containers[0]`]] as [string, number, string][],
  })),
  { name: 'a PodTemplate', text: workload('PodTemplate', ['template', 'spec']), found: [['app', 8, 'PodTemplate/w containers[0]']] },
  { name: 'a CronJob', text: workload('CronJob', ['spec', 'jobTemplate', 'spec', 'template', 'spec']), found: [['app', 11, 'CronJob/w containers[0]']] },
  {
    name: 'init, regular and ephemeral containers in written order',
    text: pod('  initContainers:\n    - image: i\n  containers:\n    - image: c0\n    - image: c1\n  ephemeralContainers:\n    - image: e\n'),
    found: [['i', 7, 'Pod/p initContainers[0]'], ['c0', 9, 'Pod/p containers[0]'], ['c1', 10, 'Pod/p containers[1]'], ['e', 12, 'Pod/p ephemeralContainers[0]']],
  },
  { name: 'a digest, quoted', text: pod(`  containers:\n    - image: "alpine@${DIGEST}"\n`), found: [[`alpine@${DIGEST}`, 7, 'Pod/p containers[0]']] },
  { name: 'flow style', text: '{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{image: a}, {image: b}]}}', found: [['a', 1, 'Pod/p containers[0]'], ['b', 1, 'Pod/p containers[1]']] },
  { name: 'no metadata.name', text: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - image: a\n', found: [['a', 5, 'Pod containers[0]']] },
  { name: 'a container without image (a patch) is skipped', text: pod('  containers:\n    - name: a\n      resources: {}\n'), found: [] },
  { name: 'an empty image', text: pod('  containers:\n    - image: ""\n'), found: [], warnings: [[7, 'Pod/p containers[0] image is empty; skipped']] },
  { name: 'a non-string image', text: pod('  containers:\n    - image: {a: b}\n'), found: [], warnings: [[7, 'Pod/p containers[0] image is not a string; skipped']] },
  { name: 'other kinds are ignored', text: 'apiVersion: v1\nkind: ConfigMap\ndata:\n  image: nginx\n---\napiVersion: v1\nkind: Service\nspec:\n  containers:\n    - image: x\n', found: [] },
  { name: 'documents without kind are ignored', text: 'spec:\n  containers:\n    - image: x\n', found: [] },
  { name: 'null and empty documents', text: '---\n---\n# only a comment\n---\n~\n---\n' + pod('  containers:\n    - image: a\n'), found: [['a', 13, 'Pod/p containers[0]']] },
  {
    name: 'a List and a DeploymentList',
    text: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    spec:\n      containers:\n        - image: a\n---\nkind: DeploymentList\nitems:\n  - kind: Deployment\n    spec: {template: {spec: {containers: [{image: b}]}}}\n',
    found: [['a', 8, 'Pod containers[0]'], ['b', 13, 'Deployment containers[0]']],
  },
  { name: 'anchors and aliases', text: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - &c {image: a}\n    - *c\n', found: [['a', 5, 'Pod containers[0]'], ['a', 5, 'Pod containers[1]']] },
  { name: 'Windows line endings', text: pod('  containers:\n    - image: a\n').replaceAll('\n', '\r\n'), found: [['a', 7, 'Pod/p containers[0]']] },
  { name: 'an empty file', text: '', found: [] },
];

for (const c of cases) {
  test(`kubernetes: ${c.name}`, () => {
    const got = extractKubernetes(c.text, 'k8s/app.yaml');
    assert.deepEqual(got.found.map((f) => [f.reference, f.origin.line, f.origin.detail]), c.found);
    assert.deepEqual(got.warnings.map((w) => [w.origin.line, w.message]), c.warnings ?? []);
    for (const o of [...got.found.map((f) => f.origin), ...got.warnings.map((w) => w.origin)]) {
      assert.equal(o.kind, 'kubernetes');
      assert.equal(o.path, 'k8s/app.yaml');
    }
  });
}

test('kubernetes: a syntax error in a later document is a UsageError naming the file and line', () => {
  const text = `${pod('  containers:\n    - image: a\n')}---\nkind: Pod\nspec:\n\tcontainers: []\n`;
  assert.throws(() => extractKubernetes(text, 'k8s/app.yaml'), (err: unknown) => {
    assert.ok(err instanceof UsageError);
    assert.equal(err.message, 'k8s/app.yaml:11:1: invalid YAML: Tabs are not allowed as indentation');
    return true;
  });
});

test('kubernetes: the sample file', () => {
  const text = readFileSync(new URL('../../test/fixtures/inputs/kubernetes.yaml', import.meta.url), 'utf8');
  const got = extractKubernetes(text, 'kubernetes.yaml');
  assert.deepEqual(got.found.map((f) => [f.reference, f.origin.line, f.origin.detail]), [
    ['registry.example.com/team/migrate:3', 11, 'Deployment/api initContainers[0]'],
    ['registry.example.com/team/api:2.1', 14, 'Deployment/api containers[0]'],
    ['example/envoy:v1.31', 16, 'Deployment/api containers[1]'],
    ['registry.example.com/ops/backup@sha256:0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c', 40, 'CronJob/backup containers[0]'],
    ['nginx:1.27', 49, 'Pod/debug containers[0]'],
    ['busybox:1.36', 52, 'Pod/debug ephemeralContainers[0]'],
    ['postgres:16', 66, 'StatefulSet/db containers[0]'],
  ]);
  assert.deepEqual(got.warnings, []);
});
