// Overdue instalments of a department or a person without touching the orders: each instalment carries its
// order's owner and department, filled when it is inserted and moved with the order when it is reassigned (the
// orders trigger of 202611270202, extended here), in the same transaction. The open-instalment index covers
// them, so the briefing's overdue figure reads only that index.
import type { Knex } from 'knex';

export const name = '202611270205_instalment_attribution';

export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table collection_instalments add column owner_id uuid, add column department_id uuid');
  await knex.raw(`update collection_instalments i set owner_id = o.owner_id, department_id = o.department_id
    from orders o where o.tenant_id = i.tenant_id and o.id = i.order_id`);
  await knex.raw('drop index collection_instalments_open');
  await knex.raw(`create index collection_instalments_open on collection_instalments (tenant_id, due_on)
    include (order_id, outstanding_fen, department_id, owner_id) where outstanding_fen > 0`);

  await knex.raw(`create function collections_instalment_attribution() returns trigger language plpgsql as $$
    begin
      select owner_id, department_id into new.owner_id, new.department_id from orders where tenant_id = new.tenant_id and id = new.order_id;
      return new;
    end $$`);
  await knex.raw(`create trigger collections_instalment_attribution before insert on collection_instalments
    for each row execute function collections_instalment_attribution()`);

  await knex.raw(`create or replace function briefing_on_order() returns trigger language plpgsql as $$
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
        update collection_instalments set owner_id = new.owner_id, department_id = new.department_id where tenant_id = new.tenant_id and order_id = new.id;
      end if;
      return null;
    end $$`);
}
