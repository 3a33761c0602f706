/**
 * A loopback HTTP proxy in front of a test registry that injects faults, so end-to-end tests
 * can show what mfx does when a registry misbehaves. What it does to each request is decided
 * by `rule`, a function of the request (method, path, headers) that the test sets and may
 * change between runs; a request no rule claims is forwarded unchanged (Host and
 * Authorization included, so the registry's absolute URLs point back at the proxy).
 *
 * Faults: reset the connection (on arrival, or once the request is in), stall (never answer,
 * or answer the headers and stall the body), answer with a status of the test's choosing
 * (503, 429 with Retry-After, an oversized error body), truncate the upstream body (short of
 * its Content-Length, or a broken chunked encoding), answer garbage instead of HTTP, rewrite
 * the upstream body (keeping Docker-Content-Digest, or setting one that matches), serve other
 * bytes, and redirect. Every request and connection is logged and counted.
 *
 * Also here: a recording server (plain HTTP or HTTPS with a throwaway certificate) to be
 * redirected to, which logs every Authorization header it receives, and the assertion every
 * fault test makes about a failed run.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import {
  Agent,
  STATUS_CODES,
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeOnExit } from './exit-cleanup.js';
import { requireExecutable, runTool } from './executables.js';
import type { CliRun } from './run-cli.js';
import { forward, readAll, withoutHopByHop } from './http-relay.js';

export type Fault =
  /** Reset the connection (TCP RST) once the request has arrived. */
  | { kind: 'reset' }
  /** Accept the request and never answer. */
  | { kind: 'stall' }
  /** Forward, then send the upstream status, headers and half the body, and nothing more. */
  | { kind: 'stall-body' }
  /** Forward, then send half the upstream body: short of its Content-Length, or in a broken chunked encoding. */
  | { kind: 'truncate'; encoding: 'content-length' | 'chunked' }
  /** Answer bytes that are not HTTP, then close. */
  | { kind: 'garbage' }
  /**
   * Forward, then send `body(original)` instead, with the upstream headers. `digest: 'keep'`
   * leaves the registry's Docker-Content-Digest; 'match' replaces it with the new bytes' digest.
   */
  | { kind: 'rewrite'; body: (original: Buffer) => Buffer; digest: 'keep' | 'match' }
  /**
   * Answer without asking the registry. `digest: 'match'` adds a Docker-Content-Digest of
   * `body`; `chunked` sends it without a Content-Length, in 64 KiB chunks.
   */
  | { kind: 'serve'; status?: number; headers?: Record<string, string>; body?: Buffer | string; digest?: 'match'; chunked?: boolean }
  /** Answer a redirect (307 unless told) to `location`. */
  | { kind: 'redirect'; location: string; status?: number };

export interface FaultRequest {
  method: string;
  /** Path and query, as requested. */
  path: string;
  pathname: string;
  headers: IncomingHttpHeaders;
  /** Which connection it came on, counting from 1. */
  connection: number;
}

/** Picks the fault for a request, or undefined to forward it unchanged. */
export type Rule = (req: FaultRequest) => Fault | undefined;

export interface SeenRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  connection: number;
  /** Date.now() when it arrived. */
  at: number;
  fault: Fault['kind'] | 'pass';
}

export interface FaultProxy {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** 127.0.0.1:PORT, as in an image reference. */
  readonly host: string;
  /** What to do with each request; change it between runs. */
  rule: Rule | undefined;
  /** Reset this many of the next connections on arrival, before they send anything. */
  resetConnections: number;
  /** Requests seen, oldest first (connections reset on arrival send none). */
  readonly requests: SeenRequest[];
  /** TCP connections accepted so far, those reset on arrival included. */
  connections(): number;
  /** Forgets the rule, the pending resets and the log, and zeroes the counts. */
  clear(): void;
  stop(): Promise<void>;
}

// ---------------------------------------------------------------------------------------
// Rules

export type Matcher = (req: FaultRequest) => boolean;

export const isManifestGet: Matcher = (r) => r.method === 'GET' && r.pathname.includes('/manifests/');
export const isBlobGet: Matcher = (r) => r.method === 'GET' && r.pathname.includes('/blobs/');
export const anyRequest: Matcher = () => true;

/** The fault for every request `match` accepts. */
export function when(match: Matcher, fault: Fault | ((req: FaultRequest) => Fault)): Rule {
  return (req) => (match(req) ? (typeof fault === 'function' ? fault(req) : fault) : undefined);
}

/** `rule` for the first `n` requests it claims; every later request passes through. */
export function firstN(n: number, rule: Rule): Rule {
  let left = n;
  return (req) => {
    if (left <= 0) return undefined;
    const fault = rule(req);
    if (fault !== undefined) left--;
    return fault;
  };
}

/** An error status with a registry-style JSON body and optional Retry-After. */
export function errorStatus(status: number, retryAfter?: string, code = 'UNAVAILABLE'): Fault {
  return {
    kind: 'serve',
    status,
    headers: { 'content-type': 'application/json', ...(retryAfter === undefined ? {} : { 'retry-after': retryAfter }) },
    body: JSON.stringify({ errors: [{ code, message: `injected HTTP ${status}` }] }),
  };
}

export function sha256Digest(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

// ---------------------------------------------------------------------------------------
// The proxy


/** A status line and headers, as bytes on the wire. */
function rawHead(status: number, headers: OutgoingHttpHeaders): string {
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Unknown'}`];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${v}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The registry's whole answer to `req`. */
async function fetchUpstream(target: URL, agent: Agent, req: IncomingMessage, body: Buffer): Promise<Upstream> {
  const res = await forward(target, req, body, agent);
  return { status: res.statusCode ?? 502, headers: res.headers, body: await readAll(res) };
}

function answer(res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: Buffer | undefined, chunked = false): void {
  if (chunked) {
    res.writeHead(status, headers);
    const bytes = body ?? Buffer.alloc(0);
    for (let at = 0; at < bytes.length; at += 65_536) res.write(bytes.subarray(at, at + 65_536));
    res.end();
    return;
  }
  res.writeHead(status, { ...headers, 'content-length': String(body?.length ?? 0) });
  res.end(body);
}

async function apply(fault: Fault | undefined, target: URL, agent: Agent, req: IncomingMessage, res: ServerResponse, socket: Socket) {
  const requestBody = await readAll(req);
  const method = req.method ?? 'GET';
  switch (fault?.kind) {
    case 'reset':
      socket.resetAndDestroy();
      return;
    case 'stall':
      return;
    case 'garbage':
      socket.end('SURPRISE this is not HTTP at all\r\n\r\n');
      return;
    case 'redirect':
      answer(res, fault.status ?? 307, { location: fault.location }, undefined);
      return;
    case 'serve': {
      const body = fault.body === undefined ? undefined : Buffer.from(fault.body);
      const headers: OutgoingHttpHeaders = { ...fault.headers };
      if (fault.digest === 'match' && body) headers['docker-content-digest'] = sha256Digest(body);
      answer(res, fault.status ?? 200, headers, method === 'HEAD' ? undefined : body, fault.chunked);
      return;
    }
    default:
      break;
  }
  const up = await fetchUpstream(target, agent, req, requestBody);
  const headers: OutgoingHttpHeaders = withoutHopByHop(up.headers);
  if (method === 'HEAD' || fault === undefined) {
    if (method === 'HEAD') {
      res.writeHead(up.status, { ...headers, 'content-length': up.headers['content-length'] ?? '0' });
      res.end();
    } else {
      answer(res, up.status, headers, up.body);
    }
    return;
  }
  const half = up.body.subarray(0, Math.floor(up.body.length / 2));
  switch (fault.kind) {
    case 'rewrite': {
      const body = fault.body(up.body);
      if (fault.digest === 'match') headers['docker-content-digest'] = sha256Digest(body);
      answer(res, up.status, headers, body);
      return;
    }
    case 'stall-body':
      socket.write(rawHead(up.status, { ...headers, 'content-length': String(up.body.length) }));
      socket.write(half);
      return;
    case 'truncate':
      if (fault.encoding === 'content-length') {
        socket.write(rawHead(up.status, { ...headers, 'content-length': String(up.body.length), connection: 'close' }));
        socket.end(half);
      } else {
        socket.write(rawHead(up.status, { ...headers, 'transfer-encoding': 'chunked', connection: 'close' }));
        // A good first chunk, then a chunk size that is not hexadecimal.
        socket.write(`${half.length.toString(16)}\r\n`);
        socket.write(half);
        socket.end('\r\nnot-a-size\r\n');
      }
      return;
  }
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  server.unref();
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Destroys every socket, then closes the server. */
async function close(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const s of sockets) s.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Starts the proxy on a free loopback port in front of `targetUrl` (a TestRegistry's url). */
export async function startFaultProxy(targetUrl: string, options: { rule?: Rule } = {}): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const agent = new Agent({ keepAlive: true });
  const sockets = new Set<Socket>();
  const connectionOf = new WeakMap<Socket, number>();
  let connections = 0;
  const server = createServer();
  const proxy: FaultProxy = {
    url: '',
    host: '',
    rule: options.rule,
    resetConnections: 0,
    requests: [],
    connections: () => connections,
    clear() {
      this.rule = undefined;
      this.resetConnections = 0;
      this.requests.length = 0;
      connections = 0;
    },
    async stop() {
      await close(server, sockets);
      agent.destroy();
    },
  };
  server.on('connection', (socket: Socket) => {
    connectionOf.set(socket, ++connections);
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    if (proxy.resetConnections > 0) {
      proxy.resetConnections--;
      socket.resetAndDestroy();
    }
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    const path = req.url ?? '/';
    const info: FaultRequest = {
      method: req.method ?? 'GET',
      path,
      pathname: new URL(path, 'http://proxy.invalid').pathname,
      headers: req.headers,
      connection: connectionOf.get(socket) ?? 0,
    };
    const fault = proxy.rule?.(info);
    proxy.requests.push({
      method: info.method,
      path,
      authorization: req.headers.authorization,
      connection: info.connection,
      at: Date.now(),
      fault: fault?.kind ?? 'pass',
    });
    apply(fault, target, agent, req, res, socket).catch((err: unknown) => {
      if (res.headersSent || socket.destroyed) {
        socket.destroy();
        return;
      }
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`fault proxy: ${String(err)}`);
    });
  });
  const host = await listen(server);
  Object.assign(proxy, { url: `http://${host}`, host });
  return proxy;
}

// ---------------------------------------------------------------------------------------
// A server to be redirected to

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
}

export interface RecorderAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export interface Recorder {
  /** http(s)://127.0.0.1:PORT */
  readonly url: string;
  readonly host: string;
  /** Every request, with the Authorization header it carried (if any). */
  readonly requests: RecordedRequest[];
  /** With `tls`: the PEM of its self-signed certificate, for NODE_EXTRA_CA_CERTS. */
  readonly caPath: string | undefined;
  stop(): Promise<void>;
}

/** A self-signed certificate for IP 127.0.0.1, made with openssl in a temp dir. */
function loopbackCertificate(dir: string): { key: string; cert: string } {
  const openssl = requireExecutable('openssl', 'openssl', 'the HTTPS test server needs a certificate');
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  runTool(openssl, [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', cert, '-subj', '/CN=127.0.0.1', '-days', '2', '-sha256',
    '-addext', 'subjectAltName=IP:127.0.0.1',
  ]);
  return { key, cert };
}

/**
 * Starts a loopback server that records every request and answers with `respond` (404 when
 * none). With `tls`, it speaks HTTPS with a throwaway certificate (see `caPath`).
 */
export async function startRecorder(
  options: { respond?: (req: RecordedRequest) => RecorderAnswer; tls?: boolean } = {},
): Promise<Recorder> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const seen: RecordedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', authorization: req.headers.authorization };
    requests.push(seen);
    const a = options.respond?.(seen) ?? { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not here' };
    answer(res, a.status, a.headers ?? {}, seen.method === 'HEAD' || a.body === undefined ? undefined : Buffer.from(a.body));
  };
  let dir: string | undefined;
  let untrack: (() => void) | undefined;
  let server: Server;
  let caPath: string | undefined;
  if (options.tls) {
    dir = mkdtempSync(join(tmpdir(), 'mfx-tls-'));
    untrack = removeOnExit(dir);
    const { key, cert } = loopbackCertificate(dir);
    server = createTlsServer({ key: readFileSync(key), cert: readFileSync(cert) }, handler) as unknown as Server;
    caPath = cert;
  } else {
    server = createServer(handler);
  }
  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const host = await listen(server);
  return {
    url: `${options.tls ? 'https' : 'http'}://${host}`,
    host,
    requests,
    caPath,
    async stop() {
      await close(server, sockets);
      if (dir) rmSync(dir, { recursive: true, force: true });
      untrack?.();
    },
  };
}

// ---------------------------------------------------------------------------------------
// What every failed run must look like

export interface ExpectedFailure {
  status: number;
  /** Matched against the error line (the first line of stderr). */
  message: RegExp;
  /** The run must have ended within this many milliseconds. */
  withinMs: number;
}

/**
 * A failure as a user must see it: the exit code, nothing on stdout, one `mfx: …` error
 * line on stderr (a `mfx: hint: …` line may follow), no stack trace, and no hang.
 */
export function assertCleanFailure(run: CliRun, expected: ExpectedFailure): void {
  assert.equal(run.status, expected.status, `exit code; stderr: ${run.stderr}`);
  assert.equal(run.stdout, '', 'nothing is printed as if the image were valid');
  assert.doesNotMatch(run.stderr, /^\s+at /m, 'no stack trace');
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  assert.ok(lines.length > 0 && lines.every((l) => l.startsWith('mfx: ')), `every stderr line is an mfx: line:\n${run.stderr}`);
  const errors = lines.filter((l) => !/^mfx: (hint|warning|note): /.test(l));
  assert.equal(errors.length, 1, `one error line:\n${run.stderr}`);
  assert.match(errors[0]!, expected.message);
  assert.ok(run.ms < expected.withinMs, `ended in ${run.ms} ms (bound ${expected.withinMs} ms)`);
}
