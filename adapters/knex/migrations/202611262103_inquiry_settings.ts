// A tenant's inquiry settings (grading, pool rules, dictionaries, 常用语) as one versioned document; a
// tenant without a row runs on the defaults in core/inquiries/settings.ts.
import type { Knex } from 'knex';

export const name = '202611262103_inquiry_settings';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('inquiry_settings', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.jsonb('settings').notNullable();
    t.integer('version').notNullable();
    t.uuid('updated_by');
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.primary(['tenant_id']);
  });
}
