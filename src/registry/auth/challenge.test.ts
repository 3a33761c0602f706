import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Challenge, parseChallenges, pickChallenge } from './challenge.js';

interface ParseCase {
  name: string;
  input: string | string[] | undefined;
  want: Challenge[];
}

const HUB_REALM = 'https://auth.docker.io/token';

const parseCases: ParseCase[] = [
  {
    name: 'Docker Hub',
    input: `Bearer realm="${HUB_REALM}",service="registry.docker.io",scope="repository:library/nginx:pull"`,
    want: [
      {
        scheme: 'bearer',
        params: { realm: HUB_REALM, service: 'registry.docker.io', scope: 'repository:library/nginx:pull' },
      },
    ],
  },
  {
    name: 'ghcr.io',
    input: 'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:user/image:pull"',
    want: [
      {
        scheme: 'bearer',
        params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:user/image:pull' },
      },
    ],
  },
  {
    name: 'quay.io',
    input: 'Bearer realm="https://quay.io/v2/auth",service="quay.io"',
    want: [{ scheme: 'bearer', params: { realm: 'https://quay.io/v2/auth', service: 'quay.io' } }],
  },
  {
    name: 'Harbor',
    input:
      'Bearer realm="https://harbor.example.com/service/token",service="harbor-registry",scope="repository:library/nginx:pull"',
    want: [
      {
        scheme: 'bearer',
        params: {
          realm: 'https://harbor.example.com/service/token',
          service: 'harbor-registry',
          scope: 'repository:library/nginx:pull',
        },
      },
    ],
  },
  {
    name: 'ECR basic',
    input: 'Basic realm="https://123456789012.dkr.ecr.us-east-1.amazonaws.com/",service="ecr.amazonaws.com"',
    want: [
      {
        scheme: 'basic',
        params: { realm: 'https://123456789012.dkr.ecr.us-east-1.amazonaws.com/', service: 'ecr.amazonaws.com' },
      },
    ],
  },
  {
    name: 'distribution insufficient_scope',
    input: 'Bearer realm="http://127.0.0.1:5001/auth",service="reg",scope="repository:a/b:pull,push",error="insufficient_scope"',
    want: [
      {
        scheme: 'bearer',
        params: {
          realm: 'http://127.0.0.1:5001/auth',
          service: 'reg',
          scope: 'repository:a/b:pull,push',
          error: 'insufficient_scope',
        },
      },
    ],
  },
  {
    name: 'lowercase scheme, mixed-case keys',
    input: 'bearer Realm="r",SERVICE="s"',
    want: [{ scheme: 'bearer', params: { realm: 'r', service: 's' } }],
  },
  {
    name: 'two challenges in one header',
    input: 'Basic realm="x", Bearer realm="y",service="z"',
    want: [
      { scheme: 'basic', params: { realm: 'x' } },
      { scheme: 'bearer', params: { realm: 'y', service: 'z' } },
    ],
  },
  {
    name: 'several header values',
    input: ['Basic realm="registry"', 'Bearer realm="https://a/token",service="a"'],
    want: [
      { scheme: 'basic', params: { realm: 'registry' } },
      { scheme: 'bearer', params: { realm: 'https://a/token', service: 'a' } },
    ],
  },
  {
    name: 'RFC 7235 §4.1 example with escaped quotes',
    input: 'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"',
    want: [
      { scheme: 'newauth', params: { realm: 'apps', type: '1', title: 'Login to "apps"' } },
      { scheme: 'basic', params: { realm: 'simple' } },
    ],
  },
  {
    name: 'quoted value with comma, space and backslash',
    input: 'Bearer scope="repository:a:pull,push repository:b:pull",x="a\\\\b"',
    want: [{ scheme: 'bearer', params: { scope: 'repository:a:pull,push repository:b:pull', x: 'a\\b' } }],
  },
  {
    name: 'token68',
    input: 'Negotiate YIIBhgYGKwYBBQUCoIIBejCCAXag/+==',
    want: [{ scheme: 'negotiate', params: {}, token68: 'YIIBhgYGKwYBBQUCoIIBejCCAXag/+==' }],
  },
  {
    name: 'token68 followed by another challenge',
    input: 'Negotiate abc=, Basic realm="r"',
    want: [
      { scheme: 'negotiate', params: {}, token68: 'abc=' },
      { scheme: 'basic', params: { realm: 'r' } },
    ],
  },
  {
    name: 'no token68 without a space after the scheme',
    input: 'Negotiate/abc, a/b/c"',
    want: [
      { scheme: 'negotiate', params: {} },
      { scheme: 'abc', params: {} },
      { scheme: 'a', params: {} },
      { scheme: 'b', params: {} },
      { scheme: 'c', params: {} },
    ],
  },
  {
    name: 'scheme without parameters',
    input: 'Basic',
    want: [{ scheme: 'basic', params: {} }],
  },
  {
    name: 'extra whitespace and empty list elements',
    input: '  ,  Bearer   realm = "r" ,, service =\t"s"  , ',
    want: [{ scheme: 'bearer', params: { realm: 'r', service: 's' } }],
  },
  {
    name: 'empty values',
    input: 'Bearer realm="r",scope="",service=,error=',
    want: [{ scheme: 'bearer', params: { realm: 'r', scope: '', service: '', error: '' } }],
  },
  {
    name: 'unquoted URL value',
    input: 'Bearer realm=https://auth.example.com/token,service=example',
    want: [{ scheme: 'bearer', params: { realm: 'https://auth.example.com/token', service: 'example' } }],
  },
  {
    name: 'repeated parameter: last wins',
    input: 'Bearer realm="a",realm="b"',
    want: [{ scheme: 'bearer', params: { realm: 'b' } }],
  },
  {
    name: 'missing comma between challenges',
    input: 'Basic realm="x" Bearer realm="y"',
    want: [
      { scheme: 'basic', params: { realm: 'x' } },
      { scheme: 'bearer', params: { realm: 'y' } },
    ],
  },
  {
    name: 'unterminated quoted string runs to the end',
    input: 'Bearer realm="https://a/token,service=x',
    want: [{ scheme: 'bearer', params: { realm: 'https://a/token,service=x' } }],
  },
  {
    name: 'parameters before any scheme are dropped',
    input: 'realm="x", Basic realm="y"',
    want: [{ scheme: 'basic', params: { realm: 'y' } }],
  },
  {
    name: 'stray characters are skipped',
    input: '"junk" ;; Bearer realm="r" @@',
    want: [{ scheme: 'bearer', params: { realm: 'r' } }],
  },
  {
    name: '__proto__ parameter stays an own property',
    input: 'Bearer __proto__="x",realm="r"',
    want: [{ scheme: 'bearer', params: JSON.parse('{"__proto__":"x","realm":"r"}') as Record<string, string> }],
  },
  { name: 'undefined header', input: undefined, want: [] },
  { name: 'empty string', input: '', want: [] },
  { name: 'empty array', input: [], want: [] },
  { name: 'only separators', input: ' , ,, ', want: [] },
];

describe('parseChallenges', () => {
  for (const c of parseCases) {
    it(c.name, () => {
      assert.deepStrictEqual(parseChallenges(c.input), c.want);
    });
  }

  it('never throws on arbitrary input', () => {
    const alphabet = ' ,="\\aB=/+~\t';
    for (let n = 0; n < 2000; n++) {
      let s = '';
      for (let k = 0; k < (n % 23) + 1; k++) s += alphabet[(n * 7 + k * 13 + k * k) % alphabet.length];
      assert.doesNotThrow(() => parseChallenges(s), s);
    }
  });
});

interface PickCase {
  name: string;
  input: string | string[];
  want: string | undefined;
}

const pickCases: PickCase[] = [
  { name: 'bearer over basic', input: 'Basic realm="b", Bearer realm="t"', want: 'bearer t' },
  { name: 'only basic', input: 'Basic realm="b"', want: 'basic b' },
  { name: 'bearer without realm falls back to basic', input: 'Bearer service="s", Basic realm="b"', want: 'basic b' },
  { name: 'bearer with empty realm is ignored', input: 'Bearer realm=""', want: undefined },
  { name: 'unknown schemes ignored', input: 'Negotiate abc, NTLM, Digest realm="d"', want: undefined },
  { name: 'unknown scheme then bearer', input: ['Digest realm="d"', 'Bearer realm="t"'], want: 'bearer t' },
  { name: 'first usable bearer wins', input: 'Bearer realm="1", Bearer realm="2"', want: 'bearer 1' },
  { name: 'nothing', input: [], want: undefined },
];

describe('pickChallenge', () => {
  for (const c of pickCases) {
    it(c.name, () => {
      const picked = pickChallenge(parseChallenges(c.input));
      assert.equal(picked === undefined ? undefined : `${picked.scheme} ${picked.params['realm'] ?? ''}`, c.want);
    });
  }
});
