/**
 * `--debug` (or MFX_DEBUG=1): one line per request and per response on stderr, innermost in
 * the chain so every hop, retry and token request shows. Secrets never show: Authorization
 * values keep only their scheme, URL user-info and secret-looking query parameters are
 * replaced, and bodies (token responses, form posts with passwords) are never logged.
 */
import type { RegistryRequest, Send } from './types.js';
import { header } from './types.js';

const SECRET_PARAMS = /^(password|passwd|secret|token|access_token|refresh_token|id_token|code|sig|signature|x-amz-signature|x-goog-signature)$/i;
const SHOWN_RESPONSE_HEADERS = ['content-type', 'content-length', 'docker-content-digest', 'location', 'www-authenticate', 'retry-after', 'ratelimit-remaining'];

export function redactUrl(url: URL): string {
  const copy = new URL(url);
  if (copy.username || copy.password) {
    copy.username = 'redacted';
    copy.password = '';
  }
  for (const key of [...copy.searchParams.keys()]) {
    if (SECRET_PARAMS.test(key)) copy.searchParams.set(key, 'redacted');
  }
  return copy.toString();
}

export function redactAuthorization(value: string): string {
  const scheme = value.trim().split(/\s+/)[0] ?? '';
  return `${scheme} <redacted>`;
}

function requestLine(req: RegistryRequest): string {
  const auth = req.headers.authorization ? ` authorization: ${redactAuthorization(req.headers.authorization)}` : '';
  const body = req.body === undefined ? '' : ` (${Buffer.byteLength(req.body)} bytes of form data, not shown)`;
  return `> ${req.method} ${redactUrl(req.url)}${auth}${body}`;
}

export function withDebug(next: Send, log: (line: string) => void, now: () => number = Date.now): Send {
  return async (req) => {
    log(requestLine(req));
    const started = now();
    try {
      const res = await next(req);
      const shown = SHOWN_RESPONSE_HEADERS.flatMap((name) => {
        const value = header(res, name);
        if (value === undefined) return [];
        return [`${name}: ${name === 'location' ? redactUrl(new URL(value, req.url)) : value}`];
      });
      log(`< ${res.status} ${req.method} ${redactUrl(req.url)} ${res.body.length} bytes ${now() - started} ms${shown.length ? ` | ${shown.join(' | ')}` : ''}`);
      return res;
    } catch (err) {
      log(`< failed ${req.method} ${redactUrl(req.url)} after ${now() - started} ms: ${(err as Error).message}`);
      throw err;
    }
  };
}
