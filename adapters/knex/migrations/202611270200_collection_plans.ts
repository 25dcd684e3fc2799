// 回款计划: the tenant's collection settings, each order's plan (its current revision), every revision kept as a
// snapshot, and the current instalments with the money receipts hold on them (reserved: every receipt not
// rejected or reversed; collected: approved receipts). The checks make "an allocation never exceeds an
// instalment" a property of the table, not only of the code.
import type { Knex } from 'knex';

export const name = '202611270200_collection_plans';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('collection_settings', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.jsonb('payment_methods').notNullable();
    t.jsonb('receipt_types').notNullable();
    t.boolean('allow_overpayment').notNullable();
    t.boolean('require_invoiced_to_close').notNullable();
    t.integer('reminder_days_before').notNullable();
    t.integer('version').notNullable();
    t.uuid('updated_by');
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.primary(['tenant_id']);
  });

  await knex.schema.createTable('collection_plans', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('order_id').notNullable();
    t.integer('revision').notNullable();
    t.text('method').notNullable();
    t.bigInteger('total_fen').notNullable();
    t.uuid('created_by').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.uuid('updated_by').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.integer('version').notNullable();
    t.primary(['tenant_id', 'order_id']);
    t.foreign(['tenant_id', 'order_id']).references(['tenant_id', 'id']).inTable('orders');
    t.check(`method in ('equal', 'percentages', 'deposit', 'manual')`, [], 'collection_plans_method_check');
  });

  await knex.schema.createTable('collection_plan_revisions', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('order_id').notNullable();
    t.integer('revision').notNullable();
    t.text('method').notNullable();
    t.bigInteger('total_fen').notNullable();
    t.text('reason');
    t.jsonb('instalments').notNullable(); // [{ number, dueOn, amountFen, onDisbursement, locked }]
    t.uuid('created_by').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.primary(['tenant_id', 'order_id', 'revision']);
    t.foreign(['tenant_id', 'order_id']).references(['tenant_id', 'id']).inTable('orders');
  });

  await knex.schema.createTable('collection_instalments', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('id').notNullable();
    t.uuid('order_id').notNullable();
    t.integer('number').notNullable(); // 第N期, by due date
    t.date('due_on'); // null while it waits for the disbursement
    t.boolean('on_disbursement').notNullable().defaultTo(false);
    t.bigInteger('amount_fen').notNullable();
    t.bigInteger('reserved_fen').notNullable().defaultTo(0);
    t.bigInteger('collected_fen').notNullable().defaultTo(0);
    t.date('reminded_for'); // the due date its owner was last reminded of
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'order_id']).references(['tenant_id', 'id']).inTable('orders');
    t.check('amount_fen > 0', [], 'collection_instalments_amount_check');
    t.check('reserved_fen >= 0 and reserved_fen <= amount_fen', [], 'collection_instalments_reserved_check');
    t.check('collected_fen >= 0 and collected_fen <= reserved_fen', [], 'collection_instalments_collected_check');
    t.check('due_on is not null or on_disbursement', [], 'collection_instalments_due_check');
  });
  await knex.raw('create index collection_instalments_order on collection_instalments (tenant_id, order_id, number)');
  await knex.raw('create index collection_instalments_due on collection_instalments (tenant_id, due_on, id)');
  // Overdue and reminders look only at what is not fully collected.
  await knex.raw(`create index collection_instalments_open on collection_instalments (tenant_id, due_on)
    include (order_id, amount_fen, collected_fen) where collected_fen < amount_fen`);
}
