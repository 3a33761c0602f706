/**
 * `mfx check --json`: the result in the shape of `check-schema.ts`, validated before printing.
 */
import type { CheckResult, ImageCheck } from '../check.js';
import { exitCodeFor } from '../exit-codes.js';
import { formatPlatform } from '../platform/format.js';
import { formatQualified } from '../ref/reference.js';
import { CHECK_SCHEMA_VERSION, CheckOutput } from './check-schema.js';

function imageOf(i: ImageCheck, origins: ReadonlyMap<string, readonly string[]>): CheckOutput['images'][number] {
  return {
    input: i.input,
    origins: [...(origins.get(i.input) ?? [])],
    reference: i.reference ? formatQualified(i.reference) : null,
    digest: i.digest ?? null,
    status: i.status,
    platforms: i.platforms.map((p) => ({
      requested: p.request.text,
      platform: formatPlatform(p.request.platform),
      present: p.match !== undefined,
      exact: p.match?.exact ?? null,
      matched: p.match ? formatPlatform(p.match.platform) : null,
      digest: p.match?.digest ?? null,
    })),
    error: i.error ? { kind: i.error.kind, exitCode: exitCodeFor(i.error.kind), message: i.error.message } : null,
  };
}

export function toCheckOutput(r: CheckResult, strict: boolean, origins: ReadonlyMap<string, readonly string[]> = new Map()): CheckOutput {
  const count = (s: ImageCheck['status']) => r.images.filter((i) => i.status === s).length;
  return CheckOutput.parse({
    schemaVersion: CHECK_SCHEMA_VERSION,
    platforms: r.requests.map((q) => formatPlatform(q.platform)),
    strict,
    ok: r.exitCode === 0,
    exitCode: r.exitCode,
    images: r.images.map((i) => imageOf(i, origins)),
    summary: { images: r.images.length, ok: count('ok'), missing: count('missing'), failed: count('error') },
  });
}

export function renderCheckJson(r: CheckResult, strict: boolean, origins?: ReadonlyMap<string, readonly string[]>): string {
  return `${JSON.stringify(toCheckOutput(r, strict, origins), null, 2)}\n`;
}
