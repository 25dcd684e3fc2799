// Access tokens of WeCom and DingTalk: fetched once, kept until `expires_in` minus a margin, shared by
// concurrent callers (one request in flight per key), and dropped when the vendor says it is invalid.
import type { Clock } from './http.js';

export interface IssuedToken {
  readonly token: string;
  /** Seconds the vendor says the token lives (expires_in). */
  readonly expiresInSeconds: number;
}

interface Entry {
  readonly token: string;
  readonly refreshAt: number;
}

export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<string>>();

  constructor(
    private readonly clock: Clock,
    /** Refresh this long before the vendor's expiry, so a token never expires between check and use. */
    private readonly marginMs = 5 * 60_000,
  ) {}

  async get(key: string, issue: () => Promise<IssuedToken>): Promise<string> {
    const entry = this.entries.get(key);
    if (entry && this.clock.now().getTime() < entry.refreshAt) return entry.token;
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const p = (async () => {
      try {
        const issued = await issue();
        const lifeMs = Math.max(0, issued.expiresInSeconds * 1000 - this.marginMs);
        this.entries.set(key, { token: issued.token, refreshAt: this.clock.now().getTime() + lifeMs });
        return issued.token;
      } finally {
        this.pending.delete(key);
      }
    })();
    this.pending.set(key, p);
    return p;
  }

  /** Forget `token` under `key` (the vendor refused it); a newer token already cached is kept. */
  invalidate(key: string, token: string): void {
    if (this.entries.get(key)?.token === token) this.entries.delete(key);
  }
}
