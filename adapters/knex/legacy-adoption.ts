// A database made before yunzhou had its own schema keeps everything in `public`, with its history in
// knex_migrations and knex_migrations_<plugin>. On start, in one transaction, each set's objects move into
// the schema (ALTER … SET SCHEMA: a catalog change, no row is copied or lost; indexes, constraints, owned
// sequences and triggers go with their tables) and its history rows move into <schema>.migrations[_<plugin>].
// History rows that are not ours (a host's, sharing knex_migrations) stay where they are.
import type { Knex } from 'knex';
import { legacyHistoryTable, legacyObjects } from './legacy-layout.js';
import type { MigrationSet } from './migrator.js';
import { historyTable } from './schema.js';

const ADOPTION_LOCK = 2026120615;

async function exists(knex: Knex, qualified: string): Promise<boolean> {
  const { rows } = (await knex.raw('select to_regclass(?) is not null as found', [qualified])) as { rows: { found: boolean }[] };
  return rows[0]!.found;
}

async function functionExists(knex: Knex, signature: string): Promise<boolean> {
  const { rows } = (await knex.raw('select to_regprocedure(?) is not null as found', [signature])) as { rows: { found: boolean }[] };
  return rows[0]!.found;
}

/** The set's migrations recorded in its pre-schema history table in public (none when there is none). */
export async function legacyHistory(knex: Knex, set: MigrationSet): Promise<string[]> {
  const legacy = legacyHistoryTable(set.owner);
  if (!(await exists(knex, `public.${legacy}`))) return [];
  return (await knex.withSchema('public').from(legacy).whereIn('name', set.migrations.map((m) => m.name)).pluck('name')) as string[];
}

async function adoptSet(trx: Knex, set: MigrationSet, schema: string): Promise<void> {
  const legacy = legacyHistoryTable(set.owner);
  const history = historyTable(set.owner);
  if (!(await exists(trx, `public.${legacy}`)) || (await exists(trx, `${schema}.${history}`))) return;
  const names = set.migrations.map((m) => m.name);
  const rows = (await trx.withSchema('public').from(legacy).whereIn('name', names).orderBy('id').select('name', 'batch', 'migration_time')) as Record<string, unknown>[];
  if (rows.length === 0) return; // a host's own history table of that name

  const objects = legacyObjects(set.owner);
  for (const table of objects.tables) {
    if ((await exists(trx, `public.${table}`)) && !(await exists(trx, `${schema}.${table}`))) await trx.raw(`alter table public."${table}" set schema "${schema}"`);
  }
  for (const view of objects.views) {
    if ((await exists(trx, `public.${view}`)) && !(await exists(trx, `${schema}.${view}`))) await trx.raw(`alter view public."${view}" set schema "${schema}"`);
  }
  for (const fn of objects.functions) {
    if ((await functionExists(trx, `public.${fn}`)) && !(await functionExists(trx, `${schema}.${fn}`))) await trx.raw(`alter function public.${fn} set schema "${schema}"`);
  }

  // The layout Knex gives a history table, so knex.migrate reads it as its own.
  await trx.schema.withSchema(schema).createTable(history, (t) => {
    t.increments();
    t.string('name');
    t.integer('batch');
    t.timestamp('migration_time');
  });
  await trx.withSchema(schema).into(history).insert(rows);
  await trx.withSchema('public').from(legacy).whereIn('name', names).delete();
  const [{ left }] = (await trx.withSchema('public').from(legacy).count({ left: '*' })) as [{ left: string | number }];
  if (Number(left) === 0) {
    await trx.schema.withSchema('public').dropTable(legacy);
    await trx.schema.withSchema('public').dropTableIfExists(`${legacy}_lock`);
  }
}

/** Moves every set found in the pre-schema layout into `schema`; a no-op (one catalog lookup per set) otherwise. */
export async function adoptLegacyLayout(knex: Knex, sets: readonly MigrationSet[], schema: string): Promise<void> {
  if (schema === 'public') return;
  const found: MigrationSet[] = [];
  for (const set of sets) {
    if ((await exists(knex, `public.${legacyHistoryTable(set.owner)}`)) && !(await exists(knex, `${schema}.${historyTable(set.owner)}`))) found.push(set);
  }
  if (found.length === 0) return;
  await knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(?)', [ADOPTION_LOCK]); // two processes starting at once adopt once
    for (const set of found) await adoptSet(trx, set, schema);
  });
}
