// The products' order tables point at their order, now that the orders table exists: an order's lines, line
// set, matching facts and query code can never outlive it or name another tenant's order.
import type { Knex } from 'knex';

export const name = '202611270010_order_products_fk';

const TABLES = ['order_lines', 'order_line_sets', 'order_match_facts', 'order_status_codes'] as const;

export async function up(knex: Knex): Promise<void> {
  for (const table of TABLES) {
    await knex.schema.alterTable(table, (t) => {
      t.foreign(['tenant_id', 'order_id']).references(['tenant_id', 'id']).inTable('orders').onDelete('CASCADE');
    });
  }
}
