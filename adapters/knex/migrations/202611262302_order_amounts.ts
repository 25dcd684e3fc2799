// An order's money and the facts its pipeline guards read, as views over their sources, so nothing is stored
// twice and nothing can drift. Each later area owns one contribution view, keyed (tenant_id, order_id), and
// replaces it with `create or replace view` in its own migration, keeping the columns (docs/orders.md):
//   order_product_totals  products    line_count, total_fen (sum of line totals), disbursed_fen
//   order_receipt_totals  collections received_fen (approved receipts)
//   order_close_status    collections fully_collected, close_approved
//   order_invoice_totals  invoices    invoiced_fen
//   order_review_status   approvals   approved (the internal review 内部审核 approved the order)
// Runs after the products' order_lines table exists.
import type { Knex } from 'knex';

export const name = '202611262302_order_amounts';

const none = (columns: string): string => `select null::uuid as tenant_id, null::uuid as order_id, ${columns} where false`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`create view order_product_totals as
    select tenant_id, order_id, count(*)::integer as line_count, coalesce(sum(total_fen), 0)::bigint as total_fen,
           coalesce(sum(disbursed_amount_fen) filter (where status = 'disbursed'), 0)::bigint as disbursed_fen
      from order_lines group by tenant_id, order_id`);
  await knex.raw(`create view order_receipt_totals as ${none('0::bigint as received_fen')}`);
  await knex.raw(`create view order_close_status as ${none('false as fully_collected, false as close_approved')}`);
  await knex.raw(`create view order_invoice_totals as ${none('0::bigint as invoiced_fen')}`);
  await knex.raw(`create view order_review_status as ${none('false as approved')}`);

  // 应回款 is the confirmed contract's amount, else the products' total; 未回款 never goes below zero.
  await knex.raw(`create view order_amounts as
    select o.tenant_id, o.id as order_id,
           c.amount_fen as contract_fen,
           coalesce(p.total_fen, 0)::bigint as product_total_fen,
           coalesce(c.amount_fen, p.total_fen, 0)::bigint as receivable_fen,
           coalesce(r.received_fen, 0)::bigint as received_fen,
           greatest(coalesce(c.amount_fen, p.total_fen, 0) - coalesce(r.received_fen, 0), 0)::bigint as outstanding_fen,
           coalesce(i.invoiced_fen, 0)::bigint as invoiced_fen,
           coalesce(p.disbursed_fen, 0)::bigint as disbursed_fen,
           c.confirmed_at as won_at
      from orders o
      left join order_contracts c on c.tenant_id = o.tenant_id and c.order_id = o.id and c.confirmed_at is not null
      left join lateral (select x.total_fen, x.disbursed_fen from order_product_totals x where x.tenant_id = o.tenant_id and x.order_id = o.id) p on true
      left join lateral (select x.received_fen from order_receipt_totals x where x.tenant_id = o.tenant_id and x.order_id = o.id) r on true
      left join lateral (select x.invoiced_fen from order_invoice_totals x where x.tenant_id = o.tenant_id and x.order_id = o.id) i on true`);

  // The guards' contributed facts of every order (0/false until the owning area replaces its view).
  await knex.raw(`create view order_guard_facts as
    select o.tenant_id, o.id as order_id,
           coalesce(p.line_count, 0)::integer as matched_product_count,
           coalesce(v.approved, false) as internal_review_approved,
           coalesce(s.fully_collected, false) as fully_collected,
           coalesce(s.close_approved, false) as close_approved
      from orders o
      left join lateral (select x.line_count from order_product_totals x where x.tenant_id = o.tenant_id and x.order_id = o.id) p on true
      left join lateral (select bool_or(x.approved) as approved from order_review_status x where x.tenant_id = o.tenant_id and x.order_id = o.id) v on true
      left join lateral (select bool_or(x.fully_collected) as fully_collected, bool_or(x.close_approved) as close_approved
                           from order_close_status x where x.tenant_id = o.tenant_id and x.order_id = o.id) s on true`);
}
