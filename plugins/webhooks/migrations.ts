// The webhooks plugin's tables, tracked apart from core's (knex_migrations_webhooks): each firm's endpoints,
// one delivery per endpoint and event (plus replays), and every attempt with what the receiver answered.
import type { Knex } from 'knex';
import type { Migration } from 'yunzhou/plugin';

export const webhooksTables: Migration = {
  name: '202611270410_webhooks',
  async up(knex: Knex): Promise<void> {
    await knex.schema.createTable('webhook_endpoints', (t) => {
      t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('id').notNullable();
      t.text('url').notNullable();
      t.text('description').notNullable().defaultTo('');
      t.jsonb('events').notNullable(); // event types, or ['*']
      t.text('secret').notNullable();
      t.boolean('active').notNullable().defaultTo(true);
      t.uuid('created_by');
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('updated_at', { useTz: true }).notNullable();
      t.timestamp('deleted_at', { useTz: true });
      t.integer('version').notNullable().defaultTo(1);
      t.primary(['tenant_id', 'id']);
    });
    await knex.schema.createTable('webhook_deliveries', (t) => {
      t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('id').notNullable();
      t.uuid('endpoint_id').notNullable();
      t.bigInteger('event_id').notNullable();
      t.text('event_type').notNullable();
      t.jsonb('payload').notNullable();
      t.text('status').notNullable(); // pending, succeeded, failed
      t.integer('attempts').notNullable().defaultTo(0);
      t.timestamp('next_attempt_at', { useTz: true });
      t.timestamp('lease_until', { useTz: true });
      t.text('lease_token');
      t.integer('last_status_code');
      t.text('last_error');
      t.uuid('replay_of');
      t.timestamp('created_at', { useTz: true }).notNullable();
      t.timestamp('delivered_at', { useTz: true });
      t.primary(['tenant_id', 'id']);
      t.foreign(['tenant_id', 'endpoint_id']).references(['tenant_id', 'id']).inTable('webhook_endpoints');
      t.check(`status in ('pending', 'succeeded', 'failed')`, [], 'webhook_deliveries_status_check');
    });
    await knex.raw('create unique index webhook_deliveries_once on webhook_deliveries (tenant_id, endpoint_id, event_id) where replay_of is null');
    await knex.raw(`create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending'`);
    await knex.raw('create index webhook_deliveries_list on webhook_deliveries (tenant_id, created_at desc, id desc)');
    await knex.schema.createTable('webhook_attempts', (t) => {
      t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
      t.uuid('id').notNullable();
      t.uuid('delivery_id').notNullable();
      t.integer('attempt').notNullable();
      t.timestamp('at', { useTz: true }).notNullable();
      t.integer('status_code');
      t.text('response_excerpt').notNullable().defaultTo('');
      t.integer('duration_ms').notNullable();
      t.text('error');
      t.primary(['tenant_id', 'id']);
      t.foreign(['tenant_id', 'delivery_id']).references(['tenant_id', 'id']).inTable('webhook_deliveries');
      t.index(['tenant_id', 'delivery_id', 'attempt']);
    });
  },
};

/**
 * The record (subject) each delivery is about, so that one endpoint gets one record's events in order while
 * other records' deliveries go out beside them: a delivery waits while an earlier one of its lane (firm,
 * endpoint, record) is pending. Filled from the payload for deliveries made before.
 */
export const webhookDeliveriesLanes: Migration = {
  name: '202612061500_webhook_delivery_lanes',
  async up(knex: Knex): Promise<void> {
    await knex.schema.alterTable('webhook_deliveries', (t) => {
      t.text('subject_type');
      t.text('subject_id');
    });
    await knex.raw(`update webhook_deliveries set subject_type = payload->'subject'->>'type', subject_id = payload->'subject'->>'id'`);
    await knex.raw(`create index webhook_deliveries_lane on webhook_deliveries (tenant_id, endpoint_id, subject_type, subject_id, event_id)
      where status = 'pending' and replay_of is null`);
  },
};

/** The plugin's migrations, in order. */
export const webhooksMigrations: readonly Migration[] = [webhooksTables, webhookDeliveriesLanes];
