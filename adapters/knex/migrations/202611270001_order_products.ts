// The products chosen for an order (order_lines: 选择产品 and each one's application 申请 at its bank), the facts
// recorded for matching, the version of an order's line set, and the digest of the customer's query code.
// The foreign keys to orders are added once the orders table exists (202611270010_order_products_fk).
import type { Knex } from 'knex';

export const name = '202611270001_order_products';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('order_lines', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('id').notNullable();
    t.uuid('order_id').notNullable();
    t.uuid('product_id').notNullable();
    // Copied when chosen, so renaming a product does not rewrite an order's history.
    t.text('product_name').notNullable();
    t.text('institution').notNullable();
    t.bigInteger('service_fee_fen').notNullable();
    t.bigInteger('discount_fen').notNullable().defaultTo(0);
    t.integer('quantity').notNullable().defaultTo(1);
    t.text('source').notNullable();
    t.integer('position').notNullable().defaultTo(0);
    t.text('status').notNullable().defaultTo('pending');
    t.bigInteger('approved_amount_fen');
    t.text('approved_rate_percent');
    t.integer('approved_term_months');
    t.text('rejection_reason');
    t.text('withdrawal_reason');
    t.bigInteger('disbursed_amount_fen');
    t.date('disbursed_on');
    t.timestamp('submitted_at', { useTz: true });
    t.timestamp('decided_at', { useTz: true });
    t.timestamp('status_changed_at', { useTz: true }).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.integer('version').notNullable().defaultTo(1);
    t.primary(['tenant_id', 'id']);
    t.unique(['tenant_id', 'order_id', 'product_id']);
    t.foreign(['tenant_id', 'product_id']).references(['tenant_id', 'id']).inTable('products');
    t.index(['tenant_id', 'order_id', 'position']);
  });
  // 总价 is derived in the table, so the order's receivable (their sum) can never drift from the lines.
  await knex.raw('alter table order_lines add column total_fen bigint generated always as (service_fee_fen * quantity - discount_fen) stored');
  await knex.raw(`alter table order_lines add constraint order_lines_amounts check (
    service_fee_fen >= 0 and discount_fen >= 0 and quantity >= 1 and discount_fen <= service_fee_fen * quantity)`);
  await knex.raw(`alter table order_lines add constraint order_lines_status check (
    status in ('pending', 'applying', 'approved', 'rejected', 'disbursed', 'withdrawn'))`);
  await knex.raw("alter table order_lines add constraint order_lines_source check (source in ('auto', 'manual'))");

  await knex.schema.createTable('order_line_sets', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('order_id').notNullable();
    t.integer('version').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.primary(['tenant_id', 'order_id']);
  });

  await knex.schema.createTable('order_match_facts', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('order_id').notNullable();
    t.date('company_registered_on');
    t.text('tax_credit_rating');
    t.bigInteger('annual_tax_paid_fen');
    t.bigInteger('annual_invoicing_fen');
    t.text('region_code');
    t.text('region_name');
    t.boolean('owns_property');
    t.boolean('owns_vehicle');
    t.bigInteger('existing_debt_fen');
    t.bigInteger('requested_amount_fen');
    t.integer('version').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.uuid('updated_by');
    t.primary(['tenant_id', 'order_id']);
  });

  await knex.schema.createTable('order_status_codes', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('order_id').notNullable();
    // HMAC of the normalised code: the code itself is shown once, when issued.
    t.text('code_digest').notNullable();
    t.timestamp('issued_at', { useTz: true }).notNullable();
    t.uuid('issued_by');
    t.primary(['tenant_id', 'order_id']);
  });
  // The public lookup knows only the code; a digest of 128 random bits does not collide, so no tenant leads it.
  await knex.raw('create index order_status_codes_digest on order_status_codes (code_digest)');
}
