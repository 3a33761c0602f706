/**
 * A loopback HTTP proxy in front of a test registry that may replace response bodies, so
 * tests can show a registry serving bytes that do not match their digest. Requests are
 * forwarded as they are (Host and Authorization included, so the registry's absolute
 * URLs point back at the proxy); status and headers (Docker-Content-Digest, Content-Type,
 * WWW-Authenticate, ...) are kept, Content-Length is fixed to the body actually sent. It also
 * counts requests and connections, and can add headers, so tests can see what a client sent.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forward, readAll, withoutHopByHop } from './http-relay.js';

export { closedPort } from './ports.js';

export interface TamperOptions {
  /** Return new bytes to send instead of `body`, or undefined to pass it through. Not called for HEAD. */
  tamper(pathname: string, body: Buffer, info: { method: string; status: number }): Buffer | undefined;
  /** Headers to add to every response (e.g. Docker Hub's ratelimit-limit / ratelimit-remaining). */
  addHeaders?: Record<string, string>;
}

export interface TamperingProxy {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** 127.0.0.1:PORT */
  readonly host: string;
  /** Requests seen, oldest first, and whether their body was replaced. */
  readonly requests: { method: string; path: string; status: number; tampered: boolean }[];
  /** TCP connections accepted so far. */
  connections(): number;
  stop(): Promise<void>;
}



async function proxy(target: URL, options: TamperOptions, log: TamperingProxy['requests'], req: IncomingMessage, res: ServerResponse) {
  const method = req.method ?? 'GET';
  const upstream = await forward(target, req, await readAll(req));
  const original = await readAll(upstream);
  const status = upstream.statusCode ?? 502;
  const pathname = new URL(req.url ?? '/', 'http://proxy.invalid').pathname;
  const replaced = method === 'HEAD' ? undefined : options.tamper(pathname, original, { method, status });
  const headers = { ...withoutHopByHop(upstream.headers), ...options.addHeaders };
  headers['content-length'] = String(method === 'HEAD' ? upstream.headers['content-length'] ?? 0 : (replaced ?? original).length);
  log.push({ method, path: req.url ?? '/', status, tampered: replaced !== undefined });
  res.writeHead(status, headers);
  res.end(method === 'HEAD' ? undefined : (replaced ?? original));
}

/** Starts the proxy on a free loopback port in front of `targetUrl` (e.g. a TestRegistry's url). */
export async function startTamperingProxy(targetUrl: string, options: TamperOptions): Promise<TamperingProxy> {
  const target = new URL(targetUrl);
  const requests: TamperingProxy['requests'] = [];
  const server = createServer((req, res) => {
    proxy(target, options, requests, req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(`tampering proxy: ${String(err)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  server.unref();
  let connections = 0;
  server.on('connection', () => connections++);
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stop = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { url: `http://${host}`, host, requests, connections: () => connections, stop };
}
