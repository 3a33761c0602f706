/**
 * The request and response values that flow through mfx's HTTP layers, and `Send`, the
 * function type every layer takes and returns. Layers wrap an inner `Send` (auth outside,
 * redirects and the undici transport inside); `src/registry/client.ts` assembles them.
 */

export type HttpMethod = 'GET' | 'HEAD' | 'POST';

export interface RegistryRequest {
  method: HttpMethod;
  url: URL;
  /** Header names in lowercase. */
  headers: Record<string, string>;
  body?: string;
  /** Largest body accepted; reading stops there and the request fails. */
  maxBytes: number;
  /** What the body is, for messages: `manifest`, `blob`, `token`. */
  what: string;
  /** The token scope the request needs, e.g. `repository:library/nginx:pull`. */
  scope?: string;
  /** The repository the request is about (for repository-specific credentials). */
  repository?: string;
}

export interface RegistryResponse {
  status: number;
  /** Header names in lowercase; repeated headers (WWW-Authenticate) as arrays. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The URL that answered, after any redirects. */
  url: URL;
}

export type Send = (req: RegistryRequest) => Promise<RegistryResponse>;

/** The first value of a header, or undefined. */
export function header(res: RegistryResponse, name: string): string | undefined {
  const value = res.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Every value of a header as a list. */
export function headerValues(res: RegistryResponse, name: string): string[] {
  const value = res.headers[name.toLowerCase()];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** A copy of the request with one header set (or removed when `value` is undefined). */
export function withHeader(req: RegistryRequest, name: string, value: string | undefined): RegistryRequest {
  const headers = { ...req.headers };
  if (value === undefined) delete headers[name];
  else headers[name] = value;
  return { ...req, headers };
}
