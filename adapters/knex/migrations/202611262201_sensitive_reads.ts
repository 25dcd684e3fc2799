// The audit trail of unmasked reads of sensitive fields (身份证号, 银行卡号, 税务密码): who saw which field of
// which record, and when.
import type { Knex } from 'knex';

export const name = '202611262201_sensitive_reads';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sensitive_reads', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('id').notNullable();
    t.uuid('actor_id').notNullable();
    t.text('subject_type').notNullable();
    t.uuid('subject_id').notNullable();
    t.text('field').notNullable();
    t.timestamp('at', { useTz: true }).notNullable();
    t.bigIncrements('seq', { primaryKey: false }); // orders reads of the same instant
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'actor_id']).references(['tenant_id', 'id']).inTable('users');
    t.index(['tenant_id', 'subject_type', 'subject_id', 'seq']);
    t.index(['tenant_id', 'actor_id', 'seq']);
  });
}
