import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ANCHORED_DIGEST,
  ANCHORED_DOMAIN_AND_PORT,
  ANCHORED_IDENTIFIER,
  ANCHORED_NAME,
  ANCHORED_PATH_COMPONENT,
  ANCHORED_TAG,
  REFERENCE,
} from './regexp.js';

const hex64 = 'f'.repeat(64);

const matchCases: { name: string; re: RegExp; input: string; want: boolean }[] = [
  { name: 'domain', re: ANCHORED_DOMAIN_AND_PORT, input: 'ghcr.io', want: true },
  { name: 'domain with port', re: ANCHORED_DOMAIN_AND_PORT, input: 'localhost:5000', want: true },
  { name: 'domain with uppercase', re: ANCHORED_DOMAIN_AND_PORT, input: 'Example.COM', want: true },
  { name: 'ipv6 with port', re: ANCHORED_DOMAIN_AND_PORT, input: '[::1]:5000', want: true },
  { name: 'ipv6 without port', re: ANCHORED_DOMAIN_AND_PORT, input: '[2001:db8::1]', want: true },
  { name: 'ipv6 with zone', re: ANCHORED_DOMAIN_AND_PORT, input: '[fe80::1%eth0]', want: false },
  { name: 'bare ipv6', re: ANCHORED_DOMAIN_AND_PORT, input: '::1', want: false },
  { name: 'named port', re: ANCHORED_DOMAIN_AND_PORT, input: 'host:http', want: false },
  { name: 'leading hyphen', re: ANCHORED_DOMAIN_AND_PORT, input: '-a.com', want: false },
  { name: 'underscore', re: ANCHORED_DOMAIN_AND_PORT, input: 'a_b.com', want: false },
  { name: 'component', re: ANCHORED_PATH_COMPONENT, input: 'nginx', want: true },
  { name: 'single separators', re: ANCHORED_PATH_COMPONENT, input: 'a.b_c-d', want: true },
  { name: 'double underscore', re: ANCHORED_PATH_COMPONENT, input: 'a__b', want: true },
  { name: 'run of hyphens', re: ANCHORED_PATH_COMPONENT, input: 'a---b', want: true },
  { name: 'triple underscore', re: ANCHORED_PATH_COMPONENT, input: 'a___b', want: false },
  { name: 'double dot', re: ANCHORED_PATH_COMPONENT, input: 'a..b', want: false },
  { name: 'leading separator', re: ANCHORED_PATH_COMPONENT, input: '.a', want: false },
  { name: 'trailing separator', re: ANCHORED_PATH_COMPONENT, input: 'a-', want: false },
  { name: 'uppercase component', re: ANCHORED_PATH_COMPONENT, input: 'Nginx', want: false },
  { name: 'tag', re: ANCHORED_TAG, input: 'v1.2.3-rc_1', want: true },
  { name: 'tag uppercase', re: ANCHORED_TAG, input: 'TAG', want: true },
  { name: 'tag of 128', re: ANCHORED_TAG, input: 'a'.repeat(128), want: true },
  { name: 'tag of 129', re: ANCHORED_TAG, input: 'a'.repeat(129), want: false },
  { name: 'tag leading dot', re: ANCHORED_TAG, input: '.a', want: false },
  { name: 'tag leading hyphen', re: ANCHORED_TAG, input: '-a', want: false },
  { name: 'tag leading underscore', re: ANCHORED_TAG, input: '_a', want: true },
  { name: 'digest', re: ANCHORED_DIGEST, input: `sha256:${hex64}`, want: true },
  { name: 'digest of 32 hex', re: ANCHORED_DIGEST, input: `sha256:${'a'.repeat(32)}`, want: true },
  { name: 'digest of 31 hex', re: ANCHORED_DIGEST, input: `sha256:${'a'.repeat(31)}`, want: false },
  { name: 'digest uppercase hex', re: ANCHORED_DIGEST, input: `sha256:${'A'.repeat(64)}`, want: true },
  { name: 'digest compound algorithm', re: ANCHORED_DIGEST, input: `multihash+base58:${hex64}`, want: true },
  { name: 'identifier', re: ANCHORED_IDENTIFIER, input: hex64, want: true },
  { name: 'identifier uppercase', re: ANCHORED_IDENTIFIER, input: 'F'.repeat(64), want: false },
  { name: 'identifier of 63', re: ANCHORED_IDENTIFIER, input: 'f'.repeat(63), want: false },
];

for (const c of matchCases) {
  test(`${c.name}: ${c.want ? 'matches' : 'does not match'} ${JSON.stringify(c.input.slice(0, 40))}`, () => {
    assert.equal(c.re.test(c.input), c.want);
  });
}

const nameCases: { name: string; input: string; want: { domain: string | undefined; path: string | undefined } }[] = [
  { name: 'no slash has no domain', input: 'test.com', want: { domain: undefined, path: 'test.com' } },
  { name: 'first component is the domain', input: 'foo/bar', want: { domain: 'foo', path: 'bar' } },
  { name: 'domain with port', input: 'a.io:5000/x/y', want: { domain: 'a.io:5000', path: 'x/y' } },
  { name: 'uppercase domain', input: 'Foo/bar', want: { domain: 'Foo', path: 'bar' } },
  { name: 'ipv6', input: '[::1]:5000/x', want: { domain: '[::1]:5000', path: 'x' } },
];

for (const c of nameCases) {
  test(`ANCHORED_NAME groups: ${c.name}`, () => {
    const groups = ANCHORED_NAME.exec(c.input)?.groups;
    assert.deepEqual({ domain: groups?.['domain'], path: groups?.['path'] }, c.want);
  });
}

test('REFERENCE groups name, tag and digest', () => {
  const groups = REFERENCE.exec(`x.io/a/b:t@sha256:${hex64}`)?.groups;
  assert.deepEqual({ ...groups }, { name: 'x.io/a/b', tag: 't', digest: `sha256:${hex64}` });
});

test('exported regexps are anchored and stateless', () => {
  for (const re of [ANCHORED_DOMAIN_AND_PORT, ANCHORED_NAME, REFERENCE, ANCHORED_TAG, ANCHORED_DIGEST]) {
    assert.ok(re.source.startsWith('^') && re.source.endsWith('$'), re.source);
    assert.equal(re.global || re.sticky, false);
  }
});
