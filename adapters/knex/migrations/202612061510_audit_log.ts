// The operation log (PIPL audit): who changed which setting, role, user or approval flow, and every login,
// with the state before and after, written in the transaction of the change. Append-only: a trigger
// refuses UPDATE and DELETE on it and on sensitive_reads, so not even the application can rewrite history.
import type { Knex } from 'knex';

export const name = '202612061510_audit_log';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_log', (t) => {
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants');
    t.uuid('id').notNullable();
    t.bigIncrements('seq', { primaryKey: false }); // keyset order, newest first
    t.timestamp('at', { useTz: true }).notNullable();
    t.uuid('actor_id'); // null: nobody signed in (a failed login names its account as the subject)
    t.text('kind').notNullable(); // role.saved, user.updated, login.failed, settings.changed …
    t.text('subject_type').notNullable();
    t.text('subject_id').notNullable();
    t.jsonb('before');
    t.jsonb('after');
    t.primary(['tenant_id', 'id']);
    t.index(['tenant_id', 'seq']);
    t.index(['tenant_id', 'actor_id', 'seq']);
    t.index(['tenant_id', 'subject_type', 'subject_id', 'seq']);
  });
  await knex.raw(`create function refuse_audit_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit records are append-only: % on % refused', tg_op, tg_table_name using errcode = 'insufficient_privilege';
    end $$`);
  for (const table of ['audit_log', 'sensitive_reads']) {
    await knex.raw(`create trigger ${table}_append_only before update or delete on ${table} for each row execute function refuse_audit_change()`);
    await knex.raw(`create trigger ${table}_no_truncate before truncate on ${table} for each statement execute function refuse_audit_change()`);
  }
}
