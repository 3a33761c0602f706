/**
 * Turns a registry's error response into a RegistryError with the right kind.
 *
 * Registries answer errors with a JSON body `{"errors":[{"code","message","detail"}]}`
 * (distribution-spec "Error Codes"). The kind follows the code when there is one, else the
 * status: unknown manifest, blob or repository → not-found; UNAUTHORIZED, DENIED, 401, 403 →
 * auth; TOOMANYREQUESTS, 429, 5xx and anything else → network (the registry failed us).
 */
import { z } from 'zod';
import { type ErrorKind, type RegistryDiagnostic, RegistryError } from '../errors.js';
import type { RegistryRequest, RegistryResponse } from './transport/types.js';

const ErrorBody = z.looseObject({
  errors: z.array(z.looseObject({ code: z.string(), message: z.string().optional(), detail: z.unknown().optional() })),
});

/** The `errors[]` of a registry error body, or [] when it has none or is not JSON. */
export function decodeDiagnostics(body: Buffer): RegistryDiagnostic[] {
  try {
    const parsed = ErrorBody.safeParse(JSON.parse(body.subarray(0, 64 * 1024).toString('utf8')));
    return parsed.success ? parsed.data.errors : [];
  } catch {
    return [];
  }
}

const CODE_KINDS: Record<string, ErrorKind> = {
  MANIFEST_UNKNOWN: 'not-found',
  NAME_UNKNOWN: 'not-found',
  BLOB_UNKNOWN: 'not-found',
  UNAUTHORIZED: 'auth',
  DENIED: 'auth',
  NAME_INVALID: 'usage',
  TAG_INVALID: 'usage',
  TOOMANYREQUESTS: 'network',
};

function kindOf(status: number, diagnostics: RegistryDiagnostic[]): ErrorKind {
  for (const d of diagnostics) {
    const kind = CODE_KINDS[d.code];
    if (kind) return kind;
  }
  if (status === 404) return 'not-found';
  if (status === 401 || status === 403) return 'auth';
  return 'network';
}

function describe(status: number, kind: ErrorKind): string {
  if (status === 429) return 'too many requests (rate limited)';
  switch (kind) {
    case 'not-found':
      return 'not found';
    case 'auth':
      return status === 401 ? 'authentication required' : 'access denied';
    default:
      return status >= 500 ? `registry server error (HTTP ${status})` : `unexpected response (HTTP ${status})`;
  }
}

/**
 * A RegistryError for an error response. `subject` names what was asked for:
 * `docker.io/library/nginx:latest`, `blob sha256:… of docker.io/library/nginx`.
 */
export function registryError(
  subject: string,
  req: RegistryRequest,
  res: RegistryResponse,
  wording: { hint?: string; summary?: string } = {},
): RegistryError {
  const diagnostics = decodeDiagnostics(res.body);
  const kind = kindOf(res.status, diagnostics);
  const codes = diagnostics.map((d) => (d.message ? `${d.code}: ${d.message}` : d.code)).join('; ');
  const summary = wording.summary ?? describe(res.status, kind);
  const message = `${subject}: ${summary}${codes ? ` (${codes})` : ''}`;
  const hint = wording.hint;
  const url = new URL(req.url);
  url.username = '';
  url.password = '';
  return new RegistryError(kind, message, {
    status: res.status,
    method: req.method,
    url: url.toString(),
    diagnostics,
    hint,
  });
}
