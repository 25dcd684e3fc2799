// 回款单 and their allocation to instalments. The Idempotency-Key is unique per tenant, so the same request sent
// twice records one receipt. Allocations keep the instalment's id without a foreign key: a rejected or
// reversed receipt's history stays when a later revision replaces the instalment it once named.
// Answers the orders area's contribution views (202611262302_order_amounts), keeping their columns:
//   order_receipt_totals (tenant_id, order_id, received_fen): approved receipts (已确认, and 冲销中 until reversed)
//   order_close_status (tenant_id, order_id, fully_collected, close_approved): received ≥ receivable > 0, and the
//     latest order_close approval that was not withdrawn is approved.
import type { Knex } from 'knex';

export const name = '202611270201_receipts';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('receipts', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('id').notNullable();
    t.uuid('order_id').notNullable();
    t.date('received_on').notNullable();
    t.bigInteger('amount_fen').notNullable();
    t.uuid('instalment_id'); // the 期次 named, if any
    t.text('payment_method').notNullable();
    t.text('payer').notNullable();
    t.uuid('received_by').notNullable();
    t.text('type').notNullable();
    t.boolean('invoice_wanted').notNullable();
    t.text('invoice_kind');
    t.text('remark');
    t.boolean('overpayment').notNullable().defaultTo(false);
    t.bigInteger('excess_fen').notNullable().defaultTo(0);
    t.text('state').notNullable();
    t.text('idempotency_key');
    t.text('fingerprint');
    t.timestamp('submitted_at', { useTz: true });
    t.timestamp('confirmed_at', { useTz: true });
    t.uuid('confirmed_by');
    t.text('reversal_reason');
    t.uuid('reversal_requested_by');
    t.timestamp('reversed_at', { useTz: true });
    t.uuid('created_by').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.integer('version').notNullable();
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'order_id']).references(['tenant_id', 'id']).inTable('orders');
    t.foreign(['tenant_id', 'received_by']).references(['tenant_id', 'id']).inTable('users');
    t.foreign(['tenant_id', 'created_by']).references(['tenant_id', 'id']).inTable('users');
    t.check('amount_fen > 0', [], 'receipts_amount_check');
    t.check('excess_fen >= 0 and excess_fen <= amount_fen and (overpayment or excess_fen = 0)', [], 'receipts_excess_check');
    t.check(`state in ('draft', 'pending', 'approved', 'rejected', 'reversing', 'reversed')`, [], 'receipts_state_check');
    t.check(`invoice_kind in ('normal', 'special')`, [], 'receipts_invoice_kind_check');
    t.check('invoice_wanted or invoice_kind is null', [], 'receipts_invoice_wanted_check');
  });
  await knex.raw('create unique index receipts_idempotency on receipts (tenant_id, idempotency_key) where idempotency_key is not null');
  await knex.raw('create index receipts_order on receipts (tenant_id, order_id) include (state, amount_fen, invoice_wanted)');
  await knex.raw('create index receipts_list on receipts (tenant_id, received_on desc, id desc)');

  await knex.schema.createTable('receipt_allocations', (t) => {
    t.uuid('tenant_id').notNullable();
    t.uuid('receipt_id').notNullable();
    t.uuid('instalment_id').notNullable();
    t.integer('position').notNullable();
    t.bigInteger('amount_fen').notNullable();
    t.primary(['tenant_id', 'receipt_id', 'instalment_id']);
    t.foreign(['tenant_id', 'receipt_id']).references(['tenant_id', 'id']).inTable('receipts').onDelete('CASCADE');
    t.check('amount_fen > 0', [], 'receipt_allocations_amount_check');
  });
  await knex.raw('create index receipt_allocations_instalment on receipt_allocations (tenant_id, instalment_id)');

  await knex.raw(`create or replace view order_receipt_totals as
    select tenant_id, order_id, coalesce(sum(amount_fen), 0)::bigint as received_fen
      from receipts where state in ('approved', 'reversing') group by tenant_id, order_id`);
  await knex.raw(`create or replace view order_close_status as
    select a.tenant_id, a.order_id,
           (a.receivable_fen > 0 and a.received_fen >= a.receivable_fen) as fully_collected,
           coalesce(c.approved, false) as close_approved
      from order_amounts a
      left join lateral (select (i.status = 'approved') as approved from approval_instances i
                          where i.tenant_id = a.tenant_id and i.business_type = 'order_close' and i.business_id = a.order_id and i.status <> 'withdrawn'
                          order by i.submitted_at desc, i.id desc limit 1) c on true`);
}
