// scheduled_runs: the claim of a (job, slot) is an insert that only one process can make. A row whose runner
// failed and asked for a retry, or vanished (its lease ran out), can be claimed again, up to a few times.
import type { Knex } from 'knex';

export interface SlotRun {
  readonly job: string;
  readonly slot: Date;
  readonly runner: string;
  readonly attempts: number;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  readonly error: string | null;
}

export class KnexSlotStore {
  constructor(private readonly knex: Knex) {}

  /** Claims the slot for this runner; the attempt number, or null when another runner has or had it. */
  async claim(job: string, slot: Date, runner: string, now: Date, leaseUntil: Date, maxAttempts: number): Promise<number | null> {
    const r = await this.knex.raw(
      `insert into scheduled_runs (job, slot, runner, attempts, started_at, lease_until) values (?, ?, ?, 1, ?, ?)
       on conflict (job, slot) do update set runner = excluded.runner, attempts = scheduled_runs.attempts + 1,
         started_at = excluded.started_at, lease_until = excluded.lease_until
       where scheduled_runs.finished_at is null and scheduled_runs.lease_until <= excluded.started_at and scheduled_runs.attempts < ?
       returning attempts`,
      [job, slot, runner, now, leaseUntil, maxAttempts],
    );
    const row = (r.rows as { attempts: number }[])[0];
    return row ? row.attempts : null;
  }

  async succeeded(job: string, slot: Date, runner: string, now: Date): Promise<void> {
    await this.knex('scheduled_runs').where({ job, slot, runner }).update({ finished_at: now, error: null });
  }

  /** A failed run: claimable again from retryAt, or finished for good when retryAt is null. */
  async failed(job: string, slot: Date, runner: string, now: Date, error: string, retryAt: Date | null): Promise<void> {
    await this.knex('scheduled_runs').where({ job, slot, runner }).update(
      retryAt === null ? { finished_at: now, error: error.slice(0, 2000) } : { lease_until: retryAt, error: error.slice(0, 2000) },
    );
  }

  /** The latest run of each job (for status pages and tests). */
  async latest(): Promise<SlotRun[]> {
    const rows = await this.knex.raw(
      `select distinct on (job) job, slot, runner, attempts, started_at, finished_at, error from scheduled_runs order by job, slot desc`,
    );
    return (rows.rows as Record<string, any>[]).map((r) => ({
      job: r.job, slot: r.slot, runner: r.runner, attempts: r.attempts, startedAt: r.started_at, finishedAt: r.finished_at, error: r.error,
    }));
  }

  async runsOf(job: string): Promise<SlotRun[]> {
    const rows = await this.knex('scheduled_runs').where({ job }).orderBy('slot');
    return rows.map((r: Record<string, any>) => ({
      job: r.job, slot: r.slot, runner: r.runner, attempts: r.attempts, startedAt: r.started_at, finishedAt: r.finished_at, error: r.error,
    }));
  }

  /** Forgets finished runs of slots before `before`; returns how many. */
  async prune(before: Date): Promise<number> {
    return this.knex('scheduled_runs').whereNotNull('finished_at').andWhere('slot', '<', before).delete();
  }
}
