// 数据简报 summary tables, kept exact by triggers in the same transaction as every change to their sources, so
// that a year of a large firm's briefing reads tens of thousands of rows instead of millions (docs/performance.md):
//   briefing_daily            per tenant, calendar day, the order's (or inquiry's) department and owner:
//                             contracts confirmed, disbursed, collected (approved receipts), new inquiries
//   briefing_daily_orders     per tenant, day the order was created, department, stage (and the stage a lost or
//                             cancelled order left): the order funnel
//   briefing_daily_follow_ups per tenant, day, author: follow-ups
// Days are the tenant's calendar days (`at time zone` its zone); attribution is the order's current owner and
// department, so reassigning an order moves its amounts. A change of the tenant's zone rebuilds its rows.
// The key 00000000-0000-0000-0000-000000000000 stands for "no department" / "no owner" (the public pool).
// briefing_rebuild(tenant) recomputes a tenant's rows from the sources (bulk loads, repairs).
import type { Knex } from 'knex';

export const name = '202611270202_briefing_summaries';

const Z = `'00000000-0000-0000-0000-000000000000'::uuid`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`create table briefing_daily (
    tenant_id uuid not null references tenants (id),
    day date not null,
    department_key uuid not null,
    owner_key uuid not null,
    contract_fen bigint not null default 0,
    contract_count integer not null default 0,
    disbursed_fen bigint not null default 0,
    collected_fen bigint not null default 0,
    receipt_count integer not null default 0,
    inquiry_count integer not null default 0,
    primary key (tenant_id, day, department_key, owner_key))`);
  await knex.raw(`create table briefing_daily_orders (
    tenant_id uuid not null references tenants (id),
    day date not null,
    department_key uuid not null,
    stage_key text not null,
    off_from text not null default '',
    order_count integer not null default 0,
    primary key (tenant_id, day, department_key, stage_key, off_from))`);
  await knex.raw(`create table briefing_daily_follow_ups (
    tenant_id uuid not null references tenants (id),
    day date not null,
    author_key uuid not null,
    follow_up_count integer not null default 0,
    primary key (tenant_id, day, author_key))`);

  await knex.raw(`create function briefing_tz(p_tenant uuid) returns text language sql stable as
    $$ select coalesce((select time_zone from tenants where id = p_tenant), 'Asia/Shanghai') $$`);

  await knex.raw(`create function briefing_add(p_tenant uuid, p_day date, p_department uuid, p_owner uuid, p_contract_fen bigint, p_contract_count integer,
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
    end $$`);

  await knex.raw(`create function briefing_add_order(p_tenant uuid, p_day date, p_department uuid, p_stage text, p_off_from text, p_count integer)
      returns void language plpgsql as $$
    begin
      insert into briefing_daily_orders as b (tenant_id, day, department_key, stage_key, off_from, order_count)
      values (p_tenant, p_day, coalesce(p_department, ${Z}), p_stage, coalesce(p_off_from, ''), p_count)
      on conflict (tenant_id, day, department_key, stage_key, off_from) do update set order_count = b.order_count + excluded.order_count;
    end $$`);

  // The money an order contributes (receipts, its contract, its disbursements), added or taken off an attribution.
  await knex.raw(`create function briefing_order_money(p_tenant uuid, p_order uuid, p_department uuid, p_owner uuid, p_sign integer)
      returns void language plpgsql as $$
    declare r record; tz text := briefing_tz(p_tenant);
    begin
      for r in select received_on as day, sum(amount_fen)::bigint as fen, count(*)::integer as n from receipts
                where tenant_id = p_tenant and order_id = p_order and state in ('approved', 'reversing') group by received_on loop
        perform briefing_add(p_tenant, r.day, p_department, p_owner, 0, 0, 0, p_sign * r.fen, p_sign * r.n, 0);
      end loop;
      for r in select (confirmed_at at time zone tz)::date as day, amount_fen as fen from order_contracts
                where tenant_id = p_tenant and order_id = p_order and confirmed_at is not null loop
        perform briefing_add(p_tenant, r.day, p_department, p_owner, p_sign * r.fen, p_sign, 0, 0, 0, 0);
      end loop;
      for r in select disbursed_on as day, sum(coalesce(disbursed_amount_fen, 0))::bigint as fen from order_lines
                where tenant_id = p_tenant and order_id = p_order and status = 'disbursed' and disbursed_on is not null group by disbursed_on loop
        perform briefing_add(p_tenant, r.day, p_department, p_owner, 0, 0, p_sign * r.fen, 0, 0, 0);
      end loop;
    end $$`);

  await knex.raw(`create function briefing_on_receipt() returns trigger language plpgsql as $$
    declare o record;
    begin
      if tg_op in ('UPDATE', 'DELETE') and old.state in ('approved', 'reversing') then
        select owner_id, department_id into o from orders where tenant_id = old.tenant_id and id = old.order_id;
        perform briefing_add(old.tenant_id, old.received_on, o.department_id, o.owner_id, 0, 0, 0, -old.amount_fen, -1, 0);
      end if;
      if tg_op in ('UPDATE', 'INSERT') and new.state in ('approved', 'reversing') then
        select owner_id, department_id into o from orders where tenant_id = new.tenant_id and id = new.order_id;
        perform briefing_add(new.tenant_id, new.received_on, o.department_id, o.owner_id, 0, 0, 0, new.amount_fen, 1, 0);
      end if;
      return null;
    end $$`);
  await knex.raw('create trigger briefing_receipts_insert_delete after insert or delete on receipts for each row execute function briefing_on_receipt()');
  await knex.raw(`create trigger briefing_receipts_update after update on receipts for each row
    when (old.state is distinct from new.state or old.amount_fen is distinct from new.amount_fen or old.received_on is distinct from new.received_on
          or old.order_id is distinct from new.order_id)
    execute function briefing_on_receipt()`);

  await knex.raw(`create function briefing_on_contract() returns trigger language plpgsql as $$
    declare o record;
    begin
      if tg_op in ('UPDATE', 'DELETE') and old.confirmed_at is not null then
        select owner_id, department_id into o from orders where tenant_id = old.tenant_id and id = old.order_id;
        perform briefing_add(old.tenant_id, (old.confirmed_at at time zone briefing_tz(old.tenant_id))::date, o.department_id, o.owner_id, -old.amount_fen, -1, 0, 0, 0, 0);
      end if;
      if tg_op in ('UPDATE', 'INSERT') and new.confirmed_at is not null then
        select owner_id, department_id into o from orders where tenant_id = new.tenant_id and id = new.order_id;
        perform briefing_add(new.tenant_id, (new.confirmed_at at time zone briefing_tz(new.tenant_id))::date, o.department_id, o.owner_id, new.amount_fen, 1, 0, 0, 0, 0);
      end if;
      return null;
    end $$`);
  await knex.raw('create trigger briefing_contracts_insert_delete after insert or delete on order_contracts for each row execute function briefing_on_contract()');
  await knex.raw(`create trigger briefing_contracts_update after update on order_contracts for each row
    when (old.confirmed_at is distinct from new.confirmed_at or old.amount_fen is distinct from new.amount_fen or old.order_id is distinct from new.order_id)
    execute function briefing_on_contract()`);

  await knex.raw(`create function briefing_on_order_line() returns trigger language plpgsql as $$
    declare o record;
    begin
      if tg_op in ('UPDATE', 'DELETE') and old.status = 'disbursed' and old.disbursed_on is not null then
        select owner_id, department_id into o from orders where tenant_id = old.tenant_id and id = old.order_id;
        perform briefing_add(old.tenant_id, old.disbursed_on, o.department_id, o.owner_id, 0, 0, -coalesce(old.disbursed_amount_fen, 0), 0, 0, 0);
      end if;
      if tg_op in ('UPDATE', 'INSERT') and new.status = 'disbursed' and new.disbursed_on is not null then
        select owner_id, department_id into o from orders where tenant_id = new.tenant_id and id = new.order_id;
        perform briefing_add(new.tenant_id, new.disbursed_on, o.department_id, o.owner_id, 0, 0, coalesce(new.disbursed_amount_fen, 0), 0, 0, 0);
      end if;
      return null;
    end $$`);
  await knex.raw('create trigger briefing_order_lines_insert_delete after insert or delete on order_lines for each row execute function briefing_on_order_line()');
  await knex.raw(`create trigger briefing_order_lines_update after update on order_lines for each row
    when (old.status is distinct from new.status or old.disbursed_on is distinct from new.disbursed_on
          or old.disbursed_amount_fen is distinct from new.disbursed_amount_fen or old.order_id is distinct from new.order_id)
    execute function briefing_on_order_line()`);

  // Orders: the funnel row of the order, and its money when its owner or department changes.
  await knex.raw(`create function briefing_on_order() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        perform briefing_add_order(old.tenant_id, (old.created_at at time zone briefing_tz(old.tenant_id))::date, old.department_id, old.stage_key, old.stage_before_off, -1);
      end if;
      if tg_op in ('UPDATE', 'INSERT') then
        perform briefing_add_order(new.tenant_id, (new.created_at at time zone briefing_tz(new.tenant_id))::date, new.department_id, new.stage_key, new.stage_before_off, 1);
      end if;
      if tg_op = 'UPDATE' and (old.owner_id is distinct from new.owner_id or old.department_id is distinct from new.department_id) then
        perform briefing_order_money(old.tenant_id, old.id, old.department_id, old.owner_id, -1);
        perform briefing_order_money(new.tenant_id, new.id, new.department_id, new.owner_id, 1);
      end if;
      return null;
    end $$`);
  await knex.raw('create trigger briefing_orders_insert_delete after insert or delete on orders for each row execute function briefing_on_order()');
  await knex.raw(`create trigger briefing_orders_update after update on orders for each row
    when (old.stage_key is distinct from new.stage_key or old.stage_before_off is distinct from new.stage_before_off
          or old.department_id is distinct from new.department_id or old.owner_id is distinct from new.owner_id or old.created_at is distinct from new.created_at)
    execute function briefing_on_order()`);

  await knex.raw(`create function briefing_on_inquiry() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') and old.merged_into_id is null then
        perform briefing_add(old.tenant_id, (old.created_at at time zone briefing_tz(old.tenant_id))::date, old.department_id, old.owner_id, 0, 0, 0, 0, 0, -1);
      end if;
      if tg_op in ('UPDATE', 'INSERT') and new.merged_into_id is null then
        perform briefing_add(new.tenant_id, (new.created_at at time zone briefing_tz(new.tenant_id))::date, new.department_id, new.owner_id, 0, 0, 0, 0, 0, 1);
      end if;
      return null;
    end $$`);
  await knex.raw('create trigger briefing_inquiries_insert_delete after insert or delete on inquiries for each row execute function briefing_on_inquiry()');
  await knex.raw(`create trigger briefing_inquiries_update after update on inquiries for each row
    when (old.owner_id is distinct from new.owner_id or old.department_id is distinct from new.department_id
          or (old.merged_into_id is null) <> (new.merged_into_id is null) or old.created_at is distinct from new.created_at)
    execute function briefing_on_inquiry()`);

  await knex.raw(`create function briefing_on_follow_up() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        insert into briefing_daily_follow_ups as b (tenant_id, day, author_key, follow_up_count)
        values (old.tenant_id, (old.created_at at time zone briefing_tz(old.tenant_id))::date, coalesce(old.author_id, ${Z}), -1)
        on conflict (tenant_id, day, author_key) do update set follow_up_count = b.follow_up_count + excluded.follow_up_count;
      end if;
      if tg_op in ('UPDATE', 'INSERT') then
        insert into briefing_daily_follow_ups as b (tenant_id, day, author_key, follow_up_count)
        values (new.tenant_id, (new.created_at at time zone briefing_tz(new.tenant_id))::date, coalesce(new.author_id, ${Z}), 1)
        on conflict (tenant_id, day, author_key) do update set follow_up_count = b.follow_up_count + excluded.follow_up_count;
      end if;
      return null;
    end $$`);
  await knex.raw('create trigger briefing_follow_ups_insert_delete after insert or delete on inquiry_follow_ups for each row execute function briefing_on_follow_up()');
  await knex.raw(`create trigger briefing_follow_ups_update after update on inquiry_follow_ups for each row
    when (old.author_id is distinct from new.author_id or old.created_at is distinct from new.created_at)
    execute function briefing_on_follow_up()`);

  await knex.raw(`create function briefing_rebuild(p_tenant uuid) returns void language plpgsql as $$
    declare tz text := briefing_tz(p_tenant);
    begin
      delete from briefing_daily where tenant_id = p_tenant;
      delete from briefing_daily_orders where tenant_id = p_tenant;
      delete from briefing_daily_follow_ups where tenant_id = p_tenant;
      insert into briefing_daily (tenant_id, day, department_key, owner_key, contract_fen, contract_count, disbursed_fen, collected_fen, receipt_count, inquiry_count)
      select p_tenant, day, dept, owner, sum(contract_fen), sum(contract_count), sum(disbursed_fen), sum(collected_fen), sum(receipt_count), sum(inquiry_count)
        from (
          select r.received_on as day, coalesce(o.department_id, ${Z}) as dept, coalesce(o.owner_id, ${Z}) as owner, 0::bigint as contract_fen, 0 as contract_count,
                 0::bigint as disbursed_fen, r.amount_fen as collected_fen, 1 as receipt_count, 0 as inquiry_count
            from receipts r join orders o on o.tenant_id = r.tenant_id and o.id = r.order_id
           where r.tenant_id = p_tenant and r.state in ('approved', 'reversing')
          union all
          select (c.confirmed_at at time zone tz)::date, coalesce(o.department_id, ${Z}), coalesce(o.owner_id, ${Z}), c.amount_fen, 1, 0, 0, 0, 0
            from order_contracts c join orders o on o.tenant_id = c.tenant_id and o.id = c.order_id
           where c.tenant_id = p_tenant and c.confirmed_at is not null
          union all
          select l.disbursed_on, coalesce(o.department_id, ${Z}), coalesce(o.owner_id, ${Z}), 0, 0, coalesce(l.disbursed_amount_fen, 0), 0, 0, 0
            from order_lines l join orders o on o.tenant_id = l.tenant_id and o.id = l.order_id
           where l.tenant_id = p_tenant and l.status = 'disbursed' and l.disbursed_on is not null
          union all
          select (i.created_at at time zone tz)::date, coalesce(i.department_id, ${Z}), coalesce(i.owner_id, ${Z}), 0, 0, 0, 0, 0, 1
            from inquiries i where i.tenant_id = p_tenant and i.merged_into_id is null
        ) x group by day, dept, owner;
      insert into briefing_daily_orders (tenant_id, day, department_key, stage_key, off_from, order_count)
      select p_tenant, (created_at at time zone tz)::date, coalesce(department_id, ${Z}), stage_key, coalesce(stage_before_off, ''), count(*)
        from orders where tenant_id = p_tenant group by 2, 3, 4, 5;
      insert into briefing_daily_follow_ups (tenant_id, day, author_key, follow_up_count)
      select p_tenant, (created_at at time zone tz)::date, coalesce(author_id, ${Z}), count(*)
        from inquiry_follow_ups where tenant_id = p_tenant group by 2, 3;
    end $$`);

  // The calendar days move with the zone: a tenant changing its zone gets its rows recomputed.
  await knex.raw(`create function briefing_on_tenant_zone() returns trigger language plpgsql as $$
    begin
      perform briefing_rebuild(new.id);
      return null;
    end $$`);
  await knex.raw(`create trigger briefing_tenant_zone after update on tenants for each row
    when (old.time_zone is distinct from new.time_zone) execute function briefing_on_tenant_zone()`);

  await knex.raw('select briefing_rebuild(id) from tenants');
}
