/**
 * Image references of a compose file: `services.<name>.image`.
 *
 * Rules (compose specification, "Services top-level elements: image", "Interpolation",
 * "Fragments", "Extension"):
 * - Every YAML document's top-level `services` map is read; a service without `image` (one
 *   that only has `build:`) names no image to fetch and is skipped without a warning.
 * - Anchors, aliases and merge keys (`<<: *defaults`, often from an `x-` extension field) are
 *   followed; a merged image is located at the `<<` entry of the service.
 * - The value is interpolated like compose does: `${VAR:-default}`, `${VAR-default}`, `$$`
 *   for a literal `$`, … (`expand.ts`, compose dialect), with the variables of `env` (none by
 *   default: the extraction reads no environment of its own). A variable that is needed but
 *   not set skips the image with a warning, as does an empty or non-string `image`.
 * - A YAML syntax error is a `UsageError` naming the file and line (`yaml-source.ts`).
 * - The origin is `{kind: 'compose', path, line, detail: 'services.NAME.image'}`.
 */

import { expand } from './expand.js';
import type { Extracted, Origin } from './types.js';
import { describeNonString, entries, get, loadYaml, stringValue } from './yaml-source.js';

/** Finds the images of a compose file's services; `env` supplies interpolation variables. */
export function extractCompose(text: string, path: string, env: Record<string, string> = {}): Extracted {
  const source = loadYaml(text, path);
  const result: Extracted = { found: [], warnings: [] };
  const lookup = (name: string): string | undefined => (Object.hasOwn(env, name) ? env[name] : undefined);
  for (const doc of source.documents) {
    const services = get(doc, doc.contents, 'services');
    if (services === undefined) continue;
    for (const { key: name, value: service } of entries(doc, services.node)) {
      const image = get(doc, service.node, 'image');
      if (image === undefined) continue;
      const detail = `services.${name}.image`;
      const origin: Origin = { kind: 'compose', path, line: source.lineAt(image.offset), detail };
      const raw = stringValue(image.node)?.trim();
      if (raw === undefined || raw === '') {
        result.warnings.push({ origin, message: `${detail} is ${describeNonString(image.node)}; skipped` });
        continue;
      }
      const r = expand(raw, { dialect: 'compose', lookup, unset: (v) => `variable ${v} is not set and has no default` });
      const reference = r.ok ? r.value.trim() : '';
      if (!r.ok) result.warnings.push({ origin, message: `${raw}: ${r.problem}; skipped` });
      else if (reference === '') result.warnings.push({ origin, message: `${raw}: expands to nothing; skipped` });
      else result.found.push({ reference, origin });
    }
  }
  return result;
}
