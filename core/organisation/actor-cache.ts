// Actors built from a token are kept a few seconds, keyed by token, user and record version. The token itself is
// checked on every request (so logout, password change and deactivation take effect at once); what may be
// up to `ttlMs` old is only the rest of the actor — department tree, tenant time zone — because a change of
// roles revokes the holders' tokens and any change of the user bumps its version.
import type { Actor } from './actor.js';

export class ActorCache {
  private readonly entries = new Map<string, { actor: Actor; until: number }>();

  constructor(private readonly ttlMs = 10_000, private readonly maxEntries = 10_000) {}

  /** Per token and user version: a role change revokes tokens, so a new login never meets an old actor. */
  static key(tokenDigest: string, userId: string, userVersion: number): string {
    return `${tokenDigest}:${userId}:${userVersion}`;
  }

  get(key: string, now: Date): Actor | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.until <= now.getTime()) {
      this.entries.delete(key);
      return null;
    }
    return e.actor;
  }

  set(key: string, actor: Actor, now: Date): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { actor, until: now.getTime() + this.ttlMs });
  }
}
