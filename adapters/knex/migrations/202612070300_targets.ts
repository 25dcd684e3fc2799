// 业绩目标: one amount per subject (a person or a department), figure and period (a month or a quarter).
// The subject is a person's or a department's id; no foreign key, since it is one of two tables (a removed
// department's targets stay, harmlessly, until someone removes them).
import type { Knex } from 'knex';

export const name = '202612070300_targets';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('targets', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.text('subject_kind').notNullable();
    t.uuid('subject_id').notNullable();
    t.text('metric').notNullable();
    t.text('period').notNullable(); // 'YYYY-MM' or 'YYYY-Qn'
    t.bigInteger('amount_fen').notNullable();
    t.uuid('updated_by').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.primary(['tenant_id', 'subject_kind', 'subject_id', 'metric', 'period']);
    t.check(`subject_kind in ('person', 'department')`, [], 'targets_subject_kind_check');
    t.check(`metric in ('contract', 'disbursed', 'collected')`, [], 'targets_metric_check');
    t.check('amount_fen >= 0', [], 'targets_amount_check');
  });
  await knex.raw('create index targets_period on targets (tenant_id, period)');
}
