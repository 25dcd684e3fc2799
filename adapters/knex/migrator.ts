// Forward-only migrations from explicit lists (no directory scanning, so the same code runs from TypeScript
// sources, from dist/ and from an installed package). Everything lives in yunzhou's schema: core's history
// in <schema>.migrations, each plugin's in <schema>.migrations_<plugin>, so a host's knex_migrations is
// never read or written. A database from before the schema is brought into it first (adoptLegacyLayout).
import type { Knex } from 'knex';
import { DEFAULT_SCHEMA, historyTable } from './schema.js';
import { adoptLegacyLayout, legacyHistory } from './legacy-adoption.js';

export interface Migration {
  readonly name: string; // <YYYYMMDDHHmm>_<what>
  up(knex: Knex): Promise<void>;
}

export interface MigrationSet {
  readonly owner: string; // 'core' or a plugin's name
  readonly migrations: readonly Migration[];
}

class ListSource implements Knex.MigrationSource<Migration> {
  constructor(private readonly list: readonly Migration[]) {}
  getMigrations(): Promise<Migration[]> {
    return Promise.resolve([...this.list]);
  }
  getMigrationName(m: Migration): string {
    return m.name;
  }
  getMigration(m: Migration): Promise<Knex.Migration> {
    return Promise.resolve({ up: (k: Knex) => m.up(k), down: () => Promise.reject(new Error('migrations are forward-only')) });
  }
}

function config(set: MigrationSet, schema: string): Knex.MigratorConfig {
  return { migrationSource: new ListSource(set.migrations), tableName: historyTable(set.owner), schemaName: schema, disableTransactions: false };
}

/**
 * Creates the schema, adopts a pre-schema database, then applies what has not run yet, each migration in
 * its own transaction; returns the names applied. `knex` must be yunzhou's (its search_path puts `schema` first).
 */
export async function migrateLatest(knex: Knex, sets: readonly MigrationSet[], schema: string = DEFAULT_SCHEMA): Promise<string[]> {
  await knex.raw(`create schema if not exists "${schema}"`);
  await adoptLegacyLayout(knex, sets, schema);
  const applied: string[] = [];
  for (const set of sets) {
    const [, names] = (await knex.migrate.latest(config(set, schema))) as [number, string[]];
    applied.push(...names.map((n) => `${set.owner}:${n}`));
  }
  return applied;
}

/** Names not yet applied (for `yunzhou migrate --dry-run` and for refusing to start when auto-migrate is off). */
export async function pendingMigrations(knex: Knex, sets: readonly MigrationSet[], schema: string = DEFAULT_SCHEMA): Promise<string[]> {
  const pending: string[] = [];
  for (const set of sets) {
    if (!(await knex.schema.withSchema(schema).hasTable(historyTable(set.owner)))) {
      const adopted = new Set(await legacyHistory(knex, set));
      if (adopted.size) pending.push(`${set.owner}:(move from public into schema ${schema})`);
      pending.push(...set.migrations.filter((m) => !adopted.has(m.name)).map((m) => `${set.owner}:${m.name}`));
      continue;
    }
    const [, list] = (await knex.migrate.list(config(set, schema))) as [unknown[], Migration[]];
    pending.push(...list.map((m) => `${set.owner}:${m.name}`));
  }
  return pending;
}
