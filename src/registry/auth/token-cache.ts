/**
 * Bearer tokens kept for the rest of a run, keyed by realm, service, scope and credential
 * identity, each until it expires. The Docker token spec says a token without `expires_in`
 * lasts 60 seconds, and that clients should assume at least that.
 */

export const DEFAULT_TOKEN_LIFETIME_SECONDS = 60;
/** Tokens this close to expiry are not reused: a request in flight must not outlive them. */
const EXPIRY_MARGIN_MS = 5_000;

interface Entry {
  token: string;
  expiresAt: number;
}

export class TokenCache {
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  get(key: string): string | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt - EXPIRY_MARGIN_MS <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.token;
  }

  /** Keeps a token for `expiresInSeconds` (the spec's 60 s when absent or nonsensical). */
  set(key: string, token: string, expiresInSeconds: number | undefined): void {
    const seconds =
      expiresInSeconds !== undefined && Number.isFinite(expiresInSeconds) && expiresInSeconds > 0
        ? expiresInSeconds
        : DEFAULT_TOKEN_LIFETIME_SECONDS;
    this.#entries.set(key, { token, expiresAt: this.#now() + seconds * 1000 });
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }
}
