// 资料到期提醒提前天数: a firm's own notice for the document expiry reminders, one row per firm once saved
// (none: the default). `version` lets two administrators' saves not overwrite each other unseen.
import type { Knex } from 'knex';

export const name = '202612071100_checklist_settings';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('checklist_settings', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.integer('reminder_days_before').notNullable();
    t.integer('version').notNullable();
    t.uuid('updated_by');
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.primary(['tenant_id']);
  });
}
