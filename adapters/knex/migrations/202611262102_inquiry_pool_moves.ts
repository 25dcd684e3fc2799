// Moves of inquiries between people and the public pools (claim, assign, transfer, release, recycle): who
// held a record and when it left them (a former owner's reclaim block is counted from here).
import type { Knex } from 'knex';

export const name = '202611262102_inquiry_pool_moves';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('inquiry_pool_moves', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('id').notNullable();
    t.uuid('inquiry_id').notNullable();
    t.text('kind').notNullable();
    t.uuid('from_owner_id');
    t.uuid('to_owner_id');
    t.uuid('actor_id');
    t.text('reason');
    t.timestamp('at', { useTz: true }).notNullable();
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'inquiry_id']).references(['tenant_id', 'id']).inTable('inquiries');
    t.index(['tenant_id', 'inquiry_id', 'at']);
    t.check(`kind in ('claim', 'assign', 'transfer', 'release', 'recycle')`, [], 'inquiry_pool_moves_kind_check');
  });
}
