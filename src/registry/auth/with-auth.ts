/**
 * The auth layer, outermost in the chain: it negotiates what a registry asks for.
 *
 * The handshake (Docker token spec; go-containerregistry `transport.NewWithContext`):
 * 1. Send the request, with a token or Basic header if this registry's challenge is known.
 * 2. On 401, read the WWW-Authenticate challenges and pick one (Bearer over Basic).
 *    Bearer: get a token from the realm for `service` and the request's scope (with the
 *    registry's credentials when there are some); Basic: use the credentials.
 * 3. Replay the request once. A 401 after that is an AuthError, a 403 comes back as is.
 * No `/v2/` ping: the first 401 carries the challenge, and it is remembered for the
 * registry's later requests. Tokens are reused per scope and credential until they expire.
 */
import { createHash } from 'node:crypto';
import type { Credential, CredentialLookup } from '../credentials/types.js';
import { registryError } from '../errors.js';
import { type RegistryRequest, type Send, headerValues, withHeader } from '../transport/types.js';
import { basicAuthorization } from './basic.js';
import { fetchToken } from './bearer.js';
import { type Challenge, parseChallenges, pickChallenge } from './challenge.js';
import type { TokenCache } from './token-cache.js';

/**
 * The key of a token: realm, service, scope and who asked, hashed. The identity includes a
 * hash of the secret, so changed credentials never reuse a token the old ones got.
 */
export function tokenKey(ch: Challenge, scope: string | undefined, cred: Credential | undefined): string {
  const secret = cred ? (cred.kind === 'basic' ? cred.password : cred.identityToken) : '';
  const who = cred ? `${cred.kind}:${cred.username ?? ''}:${sha256(secret)}` : 'anonymous';
  return sha256([ch.params.realm, ch.params.service, scope, who].join('\n'));
}

function sha256(text: string | undefined): string {
  return createHash('sha256').update(text ?? '').digest('hex');
}

export interface AuthOptions {
  /** The registry's name (`docker.io`), as credentials are stored. */
  registry: string;
  credentials: CredentialLookup;
  /** Whether the registry is (by now) spoken to over plain HTTP. */
  plainHttp: () => boolean;
  tokens: TokenCache;
  /** Challenges learnt, by registry name (shared, and saved across runs with the tokens). */
  challenges: Map<string, Challenge>;
  /** Sends token requests; no auth layer of its own. */
  tokenSend: Send;
}

export function withAuth(next: Send, opts: AuthOptions): Send {
  // Credentials are looked up once per repository: containers auth files may hold
  // repository-specific entries (`quay.io/org`); other sources answer per registry.
  const looked = new Map<string, Promise<Credential | undefined>>();
  const lookup = (repository: string | undefined) => {
    const key = repository ?? '';
    let found = looked.get(key);
    if (found === undefined) {
      found = opts.credentials(opts.registry, repository);
      looked.set(key, found);
    }
    return found;
  };

  /** The Authorization value for a request under the known challenge, if any. */
  async function authorization(req: RegistryRequest, fresh: boolean): Promise<string | undefined> {
    const challenge = opts.challenges.get(opts.registry);
    if (challenge === undefined) return undefined;
    const cred = await lookup(req.repository);
    if (challenge.scheme === 'basic') {
      return cred?.kind === 'basic' ? basicAuthorization(cred.username, cred.password) : undefined;
    }
    const scope = req.scope ?? challenge.params.scope;
    const key = tokenKey(challenge, scope, cred);
    const cached = fresh ? undefined : opts.tokens.get(key);
    if (cached !== undefined) return `Bearer ${cached}`;
    const token = await fetchToken(opts.tokenSend, {
      registry: opts.registry,
      challenge,
      scope,
      credential: cred,
      registryIsPlainHttp: opts.plainHttp(),
    });
    opts.tokens.set(key, token.token, token.expiresIn);
    return `Bearer ${token.token}`;
  }

  return async (req) => {
    const before = await authorization(req, false);
    const res = await next(withHeader(req, 'authorization', before));
    if (res.status !== 401) return res;
    const picked = pickChallenge(parseChallenges(headerValues(res, 'www-authenticate')));
    if (picked === undefined) throw registryError(req.what, req, res);
    opts.challenges.set(opts.registry, picked);
    const after = await authorization(req, true);
    if (after === undefined || after === before) throw await unauthorized(req, res);
    const replayed = await next(withHeader(req, 'authorization', after));
    if (replayed.status === 401) throw await unauthorized(req, replayed);
    return replayed;
  };

  async function unauthorized(req: RegistryRequest, res: Parameters<typeof registryError>[2]) {
    const cred = await lookup(req.repository);
    if (cred) {
      const who = cred.username ? ` for user ${JSON.stringify(cred.username)}` : '';
      return registryError(req.what, req, res, { summary: `the credentials${who} (from ${cred.source}) were refused` });
    }
    return registryError(req.what, req, res, {
      hint: `the repository may not exist, or it needs credentials: log in with 'docker login ${opts.registry}' or pass --username with --password-stdin`,
    });
  }
}
