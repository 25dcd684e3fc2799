// Fees wired (issue 16): a product's fee rule (收费规则), the rule and computed fee of each order line, the
// firm's refund rule for a refused application, the fee adjustments that wait for an approval, and proposed
// instalments of the collection plan. The orders area's views learn the success fee and waived fees:
//   order_product_totals gains success_fen and waived_fen (total_fen now counts each line's computed fee);
//   order_amounts: 应回款 = the confirmed contract's amount + success fees − waived up-front fees (never below the
//   success fees: greatest() would swallow a null contract, so least() caps the waiver), else the
//   products' total. A contract covers the up-front fees agreed when it is signed; success fees come later.
import type { Knex } from 'knex';

export const name = '202612070100_fees';

export async function up(knex: Knex): Promise<void> {
  // null: today's rule, one fixed service fee (defaultServiceFeeFen) due on the contract.
  await knex.raw('alter table products add column fee_rule jsonb');

  // fee_rule: the product's rule copied when the line was chosen (null: a fixed fee of service_fee_fen).
  // up_front_due_fen: the up-front part due under the rule (null for a fixed-fee line: total_fen is it).
  // success_due_fen: the success part due; fee_waived_fen: up-front fee no longer owed after a refusal.
  // fee_computation: the last computation with its explanation (rule, base amounts, result, rounding).
  await knex.raw(`alter table order_lines
    add column fee_rule jsonb,
    add column up_front_due_fen bigint,
    add column success_due_fen bigint not null default 0,
    add column fee_waived_fen bigint not null default 0,
    add column fee_computation jsonb`);
  // Under a rule the discount may reach into the success part, so it is capped by the fee only on fixed lines.
  await knex.raw('alter table order_lines drop constraint order_lines_amounts');
  await knex.raw(`alter table order_lines add constraint order_lines_amounts check (
    service_fee_fen >= 0 and discount_fen >= 0 and quantity >= 1 and (fee_rule is not null or discount_fen <= service_fee_fen * quantity)
    and (up_front_due_fen is null or up_front_due_fen >= 0) and success_due_fen >= 0 and fee_waived_fen >= 0)`);

  await knex.schema.createTable('fee_settings', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.text('rejection_refund_policy').notNullable();
    t.integer('version').notNullable();
    t.uuid('updated_by');
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.primary(['tenant_id']);
  });
  await knex.raw("alter table fee_settings add constraint fee_settings_policy check (rejection_refund_policy in ('keep', 'refund', 'refund_with_approval'))");

  // A change of a line's fee that lowers what the customer owes, waiting for (or decided by) an approval.
  await knex.schema.createTable('fee_adjustments', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('id').notNullable();
    t.uuid('order_id').notNullable();
    t.uuid('line_id').notNullable();
    t.text('kind').notNullable(); // success_reduction | rejection_refund
    t.text('state').notNullable(); // pending | approved | rejected | withdrawn
    t.bigInteger('from_fen').notNullable();
    t.bigInteger('to_fen').notNullable();
    t.bigInteger('refund_fen').notNullable();
    t.bigInteger('waive_fen').notNullable();
    t.jsonb('detail').notNullable();
    t.uuid('created_by').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('decided_at', { useTz: true });
    t.primary(['tenant_id', 'id']);
    t.foreign(['tenant_id', 'line_id']).references(['tenant_id', 'id']).inTable('order_lines').onDelete('cascade');
    t.index(['tenant_id', 'order_id']);
  });
  await knex.raw("alter table fee_adjustments add constraint fee_adjustments_kind check (kind in ('success_reduction', 'rejection_refund'))");
  await knex.raw("alter table fee_adjustments add constraint fee_adjustments_state check (state in ('pending', 'approved', 'rejected', 'withdrawn'))");
  // One open adjustment per line: a second correction waits until the first is decided.
  await knex.raw("create unique index fee_adjustments_one_pending on fee_adjustments (tenant_id, line_id) where state = 'pending'");

  // 服务费调整 is a business type of the approval engine.
  await knex.raw('alter table approval_flows drop constraint approval_flows_business_type');
  await knex.raw(`alter table approval_flows add constraint approval_flows_business_type
    check (business_type in ('order_review', 'receipt', 'invoice', 'red_invoice', 'order_close', 'fee_adjustment'))`);

  // An instalment the fee wiring added (a success fee after the plan was agreed), until a person saves the plan.
  await knex.raw('alter table collection_instalments add column proposed boolean not null default false');

  await knex.raw(`create or replace view order_product_totals as
    select tenant_id, order_id, count(*)::integer as line_count,
           coalesce(sum(coalesce(up_front_due_fen, total_fen) + success_due_fen - fee_waived_fen), 0)::bigint as total_fen,
           coalesce(sum(disbursed_amount_fen) filter (where status = 'disbursed'), 0)::bigint as disbursed_fen,
           coalesce(sum(success_due_fen), 0)::bigint as success_fen,
           coalesce(sum(fee_waived_fen), 0)::bigint as waived_fen
      from order_lines group by tenant_id, order_id`);
  await knex.raw(`create or replace view order_amounts as
    select o.tenant_id, o.id as order_id,
           c.amount_fen as contract_fen,
           coalesce(p.total_fen, 0)::bigint as product_total_fen,
           coalesce(c.amount_fen + coalesce(p.success_fen, 0) - least(coalesce(p.waived_fen, 0), c.amount_fen), p.total_fen, 0)::bigint as receivable_fen,
           coalesce(r.received_fen, 0)::bigint as received_fen,
           greatest(coalesce(c.amount_fen + coalesce(p.success_fen, 0) - least(coalesce(p.waived_fen, 0), c.amount_fen), p.total_fen, 0) - coalesce(r.received_fen, 0), 0)::bigint as outstanding_fen,
           coalesce(i.invoiced_fen, 0)::bigint as invoiced_fen,
           coalesce(p.disbursed_fen, 0)::bigint as disbursed_fen,
           c.confirmed_at as won_at
      from orders o
      left join order_contracts c on c.tenant_id = o.tenant_id and c.order_id = o.id and c.confirmed_at is not null
      left join lateral (select x.total_fen, x.disbursed_fen, x.success_fen, x.waived_fen from order_product_totals x where x.tenant_id = o.tenant_id and x.order_id = o.id) p on true
      left join lateral (select x.received_fen from order_receipt_totals x where x.tenant_id = o.tenant_id and x.order_id = o.id) r on true
      left join lateral (select x.invoiced_fen from order_invoice_totals x where x.tenant_id = o.tenant_id and x.order_id = o.id) i on true`);
}
