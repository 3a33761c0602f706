/**
 * The logic of the Docker token endpoint, apart from HTTP plumbing: GET /token with
 * optional Basic credentials, and POST /token (OAuth2 `password` and `refresh_token`
 * grants, form-encoded). Produces a status and a JSON body.
 */
import { randomBytes } from 'node:crypto';
import { signToken } from './jwt.js';
import type { TokenKeys } from './token-keys.js';
import { grantAccess, parseScopes } from './token-policy.js';
import { checkCredentials, USERS, type TestUser } from './users.js';

export type TokenField = 'token' | 'access_token' | 'both';

/** What a test may change while the token server runs. */
export interface TokenSettings {
  /** Which field(s) a GET response carries the token in (default 'both'). POST always uses access_token. */
  tokenField: TokenField;
  /** `expires_in` and the token lifetime in seconds (default 300). */
  expiresIn: number;
}

export interface EndpointContext {
  readonly service: string;
  readonly issuer: string;
  readonly keys: TokenKeys;
  readonly settings: TokenSettings;
  /** refresh token → username */
  readonly refreshTokens: Map<string, string>;
}

export interface EndpointRequest {
  method: string;
  query: URLSearchParams;
  authorization: string | undefined;
  form: URLSearchParams | undefined;
}

export interface EndpointResult {
  status: number;
  body: unknown;
  user?: string;
}

function failure(status: number, code: string, message: string): EndpointResult {
  return { status, body: { errors: [{ code, message }] } };
}

function basicCredentials(header: string | undefined): [string, string] | undefined | 'malformed' {
  if (header === undefined || !/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? 'malformed' : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

function issue(ctx: EndpointContext, scopeValues: string[], user: TestUser | undefined) {
  const access = grantAccess(parseScopes(scopeValues), user);
  const expiresIn = ctx.settings.expiresIn;
  const now = new Date();
  const claims = { issuer: ctx.issuer, subject: user?.username ?? '', audience: ctx.service, expiresIn, access };
  return { token: signToken(claims, ctx.keys.signingKey, ctx.keys.x5c, now), expiresIn, issuedAt: now.toISOString() };
}

function newRefreshToken(ctx: EndpointContext, user: TestUser): string {
  const refresh = randomBytes(18).toString('base64url');
  ctx.refreshTokens.set(refresh, user.username);
  return refresh;
}

function handleGet(ctx: EndpointContext, req: EndpointRequest): EndpointResult {
  const creds = basicCredentials(req.authorization);
  if (creds === 'malformed') return failure(401, 'UNAUTHORIZED', 'malformed Basic credentials');
  const user = creds === undefined ? undefined : checkCredentials(creds[0], creds[1]);
  if (creds !== undefined && user === undefined) {
    return failure(401, 'UNAUTHORIZED', 'incorrect username or password');
  }
  const issued = issue(ctx, req.query.getAll('scope'), user);
  const body: Record<string, unknown> = {};
  if (ctx.settings.tokenField !== 'access_token') body['token'] = issued.token;
  if (ctx.settings.tokenField !== 'token') body['access_token'] = issued.token;
  body['expires_in'] = issued.expiresIn;
  body['issued_at'] = issued.issuedAt;
  if (user !== undefined && req.query.get('offline_token') === 'true') {
    body['refresh_token'] = newRefreshToken(ctx, user);
  }
  return { status: 200, body, ...(user ? { user: user.username } : {}) };
}

function postUser(ctx: EndpointContext, form: URLSearchParams): TestUser | EndpointResult {
  const grant = form.get('grant_type');
  if (grant === 'password') {
    const user = checkCredentials(form.get('username') ?? '', form.get('password') ?? '');
    return user ?? failure(401, 'UNAUTHORIZED', 'incorrect username or password');
  }
  if (grant === 'refresh_token') {
    const username = ctx.refreshTokens.get(form.get('refresh_token') ?? '');
    const user = Object.values(USERS).find((u) => u.username === username);
    return user ?? failure(401, 'UNAUTHORIZED', 'invalid refresh token');
  }
  return failure(400, 'UNSUPPORTED', `unsupported grant_type: ${grant ?? '(none)'}`);
}

function handlePost(ctx: EndpointContext, req: EndpointRequest): EndpointResult {
  const form = req.form ?? new URLSearchParams();
  if (!form.get('client_id')) return failure(400, 'INVALID_REQUEST', 'missing client_id');
  const user = postUser(ctx, form);
  if ('status' in user) return user;
  const scope = form.get('scope') ?? '';
  const issued = issue(ctx, [scope], user);
  const refresh = form.get('grant_type') === 'refresh_token' ? form.get('refresh_token') ?? '' : newRefreshToken(ctx, user);
  const body = {
    access_token: issued.token,
    scope,
    expires_in: issued.expiresIn,
    issued_at: issued.issuedAt,
    refresh_token: refresh,
  };
  return { status: 200, body, user: user.username };
}

/** Answers one request to `/token`. */
export function answerTokenRequest(ctx: EndpointContext, req: EndpointRequest): EndpointResult {
  const service = req.method === 'POST' ? req.form?.get('service') : req.query.get('service');
  if (service && service !== ctx.service) return failure(400, 'INVALID_REQUEST', `unknown service: ${service}`);
  if (req.method === 'GET') return handleGet(ctx, req);
  if (req.method === 'POST') return handlePost(ctx, req);
  return failure(405, 'UNSUPPORTED', `method ${req.method} not allowed`);
}
