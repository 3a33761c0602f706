import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  familiarName,
  formatFamiliar,
  formatQualified,
  parseReference,
  referenceName,
  type Reference,
} from './reference.js';

const d256 = `sha256:${'a'.repeat(64)}`;
const d512 = `sha512:${'b'.repeat(128)}`;

interface Want {
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
  qualified: string;
  familiar: string;
}

const cases: { name: string; input: string; want: Want }[] = [
  {
    name: 'official image gets every default',
    input: 'nginx',
    want: { registry: 'docker.io', repository: 'library/nginx', tag: 'latest', qualified: 'docker.io/library/nginx:latest', familiar: 'nginx:latest' },
  },
  {
    name: 'legacy Docker Hub name',
    input: 'index.docker.io/nginx',
    want: { registry: 'docker.io', repository: 'library/nginx', tag: 'latest', qualified: 'docker.io/library/nginx:latest', familiar: 'nginx:latest' },
  },
  {
    name: 'already qualified',
    input: 'docker.io/library/nginx:1.27',
    want: { registry: 'docker.io', repository: 'library/nginx', tag: '1.27', qualified: 'docker.io/library/nginx:1.27', familiar: 'nginx:1.27' },
  },
  {
    name: 'Docker Hub user repository has no library/',
    input: 'foo/bar',
    want: { registry: 'docker.io', repository: 'foo/bar', tag: 'latest', qualified: 'docker.io/foo/bar:latest', familiar: 'foo/bar:latest' },
  },
  {
    name: 'other registry',
    input: 'ghcr.io/owner/app:1.2',
    want: { registry: 'ghcr.io', repository: 'owner/app', tag: '1.2', qualified: 'ghcr.io/owner/app:1.2', familiar: 'ghcr.io/owner/app:1.2' },
  },
  {
    name: 'localhost with port',
    input: 'localhost:5000/x',
    want: { registry: 'localhost:5000', repository: 'x', tag: 'latest', qualified: 'localhost:5000/x:latest', familiar: 'localhost:5000/x:latest' },
  },
  {
    name: 'IPv4 with port',
    input: '127.0.0.1:5000/a/b',
    want: { registry: '127.0.0.1:5000', repository: 'a/b', tag: 'latest', qualified: '127.0.0.1:5000/a/b:latest', familiar: '127.0.0.1:5000/a/b:latest' },
  },
  {
    name: 'IPv6 with port',
    input: '[::1]:5000/x',
    want: { registry: '[::1]:5000', repository: 'x', tag: 'latest', qualified: '[::1]:5000/x:latest', familiar: '[::1]:5000/x:latest' },
  },
  {
    name: 'IPv6 without port',
    input: '[2001:db8::1]/x',
    want: { registry: '[2001:db8::1]', repository: 'x', tag: 'latest', qualified: '[2001:db8::1]/x:latest', familiar: '[2001:db8::1]/x:latest' },
  },
  {
    name: 'digest only: no default tag',
    input: `nginx@${d256}`,
    want: { registry: 'docker.io', repository: 'library/nginx', digest: d256, qualified: `docker.io/library/nginx@${d256}`, familiar: `nginx@${d256}` },
  },
  {
    name: 'tag and digest are both kept',
    input: `x/y:t@${d256}`,
    want: { registry: 'docker.io', repository: 'x/y', tag: 't', digest: d256, qualified: `docker.io/x/y:t@${d256}`, familiar: `x/y:t@${d256}` },
  },
  {
    name: 'sha512 digest',
    input: `ghcr.io/o/a@${d512}`,
    want: { registry: 'ghcr.io', repository: 'o/a', digest: d512, qualified: `ghcr.io/o/a@${d512}`, familiar: `ghcr.io/o/a@${d512}` },
  },
  {
    name: 'separators __ --- and .',
    input: 'a__b/c---d.e',
    want: { registry: 'docker.io', repository: 'a__b/c---d.e', tag: 'latest', qualified: 'docker.io/a__b/c---d.e:latest', familiar: 'a__b/c---d.e:latest' },
  },
  {
    name: 'uppercase first component is a registry, as upstream',
    input: 'Foo/bar',
    want: { registry: 'Foo', repository: 'bar', tag: 'latest', qualified: 'Foo/bar:latest', familiar: 'Foo/bar:latest' },
  },
  {
    name: 'Docker Hub path whose first component looks like a registry stays qualified',
    input: 'docker.io/a.b/c',
    want: { registry: 'docker.io', repository: 'a.b/c', tag: 'latest', qualified: 'docker.io/a.b/c:latest', familiar: 'docker.io/a.b/c:latest' },
  },
  {
    name: 'Docker Hub path starting with localhost stays qualified',
    input: 'index.docker.io/localhost/x:1',
    want: { registry: 'docker.io', repository: 'localhost/x', tag: '1', qualified: 'docker.io/localhost/x:1', familiar: 'docker.io/localhost/x:1' },
  },
  {
    name: 'bare host:port is a Docker Hub name with a tag, as upstream',
    input: 'localhost:5000',
    want: { registry: 'docker.io', repository: 'library/localhost', tag: '5000', qualified: 'docker.io/library/localhost:5000', familiar: 'localhost:5000' },
  },
  {
    name: 'repository of 255 characters, registry not counted',
    input: `example.com/${'a'.repeat(255)}`,
    want: { registry: 'example.com', repository: 'a'.repeat(255), tag: 'latest', qualified: `example.com/${'a'.repeat(255)}:latest`, familiar: `example.com/${'a'.repeat(255)}:latest` },
  },
  {
    name: 'tag of 128 characters',
    input: `a:${'t'.repeat(128)}`,
    want: { registry: 'docker.io', repository: 'library/a', tag: 't'.repeat(128), qualified: `docker.io/library/a:${'t'.repeat(128)}`, familiar: `a:${'t'.repeat(128)}` },
  },
];

function view(ref: Reference): Want {
  const out: Want = {
    registry: ref.registry,
    repository: ref.repository,
    qualified: formatQualified(ref),
    familiar: formatFamiliar(ref),
  };
  if (ref.tag !== undefined) out.tag = ref.tag;
  if (ref.digest !== undefined) out.digest = ref.digest;
  return out;
}

for (const c of cases) {
  test(`parseReference: ${c.name}`, () => {
    const ref = parseReference(c.input);
    assert.deepEqual(view(ref), c.want);
    assert.equal(ref.original, c.input);
    assert.ok(Object.isFrozen(ref));
  });
}

const nameCases: { input: string; want: { name: string; familiarName: string } }[] = [
  { input: 'nginx', want: { name: 'docker.io/library/nginx', familiarName: 'nginx' } },
  { input: 'foo/bar:1', want: { name: 'docker.io/foo/bar', familiarName: 'foo/bar' } },
  { input: 'library/a/b', want: { name: 'docker.io/library/a/b', familiarName: 'library/a/b' } },
  { input: 'ghcr.io/o/a', want: { name: 'ghcr.io/o/a', familiarName: 'ghcr.io/o/a' } },
];

for (const c of nameCases) {
  test(`referenceName and familiarName: ${c.input}`, () => {
    const ref = parseReference(c.input);
    assert.deepEqual({ name: referenceName(ref), familiarName: familiarName(ref) }, c.want);
  });
}
