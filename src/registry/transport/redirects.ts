/**
 * Follows redirects (registries send blob downloads to storage or a CDN), at most
 * `MAX_REDIRECTS` hops. Security rules (distribution-spec "Pulling blobs"; go-containerregistry
 * `transport` matchesHost): the Authorization header goes only to the host the request was
 * meant for, never to a host reached by redirect, and an https URL is never redirected to
 * plain http.
 */
import { NetworkError } from '../../errors.js';
import { header, type RegistryRequest, type Send } from './types.js';

export const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function withRedirects(next: Send): Send {
  return async (first) => {
    let req: RegistryRequest = first;
    for (let hop = 0; ; hop++) {
      const res = await next(req);
      const location = header(res, 'location');
      if (!REDIRECT_STATUSES.has(res.status) || location === undefined) return { ...res, url: req.url };
      if (hop === MAX_REDIRECTS) {
        throw new NetworkError(first.url.host, `${first.method} ${first.url.host}: more than ${MAX_REDIRECTS} redirects`);
      }
      req = redirected(first, req, new URL(location, req.url), res.status);
    }
  };
}

function redirected(first: RegistryRequest, current: RegistryRequest, target: URL, status: number): RegistryRequest {
  if (current.url.protocol === 'https:' && target.protocol !== 'https:') {
    throw new NetworkError(
      first.url.host,
      `${first.method} ${first.url.host}: refused a redirect from https to ${target.protocol}//${target.host}`,
    );
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    throw new NetworkError(first.url.host, `${first.method} ${first.url.host}: refused a redirect to ${target.protocol}`);
  }
  const headers = { ...current.headers };
  if (target.host !== first.url.host) delete headers.authorization;
  // 303 turns the request into a GET without a body, as browsers and docker do.
  const method = status === 303 ? 'GET' : current.method;
  const body = status === 303 ? undefined : current.body;
  return { ...current, method, body, url: target, headers };
}
