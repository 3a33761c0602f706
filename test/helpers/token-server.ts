/**
 * A Docker-spec token server on 127.0.0.1 for the registry's token set-up: serves
 * `/token` (see token-endpoint.ts), owns its key material (token-keys.ts) in a temp dir,
 * and logs every request so tests can count token fetches.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerTokenRequest, type EndpointContext, type TokenField, type TokenSettings } from './token-endpoint.js';
import { removeOnExit } from './exit-cleanup.js';
import { createTokenKeys } from './token-keys.js';

export type { TokenField, TokenSettings } from './token-endpoint.js';

export const TEST_SERVICE = 'mfx-test-registry';
export const TEST_ISSUER = 'mfx-test-issuer';

export interface TokenServerOptions {
  tokenField?: TokenField;
  expiresIn?: number;
}

export interface TokenRequestRecord {
  method: string;
  /** The URL path, e.g. '/token'. */
  path: string;
  query: URLSearchParams;
  /** The form of a POST, with any password replaced by '***'. */
  form?: URLSearchParams;
  authorization: 'basic' | 'bearer' | 'none';
  /** The authenticated user, if any. */
  user?: string;
  status: number;
}

export interface TokenServer {
  /** e.g. http://127.0.0.1:PORT */
  readonly url: string;
  /** The token endpoint: `${url}/token`, the registry's `auth.token.realm`. */
  readonly realm: string;
  readonly service: string;
  readonly issuer: string;
  readonly rootCertPath: string;
  /** Mutable: change tokenField/expiresIn between tests. */
  readonly settings: TokenSettings;
  /** Every request so far, oldest first. Tests may clear it (`requests.length = 0`). */
  readonly requests: TokenRequestRecord[];
  stop(): Promise<void>;
}

function authorizationKind(header: string | undefined): TokenRequestRecord['authorization'] {
  if (header === undefined) return 'none';
  return /^basic /i.test(header) ? 'basic' : 'bearer';
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function redacted(form: URLSearchParams): URLSearchParams {
  const copy = new URLSearchParams(form);
  if (copy.has('password')) copy.set('password', '***');
  return copy;
}

async function handle(ctx: EndpointContext, log: TokenRequestRecord[], req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://token.invalid');
  const isForm = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
  const form = req.method === 'POST' && isForm ? new URLSearchParams(await readBody(req)) : undefined;
  const authorization = req.headers.authorization;
  const result =
    url.pathname === '/token'
      ? answerTokenRequest(ctx, { method: req.method ?? 'GET', query: url.searchParams, authorization, form })
      : { status: 404, body: { errors: [{ code: 'NOT_FOUND', message: 'no such endpoint' }] } };
  log.push({
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    ...(form ? { form: redacted(form) } : {}),
    authorization: authorizationKind(authorization),
    ...('user' in result && result.user ? { user: result.user } : {}),
    status: result.status,
  });
  res.writeHead(result.status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(result.body));
}

/** Starts a token server with fresh keys on a free loopback port. */
export async function startTokenServer(options: TokenServerOptions = {}): Promise<TokenServer> {
  const dir = mkdtempSync(join(tmpdir(), 'mfx-token-'));
  const untrack = removeOnExit(dir);
  try {
    const settings: TokenSettings = { tokenField: options.tokenField ?? 'both', expiresIn: options.expiresIn ?? 300 };
    const ctx: EndpointContext = {
      service: TEST_SERVICE, issuer: TEST_ISSUER, keys: createTokenKeys(dir), settings, refreshTokens: new Map(),
    };
    const requests: TokenRequestRecord[] = [];
    const server = createServer((req, res) => {
      handle(ctx, requests, req, res).catch((err: unknown) => {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ code: 'UNKNOWN', message: String(err) }] }));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    server.unref();
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const stop = async (): Promise<void> => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
      untrack();
    };
    return {
      url, realm: `${url}/token`, service: TEST_SERVICE, issuer: TEST_ISSUER,
      rootCertPath: ctx.keys.rootCertPath, settings, requests, stop,
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    untrack();
    throw err;
  }
}
