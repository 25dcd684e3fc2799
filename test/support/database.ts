// Test databases: the embedded one loaded from a migrated template (migrating takes seconds; loading a dump
// a fraction of that), and PostgreSQL when TEST_DATABASE_URL is set. Tests isolate by creating their own
// tenant, as the product isolates firms, so one database serves a whole test file.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, dumpEmbedded, DEFAULT_SCHEMA, type DatabaseOptions } from '../../adapters/knex/database.js';
import { migrateLatest, type MigrationSet } from '../../adapters/knex/migrator.js';
import { coreMigrations } from '../../adapters/knex/migrations/index.js';

export type Backend = 'pglite' | 'postgres';

/** The backends the adapter suites run on: always PGlite, PostgreSQL when TEST_DATABASE_URL is set (only it with TEST_POSTGRES_ONLY). */
export function backends(): Backend[] {
  if (process.env.TEST_POSTGRES_ONLY && process.env.TEST_DATABASE_URL) return ['postgres']; // CI's second pass, through PgBouncer
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

function templateFile(sets: readonly MigrationSet[]): string {
  // The layout is part of the key: an image from before the schema must never be loaded as one after it.
  const layout = `schema:${DEFAULT_SCHEMA}`;
  const key = createHash('sha256').update([layout, ...sets.flatMap((s) => s.migrations.map((m) => `${s.owner}:${m.name}`))].join('\n')).digest('hex').slice(0, 16);
  return join(tmpdir(), `yunzhou-template-${key}.tar`);
}

/** A migrated embedded database image, built once per set of migrations and shared by all test workers. */
export async function migratedTemplate(sets: readonly MigrationSet[] = [coreMigrations]): Promise<Blob> {
  const file = templateFile(sets);
  if (!existsSync(file)) {
    const db = await openDatabase({ memory: true });
    await migrateLatest(db.knex, sets);
    const blob = await dumpEmbedded(db);
    await db.close();
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    renameSync(tmp, file); // atomic: a concurrent worker sees the whole file or none
  }
  return new Blob([readFileSync(file)]);
}

let pgMigrated: Promise<void> | null = null;

/** Options for a fresh database of the backend, already migrated. */
export async function testDatabase(backend: Backend, sets: readonly MigrationSet[] = [coreMigrations]): Promise<DatabaseOptions> {
  if (backend === 'pglite') return { memory: true, loadDataDir: await migratedTemplate(sets) };
  const url = process.env.TEST_DATABASE_URL as string;
  pgMigrated ??= (async () => {
    const db = await openDatabase({ url, poolMax: 1 });
    try {
      // Workers of one run migrate the shared database one at a time.
      await db.knex.transaction(async (trx) => {
        await trx.raw('select pg_advisory_xact_lock(2026112601)');
        await migrateLatest(trx as never, sets);
      });
    } finally {
      await db.close();
    }
  })();
  await pgMigrated;
  return { url, poolMax: 10 };
}
