/**
 * Who may do what in the token set-up, and the parsing of Docker token `scope` strings.
 * Repositories under `private/` need a valid user; others allow anonymous pull; only
 * alice may push. A request is granted the actions it asked for that are allowed, which
 * may be none (then the token's `access` entry is dropped, like Docker Hub).
 */
import type { AccessEntry } from './jwt.js';
import type { TestUser } from './users.js';

export interface RequestedScope {
  type: string;
  name: string;
  actions: string[];
}

/**
 * Parses scope values (each may hold several space-separated scopes) of the form
 * `type:name:action1,action2`. The name may contain ':' (a registry host with a port).
 */
export function parseScopes(values: readonly string[]): RequestedScope[] {
  const scopes: RequestedScope[] = [];
  for (const part of values.flatMap((v) => v.split(' ')).filter((s) => s !== '')) {
    const first = part.indexOf(':');
    const last = part.lastIndexOf(':');
    if (first < 0 || last <= first) continue;
    scopes.push({
      type: part.slice(0, first),
      name: part.slice(first + 1, last),
      actions: part.slice(last + 1).split(',').filter((a) => a !== ''),
    });
  }
  return scopes;
}

function allowedActions(scope: RequestedScope, user: TestUser | undefined): Set<string> {
  if (scope.type !== 'repository') return new Set();
  if (user?.canPush) return new Set(['pull', 'push', 'delete', '*']);
  if (user !== undefined) return new Set(['pull']);
  return scope.name.startsWith('private/') ? new Set() : new Set(['pull']);
}

/** The `access` claim for these scopes and this user (undefined: anonymous). */
export function grantAccess(scopes: readonly RequestedScope[], user: TestUser | undefined): AccessEntry[] {
  const access: AccessEntry[] = [];
  for (const scope of scopes) {
    const allowed = allowedActions(scope, user);
    const actions = [...new Set(scope.actions.filter((a) => allowed.has(a)))];
    if (actions.length > 0) access.push({ type: scope.type, name: scope.name, actions });
  }
  return access;
}
