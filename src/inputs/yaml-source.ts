/**
 * Reading YAML for the compose and Kubernetes extractors, keeping line numbers.
 *
 * Rules:
 * - Every document of the stream is parsed (`---` separated); empty and null documents are kept
 *   and simply hold nothing.
 * - The first syntax error of any document is a `YamlSyntaxError` (a `UsageError`):
 *   `PATH:LINE:COL: invalid YAML: REASON` (the reason is the `yaml` package's message without its position and excerpt).
 * - Values are read from the syntax tree, not from plain objects, so every value keeps its
 *   line. Aliases (`*name`) resolve to their anchor. Merge keys (`<<: *base`, `<<: [*a, *b]`,
 *   YAML 1.1 and the compose specification) are followed when a key is not set directly; a
 *   merged value is located at the alias in the `<<` entry, where the merge is written.
 *
 * Sources: YAML 1.2.2 §3.2.2.2 (anchors and aliases), the YAML 1.1 merge key type
 * (yaml.org/type/merge.html), the `yaml` package (eemeli/yaml) document API.
 */

import { type Document, LineCounter, isAlias, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { UsageError } from '../errors.js';

/** A parsed YAML stream with a way to turn offsets into lines. */
export interface YamlSource {
  path: string;
  documents: Document.Parsed[];
  /** The 1-based line of a character offset. */
  lineAt(offset: number): number;
}

/** A value found in the tree: the resolved node and the offset where it is written. */
export interface Located {
  node: unknown;
  offset: number;
}

/** A YAML syntax error in an input file: a `UsageError` that also tells the line. */
export class YamlSyntaxError extends UsageError {
  readonly path: string;
  readonly line: number;
  readonly reason: string;

  constructor(path: string, line: number, column: number, reason: string, cause: unknown) {
    super(`${path}:${line}:${column}: invalid YAML: ${reason}`, { cause });
    this.path = path;
    this.line = line;
    this.reason = reason;
  }
}

/** Parses all documents of `text`; a syntax error is a `UsageError` naming `path` and line. */
export function loadYaml(text: string, path: string): YamlSource {
  const counter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter: counter });
  for (const doc of documents) {
    const error = doc.errors[0];
    if (error === undefined) continue;
    const pos = error.linePos?.[0] ?? counter.linePos(error.pos[0]);
    const reason = error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '');
    throw new YamlSyntaxError(path, pos.line, pos.col, reason, error);
  }
  return { path, documents, lineAt: (offset) => counter.linePos(offset).line };
}

const offsetOf = (node: unknown): number =>
  (node as { range?: [number, number, number] | null } | null)?.range?.[0] ?? 0;

/** Follows aliases to the node they name; undefined for an alias whose anchor is missing. */
export function resolve(doc: Document, node: unknown): unknown {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < 100; hops++) current = current.resolve(doc);
  return isAlias(current) ? undefined : current;
}

/** The key of a map entry as a string, when it is a scalar. */
function keyText(key: unknown): string | undefined {
  return isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number') ? String(key.value) : undefined;
}

/** The entries of a map, merge keys followed (direct keys win over merged ones, earlier merges over later). */
export function entries(doc: Document, node: unknown, depth = 0): { key: string; value: Located }[] {
  const map = resolve(doc, node);
  if (!isMap(map) || depth > 20) return [];
  const direct: { key: string; value: Located }[] = [];
  const merged: { key: string; value: Located }[] = [];
  for (const pair of map.items) {
    const key = keyText(pair.key);
    if (key === '<<') {
      const target = resolve(doc, pair.value);
      const sources = isSeq(target) ? target.items : [pair.value];
      for (const source of sources) {
        for (const e of entries(doc, source, depth + 1)) merged.push({ key: e.key, value: { node: e.value.node, offset: offsetOf(source) } });
      }
    } else if (key !== undefined) {
      direct.push({ key, value: { node: resolve(doc, pair.value), offset: offsetOf(pair.value ?? pair.key) } });
    }
  }
  const seen = new Set(direct.map((e) => e.key));
  for (const e of merged) {
    if (!seen.has(e.key)) direct.push(e);
    seen.add(e.key);
  }
  return direct;
}

/** The value of `key` in a map (merge keys followed), or undefined. */
export function get(doc: Document, node: unknown, key: string): Located | undefined {
  return entries(doc, node).find((e) => e.key === key)?.value;
}

/** The items of a sequence, each resolved and located; [] when `node` is no sequence. */
export function items(doc: Document, node: unknown): Located[] {
  const seq = resolve(doc, node);
  return isSeq(seq) ? seq.items.map((item) => ({ node: resolve(doc, item), offset: offsetOf(item) })) : [];
}

/** A string scalar's value; undefined for anything else. */
export function stringValue(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/** What a value that should be a string is instead, for warnings: `empty`, `not a string`. */
export function describeNonString(node: unknown): string {
  if (node === undefined || node === null || (isScalar(node) && (node.value === null || node.value === ''))) return 'empty';
  return 'not a string';
}
