// 数据简报 at scale (docs/performance.md, "Briefing"): a year of a 200-person firm is 73,000 daily summary rows,
// too many for p99 < 150 ms on two cores. The same summaries per calendar month are kept beside the daily ones
// by the same trigger functions, in the same transaction: a period reads whole months from the monthly tables
// and only its partial months' days from the daily ones (a year: 2,400 rows instead of 73,000).
// Overdue instalments get a stored outstanding amount so that the planner knows how few are open (its
// estimate of `collected_fen < amount_fen` was 30 times too high and made it hash-join every order).
import type { Knex } from 'knex';

export const name = '202611270204_briefing_monthly';

const Z = `'00000000-0000-0000-0000-000000000000'::uuid`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`create table briefing_monthly (
    tenant_id uuid not null references tenants (id),
    month date not null,
    department_key uuid not null,
    owner_key uuid not null,
    contract_fen bigint not null default 0,
    contract_count integer not null default 0,
    disbursed_fen bigint not null default 0,
    collected_fen bigint not null default 0,
    receipt_count integer not null default 0,
    inquiry_count integer not null default 0,
    primary key (tenant_id, month, department_key, owner_key))`);
  await knex.raw(`create table briefing_monthly_orders (
    tenant_id uuid not null references tenants (id),
    month date not null,
    department_key uuid not null,
    stage_key text not null,
    off_from text not null default '',
    order_count integer not null default 0,
    primary key (tenant_id, month, department_key, stage_key, off_from))`);
  await knex.raw(`create table briefing_monthly_follow_ups (
    tenant_id uuid not null references tenants (id),
    month date not null,
    author_key uuid not null,
    follow_up_count integer not null default 0,
    primary key (tenant_id, month, author_key))`);

  // The same functions, now writing the day and its month.
  await knex.raw(`create or replace function briefing_add(p_tenant uuid, p_day date, p_department uuid, p_owner uuid, p_contract_fen bigint, p_contract_count integer,
      p_disbursed_fen bigint, p_collected_fen bigint, p_receipt_count integer, p_inquiry_count integer) returns void language plpgsql as $$
    begin
      if p_day is null then return; end if;
      insert into briefing_daily as b (tenant_id, day, department_key, owner_key, contract_fen, contract_count, disbursed_fen, collected_fen, receipt_count, inquiry_count)
      values (p_tenant, p_day, coalesce(p_department, ${Z}), coalesce(p_owner, ${Z}), p_contract_fen, p_contract_count, p_disbursed_fen, p_collected_fen,
              p_receipt_count, p_inquiry_count)
      on conflict (tenant_id, day, department_key, owner_key) do update set
        contract_fen = b.contract_fen + excluded.contract_fen, contract_count = b.contract_count + excluded.contract_count,
        disbursed_fen = b.disbursed_fen + excluded.disbursed_fen, collected_fen = b.collected_fen + excluded.collected_fen,
        receipt_count = b.receipt_count + excluded.receipt_count, inquiry_count = b.inquiry_count + excluded.inquiry_count;
      insert into briefing_monthly as b (tenant_id, month, department_key, owner_key, contract_fen, contract_count, disbursed_fen, collected_fen, receipt_count, inquiry_count)
      values (p_tenant, date_trunc('month', p_day)::date, coalesce(p_department, ${Z}), coalesce(p_owner, ${Z}), p_contract_fen, p_contract_count, p_disbursed_fen,
              p_collected_fen, p_receipt_count, p_inquiry_count)
      on conflict (tenant_id, month, department_key, owner_key) do update set
        contract_fen = b.contract_fen + excluded.contract_fen, contract_count = b.contract_count + excluded.contract_count,
        disbursed_fen = b.disbursed_fen + excluded.disbursed_fen, collected_fen = b.collected_fen + excluded.collected_fen,
        receipt_count = b.receipt_count + excluded.receipt_count, inquiry_count = b.inquiry_count + excluded.inquiry_count;
    end $$`);

  await knex.raw(`create or replace function briefing_add_order(p_tenant uuid, p_day date, p_department uuid, p_stage text, p_off_from text, p_count integer)
      returns void language plpgsql as $$
    begin
      insert into briefing_daily_orders as b (tenant_id, day, department_key, stage_key, off_from, order_count)
      values (p_tenant, p_day, coalesce(p_department, ${Z}), p_stage, coalesce(p_off_from, ''), p_count)
      on conflict (tenant_id, day, department_key, stage_key, off_from) do update set order_count = b.order_count + excluded.order_count;
      insert into briefing_monthly_orders as b (tenant_id, month, department_key, stage_key, off_from, order_count)
      values (p_tenant, date_trunc('month', p_day)::date, coalesce(p_department, ${Z}), p_stage, coalesce(p_off_from, ''), p_count)
      on conflict (tenant_id, month, department_key, stage_key, off_from) do update set order_count = b.order_count + excluded.order_count;
    end $$`);

  await knex.raw(`create function briefing_add_follow_up(p_tenant uuid, p_day date, p_author uuid, p_count integer) returns void language plpgsql as $$
    begin
      insert into briefing_daily_follow_ups as b (tenant_id, day, author_key, follow_up_count)
      values (p_tenant, p_day, coalesce(p_author, ${Z}), p_count)
      on conflict (tenant_id, day, author_key) do update set follow_up_count = b.follow_up_count + excluded.follow_up_count;
      insert into briefing_monthly_follow_ups as b (tenant_id, month, author_key, follow_up_count)
      values (p_tenant, date_trunc('month', p_day)::date, coalesce(p_author, ${Z}), p_count)
      on conflict (tenant_id, month, author_key) do update set follow_up_count = b.follow_up_count + excluded.follow_up_count;
    end $$`);
  await knex.raw(`create or replace function briefing_on_follow_up() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        perform briefing_add_follow_up(old.tenant_id, (old.created_at at time zone briefing_tz(old.tenant_id))::date, old.author_id, -1);
      end if;
      if tg_op in ('UPDATE', 'INSERT') then
        perform briefing_add_follow_up(new.tenant_id, (new.created_at at time zone briefing_tz(new.tenant_id))::date, new.author_id, 1);
      end if;
      return null;
    end $$`);

  // The rebuild: the daily rows from the sources as before (202611270202), then the months from the days.
  await knex.raw('alter function briefing_rebuild(uuid) rename to briefing_rebuild_daily');
  await knex.raw(`create function briefing_rebuild(p_tenant uuid) returns void language plpgsql as $$
    begin
      perform briefing_rebuild_daily(p_tenant);
      delete from briefing_monthly where tenant_id = p_tenant;
      delete from briefing_monthly_orders where tenant_id = p_tenant;
      delete from briefing_monthly_follow_ups where tenant_id = p_tenant;
      insert into briefing_monthly (tenant_id, month, department_key, owner_key, contract_fen, contract_count, disbursed_fen, collected_fen, receipt_count, inquiry_count)
      select tenant_id, date_trunc('month', day)::date, department_key, owner_key, sum(contract_fen), sum(contract_count), sum(disbursed_fen), sum(collected_fen),
             sum(receipt_count), sum(inquiry_count)
        from briefing_daily where tenant_id = p_tenant group by 1, 2, 3, 4;
      insert into briefing_monthly_orders (tenant_id, month, department_key, stage_key, off_from, order_count)
      select tenant_id, date_trunc('month', day)::date, department_key, stage_key, off_from, sum(order_count)
        from briefing_daily_orders where tenant_id = p_tenant group by 1, 2, 3, 4, 5;
      insert into briefing_monthly_follow_ups (tenant_id, month, author_key, follow_up_count)
      select tenant_id, date_trunc('month', day)::date, author_key, sum(follow_up_count)
        from briefing_daily_follow_ups where tenant_id = p_tenant group by 1, 2, 3;
    end $$`);
  // The zone trigger calls briefing_rebuild by name, so it now rebuilds the months too.

  await knex.raw('alter table collection_instalments add column outstanding_fen bigint generated always as (amount_fen - collected_fen) stored');
  await knex.raw('drop index collection_instalments_open');
  await knex.raw(`create index collection_instalments_open on collection_instalments (tenant_id, due_on)
    include (order_id, outstanding_fen) where outstanding_fen > 0`);

  await knex.raw('select briefing_rebuild(id) from tenants');
}
