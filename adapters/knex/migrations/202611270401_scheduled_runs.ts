// One row per job and slot: inserting it is the claim, so a job runs once per slot however many server
// processes share the database. The table is the installation's, not a tenant's: a job runs over all firms.
import type { Knex } from 'knex';

export const name = '202611270401_scheduled_runs';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('scheduled_runs', (t) => {
    t.text('job').notNullable();
    t.timestamp('slot', { useTz: true }).notNullable();
    t.text('runner').notNullable();
    t.integer('attempts').notNullable().defaultTo(1);
    t.timestamp('started_at', { useTz: true }).notNullable();
    t.timestamp('lease_until', { useTz: true }).notNullable();
    t.timestamp('finished_at', { useTz: true });
    t.text('error');
    t.primary(['job', 'slot']);
  });
}
