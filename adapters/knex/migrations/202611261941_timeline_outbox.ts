// The timeline (动态) of every record and the transactional outbox of domain events.
import type { Knex } from 'knex';

export const name = '202611261941_timeline_outbox';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('activities', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('id').notNullable();
    t.text('subject_type').notNullable();
    t.uuid('subject_id').notNullable();
    t.uuid('actor_id');
    t.text('action').notNullable();
    t.text('summary').notNullable();
    t.jsonb('data').notNullable().defaultTo('{}');
    t.timestamp('at', { useTz: true }).notNullable();
    t.bigIncrements('seq', { primaryKey: false }); // orders entries written in the same instant
    t.primary(['tenant_id', 'id']);
    t.index(['tenant_id', 'subject_type', 'subject_id', 'seq']);
  });
  await knex.schema.createTable('outbox_events', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.bigIncrements('id', { primaryKey: false });
    t.text('type').notNullable();
    t.text('subject_type').notNullable();
    t.uuid('subject_id').notNullable();
    t.uuid('actor_id');
    t.jsonb('data').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('delivered_at', { useTz: true });
    t.integer('attempts').notNullable().defaultTo(0);
    t.primary(['tenant_id', 'id']);
  });
  await knex.raw('create index outbox_undelivered on outbox_events (id) where delivered_at is null');
}
