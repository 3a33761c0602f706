/**
 * Property tests of the reference parsers: hostile text only ever fails with a
 * ReferenceParseError, references built from the grammar survive formatting and parsing again,
 * and no input makes parsing slower than linear.
 */
import { MAX_SLOWDOWN, measure } from '../../test/helpers/growth.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ReferenceParseError } from '../errors.js';
import { stringOf } from './model.js';
import { parseNamed, parseNormalizedNamed } from './normalize.js';
import { parse } from './parse.js';
import { formatFamiliar, formatQualified, parseReference, type Reference } from './reference.js';

const RUNS = 3000;

// ---------------------------------------------------------------------------------------------
// Character sets and hostile text

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
const GRAMMAR = `${LOWER}${UPPER}${DIGITS}/:@._-[]()+%`;
const HEX = '0123456789abcdef';

const from = (alphabet: string, minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });

/** A lone UTF-16 surrogate, which neither `binary` unit produces. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'binary-ascii', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: fc.oneof(fc.constantFrom(...GRAMMAR), loneSurrogate, fc.constantFrom('\n', '\r', ' ', '\t', '\0')), maxLength: 60 }),
  from(GRAMMAR, 0, 120),
  from('a-._/:@[]0', 0, 120),
  from(GRAMMAR, 250, 600),
);

// ---------------------------------------------------------------------------------------------
// Valid references, built from the grammar

interface Generated {
  /** The text as written. */
  text: string;
  /** What parseReference must make of it. */
  registry: string;
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
  /** The tag as written (no default). */
  writtenTag: string | undefined;
}

const alnum = (min: number, max: number): fc.Arbitrary<string> => from(`${LOWER}${DIGITS}`, min, max);

/** `[a-zA-Z0-9]` or `[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]`, lowercase unless asked otherwise. */
const hostLabel = (alphabet: string): fc.Arbitrary<string> =>
  fc.oneof(
    from(alphabet, 1, 1),
    fc.tuple(from(alphabet, 1, 1), from(`${alphabet}-`, 0, 10), from(alphabet, 1, 1)).map((p) => p.join('')),
  );

const port = fc.integer({ min: 0, max: 99999 }).map((n) => `:${n}`);
const optionalPort = fc.option(port, { nil: '' });

const hexGroup = from('0123456789abcdefABCDEF', 1, 4);
const ipv6 = fc.oneof(
  fc.array(hexGroup, { minLength: 8, maxLength: 8 }).map((g) => g.join(':')),
  fc
    .tuple(fc.array(hexGroup, { maxLength: 3 }), fc.array(hexGroup, { maxLength: 3 }))
    .map(([head, tail]) => `${head.join(':')}::${tail.join(':')}`),
);

/** A registry that parseReference keeps as written. */
const explicitRegistry: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.array(hostLabel(`${LOWER}${DIGITS}`), { minLength: 2, maxLength: 4 }), optionalPort)
    .map(([labels, p]) => `${labels.join('.')}${p}`),
  fc.tuple(fc.array(hostLabel(`${LOWER}${UPPER}${DIGITS}`), { minLength: 2, maxLength: 3 }), optionalPort).map(
    ([labels, p]) => `${labels.join('.')}${p}`,
  ),
  fc.tuple(hostLabel(`${LOWER}${DIGITS}`), port).map(([label, p]) => `${label}${p}`),
  fc.tuple(hostLabel(`${UPPER}`), optionalPort).map(([label, p]) => `${label}${p}`),
  optionalPort.map((p) => `localhost${p}`),
  fc.tuple(ipv6, optionalPort).map(([ip, p]) => `[${ip}]${p}`),
);

const separator = fc.oneof(fc.constantFrom('.', '_', '__'), from('-', 1, 3));

/** `[a-z0-9]+ (separator [a-z0-9]+)*`. */
const pathComponent = (withDot: boolean): fc.Arbitrary<string> =>
  fc
    .tuple(alnum(1, 8), fc.array(fc.tuple(separator, alnum(1, 8)), { maxLength: 3 }))
    .map(([first, rest]) => first + rest.map(([sep, run]) => (withDot || sep !== '.' ? sep + run : `_${run}`)).join(''));

const WORD = `${LOWER}${UPPER}${DIGITS}_`;
const tag = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(from(WORD, 1, 1), from(`${WORD}.-`, 0, 20)).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.tuple(from(WORD, 1, 1), from(`${WORD}.-`, 100, 127)).map((p) => p.join('')) },
);

const digest = fc.oneof(
  from(HEX, 64, 64).map((h) => `sha256:${h}`),
  from(HEX, 128, 128).map((h) => `sha512:${h}`),
);

const suffixOf = (t: string | undefined, d: string | undefined): string =>
  `${t === undefined ? '' : `:${t}`}${d === undefined ? '' : `@${d}`}`;

const validReference: fc.Arbitrary<Generated> = fc
  .record({
    registry: fc.oneof(
      { weight: 2, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constantFrom('docker.io', 'index.docker.io') },
      { weight: 4, arbitrary: explicitRegistry },
    ),
    first: pathComponent(true),
    firstNoDot: pathComponent(false).filter((c) => c !== 'localhost'),
    rest: fc.array(pathComponent(true), { maxLength: 3 }),
    tag: fc.option(tag, { nil: undefined }),
    digest: fc.option(digest, { nil: undefined }),
  })
  .map(({ registry, first, firstNoDot, rest, tag: t, digest: d }) => {
    // With no registry written, a first component with a dot would be read as a registry.
    const head = registry === undefined && rest.length > 0 ? firstNoDot : first;
    const path = [head, ...rest].join('/');
    const hub = registry === undefined || registry === 'docker.io' || registry === 'index.docker.io';
    return {
      text: `${registry === undefined ? '' : `${registry}/`}${path}${suffixOf(t, d)}`,
      registry: hub ? 'docker.io' : registry,
      repository: hub && rest.length === 0 ? `library/${path}` : path,
      tag: t ?? (d === undefined ? 'latest' : undefined),
      digest: d,
      writtenTag: t,
    };
  });

/** A valid reference with a few characters inserted, deleted, replaced or re-cased. */
const mutatedReference: fc.Arbitrary<string> = fc
  .tuple(
    validReference,
    fc.array(
      fc.record({
        op: fc.constantFrom('insert', 'delete', 'replace', 'upper', 'double'),
        at: fc.nat(),
        ch: fc.constantFrom(...GRAMMAR, ' ', '\n', '\u00e9', '\ud800'),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([{ text }, edits]) =>
    edits.reduce((s, { op, at, ch }) => {
      const i = s.length === 0 ? 0 : at % s.length;
      switch (op) {
        case 'insert':
          return s.slice(0, i) + ch + s.slice(i);
        case 'delete':
          return s.slice(0, i) + s.slice(i + 1);
        case 'replace':
          return s.slice(0, i) + ch + s.slice(i + 1);
        case 'upper':
          return s.slice(0, i) + s.slice(i, i + 3).toUpperCase() + s.slice(i + 3);
        default:
          return s.slice(0, i) + s.slice(i, i + 5) + s.slice(i);
      }
    }, text),
  );

const anyInput = fc.oneof(
  { weight: 3, arbitrary: hostileText },
  { weight: 2, arbitrary: mutatedReference },
  { weight: 1, arbitrary: validReference.map((g) => g.text) },
);

// ---------------------------------------------------------------------------------------------
// Error checks

/** Calls `f`; a throw must be a well-formed ReferenceParseError quoting `input`. */
function parsesOrRejects(f: (s: string) => unknown, input: string, oneLine: (err: ReferenceParseError) => boolean): void {
  try {
    f(input);
  } catch (err) {
    if (!(err instanceof ReferenceParseError)) throw err;
    assert.equal(err.kind, 'usage');
    assert.equal(err.input, input);
    assert.ok(err.reason.length > 0, 'empty reason');
    assert.equal(err.message, `invalid reference ${JSON.stringify(input)}: ${err.reason}`);
    if (oneLine(err)) assert.doesNotMatch(err.message, /[\r\n]/, 'message spans several lines');
  }
}

const always = (): boolean => true;

/**
 * The strict layer keeps upstream's texts byte for byte (messages.ts), and one of them names
 * the remote as written: only that text may carry a line break of the input.
 */
const UPSTREAM_LOWERCASE = /^invalid reference format: repository name \([\s\S]*\) must be lowercase$/;
const unlessUpstreamLowercase = (err: ReferenceParseError): boolean => !UPSTREAM_LOWERCASE.test(err.reason);

test('parseReference throws nothing but one-line ReferenceParseErrors', () => {
  fc.assert(
    fc.property(anyInput, (input) => parsesOrRejects(parseReference, input, always)),
    { numRuns: RUNS * 2 },
  );
});

test('parse (strict) throws nothing but one-line ReferenceParseErrors', () => {
  fc.assert(
    fc.property(anyInput, (input) => parsesOrRejects(parse, input, always)),
    { numRuns: RUNS * 2 },
  );
});

test('parseNormalizedNamed throws nothing but ReferenceParseErrors', () => {
  fc.assert(
    fc.property(anyInput, (input) => parsesOrRejects(parseNormalizedNamed, input, unlessUpstreamLowercase)),
    { numRuns: RUNS },
  );
});

test('long inputs fail with the whole input quoted', () => {
  const long = fc.oneof(from(GRAMMAR, 1000, 5000), validReference.map((g) => g.text + 'a'.repeat(300)));
  fc.assert(
    fc.property(long, (input) => {
      for (const f of [parseReference, parse, parseNormalizedNamed]) parsesOrRejects(f, input, unlessUpstreamLowercase);
    }),
    { numRuns: 300 },
  );
});

// ---------------------------------------------------------------------------------------------
// Round trips

const fields = (r: Reference) => ({ registry: r.registry, repository: r.repository, tag: r.tag, digest: r.digest });

test('parseReference reads generated references, and its formats read back the same', () => {
  fc.assert(
    fc.property(validReference, (g) => {
      const ref = parseReference(g.text);
      const want = { registry: g.registry, repository: g.repository, tag: g.tag, digest: g.digest };
      assert.deepEqual(fields(ref), want);
      const qualified = formatQualified(ref);
      assert.deepEqual(fields(parseReference(qualified)), want, `qualified ${qualified}`);
      assert.equal(formatQualified(parseReference(qualified)), qualified);
      const familiar = formatFamiliar(ref);
      const back = parseReference(familiar);
      assert.deepEqual(fields(back), want, `familiar ${familiar}`);
      assert.equal(formatQualified(back), qualified);
      assert.equal(formatFamiliar(back), familiar);
    }),
    { numRuns: RUNS },
  );
});

test('parse (strict) prints back exactly what was written', () => {
  fc.assert(
    fc.property(validReference, (g) => {
      const named = parse(g.text);
      assert.equal(stringOf(named), g.text);
      assert.deepEqual(parse(stringOf(named)), named);
    }),
    { numRuns: RUNS },
  );
});

test('parseNormalizedNamed gives the canonical form, which parseNamed accepts as is', () => {
  fc.assert(
    fc.property(validReference, (g) => {
      const named = parseNormalizedNamed(g.text);
      assert.equal(stringOf(named), `${g.registry}/${g.repository}${suffixOf(g.writtenTag, g.digest)}`);
      assert.deepEqual(parseNamed(stringOf(named)), named);
    }),
    { numRuns: RUNS },
  );
});

// ---------------------------------------------------------------------------------------------
// No super-linear blow-up


const PATHOLOGICAL: [string, (n: number) => string][] = [
  ['a…', (n) => 'a'.repeat(n)],
  ['A…', (n) => 'A'.repeat(n)],
  ['a-a-…!', (n) => 'a-'.repeat(n / 2 - 1) + 'a!'],
  ['a.a.…/', (n) => 'a.'.repeat(n / 2 - 1) + 'a/'],
  ['a-…a.…:x/', (n) => 'a-'.repeat(n / 4) + 'a.'.repeat(n / 4 - 2) + 'a:x/'],
  ['a_a__…:', (n) => 'a_a__'.repeat(n / 5 - 1) + 'aaaa:'],
  ['a/a/…/', (n) => 'a/'.repeat(n / 2)],
  ['[::…', (n) => `[${':'.repeat(n - 1)}`],
  ['[a:a:…]/', (n) => `[${'a:'.repeat(n / 2 - 2)}a]/`],
  ['a:a:…', (n) => 'a:'.repeat(n / 2)],
  ['a@a@…', (n) => 'a@'.repeat(n / 2)],
  ['a@sha256:0…', (n) => `a@sha256:${'0'.repeat(n - 9)}`],
  ['a:0…@a.a.…', (n) => `a:${'0'.repeat(n / 2 - 3)}@${'a.'.repeat(n / 4)}`],
  ['mixed', (n) => 'a-B.c_1:[]@/('.repeat(Math.ceil(n / 13)).slice(0, n)],
];

test('100 000 characters parse in linear time', (t) => {
  // parseReference runs parseNormalizedNamed (and diagnose on failure), so it stands for both.
  const parsers: [string, (s: string) => unknown][] = [
    ['parseReference', parseReference],
    ['parse', parse],
  ];
  for (const [shape, make] of PATHOLOGICAL) {
    const small = make(10_000);
    const large = make(100_000);
    assert.equal(large.length, 100_000, shape);
    for (const [name, f] of parsers) {
      const call = (s: string) => () => parsesOrRejects(f, s, unlessUpstreamLowercase);
      const { small: tSmall, large: tLarge } = measure(call(small), call(large));
      t.diagnostic(`${name} ${shape}: 10k ${tSmall.toFixed(3)} ms, 100k ${tLarge.toFixed(3)} ms, ×${(tLarge / tSmall).toFixed(1)}`);
      assert.ok(tLarge < MAX_SLOWDOWN * tSmall, `${name} ${shape}: 100k takes ${tLarge} ms, 10k ${tSmall} ms`);
    }
  }
});
