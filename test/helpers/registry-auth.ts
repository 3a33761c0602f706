/**
 * The Authorization header a test client sends to a test registry, per set-up: nothing
 * (no auth), Basic (htpasswd), or Bearer with a token fetched from the token server for
 * `repository:<name>:<actions>` (anonymously when no user is given).
 */
import type { TestRegistry } from './registry.js';
import type { TestUser } from './users.js';

export function basicAuth(user: Pick<TestUser, 'username' | 'password'>): string {
  return `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
}

/** Fetches a token (GET realm?service=&scope=) for one repository; throws when refused. */
export async function fetchToken(
  registry: TestRegistry,
  repository: string,
  actions: readonly string[],
  user?: Pick<TestUser, 'username' | 'password'>,
): Promise<string> {
  const server = registry.tokenServer;
  if (server === undefined) throw new Error(`registry ${registry.url} has no token server`);
  const url = new URL(server.realm);
  url.searchParams.set('service', server.service);
  url.searchParams.set('scope', `repository:${repository}:${actions.join(',')}`);
  const res = await fetch(url, { headers: user ? { Authorization: basicAuth(user) } : {} });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`token request for ${repository} failed: ${res.status} ${text}`);
  const body = JSON.parse(text) as { token?: string; access_token?: string };
  const token = body.token ?? body.access_token;
  if (token === undefined) throw new Error(`token response without token: ${text}`);
  return token;
}

/** The Authorization header value for this registry, or undefined when none is needed (or no user in htpasswd). */
export async function authorizationFor(
  registry: TestRegistry,
  repository: string,
  actions: readonly string[],
  user?: Pick<TestUser, 'username' | 'password'>,
): Promise<string | undefined> {
  if (registry.auth === 'htpasswd') return user ? basicAuth(user) : undefined;
  if (registry.auth === 'token') return `Bearer ${await fetchToken(registry, repository, actions, user)}`;
  return undefined;
}
