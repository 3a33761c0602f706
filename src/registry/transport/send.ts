/**
 * The innermost layer: one HTTP exchange over undici, with the body read whole under a
 * size cap. It follows no redirects (see redirects.ts) and turns transport failures into
 * NetworkError values that name the host and the phase that failed (connecting, waiting for
 * the response headers, reading the body), marked retryable when the fault is transient.
 *
 * Caps: the request's `maxBytes` for a success; error and redirect bodies at most
 * `MAX_ERROR_BODY_BYTES` (64 KiB), as go-containerregistry does. Over a cap, reading stops
 * and the request fails (exit 6) naming the limit. A body shorter than its Content-Length,
 * or a broken chunked encoding, is an error (retryable), never parsed as partial JSON.
 */
import { type Dispatcher, request } from 'undici';
import { ManifestError, NetworkError } from '../../errors.js';
import type { RegistryRequest, RegistryResponse, Send } from './types.js';

export const MAX_ERROR_BODY_BYTES = 64 * 1024;

export interface SendOptions {
  /** Aborts every request: the whole run's --timeout. */
  signal?: AbortSignal;
  /** Seconds of that timeout, for messages. */
  timeoutSeconds?: number;
}

type Phase = 'connecting' | 'waiting for the response headers' | 'reading the response body';

export function createSend(dispatcher: Dispatcher, options: SendOptions = {}): Send {
  return async (req) => {
    let res: Dispatcher.ResponseData;
    try {
      res = await request(req.url, { dispatcher, method: req.method, headers: req.headers, body: req.body, signal: options.signal });
    } catch (err) {
      throw networkError(req, err, 'waiting for the response headers', options);
    }
    const body = await readCapped(req, res, options);
    return { status: res.statusCode, headers: res.headers, body, url: req.url } satisfies RegistryResponse;
  };
}

export function formatSize(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

async function readCapped(req: RegistryRequest, res: Dispatcher.ResponseData, options: SendOptions): Promise<Buffer> {
  if (req.method === 'HEAD') {
    // Content-Length of a HEAD response describes the GET body; there is nothing to read.
    await res.body.dump().catch(() => {});
    return Buffer.alloc(0);
  }
  const isError = res.statusCode >= 300;
  const cap = isError ? Math.min(req.maxBytes, MAX_ERROR_BODY_BYTES) : req.maxBytes;
  const tooLarge = () =>
    new ManifestError(`${isError ? `error response (HTTP ${res.statusCode}) to ${req.what}` : req.what} from ${req.url.host} is larger than the ${formatSize(cap)} limit`);
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > cap) {
    res.body.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of res.body) {
      total += (chunk as Buffer).length;
      if (total > cap) {
        res.body.destroy();
        throw tooLarge();
      }
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    if (err instanceof ManifestError) throw err;
    throw networkError(req, err, 'reading the response body', options);
  }
  return Buffer.concat(chunks);
}

const PHRASES: Record<string, { text: string; retryable?: boolean; phase?: Phase }> = {
  ECONNREFUSED: { text: 'connection refused', phase: 'connecting' },
  ECONNRESET: { text: 'connection reset', retryable: true },
  EPIPE: { text: 'connection broken', retryable: true },
  ENOTFOUND: { text: 'host not found', phase: 'connecting' },
  EAI_AGAIN: { text: 'DNS lookup failed', phase: 'connecting', retryable: true },
  EHOSTUNREACH: { text: 'host unreachable', phase: 'connecting' },
  ENETUNREACH: { text: 'network unreachable', phase: 'connecting' },
  ETIMEDOUT: { text: 'timed out', phase: 'connecting' },
  UND_ERR_CONNECT_TIMEOUT: { text: 'timed out connecting', phase: 'connecting' },
  UND_ERR_HEADERS_TIMEOUT: { text: 'timed out waiting for the response headers' },
  UND_ERR_BODY_TIMEOUT: { text: 'timed out reading the response body' },
  UND_ERR_SOCKET: { text: 'connection closed unexpectedly', retryable: true },
  UND_ERR_CLOSED: { text: 'connection closed', retryable: true },
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: { text: 'response body shorter than its Content-Length', retryable: true },
};

function networkError(req: RegistryRequest, err: unknown, phase: Phase, options: SendOptions): NetworkError {
  const e = err as { code?: string; name?: string; message?: string; cause?: { code?: string; message?: string } };
  const where = `${req.what}: ${req.url.protocol}//${req.url.host}`;
  const proxy = /Proxy response \((\d+)\)/.exec(e.message ?? '');
  if (proxy) return new NetworkError(req.url.host, `${where}: the proxy refused to connect to it (HTTP ${proxy[1]})`, { cause: err });
  if (options.signal?.aborted) {
    const limit = options.timeoutSeconds === undefined ? '' : ` after ${options.timeoutSeconds} s (--timeout)`;
    return new NetworkError(req.url.host, `${where}: timed out${limit} ${phase}`, { cause: err });
  }
  const code = e.code ?? e.cause?.code ?? '';
  if (req.url.protocol === 'https:' && (code === 'EPROTO' || code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number|packet length too long/i.test(e.message ?? ''))) {
    const text = 'TLS handshake failed: the registry does not speak TLS (a plain HTTP registry? see --insecure-registry)';
    return new NetworkError(req.url.host, `${where}: ${text}`, { cause: err, notTls: true });
  }
  const known = PHRASES[code];
  if (known) {
    const text = known.phase && !known.text.includes(known.phase) ? `${known.text} (${known.phase})` : known.text;
    return new NetworkError(req.url.host, `${where}: ${text}`, { cause: err, retryable: known.retryable });
  }
  // undici's HTTPParserError carries no usable code (its constructor looks the name up by number).
  if (code.startsWith('HPE_') || e.name === 'HTTPParserError') {
    const detail = code || e.message || 'unparsable';
    return new NetworkError(req.url.host, `${where}: malformed HTTP response (${detail}) ${phase}`, { cause: err, retryable: true });
  }
  if (/CERT|SELF_SIGNED|TLS|SSL|UNABLE_TO_(GET|VERIFY)|HOSTNAME|ALTNAME/.test(code)) {
    return new NetworkError(req.url.host, `${where}: TLS certificate problem (${code}): ${e.message ?? ''}`.trimEnd(), {
      cause: err,
      hint: `trust the registry's CA with --ca-file, NODE_EXTRA_CA_CERTS or /etc/docker/certs.d/${req.url.host}/ca.crt; or skip verification with --insecure-registry ${req.url.host}`,
    });
  }
  return new NetworkError(req.url.host, `${where}: ${e.message ?? String(err)}`, { cause: err });
}
