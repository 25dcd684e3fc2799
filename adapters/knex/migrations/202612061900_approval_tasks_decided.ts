// 已办: the tasks a person decided, newest first. Without an index this list reads every task of the firm;
// with it, one person's decided tasks in the order the page shows them.
import type { Knex } from 'knex';

export const name = '202612061900_approval_tasks_decided';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    'create index approval_tasks_decided on approval_tasks (tenant_id, actual_approver_id, decided_at desc, id desc) where decided_at is not null and not automatic',
  );
}
