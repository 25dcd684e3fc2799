// The outbox relay's claim walks the pending events in id order and stops after a batch of record heads,
// probing each row's record on `outbox_pending_by_subject` (KnexOutboxStore.claim). The walk's index carries
// `attempts >= 0` (always true) in its predicate, which the probe does not state: so the planner can never
// answer the probe by walking this index in id order with a filter, which it did whenever its statistics
// were taken while nothing was pending (a walk over every pending event per probe: seconds per claim at a
// few thousand). `outbox_undelivered` (id, parked events too) offered the same wrong path and goes; leasing,
// renewing and releasing by id use the new index.
import type { Knex } from 'knex';

export const name = '202612070500_outbox_pending_index';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('create index outbox_pending on outbox_events (id) where delivered_at is null and parked_at is null and attempts >= 0');
  await knex.raw('drop index outbox_undelivered');
}
