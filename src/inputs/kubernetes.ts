/**
 * Image references of Kubernetes manifests: the `image` of every container of a pod spec.
 *
 * Rules (Kubernetes API reference: PodSpec, workload resources):
 * - Every YAML document of the file is read; null or empty documents and documents of other
 *   kinds (Service, ConfigMap, CRDs, …) are ignored.
 * - Where the pod spec is, by `kind`: `Pod` → `spec`; `Deployment`, `StatefulSet`,
 *   `DaemonSet`, `ReplicaSet`, `ReplicationController`, `Job` → `spec.template.spec`;
 *   `PodTemplate` → `template.spec`; `CronJob` → `spec.jobTemplate.spec.template.spec`.
 * - In a pod spec, `initContainers`, `containers` and `ephemeralContainers`, in the order
 *   they are written; a container without `image` (a patch, a kustomize fragment) is
 *   skipped; an empty or non-string `image` is skipped with a warning.
 * - `kind: List` (and any `…List` kind, as `kubectl get -o yaml` writes) is read through its
 *   `items`, each item being a manifest of its own.
 * - Image strings are taken as written (trimmed): Kubernetes does no variable expansion.
 * - The origin is `{kind: 'kubernetes', path, line, detail: 'Deployment/api containers[0]'}`
 *   (`Deployment containers[0]` when the resource has no `metadata.name`).
 * - A YAML syntax error is a `UsageError` naming the file and line (`yaml-source.ts`).
 */

import type { Document } from 'yaml';
import type { Extracted } from './types.js';
import { type YamlSource, describeNonString, entries, get, items, loadYaml, stringValue } from './yaml-source.js';

const POD_SPEC = new Map<string, string[]>([
  ['Pod', ['spec']],
  ['Deployment', ['spec', 'template', 'spec']],
  ['StatefulSet', ['spec', 'template', 'spec']],
  ['DaemonSet', ['spec', 'template', 'spec']],
  ['ReplicaSet', ['spec', 'template', 'spec']],
  ['ReplicationController', ['spec', 'template', 'spec']],
  ['Job', ['spec', 'template', 'spec']],
  ['PodTemplate', ['template', 'spec']],
  ['CronJob', ['spec', 'jobTemplate', 'spec', 'template', 'spec']],
]);

const CONTAINER_LISTS = new Set(['initContainers', 'containers', 'ephemeralContainers']);

/** Finds the container images of every workload in a (multi-document) Kubernetes YAML file. */
export function extractKubernetes(text: string, path: string): Extracted {
  const source = loadYaml(text, path);
  const result: Extracted = { found: [], warnings: [] };
  for (const doc of source.documents) visit(source, doc, doc.contents, result, 0);
  return result;
}

function visit(source: YamlSource, doc: Document, node: unknown, result: Extracted, depth: number): void {
  const kind = stringValue(get(doc, node, 'kind')?.node);
  if (kind === undefined) return;
  if (kind.endsWith('List')) {
    if (depth < 10) for (const item of items(doc, get(doc, node, 'items')?.node)) visit(source, doc, item.node, result, depth + 1);
    return;
  }
  const route = POD_SPEC.get(kind);
  if (route === undefined) return;
  let spec: unknown = node;
  for (const key of route) spec = get(doc, spec, key)?.node;
  const name = stringValue(get(doc, get(doc, node, 'metadata')?.node, 'name')?.node);
  const label = name === undefined ? kind : `${kind}/${name}`;
  for (const { key, value } of entries(doc, spec)) {
    if (!CONTAINER_LISTS.has(key)) continue;
    items(doc, value.node).forEach((container, index) => {
      const image = get(doc, container.node, 'image');
      if (image === undefined) return;
      const origin = { kind: 'kubernetes' as const, path: source.path, line: source.lineAt(image.offset), detail: `${label} ${key}[${index}]` };
      const reference = stringValue(image.node)?.trim();
      if (reference === undefined || reference === '') {
        result.warnings.push({ origin, message: `${origin.detail} image is ${describeNonString(image.node)}; skipped` });
      } else {
        result.found.push({ reference, origin });
      }
    });
  }
}
