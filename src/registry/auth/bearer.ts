/**
 * The bearer token exchange of the Docker registry token authentication spec
 * (distribution docs/spec/auth/token.md and oauth.md).
 *
 * - With no credentials or with a username and password: `GET <realm>?service=…&scope=…`,
 *   with Basic credentials when there are some.
 * - With an identity token (docker's `identitytoken`, an OAuth2 refresh token):
 *   `POST <realm>` form-encoded `grant_type=refresh_token`.
 * The answer carries `token` or `access_token` (some registries send only the latter, as
 * go-containerregistry notes) and optionally `expires_in`.
 *
 * Safety: the realm must be an http(s) URL, and credentials go to a plain-http realm only
 * when the registry itself is plain HTTP (loopback or --insecure-registry).
 */
import { z } from 'zod';
import { AuthError, MalformedResponseError } from '../../errors.js';
import type { Credential } from '../credentials/types.js';
import { registryError } from '../errors.js';
import type { RegistryRequest, Send } from '../transport/types.js';
import { basicAuthorization } from './basic.js';
import type { Challenge } from './challenge.js';

export const MAX_TOKEN_BYTES = 64 * 1024;
const CLIENT_ID = 'mfx';

const TokenResponse = z.looseObject({
  token: z.string().optional(),
  access_token: z.string().optional(),
  expires_in: z.number().optional(),
});

export interface TokenExchange {
  /** Registry name, for messages. */
  registry: string;
  challenge: Challenge;
  scope: string | undefined;
  credential: Credential | undefined;
  registryIsPlainHttp: boolean;
}

export interface Token {
  token: string;
  expiresIn: number | undefined;
}

export async function fetchToken(send: Send, x: TokenExchange): Promise<Token> {
  const realm = realmUrl(x);
  const req = tokenRequest(realm, x);
  const res = await send(req);
  if (res.status === 401 || res.status === 403) throw refused(x);
  if (res.status !== 200) throw registryError(`token for ${x.registry}`, req, res);
  let parsed: z.infer<typeof TokenResponse>;
  try {
    parsed = TokenResponse.parse(JSON.parse(res.body.toString('utf8')));
  } catch (cause) {
    throw new MalformedResponseError(`token server ${realm.host} sent a malformed token response`, { cause });
  }
  const token = parsed.token || parsed.access_token;
  if (!token) throw new MalformedResponseError(`token server ${realm.host} sent no token`);
  return { token, expiresIn: parsed.expires_in };
}

function realmUrl(x: TokenExchange): URL {
  const realm = x.challenge.params.realm ?? '';
  let url: URL;
  try {
    url = new URL(realm);
  } catch {
    throw new AuthError(`${x.registry}: the token realm ${JSON.stringify(realm)} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AuthError(`${x.registry}: the token realm ${JSON.stringify(realm)} is not an http(s) URL`);
  }
  if (url.protocol === 'http:' && x.credential && !x.registryIsPlainHttp) {
    throw new AuthError(`${x.registry}: refusing to send credentials to the plain-http token realm ${url.host}`, {
      hint: 'the registry uses HTTPS, so its token realm must too',
    });
  }
  return url;
}

function tokenRequest(realm: URL, x: TokenExchange): RegistryRequest {
  const service = x.challenge.params.service;
  const base = { url: realm, maxBytes: MAX_TOKEN_BYTES, what: `token for ${x.registry}` };
  if (x.credential?.kind === 'identity-token') {
    const form = new URLSearchParams({ grant_type: 'refresh_token', client_id: CLIENT_ID });
    form.set('refresh_token', x.credential.identityToken);
    if (service) form.set('service', service);
    if (x.scope) form.set('scope', x.scope);
    return {
      ...base,
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    };
  }
  const url = new URL(realm);
  if (service) url.searchParams.set('service', service);
  if (x.scope) url.searchParams.set('scope', x.scope);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (x.credential?.kind === 'basic') {
    headers.authorization = basicAuthorization(x.credential.username, x.credential.password);
  }
  return { ...base, url, method: 'GET', headers };
}

function refused(x: TokenExchange): AuthError {
  if (!x.credential) return new AuthError(`${x.registry}: the token server requires credentials`);
  const who = x.credential.username ? ` for user ${JSON.stringify(x.credential.username)}` : '';
  return new AuthError(`${x.registry}: the credentials${who} (from ${x.credential.source}) were refused`);
}
