import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReferenceParseError, type ReferenceComponent } from '../errors.js';
import { diagnose } from './diagnose.js';
import { parseReference } from './reference.js';

const hex = 'a'.repeat(64);
const EXAMPLE = 'name an image such as nginx, nginx:1.27 or ghcr.io/owner/app:1.0';
const TAG_RULE = "a tag is 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'";
const PATH_RULE = "use lowercase letters and digits, separated by '.', '_', '__' or '-'";

const cases: { name: string; input: string; error: { component: ReferenceComponent; reason: string } }[] = [
  { name: 'empty', input: '', error: { component: 'reference', reason: `reference is empty; ${EXAMPLE}` } },
  { name: 'whitespace', input: 'nginx ', error: { component: 'reference', reason: 'reference must not contain whitespace' } },
  { name: 'URL', input: 'https://ghcr.io/a', error: { component: 'reference', reason: `remove the URL scheme "https://"; ${EXAMPLE}` } },
  { name: 'image ID', input: hex, error: { component: 'repository', reason: 'a bare 64-hex string is an image ID, not a repository name' } },
  { name: 'two @', input: `a@b@sha256:${hex}`, error: { component: 'reference', reason: "a reference has at most one '@' (before the digest)" } },
  { name: 'uppercase official', input: 'Nginx:latest', error: { component: 'repository', reason: 'repository name must be lowercase (got "Nginx")' } },
  { name: 'uppercase path', input: 'ghcr.io/Owner/app', error: { component: 'repository', reason: 'repository name must be lowercase (got "Owner/app")' } },
  { name: 'uppercase after hub', input: 'docker.io/docker/Docker', error: { component: 'repository', reason: 'repository name must be lowercase (got "docker/Docker")' } },
  { name: 'double dot', input: 'a..b', error: { component: 'repository', reason: `invalid path component "a..b": ${PATH_RULE}` } },
  { name: 'leading hyphen', input: '-docker', error: { component: 'repository', reason: `invalid path component "-docker": ${PATH_RULE}` } },
  { name: 'triple slash', input: 'docker///docker', error: { component: 'repository', reason: 'empty path component in "docker///docker"' } },
  { name: 'trailing slash', input: 'a/', error: { component: 'repository', reason: 'empty path component in "a/"' } },
  { name: 'leading slash', input: '/a', error: { component: 'repository', reason: 'empty path component in "/a"' } },
  { name: 'registry without repository', input: 'ghcr.io/', error: { component: 'repository', reason: 'missing repository name after "ghcr.io/"' } },
  { name: 'tag only', input: ':tag', error: { component: 'repository', reason: `missing repository name; ${EXAMPLE}` } },
  { name: 'digest only', input: `@sha256:${hex}`, error: { component: 'repository', reason: `missing repository name; ${EXAMPLE}` } },
  { name: 'bad registry', input: 'bad_host.com:80/x', error: { component: 'registry', reason: 'invalid registry "bad_host.com:80": expected host[:port]' } },
  { name: 'underscore in a registry', input: 'foo_bar.com/x', error: { component: 'registry', reason: 'invalid registry "foo_bar.com": expected host[:port]' } },
  { name: 'named port', input: 'host:http/x', error: { component: 'registry', reason: 'invalid registry "host:http": expected host[:port]' } },
  { name: 'IPv6 alone', input: '[::1]:5000', error: { component: 'registry', reason: 'registry "[::1]" must be followed by /<repository>' } },
  { name: 'IPv6 zone', input: '[fe80::1%eth0]:5000/x', error: { component: 'registry', reason: 'invalid registry "[fe80::1%eth0]:5000": expected host[:port]' } },
  {
    name: 'repository over 255, registry not counted',
    input: `example.com/${'a'.repeat(256)}`,
    error: { component: 'repository', reason: 'repository name must not be more than 255 characters (got 256)' },
  },
  {
    name: 'official name counts library/',
    input: 'a'.repeat(250),
    error: { component: 'repository', reason: 'repository name must not be more than 255 characters (got 258, counting the "library/" prefix)' },
  },
  { name: 'empty tag', input: 'nginx:', error: { component: 'tag', reason: "missing tag after ':'" } },
  { name: 'tag with leading dot', input: 'nginx:.x', error: { component: 'tag', reason: `invalid tag ".x": ${TAG_RULE}` } },
  { name: 'tag with bad character', input: 'nginx:a~b', error: { component: 'tag', reason: `invalid tag "a~b": ${TAG_RULE}` } },
  { name: 'tag of 129', input: `nginx:${'t'.repeat(129)}`, error: { component: 'tag', reason: 'tag must be at most 128 characters (got 129)' } },
  { name: 'empty digest', input: 'nginx@', error: { component: 'digest', reason: "missing digest after '@'" } },
  { name: 'short digest', input: 'nginx@sha256:abc', error: { component: 'digest', reason: 'sha256 digest must be 64 lowercase hex characters (got 3)' } },
  {
    name: 'uppercase digest',
    input: `nginx@sha256:${'A'.repeat(64)}`,
    error: { component: 'digest', reason: 'sha256 digest must be 64 lowercase hex characters (found uppercase or non-hex characters)' },
  },
  {
    name: 'unknown algorithm',
    input: `nginx@md5:${'a'.repeat(32)}`,
    error: { component: 'digest', reason: 'unsupported digest algorithm "md5" (supported: sha256, sha512)' },
  },
  { name: 'no algorithm', input: 'nginx@abc', error: { component: 'digest', reason: 'digest "abc" must look like sha256:<64 lowercase hex characters>' } },
];

for (const c of cases) {
  test(`parseReference rejects ${c.name}`, () => {
    assert.throws(
      () => parseReference(c.input),
      (err: unknown) => {
        assert.ok(err instanceof ReferenceParseError);
        assert.equal(err.kind, 'usage');
        assert.deepEqual({ component: err.component, reason: err.reason }, c.error);
        assert.equal(err.input, c.input);
        assert.equal(err.message, `invalid reference ${JSON.stringify(c.input)}: ${c.error.reason}`);
        return true;
      },
    );
  });
}

test('diagnose finds nothing in a valid reference', () => {
  assert.equal(diagnose(`ghcr.io/o/a:1@sha256:${hex}`), undefined);
});
