/**
 * Property tests of the WWW-Authenticate parser: it never throws, challenge lists built from
 * the grammar come back exactly, pickChallenge follows its rule on any list, and no header
 * makes parsing slower than linear.
 */
import { MAX_SLOWDOWN, measure } from '../../../test/helpers/growth.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type Challenge, parseChallenges, pickChallenge } from './challenge.js';

const RUNS = 3000;

const from = (alphabet: string, minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });

const TCHAR = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const TOKEN68 = '-._~+/0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const HEADER = 'Bearer realm="https://a/token",scope=x Basic\\ \t\r\n,;=/"';

// ---------------------------------------------------------------------------------------------
// Hostile headers

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

const hostileValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'binary-ascii', maxLength: 60 }),
  fc.string({ unit: fc.oneof(fc.constantFrom(...HEADER), loneSurrogate), maxLength: 80 }),
  from(HEADER, 0, 200),
  from(`${TOKEN68}=, "\\`, 0, 120),
  from(HEADER, 500, 3000),
  fc
    .array(fc.constantFrom('Bearer', 'basic', ' ', '\t', ',', '=', '"', '\\', 'realm', '__proto__', 'constructor', 'abc==', '/'), {
      maxLength: 30,
    })
    .map((words) => words.join('')),
);

const hostileHeader: fc.Arbitrary<string | string[] | undefined> = fc.oneof(
  { weight: 4, arbitrary: hostileValue },
  { weight: 2, arbitrary: fc.array(hostileValue, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

// ---------------------------------------------------------------------------------------------
// Challenge lists built from the grammar

interface Param {
  key: string;
  value: string;
  /** How the value is written: a token, or a quoted-string with its escapes. */
  written: string;
}

interface Generated {
  scheme: string;
  params: Param[];
  token68: string | undefined;
}

const ows = from(' \t', 0, 2);
const rws = from(' \t', 1, 3);

const scheme = fc.oneof(
  fc.mixedCase(fc.constantFrom('Bearer', 'Basic', 'Negotiate', 'Digest', 'NTLM')),
  from(TCHAR, 1, 12),
);
const key = fc.oneof(
  fc.mixedCase(fc.constantFrom('realm', 'service', 'scope', 'error', '__proto__', 'constructor', 'hasOwnProperty')),
  from(TCHAR, 1, 10),
);

const tokenValue = from(TCHAR, 1, 16).map((v) => ({ value: v, written: v }));

/** Any text, written as a quoted-string: `"` and `\` escaped, other characters at random. */
const quotedValue = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
        fc.constantFrom(',', '"', '\\', ' ', '\t', '=', ';', 'a', 'Z', '/'),
      ),
      fc.boolean(),
    ),
    { maxLength: 24 },
  )
  .map((chars) => ({
    value: chars.map(([c]) => c).join(''),
    written: `"${chars.map(([c, escaped]) => (escaped || c === '"' || c === '\\' ? `\\${c}` : c)).join('')}"`,
  }));

const param: fc.Arbitrary<Param> = fc
  .tuple(key, fc.oneof(tokenValue, quotedValue), ows, ows)
  .map(([k, v, before, after]) => ({ key: k, value: v.value, written: `${k}${before}=${after}${v.written}` }));

const token68 = fc.tuple(from(TOKEN68, 1, 40), from('=', 0, 2)).map(([t, pad]) => t + pad);

const challenge: fc.Arbitrary<Generated> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ scheme, params: fc.array(param, { maxLength: 5 }), token68: fc.constant(undefined) }) },
  { weight: 1, arbitrary: fc.record({ scheme, params: fc.constant<Param[]>([]), token68 }) },
);

/** Serializes challenges as one header value, with random optional whitespace and empty elements. */
const headerValue = (challenges: Generated[]): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.array(fc.tuple(ows, fc.constantFrom(',', ',', ', ,'), ows), { minLength: challenges.length * 6, maxLength: challenges.length * 6 }),
      fc.array(rws, { minLength: challenges.length, maxLength: challenges.length }),
      ows,
      ows,
    )
    .map(([commas, gaps, lead, trail]) => {
      let k = 0;
      const comma = (): string => (commas[k++] ?? [' ', ',', ' ']).join('');
      const texts = challenges.map((c, i) => {
        const gap = gaps[i] ?? ' ';
        if (c.token68 !== undefined) return `${c.scheme}${gap}${c.token68}`;
        if (c.params.length === 0) return c.scheme;
        return `${c.scheme}${gap}${c.params.map((p) => p.written).join(comma())}`;
      });
      return lead + texts.join(comma()) + trail;
    });

/** Challenges and the headers that carry them: one value, or the list split across several. */
const generatedHeader: fc.Arbitrary<{ challenges: Generated[]; header: string | string[] }> = fc
  .array(challenge, { minLength: 1, maxLength: 5 })
  .chain((challenges) =>
    fc.oneof(
      headerValue(challenges).map((header) => ({ challenges, header })),
      fc
        .array(fc.nat({ max: challenges.length }), { maxLength: 3 })
        .map((cuts) => [...new Set([0, ...cuts, challenges.length])].sort((a, b) => a - b))
        .chain((bounds) =>
          fc.tuple(...bounds.slice(1).map((end, i) => headerValue(challenges.slice(bounds[i] ?? 0, end)))),
        )
        .map((values) => ({ challenges, header: values })),
    ),
  );

const expected = (g: Generated) => {
  const params = new Map<string, string>();
  for (const p of g.params) params.set(p.key.toLowerCase(), p.value);
  return { scheme: g.scheme.toLowerCase(), params, token68: g.token68 };
};

const actual = (c: Challenge) => ({ scheme: c.scheme, params: new Map(Object.entries(c.params)), token68: c.token68 });

// ---------------------------------------------------------------------------------------------
// Properties

/** What pickChallenge promises: a Bearer with a non-empty realm, else the first Basic. */
function checkPick(challenges: Challenge[]): void {
  const picked = pickChallenge(challenges);
  const bearer = challenges.find((c) => c.scheme === 'bearer' && Object.hasOwn(c.params, 'realm') && c.params['realm'] !== '');
  assert.equal(picked, bearer ?? challenges.find((c) => c.scheme === 'basic'));
}

test('parseChallenges and pickChallenge never throw', () => {
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);
  fc.assert(
    fc.property(hostileHeader, (header) => {
      const challenges = parseChallenges(header);
      for (const c of challenges) {
        assert.ok(c.scheme !== '' && c.scheme === c.scheme.toLowerCase(), c.scheme);
        assert.equal(Object.getPrototypeOf(c.params), Object.prototype);
        for (const [k, v] of Object.entries(c.params)) {
          assert.ok(k !== '' && k === k.toLowerCase(), k);
          assert.equal(typeof v, 'string');
        }
      }
      checkPick(challenges);
    }),
    { numRuns: RUNS * 2 },
  );
  assert.deepEqual(Object.getOwnPropertyNames(Object.prototype), prototypeKeys);
});

test('generated challenge lists come back exactly', () => {
  fc.assert(
    fc.property(generatedHeader, ({ challenges, header }) => {
      const parsed = parseChallenges(header);
      assert.deepStrictEqual(parsed.map(actual), challenges.map(expected));
      for (const c of parsed) assert.equal(Object.getPrototypeOf(c.params), Object.prototype);
      checkPick(parsed);
    }),
    { numRuns: RUNS },
  );
});

test('one challenge per header value reads like the list in one value', () => {
  const plain = (c: Generated): string =>
    c.token68 !== undefined ? `${c.scheme} ${c.token68}` : `${c.scheme} ${c.params.map((p) => p.written).join(', ')}`;
  fc.assert(
    fc.property(fc.array(challenge, { minLength: 1, maxLength: 5 }), (cs) => {
      const values = cs.map(plain);
      const separately = parseChallenges(values);
      assert.deepStrictEqual(separately, parseChallenges(values.join(', ')));
      assert.deepStrictEqual(separately.map(actual), cs.map(expected));
    }),
    { numRuns: RUNS },
  );
});

// ---------------------------------------------------------------------------------------------
// No super-linear blow-up


const PATHOLOGICAL: [string, (n: number) => string][] = [
  ['a/a/…"', (n) => `a${'/a'.repeat(n / 2 - 1)}"`],
  ['a /a/a/… x', (n) => `a ${'/a'.repeat(n / 2 - 2)} x`],
  ['a a a …', (n) => 'a '.repeat(n / 2)],
  ['a=a=…', (n) => 'a='.repeat(n / 2)],
  ['a a=a a=…', (n) => 'a a='.repeat(n / 4)],
  ['""…', (n) => '"'.repeat(n)],
  ['Bearer realm="\\"…', (n) => `Bearer realm="${'\\"'.repeat(n / 2 - 7)}`],
  ['Bearer k=v,…', (n) => `Bearer ${'k=v,'.repeat(n / 4 - 3)}k=v,a`],
  [',,…', (n) => ','.repeat(n)],
  ['Negotiate a…=… x', (n) => `Negotiate ${'a'.repeat(n / 2 - 7)}${'='.repeat(n / 2 - 5)} x`],
  ['a ~/~/… x', (n) => `a ${'~/'.repeat(n / 2 - 2)} x`],
  ['mixed', (n) => 'Ab=/"\\, ~+\t;'.repeat(Math.ceil(n / 12)).slice(0, n)],
];

test('100 000 characters parse in linear time', (t) => {
  for (const [shape, make] of PATHOLOGICAL) {
    const small = make(10_000);
    const large = make(100_000);
    assert.equal(large.length, 100_000, shape);
    const { small: tSmall, large: tLarge } = measure(() => void parseChallenges(small), () => void parseChallenges(large));
    t.diagnostic(`parseChallenges ${shape}: 10k ${tSmall.toFixed(3)} ms, 100k ${tLarge.toFixed(3)} ms, ×${(tLarge / tSmall).toFixed(1)}`);
    assert.ok(tLarge < MAX_SLOWDOWN * tSmall, `${shape}: 100k takes ${tLarge} ms, 10k ${tSmall} ms`);
  }
});
