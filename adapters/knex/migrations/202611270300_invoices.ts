// Invoices (发票): the invoice (blue, or a red-letter 红字发票 reversing one), its lines, the receipts it bills,
// the per-tenant-and-year number counter, and the tenant's invoice settings. An issued invoice keeps its
// number, seller and lines for ever: it is only reversed by red-letter invoices.
import type { Knex } from 'knex';

export const name = '202611270300_invoices';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('invoice_settings', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.jsonb('settings').notNullable(); // InvoiceSettings without its version, checked by core when saved
    t.integer('version').notNullable();
    t.uuid('updated_by');
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.primary(['tenant_id']);
  });

  // One row per tenant and year, incremented with `update … returning` inside the issuing transaction.
  await knex.schema.createTable('invoice_number_counters', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.integer('year').notNullable();
    t.integer('last_value').notNullable();
    t.primary(['tenant_id', 'year']);
  });

  await knex.schema.createTable('invoices', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('id').notNullable();
    t.uuid('order_id').notNullable();
    t.text('direction').notNullable(); // blue | red
    t.uuid('original_id'); // the blue invoice a red-letter one reverses
    t.text('kind').notNullable(); // ordinary | special
    t.text('state').notNullable();
    t.text('number');
    t.integer('year');
    t.integer('sequence');
    t.date('issue_date');
    t.timestamp('issued_at', { useTz: true });
    t.uuid('issued_by');
    t.jsonb('seller'); // 销售方 as at issue
    t.text('payee');
    t.text('reviewer');
    t.text('drawer');
    t.text('buyer_name').notNullable();
    t.text('buyer_tax_id');
    t.text('buyer_address');
    t.text('buyer_phone');
    t.text('buyer_bank');
    t.text('buyer_account');
    t.bigInteger('amount_fen').notNullable();
    t.bigInteger('tax_fen').notNullable();
    t.bigInteger('total_fen').notNullable();
    t.text('remarks');
    t.text('reason');
    t.uuid('created_by').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.uuid('updated_by').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.integer('version').notNullable();
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'order_id']).references(['tenant_id', 'id']).inTable('orders');
    t.foreign(['tenant_id', 'original_id']).references(['tenant_id', 'id']).inTable('invoices');
    t.foreign(['tenant_id', 'created_by']).references(['tenant_id', 'id']).inTable('users');
    t.check(`direction in ('blue', 'red') and (direction = 'red') = (original_id is not null)`, [], 'invoices_direction_check');
    t.check(`kind in ('ordinary', 'special')`, [], 'invoices_kind_check');
    t.check(`state in ('draft', 'pending', 'issued', 'partially_reversed', 'reversed', 'cancelled')`, [], 'invoices_state_check');
    t.check(`(number is null) = (state in ('draft', 'pending', 'cancelled'))`, [], 'invoices_number_check');
    t.check(`amount_fen + tax_fen = total_fen`, [], 'invoices_totals_check');
  });
  // Numbers are unique in the tenant (and per year by sequence); partial indexes leave drafts out.
  await knex.raw('create unique index invoices_number on invoices (tenant_id, number) where number is not null');
  await knex.raw('create unique index invoices_sequence on invoices (tenant_id, year, sequence) where sequence is not null');
  await knex.raw('create index invoices_list on invoices (tenant_id, created_at desc, id desc)');
  await knex.raw('create index invoices_order on invoices (tenant_id, order_id)');
  await knex.raw('create index invoices_original on invoices (tenant_id, original_id) where original_id is not null');
  await knex.raw('create index invoices_issue_date on invoices (tenant_id, issue_date)');

  await knex.schema.createTable('invoice_lines', (t) => {
    t.uuid('tenant_id').notNullable();
    t.uuid('invoice_id').notNullable();
    t.integer('line_no').notNullable();
    t.text('name').notNullable();
    t.text('quantity');
    t.text('unit_price');
    t.bigInteger('amount_fen').notNullable();
    t.text('tax_rate').notNullable();
    t.bigInteger('tax_fen').notNullable();
    t.bigInteger('total_fen').notNullable();
    t.integer('original_line_no');
    t.primary(['tenant_id', 'invoice_id', 'line_no']);
    t.foreign(['tenant_id', 'invoice_id']).references(['tenant_id', 'id']).inTable('invoices').onDelete('CASCADE');
    t.check(`amount_fen + tax_fen = total_fen`, [], 'invoice_lines_totals_check');
  });

  // The receipts an invoice bills; `active` until the draft is given up or the invoice fully reversed, and a
  // receipt is active on one invoice at most (a concurrent second request fails on the unique index).
  await knex.schema.createTable('invoice_receipts', (t) => {
    t.uuid('tenant_id').notNullable();
    t.uuid('invoice_id').notNullable();
    t.uuid('receipt_id').notNullable();
    t.boolean('active').notNullable();
    t.primary(['tenant_id', 'invoice_id', 'receipt_id']);
    t.foreign(['tenant_id', 'invoice_id']).references(['tenant_id', 'id']).inTable('invoices').onDelete('CASCADE');
  });
  await knex.raw('create unique index invoice_receipts_active on invoice_receipts (tenant_id, receipt_id) where active');
}
