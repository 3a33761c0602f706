/**
 * Auth state that outlives a run: the challenge each registry answered with, and the bearer
 * tokens it granted, in `<cache dir>/auth.json` (mode 0600). With them a second run inside a
 * token's lifetime sends its manifest request with the token at once: one request instead
 * of three (401, token, retry). Token keys are SHA-256 hashes of realm, service, scope and
 * credential identity (which itself hashes the secret), so the file names no credential.
 * A missing or malformed file is an empty one.
 */
import { z } from 'zod';
import type { Challenge } from '../registry/auth/challenge.js';
import { TokenCache } from '../registry/auth/token-cache.js';
import { readOrUndefined, writePrivate } from './files.js';

export interface AuthMemory {
  tokens: TokenCache;
  /** By registry name. */
  challenges: Map<string, Challenge>;
  /** The challenges as loaded, to tell whether any changed. */
  readonly loaded: string;
}

const serialize = (challenges: Map<string, Challenge>) =>
  JSON.stringify(Object.fromEntries([...challenges].map(([k, c]) => [k, { scheme: c.scheme, params: c.params }])));

const AuthFile = z.object({
  version: z.literal(1),
  challenges: z.record(z.string(), z.object({ scheme: z.string(), params: z.record(z.string(), z.string()) })),
  tokens: z.record(z.string(), z.object({ token: z.string(), expiresAt: z.number() })),
});

export function emptyAuthMemory(now: () => number = Date.now): AuthMemory {
  return { tokens: new TokenCache(now), challenges: new Map(), loaded: '{}' };
}

export async function loadAuthMemory(file: string, now: () => number = Date.now): Promise<AuthMemory> {
  const bytes = await readOrUndefined(file);
  if (bytes === undefined) return emptyAuthMemory(now);
  let parsed: z.infer<typeof AuthFile>;
  try {
    parsed = AuthFile.parse(JSON.parse(bytes.toString('utf8')));
  } catch {
    return emptyAuthMemory(now);
  }
  const challenges = new Map<string, Challenge>(Object.entries(parsed.challenges));
  return { tokens: new TokenCache(now, parsed.tokens), challenges, loaded: serialize(challenges) };
}

/** Saves when anything was learnt since loading; returns whether the file was written. */
export async function saveAuthMemory(file: string, memory: AuthMemory): Promise<boolean> {
  const { entries, changed } = memory.tokens.snapshot();
  const challenges = serialize(memory.challenges);
  if (!changed && challenges === memory.loaded) return false;
  return writePrivate(file, `{"version":1,"challenges":${challenges},"tokens":${JSON.stringify(entries)}}\n`);
}
