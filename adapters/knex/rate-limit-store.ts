// The rate limiter's shared counters in PostgreSQL (rate_limit_counters), so every process of an
// installation counts against the same limit.
import type { Knex } from 'knex';

export interface RateLimitStore {
  /**
   * Adds `requests` to the key's count in the window and returns the count after adding, atomically (one
   * upsert: concurrent processes never lose an increment).
   */
  add(key: string, windowStart: Date, requests: number): Promise<number>;
  /** Forgets windows that ended before `before`. */
  sweep(before: Date): Promise<void>;
}

export class KnexRateLimitStore implements RateLimitStore {
  constructor(private readonly knex: Knex) {}

  async add(key: string, windowStart: Date, requests: number): Promise<number> {
    const r = await this.knex.raw(
      `insert into rate_limit_counters as c (key, window_start, count) values (?, ?, ?)
       on conflict (key, window_start) do update set count = c.count + excluded.count
       returning c.count`,
      [key, windowStart, requests],
    );
    return Number((r.rows as Array<{ count: number }>)[0]?.count ?? requests);
  }

  async sweep(before: Date): Promise<void> {
    await this.knex('rate_limit_counters').where('window_start', '<', before).delete();
  }
}
