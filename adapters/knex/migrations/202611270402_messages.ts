// 消息: in-app notifications, one row per recipient. The dedupe key (an event id, or a reminder's occasion)
// is unique per recipient, so an event delivered twice still makes one message.
import type { Knex } from 'knex';

export const name = '202611270402_messages';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('messages', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('id').notNullable();
    t.uuid('recipient_id').notNullable();
    t.text('kind').notNullable();
    t.text('dedupe_key').notNullable();
    t.bigInteger('event_id');
    t.text('event_type');
    t.text('title_zh').notNullable();
    t.text('title_en').notNullable();
    t.text('body_zh');
    t.text('body_en');
    t.text('subject_type');
    t.uuid('subject_id');
    t.uuid('actor_id');
    t.jsonb('data').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('read_at', { useTz: true });
    t.primary(['tenant_id', 'id']);
    t.unique(['tenant_id', 'recipient_id', 'dedupe_key']);
    t.foreign(['tenant_id', 'recipient_id']).references(['tenant_id', 'id']).inTable('users');
  });
  await knex.raw('create index messages_inbox on messages (tenant_id, recipient_id, created_at desc, id desc)');
  await knex.raw('create index messages_inbox_kind on messages (tenant_id, recipient_id, kind, created_at desc, id desc)');
  await knex.raw('create index messages_unread on messages (tenant_id, recipient_id, kind) where read_at is null');
}
