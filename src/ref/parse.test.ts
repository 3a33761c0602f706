import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReferenceParseError, type ReferenceComponent } from '../errors.js';
import { kindOf, stringOf, type NamedReference, type ReferenceKind } from './model.js';
import { parse, withDigest, withName, withTag } from './parse.js';

const d256 = `sha256:${'f'.repeat(64)}`;
const d512 = `sha512:${'f'.repeat(128)}`;

interface Want {
  domain: string;
  path: string;
  tag?: string;
  digest?: string;
  kind: ReferenceKind;
}
type Failure = { reason: string; component: ReferenceComponent };

const parseCases: { name: string; input: string; want?: Want; error?: Failure }[] = [
  { name: 'bare name', input: 'test_com', want: { domain: '', path: 'test_com', kind: 'name' } },
  { name: 'no default domain', input: 'foo/bar', want: { domain: 'foo', path: 'bar', kind: 'name' } },
  { name: 'dotted name is a path', input: 'test.com:5000', want: { domain: '', path: 'test.com', tag: '5000', kind: 'tagged' } },
  { name: 'domain and tag', input: 'test.com/repo:tag', want: { domain: 'test.com', path: 'repo', tag: 'tag', kind: 'tagged' } },
  { name: 'port', input: 'test:5000/repo', want: { domain: 'test:5000', path: 'repo', kind: 'name' } },
  { name: 'digest', input: `x.io/r@${d256}`, want: { domain: 'x.io', path: 'r', digest: d256, kind: 'digested' } },
  { name: 'sha512 digest', input: `x.io/r@${d512}`, want: { domain: 'x.io', path: 'r', digest: d512, kind: 'digested' } },
  {
    name: 'tag and digest',
    input: `x.io/r:t@${d256}`,
    want: { domain: 'x.io', path: 'r', tag: 't', digest: d256, kind: 'tagged+digested' },
  },
  { name: 'ipv6 domain', input: '[2001:db8::1]/x', want: { domain: '[2001:db8::1]', path: 'x', kind: 'name' } },
  { name: 'ipv6 with port', input: '[::1]:5000/x:1', want: { domain: '[::1]:5000', path: 'x', tag: '1', kind: 'tagged' } },
  { name: 'separators (a__b cannot be a domain)', input: 'a__b/c---d/e.f_g', want: { domain: '', path: 'a__b/c---d/e.f_g', kind: 'name' } },
  { name: 'uppercase tag is fine', input: 'a:Upper', want: { domain: '', path: 'a', tag: 'Upper', kind: 'tagged' } },
  {
    name: '255-char path after a domain',
    input: `example.com/${'a'.repeat(255)}`,
    want: { domain: 'example.com', path: 'a'.repeat(255), kind: 'name' },
  },
  { name: 'empty', input: '', error: { reason: 'repository name must have at least one component', component: 'repository' } },
  { name: 'tag only', input: ':tag', error: { reason: 'invalid reference format', component: 'reference' } },
  { name: 'digest only', input: `@${d256}`, error: { reason: 'invalid reference format', component: 'reference' } },
  { name: 'double dot', input: 'a..b', error: { reason: 'invalid reference format', component: 'reference' } },
  { name: 'trailing slash', input: 'a/', error: { reason: 'invalid reference format', component: 'reference' } },
  { name: 'leading slash', input: '/a', error: { reason: 'invalid reference format', component: 'reference' } },
  { name: 'ipv6 alone', input: '[::1]', error: { reason: 'invalid reference format', component: 'reference' } },
  { name: 'uppercase', input: 'Uppercase:tag', error: { reason: 'repository name must be lowercase', component: 'repository' } },
  {
    name: '256-char path',
    input: `example.com/${'a'.repeat(256)}`,
    error: { reason: 'repository name must not be more than 255 characters', component: 'repository' },
  },
  { name: 'short digest', input: `a@sha256:${'f'.repeat(40)}`, error: { reason: 'invalid checksum digest length', component: 'digest' } },
  { name: 'uppercase digest', input: `a@sha256:${'F'.repeat(64)}`, error: { reason: 'invalid checksum digest format', component: 'digest' } },
  { name: 'unknown algorithm', input: `a@foo:${'f'.repeat(64)}`, error: { reason: 'unsupported digest algorithm', component: 'digest' } },
  { name: 'tag of 129', input: `a:${'t'.repeat(129)}`, error: { reason: 'invalid reference format', component: 'reference' } },
];

function assertRef(got: NamedReference, want: Want): void {
  assert.deepEqual(
    { domain: got.domain, path: got.path, tag: got.tag, digest: got.digest, kind: kindOf(got) },
    { tag: undefined, digest: undefined, ...want },
  );
}

function assertFails(fn: () => unknown, input: string, error: Failure): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof ReferenceParseError);
    assert.deepEqual({ input: err.input, reason: err.reason, component: err.component }, { input, ...error });
    return true;
  });
}

for (const c of parseCases) {
  test(`parse: ${c.name}`, () => {
    if (c.error) return assertFails(() => parse(c.input), c.input, c.error);
    const got = parse(c.input);
    assertRef(got, c.want as Want);
    assert.equal(stringOf(got), c.input, 'prints back as written');
    assert.ok(Object.isFrozen(got));
  });
}

const withNameCases: { name: string; input: string; want?: Want; error?: Failure }[] = [
  { name: 'domain and path', input: 'test:8080/foo', want: { domain: 'test:8080', path: 'foo', kind: 'name' } },
  { name: 'no domain', input: 'foo', want: { domain: '', path: 'foo', kind: 'name' } },
  { name: 'tag is not a name', input: 'a.io/r:tag', error: { reason: 'invalid reference format', component: 'reference' } },
  { name: 'empty', input: '', error: { reason: 'invalid reference format', component: 'reference' } },
  {
    name: 'too long',
    input: `a.io/${'a'.repeat(256)}`,
    error: { reason: 'repository name must not be more than 255 characters', component: 'repository' },
  },
];

for (const c of withNameCases) {
  test(`withName: ${c.name}`, () => {
    if (c.error) return assertFails(() => withName(c.input), c.input, c.error);
    assertRef(withName(c.input), c.want as Want);
  });
}

test('withTag keeps a digest; withDigest keeps a tag', () => {
  const short = 'sha256:1234567890098765432112345667890098765';
  assert.equal(stringOf(withTag(withDigest(withName('a.io/r'), short), 'T')), `a.io/r:T@${short}`);
  assert.equal(stringOf(withDigest(withTag(withName('r'), 'latest'), short)), `r:latest@${short}`);
});

const builderErrors: { name: string; fn: () => unknown; input: string; error: Failure }[] = [
  { name: 'withTag -foo', fn: () => withTag(withName('r'), '-foo'), input: '-foo', error: { reason: 'invalid tag format', component: 'tag' } },
  { name: 'withTag empty', fn: () => withTag(withName('r'), ''), input: '', error: { reason: 'invalid tag format', component: 'tag' } },
  { name: 'withDigest foo', fn: () => withDigest(withName('r'), 'foo'), input: 'foo', error: { reason: 'invalid digest format', component: 'digest' } },
];

for (const c of builderErrors) {
  test(`builder error: ${c.name}`, () => assertFails(c.fn, c.input, c.error));
}
