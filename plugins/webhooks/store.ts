// The webhooks plugin's queries. Deliveries are claimed for sending with FOR UPDATE SKIP LOCKED and a
// lease, so several server processes send each delivery once (a crashed sender's come back later). Only
// the head of a lane (firm, endpoint, record) is claimable: a record's events reach an endpoint in order,
// one after the other, while other lanes go out beside them. A replay is sent on its own (outside lanes).
import type { Knex } from 'knex';
import type { OutboxEvent } from 'yunzhou/plugin';

type Row = Record<string, any>;

export interface Endpoint {
  readonly tenantId: string;
  readonly id: string;
  readonly url: string;
  readonly description: string;
  readonly events: readonly string[];
  readonly secret: string;
  readonly active: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly version: number;
}

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

export interface Delivery {
  readonly tenantId: string;
  readonly id: string;
  readonly endpointId: string;
  readonly eventId: number;
  readonly eventType: string;
  readonly payload: Record<string, unknown>;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: Date | null;
  readonly lastStatusCode: number | null;
  readonly lastError: string | null;
  readonly replayOf: string | null;
  readonly createdAt: Date;
  readonly deliveredAt: Date | null;
}

export interface Attempt {
  readonly attempt: number;
  readonly at: Date;
  readonly statusCode: number | null;
  readonly responseExcerpt: string;
  readonly durationMs: number;
  readonly error: string | null;
}

const toEndpoint = (r: Row): Endpoint => ({
  tenantId: r.tenant_id, id: r.id, url: r.url, description: r.description, events: r.events, secret: r.secret, active: r.active,
  createdAt: r.created_at, updatedAt: r.updated_at, version: r.version,
});
const toDelivery = (r: Row): Delivery => ({
  tenantId: r.tenant_id, id: r.id, endpointId: r.endpoint_id, eventId: Number(r.event_id), eventType: r.event_type, payload: r.payload, status: r.status,
  attempts: r.attempts, nextAttemptAt: r.next_attempt_at, lastStatusCode: r.last_status_code, lastError: r.last_error, replayOf: r.replay_of,
  createdAt: r.created_at, deliveredAt: r.delivered_at,
});

/** The body a receiver gets for an event. */
export function payloadOf(e: OutboxEvent): Record<string, unknown> {
  return {
    id: e.id, type: e.type, tenantId: e.tenantId, createdAt: e.createdAt.toISOString(), subject: { type: e.subjectType, id: e.subjectId },
    actorId: e.actorId, data: e.data,
  };
}

export class WebhookStore {
  constructor(private readonly knex: () => Knex) {}

  private get db(): Knex {
    return this.knex();
  }

  async insertEndpoint(e: Endpoint, by: string): Promise<void> {
    await this.db('webhook_endpoints').insert({
      tenant_id: e.tenantId, id: e.id, url: e.url, description: e.description, events: JSON.stringify(e.events), secret: e.secret, active: e.active,
      created_by: by, created_at: e.createdAt, updated_at: e.updatedAt, version: e.version,
    });
  }

  async endpoint(tenantId: string, id: string): Promise<Endpoint | null> {
    const r = await this.db('webhook_endpoints').where({ tenant_id: tenantId, id }).whereNull('deleted_at').first();
    return r ? toEndpoint(r) : null;
  }

  async endpoints(tenantId: string): Promise<Endpoint[]> {
    return (await this.db('webhook_endpoints').where({ tenant_id: tenantId }).whereNull('deleted_at').orderBy('created_at')).map(toEndpoint);
  }

  /** Saves when the stored version is e.version − 1; false when stale. */
  async updateEndpoint(e: Endpoint): Promise<boolean> {
    const n = await this.db('webhook_endpoints').where({ tenant_id: e.tenantId, id: e.id, version: e.version - 1 }).whereNull('deleted_at').update({
      url: e.url, description: e.description, events: JSON.stringify(e.events), secret: e.secret, active: e.active, updated_at: e.updatedAt, version: e.version,
    });
    return n === 1;
  }

  async deleteEndpoint(tenantId: string, id: string, at: Date): Promise<boolean> {
    const n = await this.db('webhook_endpoints').where({ tenant_id: tenantId, id }).whereNull('deleted_at').update({ deleted_at: at, active: false });
    if (n === 1) await this.db('webhook_deliveries').where({ tenant_id: tenantId, endpoint_id: id, status: 'pending' }).update({ status: 'failed', last_error: 'endpoint deleted', next_attempt_at: null });
    return n === 1;
  }

  /** One pending delivery per active endpoint that wants the event (a repeated event adds nothing). */
  async enqueue(e: OutboxEvent, now: Date, newId: () => string): Promise<number> {
    const wanted = (await this.endpoints(e.tenantId)).filter((x) => x.active && (x.events.includes('*') || x.events.includes(e.type)));
    if (wanted.length === 0) return 0;
    const payload = JSON.stringify(payloadOf(e));
    const rows = await this.db('webhook_deliveries')
      .insert(wanted.map((x) => ({
        tenant_id: e.tenantId, id: newId(), endpoint_id: x.id, event_id: e.id, event_type: e.type, payload, status: 'pending', attempts: 0, next_attempt_at: now, created_at: now,
        subject_type: e.subjectType, subject_id: e.subjectId,
      })))
      .onConflict(this.db.raw('(tenant_id, endpoint_id, event_id) where replay_of is null'))
      .ignore()
      .returning('id');
    return rows.length;
  }

  /** Claims due deliveries for this sender (a lease); each comes with its endpoint. */
  async claimDue(now: Date, limit: number, leaseMs: number, token: string): Promise<{ delivery: Delivery; endpoint: Endpoint | null }[]> {
    return this.db.transaction(async (trx) => {
      const ids = (await trx.raw(
        `select d.tenant_id, d.id from webhook_deliveries d
          where d.status = 'pending' and d.next_attempt_at <= ? and (d.lease_until is null or d.lease_until <= ?)
            and (d.replay_of is not null or not exists (select 1 from webhook_deliveries p
              where p.tenant_id = d.tenant_id and p.endpoint_id = d.endpoint_id and p.subject_type = d.subject_type and p.subject_id = d.subject_id
                and p.status = 'pending' and p.replay_of is null and p.event_id < d.event_id))
          order by d.next_attempt_at, d.id limit ? for update of d skip locked`,
        [now, now, limit],
      )).rows as Row[];
      if (ids.length === 0) return [];
      const keys = ids.map((r) => [r.tenant_id, r.id]);
      await trx('webhook_deliveries').whereIn(['tenant_id', 'id'], keys).update({ lease_until: new Date(now.getTime() + leaseMs), lease_token: token });
      const rows = (await trx('webhook_deliveries').whereIn(['tenant_id', 'id'], keys)).map(toDelivery);
      const endpoints = (await trx('webhook_endpoints').whereIn(['tenant_id', 'id'], rows.map((d) => [d.tenantId, d.endpointId])).whereNull('deleted_at')).map(toEndpoint);
      return rows.map((delivery) => ({ delivery, endpoint: endpoints.find((e) => e.tenantId === delivery.tenantId && e.id === delivery.endpointId) ?? null }));
    });
  }

  /** Records one attempt and the delivery's new state. */
  async recordAttempt(
    d: Delivery, token: string, attempt: Attempt & { id: string }, next: { status: DeliveryStatus; nextAttemptAt: Date | null },
  ): Promise<void> {
    await this.db.transaction(async (trx) => {
      const n = await trx('webhook_deliveries').where({ tenant_id: d.tenantId, id: d.id, lease_token: token }).update({
        status: next.status, attempts: attempt.attempt, next_attempt_at: next.nextAttemptAt, lease_until: null, lease_token: null,
        last_status_code: attempt.statusCode, last_error: attempt.error, delivered_at: next.status === 'succeeded' ? attempt.at : null,
      });
      if (n !== 1) return; // the lease was lost: another sender owns the delivery now
      await trx('webhook_attempts').insert({
        tenant_id: d.tenantId, id: attempt.id, delivery_id: d.id, attempt: attempt.attempt, at: attempt.at, status_code: attempt.statusCode,
        response_excerpt: attempt.responseExcerpt, duration_ms: attempt.durationMs, error: attempt.error,
      });
    });
  }

  async delivery(tenantId: string, id: string): Promise<Delivery | null> {
    const r = await this.db('webhook_deliveries').where({ tenant_id: tenantId, id }).first();
    return r ? toDelivery(r) : null;
  }

  async attempts(tenantId: string, deliveryId: string): Promise<Attempt[]> {
    const rows = await this.db('webhook_attempts').where({ tenant_id: tenantId, delivery_id: deliveryId }).orderBy('attempt');
    return rows.map((r: Row) => ({ attempt: r.attempt, at: r.at, statusCode: r.status_code, responseExcerpt: r.response_excerpt, durationMs: r.duration_ms, error: r.error }));
  }

  async deliveries(tenantId: string, filter: { endpointId?: string; status?: DeliveryStatus }, limit: number, after: [string, string] | null): Promise<Delivery[]> {
    const q = this.db('webhook_deliveries').where({ tenant_id: tenantId }).orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(limit);
    if (filter.endpointId) q.andWhere({ endpoint_id: filter.endpointId });
    if (filter.status) q.andWhere({ status: filter.status });
    if (after) q.andWhereRaw('(created_at, id) < (?::timestamptz, ?::uuid)', after);
    return (await q).map(toDelivery);
  }

  /** A new pending delivery with the same payload and endpoint. */
  async replay(d: Delivery, id: string, now: Date): Promise<void> {
    await this.db('webhook_deliveries').insert({
      tenant_id: d.tenantId, id, endpoint_id: d.endpointId, event_id: d.eventId, event_type: d.eventType, payload: JSON.stringify(d.payload), status: 'pending',
      attempts: 0, next_attempt_at: now, replay_of: d.replayOf ?? d.id, created_at: now,
      subject_type: (d.payload.subject as { type?: string } | undefined)?.type ?? null, subject_id: (d.payload.subject as { id?: string } | undefined)?.id ?? null,
    });
  }
}
