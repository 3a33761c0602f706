import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '../errors.js';
import { PATTERN_SYNTAX_ERROR, familiarMatch, pathMatch } from './match.js';
import { parseAnyReference } from './normalize.js';

const pathCases: { name: string; input: [pattern: string, text: string]; want?: boolean; error?: string }[] = [
  { name: 'literal', input: ['abc', 'abc'], want: true },
  { name: 'literal mismatch', input: ['abc', 'abd'], want: false },
  { name: 'star', input: ['a*', 'abc'], want: true },
  { name: 'star does not cross /', input: ['a*', 'a/b'], want: false },
  { name: 'star in the middle', input: ['a*c', 'abbbc'], want: true },
  { name: 'double star is two stars', input: ['a/**/c', 'a/b/c'], want: true },
  { name: 'double star does not cross /', input: ['a/**/c', 'a/b/d/c'], want: false },
  { name: 'question mark', input: ['a?c', 'abc'], want: true },
  { name: 'question mark not /', input: ['a?c', 'a/c'], want: false },
  { name: 'class', input: ['ba[rz]', 'baz'], want: true },
  { name: 'class mismatch', input: ['ba[rz]', 'bat'], want: false },
  { name: 'range', input: ['[a-c]x', 'bx'], want: true },
  { name: 'negated class', input: ['[^a-c]x', 'dx'], want: true },
  { name: 'negated class mismatch', input: ['[^a-c]x', 'bx'], want: false },
  { name: 'escape', input: ['a\\*', 'a*'], want: true },
  { name: 'whole text must match', input: ['ab', 'abc'], want: false },
  { name: 'empty pattern', input: ['', ''], want: true },
  { name: 'class starting with -', input: ['[-x]', 'foo'], error: PATTERN_SYNTAX_ERROR },
  { name: 'unclosed class', input: ['[a', 'a'], error: PATTERN_SYNTAX_ERROR },
  { name: 'trailing backslash', input: ['a\\', 'a'], error: PATTERN_SYNTAX_ERROR },
  { name: 'bad part after a mismatch', input: ['x*[', 'abc'], error: PATTERN_SYNTAX_ERROR },
];

for (const c of pathCases) {
  test(`pathMatch: ${c.name}`, () => {
    const [pattern, text] = c.input;
    if (c.error !== undefined) {
      assert.throws(() => pathMatch(pattern, text), (e: unknown) => e instanceof UsageError && e.message === c.error);
    } else {
      assert.equal(pathMatch(pattern, text), c.want);
    }
  });
}

const familiarCases: { name: string; input: [pattern: string, reference: string]; want: boolean }[] = [
  { name: 'familiar string', input: ['nginx:*', 'docker.io/library/nginx:1.27'], want: true },
  { name: 'falls back to the name', input: ['foo/*/baz', 'foo/c/baz:tag'], want: true },
  { name: 'registry kept off Docker Hub', input: ['*/foo/c/baz', 'example.com/foo/c/baz:tag'], want: true },
  { name: 'no match', input: ['foo/**/ba[rz]', 'foo/any/bat'], want: false },
  { name: 'bare digest', input: ['sha256:*', `sha256:${'a'.repeat(64)}`], want: true },
];

for (const c of familiarCases) {
  test(`familiarMatch: ${c.name}`, () => {
    const [pattern, reference] = c.input;
    assert.equal(familiarMatch(pattern, parseAnyReference(reference)), c.want);
  });
}
