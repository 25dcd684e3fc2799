// Every copy of a notification (event × person × channel) as a row, unique by its idempotency key: a
// redelivered event inserts nothing new, so a copy is queued, and sent, once. Sender processes claim due
// copies with FOR UPDATE SKIP LOCKED and a lease; a copy whose process died is taken up when the lease ends.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Channel, Delivery, DeliveryState, Notification, NotificationKind } from 'yunzhou/plugin';

export interface StoredCopy extends Delivery {
  readonly tenantId: string;
  readonly id: string;
  readonly kind: NotificationKind;
  readonly recipientId: string;
  readonly sourceKey: string;
  readonly eventId: number | null;
  readonly title: string;
  readonly text: string;
  readonly link: string;
  readonly values: Record<string, string>;
  readonly digestAt: Date | null;
  readonly digestId: string | null;
  readonly lastAttemptAt: Date | null;
  readonly createdAt: Date;
}

export const WAITING: readonly DeliveryState[] = ['pending', 'retrying', 'rate_limited'];

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

export function toCopy(r: Record<string, any>): StoredCopy {
  return {
    tenantId: r.tenant_id, id: r.id, key: r.key, channel: r.channel, kind: r.kind, recipientId: r.recipient_id, sourceKey: r.source_key,
    eventId: r.event_id === null ? null : Number(r.event_id), title: r.title, text: r.text, link: r.link, values: r.values,
    digestAt: date(r.digest_at), digestId: r.digest_id ?? null, state: r.state, attempts: Number(r.attempts), nextAttemptAt: date(r.next_attempt_at),
    lastError: r.vendor_code === null ? null : { code: r.vendor_code, message: r.vendor_message ?? '' },
    sentAt: date(r.sent_at), lastAttemptAt: date(r.last_attempt_at), createdAt: new Date(r.created_at),
  };
}

export interface NewCopy {
  readonly key: string;
  readonly channel: Channel;
  readonly notification: Notification;
  readonly dueAt: Date;
  readonly digestAt: Date | null;
}

export class DeliveryStore {
  constructor(private readonly knex: () => Knex) {}

  /** Queues the copies whose keys are new; returns how many were. */
  async insert(tenantId: string, copies: readonly NewCopy[], now: Date, db: Knex = this.knex()): Promise<number> {
    if (copies.length === 0) return 0;
    const rows = await db('notifications_deliveries').insert(copies.map((c) => ({
      tenant_id: tenantId, id: randomUUID(), key: c.key, channel: c.channel, kind: c.notification.kind, recipient_id: c.notification.recipientId,
      source_key: c.notification.sourceKey, event_id: c.notification.eventId, title: c.notification.title, text: c.notification.text,
      link: c.notification.link, values: JSON.stringify(c.notification.values), digest_at: c.digestAt, state: 'pending', attempts: 0,
      next_attempt_at: c.dueAt, created_at: now,
    }))).onConflict(['tenant_id', 'key']).ignore().returning('id');
    return rows.length;
  }

  /**
   * Takes up to `limit` due copies (not held for a digest) for this process until `leaseUntil`. Copies of a
   * firm's channel paused by a rate limit are due only when the pause ends (their next_attempt_at says so).
   */
  async claim(now: Date, leaseUntil: Date, limit: number): Promise<StoredCopy[]> {
    const db = this.knex();
    const rows = await db.raw(`
      update notifications_deliveries d set lease_until = ?
      from (select tenant_id, id from notifications_deliveries
            where state in ('pending', 'retrying', 'rate_limited') and digest_at is null and next_attempt_at <= ?
              and (lease_until is null or lease_until <= ?)
            order by next_attempt_at, id limit ? for update skip locked) due
      where d.tenant_id = due.tenant_id and d.id = due.id
      returning d.*`, [leaseUntil, now, now, limit]);
    return (rows.rows as Record<string, any>[]).map(toCopy);
  }

  /** Digests whose time has come: one group per firm, person, channel and digest time. */
  async dueDigests(now: Date, limit: number): Promise<{ tenantId: string; recipientId: string; channel: Channel; digestAt: Date }[]> {
    const rows = await this.knex()('notifications_deliveries')
      .whereIn('state', WAITING as string[]).whereNotNull('digest_at').where('digest_at', '<=', now)
      .distinct('tenant_id', 'recipient_id', 'channel', 'digest_at').orderBy('digest_at').limit(limit);
    return rows.map((r: Record<string, any>) => ({ tenantId: r.tenant_id, recipientId: r.recipient_id, channel: r.channel, digestAt: new Date(r.digest_at) }));
  }

  /**
   * Folds the copies held for one digest into one new copy (keyed by person, channel and time, so two
   * processes make it once) in one transaction; the held copies are marked sent inside it.
   */
  async foldDigest(g: { tenantId: string; recipientId: string; channel: Channel; digestAt: Date }, make: (held: StoredCopy[]) => NewCopy | null, now: Date): Promise<void> {
    await this.knex().transaction(async (trx) => {
      const held = (await trx('notifications_deliveries')
        .where({ tenant_id: g.tenantId, recipient_id: g.recipientId, channel: g.channel, digest_at: g.digestAt }).whereIn('state', WAITING as string[])
        .orderBy('created_at').forUpdate()).map(toCopy);
      if (held.length === 0) return;
      const copy = make(held);
      if (!copy) return;
      await this.insert(g.tenantId, [copy], now, trx);
      const digest = await trx('notifications_deliveries').where({ tenant_id: g.tenantId, key: copy.key }).first('id');
      await trx('notifications_deliveries').where({ tenant_id: g.tenantId }).whereIn('id', held.map((h) => h.id))
        .update({ state: 'sent', digest_id: digest.id, sent_at: now, next_attempt_at: null, lease_until: null });
    });
  }

  /** Stores the copy after an attempt (only while this process holds it and it still waits). */
  async record(c: StoredCopy, after: Delivery, at: Date, vendorMessageId: string | null): Promise<void> {
    await this.knex()('notifications_deliveries').where({ tenant_id: c.tenantId, id: c.id }).whereIn('state', WAITING as string[]).update({
      state: after.state, attempts: after.attempts, next_attempt_at: after.nextAttemptAt, lease_until: null, last_attempt_at: at,
      vendor_code: after.lastError?.code ?? null, vendor_message: after.lastError?.message ?? null, sent_at: after.sentAt,
      ...(vendorMessageId !== null ? { vendor_message_id: vendorMessageId } : {}),
    });
  }

  /** A rate limit: the firm's other waiting copies on that channel wait as long (queued, not dropped, not counted). */
  async pause(tenantId: string, channel: Channel, until: Date): Promise<void> {
    await this.knex()('notifications_deliveries').where({ tenant_id: tenantId, channel }).whereIn('state', WAITING as string[])
      .whereNull('digest_at').where('next_attempt_at', '<', until).update({ next_attempt_at: until });
  }

  async get(tenantId: string, id: string): Promise<StoredCopy | null> {
    const r = await this.knex()('notifications_deliveries').where({ tenant_id: tenantId, id }).first();
    return r ? toCopy(r) : null;
  }

  async requeued(c: StoredCopy, after: Delivery): Promise<void> {
    await this.knex()('notifications_deliveries').where({ tenant_id: c.tenantId, id: c.id, state: 'parked' })
      .update({ state: after.state, attempts: after.attempts, next_attempt_at: after.nextAttemptAt, lease_until: null });
  }

  /** The firm's copies newest first, optionally only waiting, sent or parked ones. */
  async list(tenantId: string, filter: { states: readonly DeliveryState[] | null; after: [string, string] | null }, limit: number): Promise<StoredCopy[]> {
    const q = this.knex()('notifications_deliveries').where({ tenant_id: tenantId });
    if (filter.states) q.whereIn('state', filter.states as string[]);
    if (filter.after) q.whereRaw('(created_at, id) < (?::timestamptz, ?::uuid)', filter.after);
    return (await q.orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(limit)).map(toCopy);
  }
}
