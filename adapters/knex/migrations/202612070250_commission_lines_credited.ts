// The running figure (本月提成) of a department head reads only the lines that can move a tier: the owner's and
// the source's. The head's override lines (one per receipt of the team, thousands a month) never enter the
// month-end true-up, and their totals are already in commission_running, so a partial index leaves them out.
import type { Knex } from 'knex';

export const name = '202612070250_commission_lines_credited';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`create index commission_lines_credited on commission_lines (tenant_id, person_id, month, dated_on, id) where role <> 'head'`);
}
