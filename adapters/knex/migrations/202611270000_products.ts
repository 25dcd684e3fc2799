// The product catalogue (产品管理): categories per tenant, products with their requirements as JSON data, and
// the counters of wrong answers on the public status page.
import type { Knex } from 'knex';

export const name = '202611270000_products';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('product_categories', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.text('code').notNullable();
    t.text('name').notNullable();
    t.integer('sort_order').notNullable().defaultTo(0);
    t.primary(['tenant_id', 'code']);
  });
  await knex.schema.createTable('products', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('id').notNullable();
    t.integer('number').notNullable();
    t.text('name').notNullable();
    t.text('category_code').notNullable();
    t.text('institution').notNullable();
    t.bigInteger('default_service_fee_fen').notNullable();
    t.bigInteger('amount_min_fen').notNullable();
    t.bigInteger('amount_max_fen').notNullable();
    t.integer('term_min_months').notNullable();
    t.integer('term_max_months').notNullable();
    // Percent a year as the exact decimal text entered ('3.65'), never a float.
    t.text('rate_min_percent').notNullable();
    t.text('rate_max_percent').notNullable();
    t.jsonb('repayment_methods').notNullable().defaultTo('[]');
    t.jsonb('required_documents').notNullable().defaultTo('[]');
    t.jsonb('requirements').notNullable().defaultTo('[]');
    t.boolean('active').notNullable().defaultTo(true);
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.primary(['tenant_id', 'id']);
    t.unique(['tenant_id', 'number']);
    t.foreign(['tenant_id', 'category_code']).references(['tenant_id', 'code']).inTable('product_categories');
    t.index(['tenant_id', 'category_code', 'number']);
  });
  await knex.raw('alter table products add constraint products_amounts_ordered check (amount_min_fen >= 0 and amount_min_fen <= amount_max_fen and default_service_fee_fen >= 0)');
  // Wrong answers on the public status page, counted per query-code digest and per client-address digest.
  // Not tenant data: the tenant is not known before the code is (see docs/products.md).
  await knex.schema.createTable('status_lookup_failures', (t) => {
    t.text('key').notNullable().primary();
    t.integer('failures').notNullable();
    t.timestamp('window_started_at', { useTz: true }).notNullable();
    t.index(['window_started_at']); // expired counters are swept
  });
}
