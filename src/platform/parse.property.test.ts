/**
 * Property tests of the platform specifier parser: hostile text only ever fails with a
 * PlatformParseError, platforms built from the grammar survive formatting and parsing again,
 * normalizing twice changes nothing, and no input makes parsing slower than linear.
 */
import { MAX_SLOWDOWN, measure } from '../../test/helpers/growth.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { KNOWN_ARCH, KNOWN_OS } from './database.js';
import { ACCEPTED_FORMS, PlatformParseError, type PlatformParseProblem } from './errors.js';
import { formatPlatform, formatPlatformAll } from './format.js';
import { normalizeArch, normalizePlatform } from './normalize.js';
import { parsePlatform } from './parse.js';
import { makePlatform, type Platform } from './types.js';

const RUNS = 3000;
const HOST: Platform = { os: 'linux', architecture: 'amd64' };
const ARM_HOST: Platform = { os: 'linux', architecture: 'arm', variant: 'v6' };

// ---------------------------------------------------------------------------------------------
// Character sets and hostile text

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
const NAME = `${LOWER}${UPPER}${DIGITS}_-`;
const GRAMMAR = `${NAME}/:@.[]()+%*`;
/** What an os.version or feature may hold once %-encoded (encodeOSOption escapes `%+()/`). */
const OPTION = `${NAME}.%+()/`;

const from = (alphabet: string, minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: fc.oneof(fc.constantFrom(...GRAMMAR), loneSurrogate, fc.constantFrom('\n', '\r', ' ', '\t', '\0')), maxLength: 40 }),
  from(GRAMMAR, 0, 60),
  from('a/()+%.2F', 0, 40),
  from(GRAMMAR, 200, 800),
);

// ---------------------------------------------------------------------------------------------
// Valid platforms and specifiers, built from the grammar

const ARCH_ALIASES = ['aarch64', 'x86_64', 'x86-64', 'i386', 'armhf', 'armel'];
const VARIANTS = ['v5', 'v6', 'v7', 'v8', 'v8.0', 'v8.2', 'v9', 'v9.0', '9', '9.0', '8', '7', '6', '5', '4', 'v1', 'v2', 'v3', 'v4'];

const osName = fc.oneof(
  { weight: 3, arbitrary: fc.mixedCase(fc.constantFrom(...KNOWN_OS, 'macos')) },
  { weight: 1, arbitrary: from(`${LOWER}${DIGITS}_-`, 1, 12) },
);
const archName = fc.oneof(
  { weight: 3, arbitrary: fc.mixedCase(fc.constantFrom(...KNOWN_ARCH, ...ARCH_ALIASES)) },
  { weight: 1, arbitrary: from(`${LOWER}${DIGITS}_.-`, 1, 12) },
);
const variantName = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 3, arbitrary: fc.mixedCase(fc.constantFrom(...VARIANTS)) },
  { weight: 1, arbitrary: from(`${LOWER}${UPPER}${DIGITS}_.-`, 1, 8) },
);
const osOption = from(OPTION, 1, 20);

/** A platform whose fields the specifier grammar can express. */
const platform: fc.Arbitrary<Platform> = fc
  .record({
    os: osName,
    architecture: archName,
    variant: variantName,
    version: fc.option(fc.oneof(osOption, fc.constantFrom('10.0.17763', '10.0.20348.2227')), { nil: undefined }),
    features: fc.array(fc.oneof(osOption, fc.constantFrom('win32k', 'gpu')), { maxLength: 4 }),
  })
  .map(({ os, architecture, variant, version, features }) => makePlatform(os, architecture, variant, version, features));

/** A %XX escape: one byte, or the UTF-8 bytes of a character, in either hex case. */
const escape = fc.oneof(
  fc.integer({ min: 0, max: 255 }).map((b) => `%${b.toString(16).padStart(2, '0')}`),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).map((ch) => encodeURIComponent(ch)),
  fc.constantFrom('%2B', '%2b', '%28', '%29', '%2F', '%25'),
);
const rawOption = fc
  .array(fc.oneof(from(`${NAME}.`, 1, 6), escape), { maxLength: 4 })
  .map((parts) => parts.join(''));

/** A specifier with two or three parts, written straight from the grammar. */
const specifier: fc.Arbitrary<string> = fc
  .record({
    name: from(NAME, 1, 12),
    options: fc.option(
      fc.tuple(rawOption, fc.array(rawOption.filter((f) => f !== ''), { maxLength: 3 })),
      { nil: undefined },
    ),
    arch: from(`${NAME}.`, 1, 12),
    variant: fc.option(from(`${NAME}.`, 1, 8), { nil: undefined }),
  })
  .map(({ name, options, arch, variant }) => {
    const os = options === undefined ? name : `${name}(${options[0]}${options[1].map((f) => `+${f}`).join('')})`;
    return [os, arch, ...(variant === undefined ? [] : [variant])].join('/');
  });

const singleWord = fc.mixedCase(fc.constantFrom(...KNOWN_OS, 'macos', ...KNOWN_ARCH, ...ARCH_ALIASES));

/** A valid specifier with a few characters inserted, deleted or replaced. */
const mutatedSpecifier: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(specifier, singleWord, platform.map(formatPlatformAll)),
    fc.array(
      fc.record({ op: fc.constantFrom('insert', 'delete', 'replace'), at: fc.nat(), ch: fc.constantFrom(...GRAMMAR, ' ', '\n', '\u00e9') }),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([text, edits]) =>
    edits.reduce((s, { op, at, ch }) => {
      const i = s.length === 0 ? 0 : at % s.length;
      if (op === 'insert') return s.slice(0, i) + ch + s.slice(i);
      if (op === 'delete') return s.slice(0, i) + s.slice(i + 1);
      return s.slice(0, i) + ch + s.slice(i + 1);
    }, text),
  );

const anyInput = fc.oneof(
  { weight: 3, arbitrary: hostileText },
  { weight: 2, arbitrary: mutatedSpecifier },
  { weight: 1, arbitrary: fc.oneof(specifier, singleWord, platform.map(formatPlatformAll)) },
);

// ---------------------------------------------------------------------------------------------
// Error checks

const PROBLEMS: readonly PlatformParseProblem[] = ['wildcard', 'os-component', 'component', 'encoding', 'unknown-word', 'too-many-parts'];

/** Parses; a throw must be a well-formed PlatformParseError quoting `input`. */
function parsesOrRejects(input: string, host?: Platform): Platform | undefined {
  try {
    return parsePlatform(input, host);
  } catch (err) {
    if (!(err instanceof PlatformParseError)) throw err;
    assert.equal(err.kind, 'usage');
    assert.equal(err.input, input);
    assert.ok(PROBLEMS.includes(err.problem), err.problem);
    assert.equal(err.message, `invalid platform ${JSON.stringify(input)}: ${ACCEPTED_FORMS}`);
    assert.ok(typeof err.hint === 'string' && err.hint.length > 0, 'no hint');
    assert.ok(err.containerdMessage.length > 0, 'no containerd text');
    if (err.problem !== 'encoding') assert.ok(err.containerdMessage.endsWith(': invalid argument'), err.containerdMessage);
    for (const text of [err.message, err.hint, err.containerdMessage]) {
      assert.doesNotMatch(text, /[\r\n]/, `spans several lines: ${JSON.stringify(text)}`);
    }
    return undefined;
  }
}

test('parsePlatform throws nothing but one-line PlatformParseErrors', () => {
  fc.assert(
    fc.property(anyInput, fc.boolean(), (input, withHost) => {
      const p = parsesOrRejects(input, withHost ? HOST : undefined);
      if (p !== undefined) {
        assert.ok(p.os !== '' && p.architecture !== '', JSON.stringify(p));
        assert.equal(p.os, p.os.toLowerCase());
      }
    }),
    { numRuns: RUNS * 2 },
  );
});

test('long inputs fail with the whole input quoted', () => {
  fc.assert(
    fc.property(from(GRAMMAR.replace('*', ''), 1000, 5000), (input) => void parsesOrRejects(input, HOST)),
    { numRuns: 300 },
  );
});

test('specifiers written from the grammar always parse', () => {
  fc.assert(
    fc.property(specifier, (s) => {
      const p = parsePlatform(s, HOST);
      assert.equal(formatPlatform(p).split('/').length, p.variant ? 3 : 2);
    }),
    { numRuns: RUNS },
  );
});

// ---------------------------------------------------------------------------------------------
// Round trips and normalization

test('parsePlatform(formatPlatformAll(p)) is p, after normalization', () => {
  fc.assert(
    fc.property(platform, fc.constantFrom(HOST, ARM_HOST), (p, host) => {
      const text = formatPlatformAll(p);
      const parsed = parsePlatform(text, host);
      assert.deepEqual(normalizePlatform(parsed, host), normalizePlatform(p, host), text);
      // What parsePlatform gives is a fixed point of formatting and parsing again.
      assert.deepEqual(parsePlatform(formatPlatformAll(parsed), host), parsed, text);
    }),
    { numRuns: RUNS },
  );
});

test('a single known word parses like os/arch after normalization', () => {
  fc.assert(
    fc.property(singleWord, (word) => {
      const p = parsePlatform(word, HOST);
      const lower = word.toLowerCase();
      if (KNOWN_OS.includes(lower) || lower === 'macos') {
        assert.deepEqual(normalizePlatform(p, HOST), normalizePlatform({ os: lower, architecture: HOST.architecture }, HOST));
      } else {
        assert.equal(p.os, 'linux');
        assert.equal(p.architecture, normalizeArch(word, '').architecture);
        assert.deepEqual(normalizePlatform(p, HOST), normalizePlatform({ os: 'linux', architecture: word }, HOST));
      }
    }),
    { numRuns: RUNS },
  );
});

test('normalizePlatform is idempotent, whatever the fields hold', () => {
  const field = fc.oneof(
    fc.string({ maxLength: 10 }),
    fc.string({ unit: 'binary', maxLength: 6 }),
    fc.mixedCase(fc.constantFrom(...KNOWN_OS, ...KNOWN_ARCH, ...ARCH_ALIASES, ...VARIANTS, 'macos', '')),
  );
  const anyPlatform = fc.oneof(
    platform,
    fc
      .record({ os: field, architecture: field, variant: field, version: field, features: fc.array(field, { maxLength: 4 }) })
      .map(({ os, architecture, variant, version, features }) => makePlatform(os, architecture, variant, version, features)),
  );
  fc.assert(
    fc.property(anyPlatform, fc.constantFrom(HOST, ARM_HOST), (p, host) => {
      const once = normalizePlatform(p, host);
      assert.deepEqual(normalizePlatform(once, host), once);
    }),
    { numRuns: RUNS },
  );
});

// ---------------------------------------------------------------------------------------------
// No super-linear blow-up


const PATHOLOGICAL: [string, (n: number) => string][] = [
  ['a…', (n) => 'a'.repeat(n)],
  ['a/…', (n) => 'a/'.repeat(n / 2)],
  ['linux/a…', (n) => `linux/${'a'.repeat(n - 6)}`],
  ['linux/amd64/a…&', (n) => `linux/amd64/${'a'.repeat(n - 13)}&`],
  ['a(…', (n) => `a${'('.repeat(n - 1)}`],
  ['linux(a+a+…', (n) => `linux(${'a+'.repeat(n / 2 - 3)}`],
  ['linux(a+a+…)/amd64', (n) => `linux(${'a+'.repeat(n / 2 - 7)}a)/amd64`],
  ['linux(%41…)/amd64', (n) => `linux(${'%41'.repeat((n - 13) / 3)})/amd64`],
  ['linux(%e2%82%ac…)/amd64', (n) => `linux(${'%e2%82%ac'.repeat(Math.floor((n - 13) / 9))}${'a'.repeat((n - 13) % 9)})/amd64`],
  ['linux(%…', (n) => `linux(${'%'.repeat(n - 7)})`],
  ['linux(a…%zz)', (n) => `linux(${'a'.repeat(n - 10)}%zz)`],
  ['*…', (n) => '*'.repeat(n)],
  ['mixed', (n) => 'Ab_-.(+%2F)/'.repeat(Math.ceil(n / 12)).slice(0, n)],
];

test('100 000 characters parse in linear time', (t) => {
  for (const [shape, make] of PATHOLOGICAL) {
    const small = make(10_000);
    const large = make(100_000);
    assert.equal(large.length, 100_000, shape);
    const { small: tSmall, large: tLarge } = measure(() => void parsesOrRejects(small, HOST), () => void parsesOrRejects(large, HOST));
    t.diagnostic(`parsePlatform ${shape}: 10k ${tSmall.toFixed(3)} ms, 100k ${tLarge.toFixed(3)} ms, ×${(tLarge / tSmall).toFixed(1)}`);
    assert.ok(tLarge < MAX_SLOWDOWN * tSmall, `${shape}: 100k takes ${tLarge} ms, 10k ${tSmall} ms`);
  }
});
