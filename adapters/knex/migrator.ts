// Forward-only migrations from explicit lists (no directory scanning, so the same code runs from TypeScript
// sources, from dist/ and from an installed package). Core and each plugin keep their own history table.
import type { Knex } from 'knex';

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

function tableFor(owner: string): string {
  return owner === 'core' ? 'knex_migrations' : `knex_migrations_${owner.replace(/[^a-z0-9_]/gi, '_')}`;
}

/** Applies what has not run yet, each migration in its own transaction; returns the names applied. */
export async function migrateLatest(knex: Knex, sets: readonly MigrationSet[]): Promise<string[]> {
  const applied: string[] = [];
  for (const set of sets) {
    const [, names] = (await knex.migrate.latest({
      migrationSource: new ListSource(set.migrations),
      tableName: tableFor(set.owner),
      disableTransactions: false,
    })) as [number, string[]];
    applied.push(...names.map((n) => `${set.owner}:${n}`));
  }
  return applied;
}

/** Names not yet applied (for `yunzhou migrate --dry-run` and for refusing to start when auto-migrate is off). */
export async function pendingMigrations(knex: Knex, sets: readonly MigrationSet[]): Promise<string[]> {
  const pending: string[] = [];
  for (const set of sets) {
    const [, list] = (await knex.migrate.list({ migrationSource: new ListSource(set.migrations), tableName: tableFor(set.owner) })) as [unknown[], Migration[]];
    pending.push(...list.map((m) => `${set.owner}:${m.name}`));
  }
  return pending;
}
