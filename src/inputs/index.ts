/**
 * Where image references come from when whole stacks are checked: arguments, reference
 * lists (`--file`, stdin), compose files, Kubernetes YAML and Dockerfiles (`--from`).
 */

export type { CollectedInputs, Extracted, FoundReference, ImageInput, InputWarning, Origin, SourceKind } from './types.js';
export { type CollectSources, collectInputs } from './collect.js';
export { extractCompose } from './compose.js';
export { detectKind, kindByName, kindOfPath } from './detect.js';
export { extractDockerfile } from './dockerfile.js';
export { type DirEntry, type InputIO, nodeIO } from './io.js';
export { extractKubernetes } from './kubernetes.js';
export { parseReferenceList } from './list.js';
export { formatOrigin } from './origin.js';
export { referenceKey } from './dedupe.js';
export { YamlSyntaxError } from './yaml-source.js';
