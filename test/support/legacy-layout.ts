// A database laid out as before yunzhou had its own schema: every table in public, the history in
// knex_migrations and knex_migrations_<plugin>. Made by running the migrations the way the old migrator did.
import type { Knex } from 'knex';
import type { Migration, MigrationSet } from '../../adapters/knex/migrator.js';
import { legacyHistoryTable } from '../../adapters/knex/legacy-layout.js';

const source = (list: readonly Migration[]): Knex.MigrationSource<Migration> => ({
  getMigrations: () => Promise.resolve([...list]),
  getMigrationName: (m) => m.name,
  getMigration: (m) => Promise.resolve({ up: (k: Knex) => m.up(k), down: () => Promise.resolve() }),
});

/** The first migration written after the move into the schema: an old database never had it or any later one. */
export const FIRST_AFTER_THE_MOVE = '202612062000';

/** Runs the sets' migrations of that time with the old settings; `knex` must resolve names in public (schema: 'public'). */
export async function migrateTheOldWay(knex: Knex, sets: readonly MigrationSet[]): Promise<void> {
  for (const set of sets) {
    const old = set.migrations.filter((m) => m.name < FIRST_AFTER_THE_MOVE);
    await knex.migrate.latest({ migrationSource: source(old), tableName: legacyHistoryTable(set.owner) });
  }
}

/** The columns of each table of a schema, in order. */
export async function tableColumns(knex: Knex, schema: string, tables: readonly string[]): Promise<Record<string, string[]>> {
  const { rows } = (await knex.raw(`select table_name as t, column_name as c from information_schema.columns where table_schema = ? order by table_name, ordinal_position`, [schema])) as { rows: { t: string; c: string }[] };
  const out: Record<string, string[]> = Object.fromEntries(tables.map((t) => [t, [] as string[]]));
  for (const r of rows) out[r.t]?.push(r.c);
  return out;
}

const list = (columns: readonly string[]): string => columns.map((c) => `"${c}"`).join(', ');

/**
 * Row count and a digest of every row over the given columns, per table of a schema: equal before and after
 * means no row lost or changed. Columns are those of before the move: later migrations add their own.
 */
export async function tableDigests(knex: Knex, schema: string, columns: Record<string, readonly string[]>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [table, cols] of Object.entries(columns)) {
    const { rows } = (await knex.raw(`select count(*)::int as n, coalesce(md5(string_agg(r::text, '|' order by r::text)), '') as digest from (select ${list(cols)} from "${schema}"."${table}") r`)) as { rows: { n: number; digest: string }[] };
    out[table] = `${rows[0]!.n}:${rows[0]!.digest}`;
  }
  return out;
}

/**
 * Fills the old layout's tables in public with rows today's code wrote in schema `from` (the demo seeded
 * there), keeping only the columns the old tables have. Triggers and foreign keys are off while copying
 * (the summaries are copied as they are; generated columns compute themselves); sequences then continue after the copied ids. `from` is dropped.
 */
export async function copyIntoOldLayout(knex: Knex, from: string, tables: readonly string[]): Promise<void> {
  const old = await tableColumns(knex, 'public', tables);
  const now = await tableColumns(knex, from, tables);
  const { rows: computed } = (await knex.raw(`select table_name as t, column_name as c from information_schema.columns where table_schema = 'public' and is_generated = 'ALWAYS'`)) as { rows: { t: string; c: string }[] };
  const generated = new Set(computed.map((r) => `${r.t}.${r.c}`));
  await knex.transaction(async (trx) => {
    await trx.raw('set local session_replication_role = replica');
    for (const table of tables) {
      const shared = old[table]!.filter((c) => now[table]!.includes(c) && !generated.has(`${table}.${c}`));
      if (shared.length === 0) continue;
      await trx.raw(`insert into public."${table}" (${list(shared)}) select ${list(shared)} from "${from}"."${table}"`);
    }
  });
  for (const table of tables) {
    for (const column of old[table]!) {
      const { rows } = (await knex.raw(`select pg_get_serial_sequence(?, ?) as s`, [`public."${table}"`, column])) as { rows: { s: string | null }[] };
      const sequence = rows[0]?.s;
      if (sequence) await knex.raw(`select setval(?, coalesce((select max("${column}") from public."${table}"), 0) + 1, false)`, [sequence]);
    }
  }
  await knex.raw(`drop schema "${from}" cascade`);
}
