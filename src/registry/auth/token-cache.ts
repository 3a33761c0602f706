/**
 * Bearer tokens kept for the rest of a run (and, through `snapshot`, across runs), keyed by
 * realm, service, scope and credential identity, each until it expires less a margin. The
 * Docker token spec says a token without `expires_in` lasts 60 seconds.
 */

export const DEFAULT_TOKEN_LIFETIME_SECONDS = 60;
/** Tokens this close to expiry are not reused: a request in flight must not outlive them. */
const EXPIRY_MARGIN_MS = 5_000;

export interface TokenEntry {
  token: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export class TokenCache {
  readonly #entries = new Map<string, TokenEntry>();
  #changed = false;
  readonly #now: () => number;

  constructor(now: () => number = Date.now, initial: Record<string, TokenEntry> = {}) {
    this.#now = now;
    for (const [key, entry] of Object.entries(initial)) this.#entries.set(key, entry);
  }

  /** The entries still valid, for saving; and whether any was added since construction. */
  snapshot(): { entries: Record<string, TokenEntry>; changed: boolean } {
    const now = this.#now();
    const live = [...this.#entries].filter(([, e]) => e.expiresAt - EXPIRY_MARGIN_MS > now);
    return { entries: Object.fromEntries(live), changed: this.#changed };
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
    this.#changed = true;
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }
}
