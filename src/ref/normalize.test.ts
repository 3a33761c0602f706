import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReferenceParseError, type ReferenceComponent } from '../errors.js';
import { kindOf, stringOf, type ReferenceKind } from './model.js';
import {
  parseAnyReference,
  parseDockerRef,
  parseNamed,
  parseNormalizedNamed,
  splitDockerDomain,
  tagNameOnly,
  toFamiliarName,
  toFamiliarString,
} from './normalize.js';

const d = `sha256:${'e'.repeat(64)}`;
const hex = 'e'.repeat(64);

const normalizedCases: { name: string; input: string; want: { string: string; familiarName: string; familiar: string } }[] = [
  { name: 'official image', input: 'nginx', want: { string: 'docker.io/library/nginx', familiarName: 'nginx', familiar: 'nginx' } },
  { name: 'official with tag', input: 'nginx:1.27', want: { string: 'docker.io/library/nginx:1.27', familiarName: 'nginx', familiar: 'nginx:1.27' } },
  { name: 'user repository', input: 'foo/bar', want: { string: 'docker.io/foo/bar', familiarName: 'foo/bar', familiar: 'foo/bar' } },
  { name: 'docker.io one component', input: 'docker.io/nginx', want: { string: 'docker.io/library/nginx', familiarName: 'nginx', familiar: 'nginx' } },
  { name: 'legacy index', input: 'index.docker.io/nginx', want: { string: 'docker.io/library/nginx', familiarName: 'nginx', familiar: 'nginx' } },
  { name: 'legacy index, user', input: 'index.docker.io/a/b', want: { string: 'docker.io/a/b', familiarName: 'a/b', familiar: 'a/b' } },
  { name: 'nested library', input: 'library/a/b', want: { string: 'docker.io/library/a/b', familiarName: 'library/a/b', familiar: 'library/a/b' } },
  { name: 'other registry', input: 'ghcr.io/o/a:1', want: { string: 'ghcr.io/o/a:1', familiarName: 'ghcr.io/o/a', familiar: 'ghcr.io/o/a:1' } },
  { name: 'no library on other registries', input: 'ghcr.io/a', want: { string: 'ghcr.io/a', familiarName: 'ghcr.io/a', familiar: 'ghcr.io/a' } },
  { name: 'localhost', input: 'localhost/a', want: { string: 'localhost/a', familiarName: 'localhost/a', familiar: 'localhost/a' } },
  { name: 'port means registry', input: 'reg:5000/a', want: { string: 'reg:5000/a', familiarName: 'reg:5000/a', familiar: 'reg:5000/a' } },
  { name: 'uppercase first component is a registry', input: 'Foo/bar', want: { string: 'Foo/bar', familiarName: 'Foo/bar', familiar: 'Foo/bar' } },
  {
    name: 'bare localhost:5000 is a Docker Hub name with a tag',
    input: 'localhost:5000',
    want: { string: 'docker.io/library/localhost:5000', familiarName: 'localhost', familiar: 'localhost:5000' },
  },
  { name: 'digest', input: `a@${d}`, want: { string: `docker.io/library/a@${d}`, familiarName: 'a', familiar: `a@${d}` } },
];

for (const c of normalizedCases) {
  test(`parseNormalizedNamed: ${c.name}`, () => {
    const got = parseNormalizedNamed(c.input);
    assert.deepEqual(
      { string: stringOf(got), familiarName: toFamiliarName(got), familiar: toFamiliarString(got) },
      c.want,
    );
  });
}

const errorCases: { name: string; fn: (s: string) => unknown; input: string; error: { reason: string; component: ReferenceComponent } }[] = [
  {
    name: 'uppercase remote names the remote',
    fn: parseNormalizedNamed,
    input: 'docker.io/docker/Docker',
    error: { reason: 'invalid reference format: repository name (docker/Docker) must be lowercase', component: 'repository' },
  },
  {
    name: 'uppercase official name gets library/',
    fn: parseNormalizedNamed,
    input: 'Nginx:latest',
    error: { reason: 'invalid reference format: repository name (library/Nginx) must be lowercase', component: 'repository' },
  },
  {
    name: 'image ID',
    fn: parseNormalizedNamed,
    input: hex,
    error: { reason: `invalid repository name (${hex}), cannot specify 64-byte hexadecimal strings`, component: 'repository' },
  },
  { name: 'error keeps the input', fn: parseNormalizedNamed, input: 'a..b', error: { reason: 'invalid reference format', component: 'reference' } },
  { name: 'not canonical', fn: parseNamed, input: 'nginx', error: { reason: 'repository name must be canonical', component: 'reference' } },
  { name: 'not canonical docker.io', fn: parseNamed, input: 'docker.io/foo', error: { reason: 'repository name must be canonical', component: 'reference' } },
];

for (const c of errorCases) {
  test(`error: ${c.name}`, () => {
    assert.throws(
      () => c.fn(c.input),
      (err: unknown) =>
        err instanceof ReferenceParseError &&
        err.input === c.input &&
        err.reason === c.error.reason &&
        err.component === c.error.component,
    );
  });
}

test('parseNamed accepts canonical text', () => {
  assert.equal(stringOf(parseNamed('docker.io/library/foo')), 'docker.io/library/foo');
});

const dockerRefCases: { name: string; input: string; want: string }[] = [
  { name: 'adds latest', input: 'busybox', want: 'docker.io/library/busybox:latest' },
  { name: 'keeps a tag', input: 'busybox:1', want: 'docker.io/library/busybox:1' },
  { name: 'digest only', input: `busybox@${d}`, want: `docker.io/library/busybox@${d}` },
  { name: 'digest wins over tag', input: `gcr.io/b:1@${d}`, want: `gcr.io/b@${d}` },
];

for (const c of dockerRefCases) {
  test(`parseDockerRef: ${c.name}`, () => {
    assert.equal(stringOf(parseDockerRef(c.input)), c.want);
  });
}

test('tagNameOnly adds latest only to a bare name', () => {
  assert.equal(stringOf(tagNameOnly(parseNormalizedNamed('a'))), 'docker.io/library/a:latest');
  assert.equal(stringOf(tagNameOnly(parseNormalizedNamed(`a@${d}`))), `docker.io/library/a@${d}`);
});

const anyCases: { name: string; input: string; want: { string: string; kind: ReferenceKind } }[] = [
  { name: 'image ID', input: hex, want: { string: `sha256:${hex}`, kind: 'digest' } },
  { name: 'digest', input: d, want: { string: d, kind: 'digest' } },
  { name: 'short hex is a name', input: 'e'.repeat(63), want: { string: `docker.io/library/${'e'.repeat(63)}`, kind: 'name' } },
  { name: 'name with tag', input: 'redis:7', want: { string: 'docker.io/library/redis:7', kind: 'tagged' } },
];

for (const c of anyCases) {
  test(`parseAnyReference: ${c.name}`, () => {
    const got = parseAnyReference(c.input);
    assert.deepEqual({ string: stringOf(got), kind: kindOf(got) }, c.want);
  });
}

const splitCases: { input: string; want: { domain: string; remainder: string } }[] = [
  { input: 'nginx', want: { domain: 'docker.io', remainder: 'library/nginx' } },
  { input: 'a/b', want: { domain: 'docker.io', remainder: 'a/b' } },
  { input: 'a.b/c', want: { domain: 'a.b', remainder: 'c' } },
  { input: 'localhost/c', want: { domain: 'localhost', remainder: 'c' } },
  { input: 'LOCAL/c', want: { domain: 'LOCAL', remainder: 'c' } },
  { input: 'index.docker.io/c', want: { domain: 'docker.io', remainder: 'library/c' } },
];

for (const c of splitCases) {
  test(`splitDockerDomain(${JSON.stringify(c.input)})`, () => {
    assert.deepEqual(splitDockerDomain(c.input), c.want);
  });
}
