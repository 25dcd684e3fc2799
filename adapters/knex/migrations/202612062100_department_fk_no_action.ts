// Citus refuses `on delete set null (department_id)` on a foreign key whose columns include the distribution
// column (tenant_id). The three keys to departments become plain (no action); deleting a department clears
// department_id on its inquiries, orders and tasks itself, in the same transaction, before the delete
// (KnexOrganisationRepository.deleteDepartment), so a person deleting a department sees what they saw before.
import type { Knex } from 'knex';

export const name = '202612062100_department_fk_no_action';

const KEYS = [
  ['inquiries', 'inquiries_department_fk'],
  ['orders', 'orders_department_fk'],
  ['tasks', 'tasks_department_fk'],
] as const;

export async function up(knex: Knex): Promise<void> {
  for (const [table, fk] of KEYS) {
    await knex.raw(`alter table ${table} drop constraint ${fk}`);
    await knex.raw(`alter table ${table} add constraint ${fk} foreign key (tenant_id, department_id) references departments (tenant_id, id)`);
  }
}
