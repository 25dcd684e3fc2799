// 提成 (issue 16): the firm's scheme in versions, the commission lines receipts accrue and their reversals claw
// back, a running total per person and month kept in the same transaction as the lines (the running figure
// and the tiers read it, never the whole month), and the monthly statements with their adjustments.
// Lines are keyed by their deterministic id (accrual:<receipt>:<person>:<role>), so a confirmation recorded
// twice adds nothing the second time: never paid twice.
import type { Knex } from 'knex';

export const name = '202612070200_commissions';

export async function up(knex: Knex): Promise<void> {
  // One firm, one scheme, numbered versions; a version is never edited (a line records the one it used).
  await knex.schema.createTable('commission_scheme_versions', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.integer('version').notNullable();
    t.date('effective_from').notNullable();
    t.text('tier_mode').notNullable();
    t.text('owner_share').notNullable();
    t.text('source_share').notNullable();
    t.jsonb('rules').notNullable();
    t.jsonb('overrides').notNullable();
    t.uuid('created_by');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.primary(['tenant_id', 'version']);
    t.unique(['tenant_id', 'effective_from']);
    t.foreign(['tenant_id', 'created_by']).references(['tenant_id', 'id']).inTable('users');
    t.check(`tier_mode in ('whole', 'marginal')`, [], 'commission_scheme_versions_tier_mode_check');
    t.check('version > 0', [], 'commission_scheme_versions_version_check');
  });

  await knex.schema.createTable('commission_lines', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.text('id').notNullable();
    t.text('kind').notNullable();
    t.uuid('receipt_id').notNullable();
    t.uuid('order_id').notNullable();
    t.uuid('person_id').notNullable();
    t.text('role').notNullable();
    t.text('role_code').notNullable();
    t.text('category_code').notNullable();
    t.uuid('department_id');
    t.date('dated_on').notNullable();
    t.text('month').notNullable();
    t.integer('scheme_version').notNullable();
    t.text('tier_mode').notNullable();
    t.bigInteger('receipt_fen').notNullable();
    t.text('share').notNullable();
    t.bigInteger('prior_fen').notNullable();
    t.bigInteger('base_fen').notNullable();
    t.text('rate').notNullable();
    t.integer('tier').notNullable();
    t.bigInteger('amount_fen').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'receipt_id']).references(['tenant_id', 'id']).inTable('receipts');
    t.foreign(['tenant_id', 'person_id']).references(['tenant_id', 'id']).inTable('users');
    t.foreign(['tenant_id', 'scheme_version']).references(['tenant_id', 'version']).inTable('commission_scheme_versions');
    t.check(`kind in ('accrual', 'clawback')`, [], 'commission_lines_kind_check');
    t.check(`role in ('owner', 'source', 'head')`, [], 'commission_lines_role_check');
    t.check(`month ~ '^[0-9]{4}-[0-9]{2}$'`, [], 'commission_lines_month_check');
  });
  // One person's month (the running figure, the statement) and a receipt's lines (its clawback).
  await knex.raw('create index commission_lines_person_month on commission_lines (tenant_id, person_id, month, dated_on, id)');
  await knex.raw('create index commission_lines_receipt on commission_lines (tenant_id, receipt_id)');

  // 本月业绩 and 提成 so far, per person and month, changed in the transaction that records the lines: the tier
  // of the next receipt reads it under a row lock, so concurrent confirmations take turns and lose nothing.
  await knex.schema.createTable('commission_running', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('person_id').notNullable();
    t.text('month').notNullable();
    t.uuid('department_id');
    t.bigInteger('credited_fen').notNullable().defaultTo(0);
    t.bigInteger('accrued_fen').notNullable().defaultTo(0);
    t.bigInteger('clawback_fen').notNullable().defaultTo(0);
    t.integer('line_count').notNullable().defaultTo(0);
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.primary(['tenant_id', 'person_id', 'month']);
    t.foreign(['tenant_id', 'person_id']).references(['tenant_id', 'id']).inTable('users');
  });
  await knex.raw('create index commission_running_department on commission_running (tenant_id, department_id, month)');

  await knex.schema.createTable('commission_statements', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('id').notNullable();
    t.uuid('person_id').notNullable();
    t.text('month').notNullable();
    t.uuid('department_id');
    t.text('status').notNullable();
    t.bigInteger('credited_fen').notNullable();
    t.bigInteger('accrued_fen').notNullable();
    t.bigInteger('clawback_fen').notNullable();
    t.bigInteger('true_up_fen').notNullable();
    t.bigInteger('adjustment_fen').notNullable();
    t.bigInteger('total_fen').notNullable();
    t.integer('line_count').notNullable();
    // The month-end true-up lines computed when drawn up (a handful per person; the lines stay in commission_lines).
    t.jsonb('true_up_lines').notNullable();
    t.uuid('drawn_by');
    t.timestamp('drawn_at', { useTz: true }).notNullable();
    t.timestamp('submitted_at', { useTz: true });
    t.timestamp('approved_at', { useTz: true });
    t.uuid('locked_by');
    t.timestamp('locked_at', { useTz: true });
    t.integer('version').notNullable();
    t.primary(['tenant_id', 'id']);
    t.unique(['tenant_id', 'person_id', 'month']);
    t.foreign(['tenant_id', 'person_id']).references(['tenant_id', 'id']).inTable('users');
    t.check(`status in ('draft', 'submitted', 'approved', 'locked')`, [], 'commission_statements_status_check');
    t.check(`month ~ '^[0-9]{4}-[0-9]{2}$'`, [], 'commission_statements_month_check');
    t.check('total_fen = accrued_fen + clawback_fen + true_up_fen + adjustment_fen', [], 'commission_statements_total_check');
  });
  await knex.raw('create index commission_statements_department on commission_statements (tenant_id, month, department_id)');

  await knex.schema.createTable('commission_adjustments', (t) => {
    t.uuid('tenant_id').notNullable();
    t.uuid('id').notNullable();
    t.uuid('statement_id').notNullable();
    t.bigInteger('amount_fen').notNullable();
    t.text('reason').notNullable();
    t.uuid('created_by').notNullable();
    t.date('created_on').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'statement_id']).references(['tenant_id', 'id']).inTable('commission_statements');
    t.foreign(['tenant_id', 'created_by']).references(['tenant_id', 'id']).inTable('users');
    t.check('amount_fen <> 0', [], 'commission_adjustments_amount_check');
  });
  await knex.raw('create index commission_adjustments_statement on commission_adjustments (tenant_id, statement_id, created_at, id)');

  // 提成月结单 goes through the approval engine as its own business type (beside 202612070100's fee_adjustment).
  await knex.raw('alter table approval_flows drop constraint approval_flows_business_type');
  await knex.raw(`alter table approval_flows add constraint approval_flows_business_type check (business_type in
    ('order_review', 'receipt', 'invoice', 'red_invoice', 'order_close', 'fee_adjustment', 'commission_statement'))`);
}
