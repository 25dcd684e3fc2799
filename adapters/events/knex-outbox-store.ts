// The outbox relay's queries. A claim takes, in one transaction, the head (earliest pending event) of up to
// N records with FOR UPDATE SKIP LOCKED, then the pending events queued behind each head, and leases them
// all: another relay, in this process or another, skips leased events and every event behind a pending
// one, so each record's events go out one after the other, in order. Delivery happens outside the
// transaction (a subscriber opens its own); a crash leaves the lease to expire and the events come back.
// A live relay renews its lease (renew), so the lease can be short: it is how long a killed process's
// events wait.
import type { Knex } from 'knex';
import type { OutboxEvent } from '../../core/events/subscriber.js';

type Row = Record<string, any>;

export interface ClaimedEvent extends OutboxEvent {
  readonly attempts: number;
  /** Subscribers that already took it (on a retry they are skipped). */
  readonly handled: readonly string[];
}

/** The claimed events of one record, in order. */
export type ClaimedSubject = readonly ClaimedEvent[];

export interface ParkedEvent extends OutboxEvent {
  readonly attempts: number;
  readonly parkedAt: Date;
  readonly lastError: string | null;
  readonly handled: readonly string[];
}

const toEvent = (r: Row): ClaimedEvent => ({
  id: Number(r.id), type: r.type, tenantId: r.tenant_id, subjectType: r.subject_type, subjectId: r.subject_id, actorId: r.actor_id,
  data: r.data ?? {}, createdAt: r.created_at, attempts: r.attempts, handled: Array.isArray(r.handled) ? r.handled : [],
});

const PENDING = 'delivered_at is null and parked_at is null';
/** PENDING as the `outbox_pending` index states it (see 202612070500_outbox_pending_index): statements by id. */
const PENDING_BY_ID = `${PENDING} and attempts >= 0`;

// The heads: pending events, in id order along the `outbox_pending` index, that are the first pending event of
// their record (a scalar subquery probing `outbox_pending_by_subject`, one index descent per row). PostgreSQL
// never turns a scalar subquery with LIMIT into a join, and only the walk states `attempts >= 0` (the walk
// index's predicate), so the plan stays a walk that stops after `limit` heads however stale the statistics
// are. The NOT EXISTS it replaces was planned from statistics taken while nothing was pending and became a
// nested loop over every pending pair: seconds per claim at a few thousand pending events.
export const CLAIM_HEADS_SQL = `select e.tenant_id, e.id, e.subject_type, e.subject_id from outbox_events e
  where e.delivered_at is null and e.parked_at is null and e.attempts >= 0
    and (e.next_attempt_at is null or e.next_attempt_at <= ?)
    and (e.lease_until is null or e.lease_until <= ?)
    and e.id = (select p.id from outbox_events p
      where p.tenant_id = e.tenant_id and p.subject_type = e.subject_type and p.subject_id = e.subject_id
        and p.delivered_at is null and p.parked_at is null
      order by p.id limit 1)
  order by e.id
  limit ?
  for update of e skip locked`;

// Each head's record: its first pending events, one index range per record (a lateral LIMIT, never a scan).
export const CLAIM_RUNS_SQL = `select q.* from jsonb_to_recordset(?::jsonb) as k(tenant_id uuid, subject_type text, subject_id uuid)
  cross join lateral (select p.* from outbox_events p
    where p.tenant_id = k.tenant_id and p.subject_type = k.subject_type and p.subject_id = k.subject_id
      and p.delivered_at is null and p.parked_at is null
    order by p.id limit ?) q
  order by q.id`;

export class KnexOutboxStore {
  constructor(private readonly knex: Knex) {}

  async claim(now: Date, batchSize: number, perSubject: number, leaseMs: number, token: string): Promise<ClaimedSubject[]> {
    return this.knex.transaction(async (trx) => {
      const heads = (await trx.raw(CLAIM_HEADS_SQL, [now, now, batchSize])).rows as Row[];
      if (heads.length === 0) return [];
      const keys = heads.map((h) => ({ tenant_id: h.tenant_id, subject_type: h.subject_type, subject_id: h.subject_id }));
      const rows = (await trx.raw(CLAIM_RUNS_SQL, [JSON.stringify(keys), perSubject])).rows as Row[];
      const headIds = new Set(heads.map((h) => Number(h.id)));
      const grouped = new Map<string, Row[]>();
      for (const r of rows) {
        const key = `${r.tenant_id}|${r.subject_type}|${r.subject_id}`;
        grouped.set(key, [...(grouped.get(key) ?? []), r]);
      }
      const subjects: ClaimedEvent[][] = [];
      for (const list of grouped.values()) {
        const run: ClaimedEvent[] = [];
        for (const r of list) {
          if (run.length === 0 && !headIds.has(Number(r.id))) break;
          // A record's run stops at the first event that may not go now (waiting for its retry, or leased).
          if (run.length > 0 && ((r.next_attempt_at !== null && r.next_attempt_at > now) || (r.lease_until !== null && r.lease_until > now))) break;
          run.push(toEvent(r));
        }
        if (run.length > 0) subjects.push(run);
      }
      const ids = subjects.flatMap((l) => l.map((e) => e.id));
      if (ids.length) await trx('outbox_events').whereIn('id', ids).whereRaw(PENDING_BY_ID).update({ lease_until: new Date(now.getTime() + leaseMs), lease_token: token });
      return subjects;
    });
  }

  /** Records a delivery (every subscriber took it); false when the lease was lost to another relay. */
  async delivered(e: ClaimedEvent, token: string, now: Date, handled: readonly string[]): Promise<boolean> {
    const n = await this.knex('outbox_events').where({ tenant_id: e.tenantId, id: e.id, lease_token: token }).update({
      delivered_at: now, attempts: e.attempts + 1, handled: JSON.stringify(handled), lease_until: null, lease_token: null, last_error: null, next_attempt_at: null,
    });
    return n === 1;
  }

  /** Records a failed attempt: retried at `retryAt`, or parked when retryAt is null. */
  async failed(e: ClaimedEvent, token: string, now: Date, handled: readonly string[], error: string, retryAt: Date | null): Promise<void> {
    await this.knex('outbox_events').where({ tenant_id: e.tenantId, id: e.id, lease_token: token }).update({
      attempts: e.attempts + 1, handled: JSON.stringify(handled), last_error: error.slice(0, 2000), lease_until: null, lease_token: null,
      next_attempt_at: retryAt, parked_at: retryAt === null ? now : null,
    });
  }

  /** Extends this relay's lease on the events it still holds (the heartbeat); never shortens one. */
  async renew(ids: readonly number[], token: string, until: Date): Promise<number> {
    if (ids.length === 0) return 0;
    return this.knex('outbox_events').whereIn('id', ids).andWhere({ lease_token: token }).whereRaw(PENDING_BY_ID)
      .update({ lease_until: this.knex.raw('greatest(lease_until, ?::timestamptz)', [until]) });
  }

  /** Gives back claimed events not attempted (their record stopped at a failure). */
  async release(events: readonly ClaimedEvent[], token: string): Promise<void> {
    if (events.length === 0) return;
    await this.knex('outbox_events').whereIn('id', events.map((e) => e.id)).whereRaw(PENDING_BY_ID).andWhere({ lease_token: token }).update({ lease_until: null, lease_token: null });
  }

  /** A firm's parked events, newest first. */
  async parked(tenantId: string, limit: number, beforeId: number | null): Promise<ParkedEvent[]> {
    const q = this.knex('outbox_events').where({ tenant_id: tenantId }).whereNotNull('parked_at').whereNull('delivered_at').orderBy('id', 'desc').limit(limit);
    if (beforeId !== null) q.andWhere('id', '<', beforeId);
    return (await q).map((r: Row) => ({ ...toEvent(r), parkedAt: r.parked_at, lastError: r.last_error }));
  }

  /** Puts a parked event back in the queue with fresh attempts; false when there is no such parked event. */
  async requeue(tenantId: string, id: number): Promise<boolean> {
    const n = await this.knex('outbox_events').where({ tenant_id: tenantId, id }).whereNotNull('parked_at').whereNull('delivered_at')
      .update({ parked_at: null, attempts: 0, next_attempt_at: null, lease_until: null, lease_token: null });
    return n === 1;
  }

  /** Events not yet delivered nor parked (for health checks and tests). */
  async pendingCount(tenantId?: string): Promise<number> {
    const q = this.knex('outbox_events').whereRaw(PENDING);
    if (tenantId) q.andWhere({ tenant_id: tenantId });
    const [c] = await q.count<{ count: number }[]>('* as count');
    return Number(c?.count ?? 0);
  }
}
