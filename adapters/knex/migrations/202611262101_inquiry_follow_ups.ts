// Follow-ups (跟进): one row per logged contact with an inquiry.
import type { Knex } from 'knex';

export const name = '202611262101_inquiry_follow_ups';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('inquiry_follow_ups', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('id').notNullable();
    t.uuid('inquiry_id').notNullable();
    t.uuid('author_id');
    t.text('type').notNullable();
    t.text('content').notNullable();
    t.timestamp('next_follow_up_at', { useTz: true }).notNullable();
    t.text('level_before').notNullable();
    t.text('level_after').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'inquiry_id']).references(['tenant_id', 'id']).inTable('inquiries');
    t.foreign(['tenant_id', 'author_id']).references(['tenant_id', 'id']).inTable('users');
    t.index(['tenant_id', 'inquiry_id', 'created_at']);
  });
}
