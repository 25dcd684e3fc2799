// 逾期回款 (issue 17): the owner hears once per calendar day (the firm's) that an instalment is past due and
// not fully collected. One row per instalment and day makes the scheduled job idempotent across processes.
import type { Knex } from 'knex';

export const name = '202612070400_collection_overdue_notices';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('collection_overdue_notices', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('instalment_id').notNullable();
    t.date('day').notNullable();
    t.primary(['tenant_id', 'instalment_id', 'day']);
    t.foreign(['tenant_id', 'instalment_id']).references(['tenant_id', 'id']).inTable('collection_instalments');
  });
}
