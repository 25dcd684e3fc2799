// The outbox relay's bookkeeping: when an event may be tried again, who holds it (a lease, so a crashed
// relay's events come back), which subscribers already took it, and events parked after too many failures.
import type { Knex } from 'knex';

export const name = '202611270400_outbox_delivery';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('outbox_events', (t) => {
    t.timestamp('next_attempt_at', { useTz: true }); // null: as soon as possible
    t.timestamp('lease_until', { useTz: true });
    t.text('lease_token');
    t.timestamp('parked_at', { useTz: true });
    t.text('last_error');
    t.jsonb('handled').notNullable().defaultTo('[]'); // names of the subscribers that succeeded
  });
  // The head of each record's queue: the earliest undelivered, unparked event of a subject.
  await knex.raw(`create index outbox_pending_by_subject on outbox_events (tenant_id, subject_type, subject_id, id)
    where delivered_at is null and parked_at is null`);
  // Events written before the relay existed had no subscriber to go to; delivering that backlog now would
  // flood people with stale notifications, so it counts as delivered.
  await knex.raw('update outbox_events set delivered_at = created_at where delivered_at is null');
  await knex.raw('create index outbox_parked on outbox_events (tenant_id, id) where parked_at is not null and delivered_at is null');
}
