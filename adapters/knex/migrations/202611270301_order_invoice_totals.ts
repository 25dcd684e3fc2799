// The orders area's contribution view order_invoice_totals (202611262302_order_amounts) answered by invoices:
// an order's 已开票 is the sum of every issued invoice's 价税合计, red-letter invoices counting negative, so a
// reversal restores what the order may be invoiced for. Columns kept: tenant_id, order_id, invoiced_fen.
import type { Knex } from 'knex';

export const name = '202611270301_order_invoice_totals';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`create or replace view order_invoice_totals as
    select i.tenant_id, i.order_id, coalesce(sum(i.total_fen), 0)::bigint as invoiced_fen
      from invoices i
     where i.number is not null
     group by i.tenant_id, i.order_id`);
}
