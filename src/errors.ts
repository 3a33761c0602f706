/**
 * The one error hierarchy of mfx.
 *
 * Every failure a user can cause or meet is an `MfxError` with a `kind`. Errors carry data
 * (the input, the status, the registry's error codes); only the CLI turns a kind into an exit
 * code (`src/exit-codes.ts`) and the CLI an error into a line of text. Nothing here does I/O.
 */

/** What went wrong, in the terms a CI job acts on. Each kind has its own exit code. */
export type ErrorKind =
  | 'usage' // a bad flag, argument, reference or config value
  | 'not-found' // repository, tag or digest unknown to the registry
  | 'auth' // credentials refused, or access denied
  | 'network' // connection, TLS, timeout, rate limit or registry server error
  | 'integrity' // digest mismatch, malformed or unsupported manifest
  | 'platform-missing'; // a requested platform is not offered

export interface MfxErrorOptions {
  /** A sentence that helps the user recover ("log in with docker login ..."). */
  hint?: string;
  cause?: unknown;
}

export class MfxError extends Error {
  readonly kind: ErrorKind;
  readonly hint: string | undefined;

  constructor(kind: ErrorKind, message: string, options: MfxErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.kind = kind;
    this.hint = options.hint;
  }
}

/** A bad command-line flag or argument, or a contradiction between them. */
export class UsageError extends MfxError {
  constructor(message: string, options: MfxErrorOptions = {}) {
    super('usage', message, options);
  }
}

/** The part of an image reference that broke a rule. */
export type ReferenceComponent = 'reference' | 'registry' | 'repository' | 'tag' | 'digest';

/** An image reference that does not follow the distribution/reference grammar. */
export class ReferenceParseError extends MfxError {
  readonly input: string;
  readonly component: ReferenceComponent;
  readonly reason: string;

  constructor(input: string, component: ReferenceComponent, reason: string) {
    super('usage', `invalid reference ${JSON.stringify(input)}: ${reason}`);
    this.input = input;
    this.component = component;
    this.reason = reason;
  }
}

/** One entry of a registry's `errors[]` body (distribution-spec "Error Codes"). */
export interface RegistryDiagnostic {
  code: string;
  message?: string;
  detail?: unknown;
}

export interface RegistryErrorDetails {
  status: number;
  method: string;
  /** The request URL with any credentials removed. */
  url: string;
  /** The decoded `errors[]` of the response body, if it had one. */
  diagnostics?: RegistryDiagnostic[];
  hint?: string;
  cause?: unknown;
}

/** A registry answered with an error status. The kind follows from the status and codes. */
export class RegistryError extends MfxError {
  readonly status: number;
  readonly method: string;
  readonly url: string;
  readonly diagnostics: RegistryDiagnostic[];

  constructor(kind: ErrorKind, message: string, details: RegistryErrorDetails) {
    super(kind, message, { hint: details.hint, cause: details.cause });
    this.status = details.status;
    this.method = details.method;
    this.url = details.url;
    this.diagnostics = details.diagnostics ?? [];
  }
}

/** The registry could not be reached or did not answer (connection, DNS, TLS, timeout). */
export class NetworkError extends MfxError {
  readonly host: string;
  /** A transient fault (a reset connection, a truncated body) worth another attempt. */
  readonly retryable: boolean;
  /** The TLS handshake failed because the other end does not speak TLS. */
  readonly notTls: boolean;

  constructor(host: string, message: string, options: MfxErrorOptions & { retryable?: boolean; notTls?: boolean } = {}) {
    super('network', message, options);
    this.host = host;
    this.retryable = options.retryable ?? false;
    this.notTls = options.notTls ?? false;
  }
}

/** Credentials were refused, missing for a private repository, or could not be obtained. */
export class AuthError extends MfxError {
  constructor(message: string, options: MfxErrorOptions = {}) {
    super('auth', message, options);
  }
}

/** The bytes served do not match the digest that names them. */
export class DigestMismatchError extends MfxError {
  readonly expected: string;
  readonly actual: string;

  constructor(what: string, expected: string, actual: string) {
    super('integrity', `${what}: digest mismatch: expected ${expected}, got ${actual}`);
    this.expected = expected;
    this.actual = actual;
  }
}

/** A manifest or config that is malformed, of an unsupported type, or too large. */
export class ManifestError extends MfxError {
  readonly mediaType: string | undefined;

  constructor(message: string, options: MfxErrorOptions & { mediaType?: string } = {}) {
    super('integrity', message, options);
    this.mediaType = options.mediaType;
  }
}

/** A registry or token server answered with a body mfx cannot use (not JSON, wrong shape). */
export class MalformedResponseError extends MfxError {
  constructor(message: string, options: MfxErrorOptions = {}) {
    super('integrity', message, options);
  }
}

/** No entry of an image offers the requested platform. */
export class NoMatchingPlatformError extends MfxError {
  /** The platform asked for, formatted (`linux/arm/v7`). */
  readonly requested: string;
  /** The platforms the image offers, formatted. */
  readonly available: string[];

  constructor(subject: string, requested: string, available: string[], strict: boolean) {
    const offers = available.length ? available.join(', ') : 'no platforms';
    super('platform-missing', `${subject} has no ${requested}${strict ? ' (strict)' : ''} image; it offers ${offers}`);
    this.requested = requested;
    this.available = available;
  }
}

/** Narrows an unknown thrown value to an MfxError. */
export function isMfxError(err: unknown): err is MfxError {
  return err instanceof MfxError;
}
