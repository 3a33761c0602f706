/**
 * A loopback HTTP proxy for the benchmarks: it sits in front of the registry and its token
 * server (paths under /token go to the token server, everything else to the registry),
 * holds every request for a configurable delay before forwarding it (one simulated network
 * round trip per request), and counts what clients do: HTTP requests by kind, TCP
 * connections accepted, 401 challenges and bytes that were not HTTP (e.g. a TLS hello sent
 * to this plain-HTTP port). Requests are forwarded unchanged, Host and Authorization
 * included; responses are streamed back unchanged.
 */
import { Agent, createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type RequestKind = 'ping' | 'token' | 'manifest GET' | 'manifest HEAD' | 'manifest other' | 'blob' | 'other';

export const REQUEST_KINDS: readonly RequestKind[] = [
  'ping', 'token', 'manifest HEAD', 'manifest GET', 'manifest other', 'blob', 'other',
];

export interface Counters {
  /** HTTP requests, all kinds. */
  requests: number;
  byKind: Record<RequestKind, number>;
  /** TCP connections accepted. */
  connections: number;
  /** Responses with status 401 (auth challenges). */
  unauthorized: number;
  /** Connections whose bytes were not HTTP (e.g. TLS attempted on the plain port). */
  notHttp: number;
  /** The first TRACE_LIMIT exchanges, e.g. 'GET /v2/a/manifests/v1 → 401', in order of completion. */
  trace: string[];
}

const TRACE_LIMIT = 100;

export interface Upstreams {
  registry: string;
  token: string;
}

export interface CountingProxy {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** 127.0.0.1:PORT, as in an image reference. */
  readonly host: string;
  /** Where requests go; set once the registry and token server are known. */
  setUpstreams(upstreams: Upstreams): void;
  /** The delay added to every request, in milliseconds. */
  setDelay(ms: number): void;
  /** A copy of the counters since the last reset. */
  snapshot(): Counters;
  reset(): void;
  stop(): Promise<void>;
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade'];

function emptyCounters(): Counters {
  const byKind = Object.fromEntries(REQUEST_KINDS.map((k) => [k, 0])) as Record<RequestKind, number>;
  return { requests: 0, byKind, connections: 0, unauthorized: 0, notHttp: 0, trace: [] };
}

/** The request line for a trace, digests shortened: 'GET /v2/a/manifests/sha256:0123abcd… → 200'. */
function traceLine(method: string, url: string, status: number | string): string {
  return `${method} ${url.replace(/(sha256:[0-9a-f]{8})[0-9a-f]{56}/g, '$1…')} → ${status}`;
}

function readable(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

function record(counters: Counters, line: string): void {
  if (counters.trace.length < TRACE_LIMIT) counters.trace.push(line);
}

/** The kind of a request, from its method and URL path. */
export function classify(method: string, pathname: string): RequestKind {
  if (pathname === '/token' || pathname.startsWith('/token/')) return 'token';
  if (pathname === '/v2/' || pathname === '/v2') return 'ping';
  if (/^\/v2\/.+\/manifests\/[^/]+$/.test(pathname)) {
    if (method === 'GET') return 'manifest GET';
    if (method === 'HEAD') return 'manifest HEAD';
    return 'manifest other';
  }
  if (/^\/v2\/.+\/blobs\//.test(pathname)) return 'blob';
  return 'other';
}

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const copy: IncomingHttpHeaders = { ...headers };
  for (const name of HOP_BY_HOP) delete copy[name];
  return copy;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface ProxyState {
  counters: Counters;
  delayMs: number;
  upstreams: Upstreams | undefined;
  agent: Agent;
}

async function forward(state: ProxyState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const pathname = new URL(req.url ?? '/', 'http://proxy.invalid').pathname;
  const kind = classify(method, pathname);
  state.counters.requests++;
  state.counters.byKind[kind]++;
  if (state.upstreams === undefined) throw new Error('no upstream set yet');
  if (state.delayMs > 0) await sleep(state.delayMs);
  const target = new URL(kind === 'token' ? state.upstreams.token : state.upstreams.registry);
  const upstream = await new Promise<IncomingMessage>((resolve, reject) => {
    const out = request(
      { hostname: target.hostname, port: target.port, method, path: req.url, headers: withoutHopByHop(req.headers), agent: state.agent },
      resolve,
    );
    out.once('error', reject);
    req.pipe(out);
  });
  const status = upstream.statusCode ?? 502;
  if (status === 401) state.counters.unauthorized++;
  record(state.counters, traceLine(method, readable(req.url ?? '/'), status));
  res.writeHead(status, withoutHopByHop(upstream.headers));
  upstream.pipe(res);
}

function listen(server: ReturnType<typeof createServer>): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts the proxy on a free loopback port, with no delay and no upstream yet. */
export async function startCountingProxy(): Promise<CountingProxy> {
  const state: ProxyState = { counters: emptyCounters(), delayMs: 0, upstreams: undefined, agent: new Agent({ keepAlive: true }) };
  const server = createServer((req, res) => {
    forward(state, req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(`bench proxy: ${String(err)}`);
    });
  });
  server.on('connection', () => state.counters.connections++);
  server.on('clientError', (err: Error & { code?: string }, socket: Socket) => {
    // HPE_* is the HTTP parser refusing the bytes; ECONNRESET and the like are clients hanging up.
    // Answer like a plain-HTTP registry would, so a client trying TLS first can fall back.
    if (err.code?.startsWith('HPE_')) {
      state.counters.notHttp++;
      record(state.counters, 'not HTTP (a TLS hello?) → 400');
    }
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  const port = await listen(server);
  server.unref();
  const host = `127.0.0.1:${port}`;
  return {
    url: `http://${host}`,
    host,
    setUpstreams: (upstreams) => { state.upstreams = upstreams; },
    setDelay: (ms) => { state.delayMs = ms; },
    snapshot: () => structuredClone(state.counters),
    reset: () => { state.counters = emptyCounters(); },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      state.agent.destroy();
    },
  };
}
