// 放款后付清: an instalment due on disbursement gets its due date when the bank disburses the order's first
// application (order_lines moving to 'disbursed'), in that same transaction, so overdue and reminders see it.
import type { Knex } from 'knex';

export const name = '202611270203_instalment_disbursement_due';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`create function collections_due_on_disbursement() returns trigger language plpgsql as $$
    begin
      if new.status = 'disbursed' and new.disbursed_on is not null then
        update collection_instalments set due_on = new.disbursed_on
         where tenant_id = new.tenant_id and order_id = new.order_id and on_disbursement and due_on is null;
      end if;
      return null;
    end $$`);
  await knex.raw(`create trigger collections_due_on_disbursement after insert or update of status, disbursed_on on order_lines
    for each row execute function collections_due_on_disbursement()`);
}
