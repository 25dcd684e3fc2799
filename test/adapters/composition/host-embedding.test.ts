// Yunzhou beside a host app's own tables: the host's Knex already has users, orders and knex_migrations,
// and its own migrations run before and after ours untouched; ours land in the yunzhou schema. The host's
// connections keep the host's search_path for the host's own queries, even while yunzhou works on the pool.
import test from 'ava';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import { PGlite } from '@electric-sql/pglite';
import { createCrm, type Crm } from '../../../adapters/composition/create-crm.js';
import { coreMigrations } from '../../../adapters/knex/migrations/index.js';
import { builtInPlugins } from '../../../plugins/index.js';
import { backends, type Backend } from '../../support/database.js';
import { emptyPostgres } from '../../support/empty-postgres.js';
import { aMobile } from '../../support/tenant.js';

const config = { secret: 'test-secret', filesDir: `/tmp/yunzhou-test-files-${process.pid}` };

interface HostMigration {
  readonly name: string;
  up(knex: Knex): Promise<void>;
}

/** The host's own schema, in two steps: one before yunzhou arrives, one after. */
const hostShop: HostMigration = {
  name: '202601010000_shop',
  async up(knex) {
    await knex.schema.createTable('users', (t) => {
      t.increments('id');
      t.text('email').notNullable().unique();
    });
    await knex.schema.createTable('orders', (t) => {
      t.increments('id');
      t.integer('user_id').notNullable().references('id').inTable('users');
      t.integer('total_cents').notNullable();
    });
  },
};
const hostOrderNotes: HostMigration = {
  name: '202601020000_order_notes',
  async up(knex) {
    await knex.schema.alterTable('orders', (t) => t.text('note'));
  },
};

/** The host migrates the way a Knex app does: its own list, Knex's default knex_migrations table. */
async function hostMigrate(knex: Knex, list: readonly HostMigration[]): Promise<void> {
  await knex.migrate.latest({
    migrationSource: {
      getMigrations: () => Promise.resolve([...list]),
      getMigrationName: (m: HostMigration) => m.name,
      getMigration: (m: HostMigration) => Promise.resolve({ up: m.up, down: () => Promise.resolve() }),
    },
  });
}

async function hostKnex(backend: Backend): Promise<{ knex: Knex; close(): Promise<void> }> {
  if (backend === 'pglite') {
    const pglite = new PGlite();
    const knex = knexFactory({ client: ClientPgLite as unknown as typeof knexFactory.Client, dialect: 'postgres', connection: () => ({ pglite }) as never });
    return { knex, close: () => knex.destroy() };
  }
  const db = await emptyPostgres('host');
  const knex = knexFactory({ client: 'pg', connection: db.url, pool: { min: 0, max: POOL } });
  return { knex, close: async () => { await knex.destroy(); await db.drop(); } };
}

async function searchPathOf(knex: Knex): Promise<string> {
  return ((await knex.raw('show search_path')) as { rows: { search_path: string }[] }).rows[0]!.search_path;
}

const POOL = 4;

/** Runs `read` on each connection of the host's pool at once (one connection on PGlite). */
async function holdingEveryConnection<T>(knex: Knex, read: (k: Knex) => Promise<T>): Promise<T[]> {
  if ('pglite' in (knex.client as object)) return Array.from({ length: POOL }, () => read(knex)).reduce(async (acc, p) => [...(await acc), await p], Promise.resolve([] as T[]));
  let ready!: () => void;
  const allIn = new Promise<void>((r) => (ready = r));
  let inside = 0;
  return Promise.all(Array.from({ length: POOL }, () => knex.transaction(async (trx) => {
    if (++inside === POOL) ready();
    await allIn;
    return read(trx);
  })));
}

async function firmWithInquiry(crm: Crm): Promise<string> {
  const mobile = aMobile();
  const { tenant } = await crm.organisation.createTenant({ name: `宿主旁金服${mobile}`, admin: { name: '管理员', mobile, password: 'beside1234' } });
  const actor = await crm.auth.authenticate((await crm.auth.login({ mobile, password: 'beside1234', tenantId: tenant.id })).token);
  await crm.inquiries.create(actor, {
    companyName: `宿主旁科技${mobile}有限公司`, mobile: aMobile(), contactName: '郑盛', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房',
    remark: '宿主', nextFollowUpAt: new Date(crm.clock.now().getTime() + 86_400_000),
  } as never);
  return tenant.id;
}

for (const backend of backends()) {
  test(`${backend}: beside a host's own users, orders and knex_migrations, with host migrations before and after ours`, async (t) => {
    t.timeout(6 * 60_000); // yunzhou migrates the host's database from nothing
    const host = await hostKnex(backend);
    try {
      await hostMigrate(host.knex, [hostShop]);
      const [ann] = (await host.knex('users').insert({ email: 'ann@host.example' }).returning('id')) as { id: number }[];
      await host.knex('orders').insert([{ user_id: ann!.id, total_cents: 1999 }, { user_id: ann!.id, total_cents: 500 }]);
      const hostPath = await searchPathOf(host.knex);

      const crm = await createCrm({ database: { knex: host.knex }, plugins: builtInPlugins(), config });
      try {
        t.is(crm.database.kind, backend);
        // Yunzhou's work and the host's queries interleaved on the same pool: each sees its own `users`.
        const [tenantId, ...hostCounts] = await Promise.all([
          firmWithInquiry(crm),
          ...Array.from({ length: 6 }, () => host.knex('users').count({ n: '*' }).then((r) => Number(r[0]!.n))),
        ]);
        t.deepEqual(hostCounts, [1, 1, 1, 1, 1, 1]);
        t.is((await crm.database.knex('users').where({ tenant_id: tenantId }).first('name'))?.name, '管理员');
        // Every connection of the pool (held at once, so each is a different one) has the host's path back.
        t.deepEqual(await holdingEveryConnection(host.knex, searchPathOf), Array.from({ length: POOL }, () => hostPath));
        // Our values keep our types whatever the host's driver settings (int8 as number, date as text).
        const { rows } = (await crm.database.knex.raw(`select 9007199254740991::int8 as n, date '2026-11-26' as d`)) as { rows: { n: unknown; d: unknown }[] };
        t.deepEqual(rows[0], { n: 9007199254740991, d: '2026-11-26' });

        await hostMigrate(host.knex, [hostShop, hostOrderNotes]);
        await host.knex('orders').where({ total_cents: 500 }).update({ note: '加急' });
      } finally {
        await crm.close();
      }

      // The host's tables, rows and history are its own; ours are all in yunzhou.
      t.deepEqual((await host.knex('knex_migrations').orderBy('id').pluck('name')) as string[], [hostShop.name, hostOrderNotes.name]);
      t.deepEqual(await host.knex('users').select('email'), [{ email: 'ann@host.example' }]);
      t.deepEqual(await host.knex('orders').orderBy('id').select('total_cents', 'note'), [{ total_cents: 1999, note: null }, { total_cents: 500, note: '加急' }]);
      const publicTables = (await host.knex('pg_tables').where({ schemaname: 'public' }).orderBy('tablename').pluck('tablename')) as string[];
      t.deepEqual(publicTables, ['knex_migrations', 'knex_migrations_lock', 'orders', 'users']);
      t.deepEqual((await host.knex.withSchema('yunzhou').from('migrations').orderBy('id').pluck('name')) as string[], coreMigrations.migrations.map((m) => m.name));
      t.true(Number((await host.knex.withSchema('yunzhou').from('inquiries').count({ n: '*' }))[0]!.n) === 1);
      t.is(await searchPathOf(host.knex), hostPath); // closing yunzhou left the host's Knex open and as it was
    } finally {
      await host.close();
    }
  });
}
