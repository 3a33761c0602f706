/**
 * Pieces the test proxies share: forwarding a request to the registry behind them, reading a
 * whole message, and dropping the hop-by-hop headers (RFC 9110 section 7.6.1) that must not
 * be forwarded as they are.
 */
import { type Agent, type IncomingHttpHeaders, type IncomingMessage, request } from 'node:http';

const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade', 'content-length'];

export function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const copy: IncomingHttpHeaders = { ...headers };
  for (const name of HOP_BY_HOP) delete copy[name];
  return copy;
}

export async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Sends `req` (with its body, already read) on to `target`; resolves with the answer's head. */
export function forward(target: URL, req: IncomingMessage, body: Buffer, agent?: Agent): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const upstream = request(
      {
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        ...(agent ? { agent } : {}),
        headers: { ...withoutHopByHop(req.headers), 'content-length': String(body.length) },
      },
      resolve,
    );
    upstream.once('error', reject);
    upstream.end(body);
  });
}
