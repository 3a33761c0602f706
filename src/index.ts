/**
 * mfx as a library: parse references, inspect what they name, render the result.
 *
 *   import { inspect, toInspectOutput } from 'mfx';
 *   const result = await inspect('nginx:latest');
 *   console.log(toInspectOutput(result).manifests.map((m) => m.platform));
 */
export {
  MfxError,
  UsageError,
  ReferenceParseError,
  RegistryError,
  NetworkError,
  AuthError,
  DigestMismatchError,
  ManifestError,
  MalformedResponseError,
  isMfxError,
  type ErrorKind,
} from './errors.js';
export { inspect, inspectFrom, type InspectOptions, type InspectResult, type ImageDetails } from './inspect.js';
export {
  parseReference,
  formatQualified,
  formatFamiliar,
  referenceName,
  registryEndpoint,
  type Reference,
} from './ref/reference.js';
export { createRegistryClient, type RegistryClient, type RegistryClientOptions, type FetchedManifest } from './registry/client.js';
export type { Credential, CredentialLookup } from './registry/credentials/types.js';
export { dockerConfigCredentials } from './registry/credentials/docker-config.js';
export { staticCredentials } from './registry/credentials/static.js';
export { chainCredentials } from './registry/credentials/chain.js';
export type { ManifestSource } from './source.js';
export { parseManifest, type ParsedManifest, type ParsedIndex, type ParsedImage } from './manifest/parse.js';
export { classifyEntries, type IndexEntry, type EntryType } from './manifest/entries.js';
export type { Platform, Descriptor } from './manifest/schema.js';
export { formatPlatform } from './platform/format.js';
export { toInspectOutput, renderInspectJson } from './render/json.js';
export { renderInspectTable } from './render/table.js';
export { InspectOutput, INSPECT_SCHEMA_VERSION } from './render/schema.js';
export { exitCodeFor, EXIT } from './exit-codes.js';
