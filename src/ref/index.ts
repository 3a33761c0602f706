/**
 * Image references: parsing, normalization and formatting, following docker's
 * distribution/reference rules.
 *
 * Most code needs only the mfx layer: `parseReference('nginx')` gives registry `docker.io`,
 * repository `library/nginx`, tag `latest`; `formatFamiliar`, `formatQualified`,
 * `registryEndpoint` and `isLoopbackRegistry` take it from there. The strict layer
 * (`parse`, `parseNormalizedNamed`, …) reproduces upstream results and messages exactly.
 * Nothing here does I/O.
 */

export {
  DEFAULT_REGISTRY,
  DEFAULT_TAG,
  DOCKER_HUB_ENDPOINT,
  LEGACY_DEFAULT_REGISTRY,
  LOCALHOST,
  OFFICIAL_NAMESPACE,
  REPOSITORY_NAME_MAX_LENGTH,
} from './defaults.js';
export {
  SUPPORTED_DIGEST_ALGORITHMS,
  checkDigest,
  describeDigestProblem,
  digestAlgorithm,
  isSupportedAlgorithm,
  validateDigest,
  type DigestAlgorithm,
} from './digest.js';
export { diagnose, type Diagnosis } from './diagnose.js';
export { PATTERN_SYNTAX_ERROR, familiarMatch, pathMatch } from './match.js';
export { GO_ERRORS, type GoErrorName, type GoErrorText } from './messages.js';
export {
  isNamed,
  kindOf,
  nameOf,
  stringOf,
  type AnyReference,
  type DigestReference,
  type NamedReference,
  type ReferenceKind,
} from './model.js';
export {
  parseAnyReference,
  parseDockerRef,
  parseNamed,
  parseNormalizedNamed,
  splitDockerDomain,
  tagNameOnly,
  toFamiliarName,
  toFamiliarString,
} from './normalize.js';
export { parse, withDigest, withName, withTag } from './parse.js';
export {
  familiarName,
  formatFamiliar,
  formatQualified,
  isLoopbackRegistry,
  parseReference,
  referenceName,
  registryEndpoint,
  type Reference,
} from './reference.js';
export * from './regexp.js';
export { sortReferences } from './sort.js';
