// Yunzhou's tables live in their own schema (default yunzhou), with their history inside it; a database
// made before that (everything in public, knex_migrations) is moved into it on start without losing a row.
import test from 'ava';
import { createCrm, databaseFromEnv, migrationSets, type Crm } from '../../../adapters/composition/create-crm.js';
import { dumpEmbedded, openDatabase, type DatabaseOptions } from '../../../adapters/knex/database.js';
import { legacyObjects } from '../../../adapters/knex/legacy-layout.js';
import { pendingMigrations } from '../../../adapters/knex/migrator.js';
import { coreMigrations } from '../../../adapters/knex/migrations/index.js';
import { seedDemo } from '../../../adapters/demo/seed-demo.js';
import { builtInPlugins } from '../../../plugins/index.js';
import { examplePlugin } from '../../../plugins/example/index.js';
import type { AreaDescriptor } from '../../../adapters/composition/area.js';
import { backends, type Backend } from '../../support/database.js';
import { emptyPostgres } from '../../support/empty-postgres.js';
import { FIRST_AFTER_THE_MOVE, copyIntoOldLayout, migrateTheOldWay, tableColumns, tableDigests } from '../../support/legacy-layout.js';
import { aMobile } from '../../support/tenant.js';
import type { Knex } from 'knex';

const config = { secret: 'test-secret', filesDir: `/tmp/yunzhou-test-files-${process.pid}` };
const plugins = (): AreaDescriptor[] => [...builtInPlugins(), examplePlugin()];
const OWNERS = ['core', 'webhooks', 'import-export', 'example'];
const ourTables = OWNERS.flatMap((o) => legacyObjects(o).tables);

/** A database of the backend to itself, and how to throw it away. */
async function freshDatabase(backend: Backend, label: string): Promise<{ options: DatabaseOptions; drop(): Promise<void> }> {
  if (backend === 'pglite') return { options: { memory: true }, drop: async () => {} };
  const db = await emptyPostgres(label);
  return { options: { url: db.url, poolMax: 4 }, drop: db.drop };
}

async function relations(knex: Knex, schema: string): Promise<string[]> {
  const { rows } = (await knex.raw(`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relkind in ('r', 'v', 'S') order by 1`, [schema])) as { rows: { relname: string }[] };
  return rows.map((r) => r.relname);
}

async function functions(knex: Knex, schema: string): Promise<string[]> {
  const { rows } = (await knex.raw(`select p.oid::regprocedure::text as f from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = ? order by 1`, [schema])) as { rows: { f: string }[] };
  return rows.map((r) => r.f.replace(/^\w+\./, '')).sort();
}

async function history(knex: Knex, schema: string, table: string): Promise<{ name: string; batch: number }[]> {
  return (await knex.withSchema(schema).from(table).orderBy('id').select('name', 'batch')) as { name: string; batch: number }[];
}

/** Something that writes through triggers, functions and sequences: a firm, a login, an inquiry. */
async function useIt(crm: Crm): Promise<string> {
  const mobile = aMobile();
  const { tenant } = await crm.organisation.createTenant({ name: `模式金服${mobile}`, admin: { name: '管理员', mobile, password: 'schema1234' } });
  const actor = await crm.auth.authenticate((await crm.auth.login({ mobile, password: 'schema1234', tenantId: tenant.id })).token);
  const inquiry = await crm.inquiries.create(actor, {
    companyName: `模式科技${mobile}有限公司`, mobile: aMobile(), contactName: '郑盛', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房',
    remark: '模式', nextFollowUpAt: new Date(crm.clock.now().getTime() + 86_400_000),
  } as never);
  return inquiry.id;
}

for (const backend of backends()) {
  test(`${backend}: every table, view, function and migration history of core and plugins is in the yunzhou schema, none in public`, async (t) => {
    t.timeout(6 * 60_000); // migrating the embedded database from nothing takes a while on a busy machine
    const db = await freshDatabase(backend, 'fresh');
    const crm = await createCrm({ database: db.options, plugins: plugins(), config });
    try {
      const knex = crm.database.knex;
      t.is(crm.database.schema, 'yunzhou');
      t.deepEqual(await relations(knex, 'public'), []);
      t.deepEqual(await functions(knex, 'public'), []);
      const ours = await relations(knex, 'yunzhou');
      for (const name of [...ourTables, ...legacyObjects('core').views, 'migrations', 'migrations_webhooks', 'migrations_import_export', 'migrations_example']) t.true(ours.includes(name), name);
      t.false(ours.some((n) => n.startsWith('knex_migrations')));
      t.deepEqual(await functions(knex, 'yunzhou'), [...legacyObjects('core').functions].sort());
      t.deepEqual((await history(knex, 'yunzhou', 'migrations')).map((r) => r.name), coreMigrations.migrations.map((m) => m.name));
      t.deepEqual((await history(knex, 'yunzhou', 'migrations_example')).map((r) => r.name), ['000000000000_example_settings', '202611270001_example_notes']);
      t.deepEqual(await pendingMigrations(knex, migrationSets(crm), 'yunzhou'), []);
      await useIt(crm);
      t.is(Number((await knex('inquiries').count({ n: '*' }))[0]!.n), 1); // the table read unqualified is ours
    } finally {
      await crm.close();
      await db.drop();
    }
  });

  test(`${backend}: a database made before the schema (tables in public, knex_migrations) is moved into it on start, every row and the history kept`, async (t) => {
    t.timeout(8 * 60_000); // migrates from nothing and seeds the demo
    const db = await freshDatabase(backend, 'legacy');
    // The plugins of that time only (OWNERS): a later plugin's tables were never in public.
    const thenPlugins = (): AreaDescriptor[] => plugins().filter((p) => OWNERS.includes(p.name));
    // The demo's firms, orders, approvals, receipts, invoices … seeded by today's code in a schema of its own,
    // then copied into today's layout of that time, made the old way in public (only the columns it had).
    const source = await createCrm({ database: { ...db.options, schema: 'demo_source' }, plugins: thenPlugins(), config });
    await seedDemo(source, 'demo123456');
    let options: DatabaseOptions = backend === 'pglite' ? { memory: true, loadDataDir: await dumpEmbedded(source.database), schema: 'public' } : { ...db.options, schema: 'public' };
    await source.close();
    const old = await createCrm({ database: options, migrate: false, plugins: thenPlugins(), config });
    await migrateTheOldWay(old.database.knex, migrationSets(old));
    await copyIntoOldLayout(old.database.knex, 'demo_source', ourTables);
    const tenant = (await old.database.knex('tenants').first('id')) as { id: string };
    await old.database.knex('example_notes').insert({ tenant_id: tenant.id, event_id: 1, inquiry_id: '00000000-0000-4000-8000-000000000002', text: '旧笔记', created_at: new Date() });
    // A host that shared knex_migrations with the old yunzhou keeps its own row there.
    const hostRow = { name: '202501010000_host_invoices', batch: 1 };
    await old.database.knex('knex_migrations').insert({ ...hostRow, migration_time: new Date() });
    const columns = await tableColumns(old.database.knex, 'public', ourTables);
    const before = await tableDigests(old.database.knex, 'public', columns);
    const historyBefore = Object.fromEntries(await Promise.all(['knex_migrations', 'knex_migrations_webhooks', 'knex_migrations_import_export', 'knex_migrations_example'].map(async (h) => [h, (await history(old.database.knex, 'public', h)).filter((r) => r.name !== hostRow.name)])));
    if (backend === 'pglite') options = { memory: true, loadDataDir: await dumpEmbedded(old.database) };
    await old.close();
    t.true(Object.values(before).filter((d) => !d.startsWith('0:')).length >= 30, 'the demo fills most tables');

    // Told not to migrate, the new code says what start-up would do: the move, and nothing to run again.
    const peek = await createCrm({ database: backend === 'pglite' ? options : db.options, migrate: false, plugins: plugins(), config });
    try {
      // Per owner: the move, then the migrations written after it (never run on the old database).
      const sets = migrationSets(peek);
      // A plugin that did not exist then (not in OWNERS) has every migration still to run.
      const expected = sets.flatMap((set) => OWNERS.includes(set.owner)
        ? [`${set.owner}:(move from public into schema yunzhou)`, ...set.migrations.filter((m) => m.name >= FIRST_AFTER_THE_MOVE).map((m) => `${set.owner}:${m.name}`)]
        : set.migrations.map((m) => `${set.owner}:${m.name}`));
      t.deepEqual(await pendingMigrations(peek.database.knex, sets, 'yunzhou'), expected);
    } finally {
      await peek.close();
    }

    const crm = await createCrm({ database: backend === 'pglite' ? options : db.options, plugins: plugins(), config });
    try {
      const knex = crm.database.knex;
      t.deepEqual(await tableDigests(knex, 'yunzhou', columns), before);
      t.deepEqual(await relations(knex, 'public'), ['knex_migrations', 'knex_migrations_id_seq', 'knex_migrations_lock', 'knex_migrations_lock_index_seq']);
      t.deepEqual(await history(knex, 'public', 'knex_migrations'), [hostRow]);
      t.deepEqual(await functions(knex, 'public'), []);
      // The old history is kept row for row; what runs after the move follows it.
      const kept = async (table: string): Promise<{ name: string; batch: number }[]> => (await history(knex, 'yunzhou', table)).filter((r) => r.name < FIRST_AFTER_THE_MOVE);
      t.deepEqual(await kept('migrations'), historyBefore.knex_migrations);
      t.deepEqual(await kept('migrations_webhooks'), historyBefore.knex_migrations_webhooks);
      t.deepEqual(await kept('migrations_import_export'), historyBefore.knex_migrations_import_export);
      t.deepEqual(await kept('migrations_example'), historyBefore.knex_migrations_example);
      t.deepEqual(await pendingMigrations(knex, migrationSets(crm), 'yunzhou'), [], 'the later migrations ran too');
      // The demo's people log in as before, and new rows go through the moved triggers and sequences.
      t.truthy((await crm.auth.login({ mobile: '13800000000', password: 'demo123456' })).token);
      const id = await useIt(crm);
      t.is((await knex('inquiries').where({ id }).first('id'))?.id, id);
      if (backend === 'pglite') options = { memory: true, loadDataDir: await dumpEmbedded(crm.database) };
    } finally {
      await crm.close();
    }
    // Starting again finds nothing to move and nothing to migrate.
    let afterFirstStart: { name: string; batch: number }[] = [];
    const again = await createCrm({ database: backend === 'pglite' ? options : db.options, plugins: plugins(), config });
    try {
      afterFirstStart = await history(again.database.knex, 'yunzhou', 'migrations');
      t.deepEqual(afterFirstStart.filter((r) => r.name < FIRST_AFTER_THE_MOVE), historyBefore.knex_migrations);
      t.deepEqual(await pendingMigrations(again.database.knex, migrationSets(again), 'yunzhou'), []);
      t.deepEqual(await history(again.database.knex, 'public', 'knex_migrations'), [hostRow]);
    } finally {
      await again.close();
      await db.drop();
    }
  });
}

test('the schema is an option of the database, and YUNZHOU_DB_SCHEMA from the environment', async (t) => {
  t.timeout(6 * 60_000);
  t.is(databaseFromEnv({ DATABASE_URL: 'postgres://h/db', YUNZHOU_DB_SCHEMA: 'crm_b' }).schema, 'crm_b');
  t.is(databaseFromEnv({ DATABASE_URL: 'postgres://h/db' }).schema, undefined);
  const crm = await createCrm({ database: { memory: true, schema: 'crm_b' }, config });
  try {
    t.is(crm.database.schema, 'crm_b');
    t.true((await relations(crm.database.knex, 'crm_b')).includes('inquiries'));
    t.deepEqual((await history(crm.database.knex, 'crm_b', 'migrations')).length, coreMigrations.migrations.length);
    t.deepEqual(await relations(crm.database.knex, 'yunzhou'), []);
  } finally {
    await crm.close();
  }
});

test('a schema name that is not a plain lower-case identifier is refused before anything is opened', async (t) => {
  for (const schema of ['Yunzhou', 'crm-b', 'a"; drop table x; --', '', '1abc']) {
    await t.throwsAsync(openDatabase({ memory: true, schema }), { message: /must be a lower-case identifier/ }, schema);
  }
});
