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

/** Row count and a digest of every row, per table of a schema: equal before and after means no row lost or changed. */
export async function tableDigests(knex: Knex, schema: string, tables: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const { rows } = (await knex.raw(`select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as digest from "${schema}"."${table}" t`)) as { rows: { n: number; digest: string }[] };
    out[table] = `${rows[0]!.n}:${rows[0]!.digest}`;
  }
  return out;
}
