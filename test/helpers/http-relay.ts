/**
 * Pieces the test proxies share: reading a whole message, and dropping the hop-by-hop
 * headers (RFC 9110 section 7.6.1) that must not be forwarded as they are.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

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
