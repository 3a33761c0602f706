/**
 * The shapes of image references gathered for `mfx inspect` and `mfx check` from many places:
 * arguments, reference lists (`--file FILE`, `-` for stdin) and the files of a stack (`--from`:
 * compose files, Kubernetes YAML, Dockerfiles).
 *
 * Every reference keeps where it was written (`Origin`), so the CLI can say "nginx:1.27, from
 * compose.yaml:12 services.web.image". Nothing here does I/O.
 */

/** Where one reference was written. */
export interface Origin {
  kind: 'argument' | 'file' | 'stdin' | 'compose' | 'kubernetes' | 'dockerfile';
  /** The file, as given or as found while walking a directory. */
  path?: string;
  /** 1-based line of the reference (for a Dockerfile, the line its instruction starts on). */
  line?: number;
  /** The place inside the file: `services.web.image`, `Deployment/api containers[0]`, `FROM (stage build)`. */
  detail?: string;
}

/** One image, after deduplication. */
export interface ImageInput {
  /** The reference as first written (after variable expansion for Dockerfiles and compose files), trimmed. */
  reference: string;
  /** `formatQualified(parseReference(reference))`, or the reference itself when it does not parse. */
  key: string;
  /** Every place the image was named, in the order they were read; never empty. */
  origins: Origin[];
}

/** Something skipped on the way, e.g. a `FROM` whose variable has no value. */
export interface InputWarning {
  origin: Origin;
  message: string;
}

/** The result of `collectInputs`. */
export interface CollectedInputs {
  /** First-seen order, one entry per key, origins merged. */
  images: ImageInput[];
  warnings: InputWarning[];
}

/** A reference found in a file, before deduplication. */
export interface FoundReference {
  reference: string;
  origin: Origin;
}

/** What an extractor (compose, Kubernetes, Dockerfile) found in one file. */
export interface Extracted {
  found: FoundReference[];
  warnings: InputWarning[];
}

/** The kinds of files `--from` understands. */
export type SourceKind = 'compose' | 'kubernetes' | 'dockerfile';
