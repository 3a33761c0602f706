/**
 * Image references of a Dockerfile (or Containerfile): the images its `FROM` lines pull.
 *
 * Rules (Dockerfile reference: "FROM", "ARG", "Understand how ARG and FROM interact",
 * "Automatic platform ARGs in the global scope"):
 * - Instructions are case-insensitive (`from`, `From`); comments, continuations, parser
 *   directives and here-documents are handled by `readInstructions`.
 * - `FROM [--flag=…] IMAGE [AS NAME]`: flags (`--platform=$BUILDPLATFORM`) are skipped;
 *   `AS NAME` records a stage. An image that names an earlier stage (case-insensitively) or
 *   `scratch` is no image to fetch and is skipped silently.
 * - Only the `ARG`s before the first `FROM` (the global scope) reach `FROM` lines.
 *   `ARG A=x B="y z"` declares with defaults (quotes removed, earlier ARGs expanded in them);
 *   `ARG A` declares without one. `args` (like `--build-arg`) overrides declared ARGs and
 *   gives BuildKit's automatic platform ARGs (`TARGETARCH`, `BUILDPLATFORM`, …); it does
 *   not declare anything else, as with `docker build`.
 * - The image word is expanded as `expand.ts` describes. When it needs a value it cannot
 *   have (an ARG without default, an undeclared name, an unsupported `${…}` form), the
 *   reference is skipped with a warning: `FROM ${BASE}: ARG BASE has no default; skipped`.
 * - The origin is `{kind: 'dockerfile', path, line, detail}`, detail `FROM` or
 *   `FROM (stage NAME)`, line the line the instruction starts on.
 */

import { readInstructions } from './dockerfile-lines.js';
import { type ExpandOptions, expand } from './expand.js';
import type { Extracted, Origin } from './types.js';

/** BuildKit's automatic platform ARGs of the global scope; only `args` gives them values here. */
const PLATFORM_ARGS = new Set(['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT']);

const ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A global ARG: its value, or why it has none. */
interface Declared {
  value: string | undefined;
  problem: string;
}

/** Finds the images of a Dockerfile's `FROM` lines. */
export function extractDockerfile(text: string, path: string, args: Record<string, string> = {}): Extracted {
  const { escape, instructions } = readInstructions(text);
  const scope = new Map<string, Declared>();
  const options = globalScope(escape, scope, args);
  const stages = new Set<string>();
  const result: Extracted = { found: [], warnings: [] };
  let global = true;
  for (const { line, text: instruction } of instructions) {
    const [keyword = '', rest = ''] = splitKeyword(instruction);
    if (keyword === 'ARG' && global) {
      for (const word of words(rest, escape)) declare(word, scope, args, options);
    } else if (keyword === 'FROM') {
      global = false;
      fromLine(words(rest, escape), { kind: 'dockerfile', path, line }, { options, stages, result });
    }
  }
  return result;
}

/** Expansion in the global scope: declared ARGs, then the automatic platform ARGs given in `args`. */
function globalScope(escape: string, scope: Map<string, Declared>, args: Record<string, string>): ExpandOptions {
  return {
    dialect: 'dockerfile',
    escape,
    lookup(name) {
      const declared = scope.get(name);
      if (declared !== undefined) return declared.value;
      return PLATFORM_ARGS.has(name) ? own(args, name) : undefined;
    },
    unset(name) {
      const declared = scope.get(name);
      if (declared !== undefined) return declared.problem;
      if (PLATFORM_ARGS.has(name)) return `${name} is set per target platform at build time`;
      return `${name} is not declared by an ARG before the first FROM`;
    },
  };
}

function own(record: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function splitKeyword(instruction: string): [string, string] {
  const m = /^(\S+)\s*([\s\S]*)$/.exec(instruction);
  return m === null ? ['', ''] : [m[1]!.toUpperCase(), m[2]!];
}

/** Declares one `NAME[=default]` word of an ARG instruction. */
function declare(word: string, scope: Map<string, Declared>, args: Record<string, string>, options: ExpandOptions): void {
  const eq = word.indexOf('=');
  const name = eq < 0 ? word : word.slice(0, eq);
  if (!ARG_NAME.test(name)) return;
  const override = own(args, name);
  if (override !== undefined) {
    scope.set(name, { value: override, problem: '' });
  } else if (eq < 0) {
    scope.set(name, { value: undefined, problem: `ARG ${name} has no default` });
  } else {
    const r = expand(word.slice(eq + 1), options);
    scope.set(name, r.ok ? { value: r.value, problem: '' } : { value: undefined, problem: `the default of ARG ${name} cannot be expanded: ${r.problem}` });
  }
}

interface FromContext {
  options: ExpandOptions;
  stages: Set<string>;
  result: Extracted;
}

/** Handles the words after `FROM`. */
function fromLine(tokens: string[], at: Origin, { options, stages, result }: FromContext): void {
  let flags = 0;
  while (tokens[flags]?.startsWith('--')) flags++;
  const [image, as, stage] = tokens.slice(flags);
  const named = as?.toLowerCase() === 'as' && stage !== undefined;
  const origin: Origin = { ...at, detail: named ? `FROM (stage ${stage})` : 'FROM' };
  if (image === undefined) {
    result.warnings.push({ origin, message: 'FROM without an image; skipped' });
  } else {
    const r = expand(image, options);
    const reference = r.ok ? r.value.trim() : '';
    if (!r.ok) result.warnings.push({ origin, message: `FROM ${image}: ${r.problem}; skipped` });
    else if (reference === '') result.warnings.push({ origin, message: `FROM ${image}: expands to nothing; skipped` });
    else if (reference.toLowerCase() !== 'scratch' && !stages.has(reference.toLowerCase())) result.found.push({ reference, origin });
  }
  if (named) stages.add(stage.toLowerCase());
}

/** Splits an instruction's arguments on blanks outside quotes; quotes and escapes are kept for `expand`. */
export function words(text: string, escape: string): string[] {
  const out: string[] = [];
  let current: string | undefined;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === undefined && /\s/.test(c)) {
      if (current !== undefined) out.push(current);
      current = undefined;
      continue;
    }
    current = (current ?? '') + c;
    if (c === escape && quote !== "'" && i + 1 < text.length) current += text[++i];
    else if (c === quote) quote = undefined;
    else if (quote === undefined && (c === '"' || c === "'")) quote = c;
  }
  if (current !== undefined) out.push(current);
  return out;
}
