/**
 * The innermost layer: one HTTP exchange over undici, with the body read whole under a
 * size cap. It follows no redirects (see redirects.ts) and turns transport failures into
 * NetworkError values that name the host and what failed.
 */
import { type Dispatcher, request } from 'undici';
import { ManifestError, NetworkError } from '../../errors.js';
import type { RegistryRequest, RegistryResponse, Send } from './types.js';

export function createSend(dispatcher: Dispatcher): Send {
  return async (req) => {
    let res: Dispatcher.ResponseData;
    try {
      res = await request(req.url, {
        dispatcher,
        method: req.method,
        headers: req.headers,
        body: req.body,
      });
    } catch (err) {
      throw networkError(req, err);
    }
    const body = await readCapped(req, res);
    return { status: res.statusCode, headers: res.headers, body, url: req.url } satisfies RegistryResponse;
  };
}

function formatSize(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

async function readCapped(req: RegistryRequest, res: Dispatcher.ResponseData): Promise<Buffer> {
  if (req.method === 'HEAD') {
    // Content-Length of a HEAD response describes the GET body; there is nothing to read.
    await res.body.dump();
    return Buffer.alloc(0);
  }
  const tooLarge = () =>
    new ManifestError(`${req.what} from ${req.url.host} is larger than the ${formatSize(req.maxBytes)} limit`);
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > req.maxBytes) {
    res.body.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of res.body) {
      total += (chunk as Buffer).length;
      if (total > req.maxBytes) {
        res.body.destroy();
        throw tooLarge();
      }
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    if (err instanceof ManifestError) throw err;
    throw networkError(req, err);
  }
  return Buffer.concat(chunks);
}

const PHRASES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'timed out',
  UND_ERR_CONNECT_TIMEOUT: 'timed out connecting',
  UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for the response headers',
  UND_ERR_BODY_TIMEOUT: 'timed out reading the response body',
  UND_ERR_SOCKET: 'connection closed unexpectedly',
  UND_ERR_CLOSED: 'connection closed',
  EPROTO: 'TLS handshake failed (is it a plain HTTP registry? see --insecure-registry)',
};

function networkError(req: RegistryRequest, err: unknown): NetworkError {
  const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code ?? '';
  const phrase =
    PHRASES[code] ??
    (/CERT|SELF_SIGNED|TLS|SSL/.test(code) ? `TLS certificate problem (${code})` : (e.message ?? String(err)));
  return new NetworkError(req.url.host, `${req.what}: ${req.url.protocol}//${req.url.host}: ${phrase}`, {
    cause: err,
  });
}
