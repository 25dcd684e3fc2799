// The order views are read as named statements on PostgreSQL (planned once per connection): prepared() names
// a query by its label and a hash of its SQL, inside a transaction too, and leaves it unnamed where the
// URL says named_statements=off (PgBouncer before 1.21) and on the embedded database.
import test from 'ava';
import type { Knex } from 'knex';
import { openDatabase, type Database } from '../../../adapters/knex/database.js';
import { prepared } from '../../../adapters/knex/hot-query.js';
import { testCrm } from '../../support/crm.js';
import { testDatabase } from '../../support/database.js';
import { aFirm, aMobile } from '../../support/tenant.js';

/** The named statements of the one pooled connection (poolMax 1: every query runs on it). */
async function namedOnConnection(knex: Knex): Promise<string[]> {
  const { rows } = (await knex.raw(`select name from pg_prepared_statements where name like 'yz_%' order by name`)) as { rows: { name: string }[] };
  return rows.map((r) => r.name);
}

const one = (knex: Knex, n: number): Knex.QueryBuilder => knex.queryBuilder().select(knex.raw(`${n}::int as n`)).first();

async function withDatabase(url: string, run: (db: Database) => Promise<void>): Promise<void> {
  const db = await openDatabase({ url, poolMax: 1 });
  try {
    await run(db);
  } finally {
    await db.close();
  }
}

if (process.env.TEST_DATABASE_URL) {
  const url = process.env.TEST_DATABASE_URL;

  test('on PostgreSQL a query runs as a statement named by its label and its SQL, once per connection, in a transaction too', async (t) => {
    await withDatabase(url, async ({ knex }) => {
      t.deepEqual(await prepared(knex, 'probe', one(knex, 1)), { n: 1 });
      t.deepEqual(await prepared(knex, 'probe', one(knex, 1)), { n: 1 });
      const first = await namedOnConnection(knex);
      t.is(first.length, 1, 'the same query again reuses its statement');
      t.regex(first[0]!, /^yz_probe_[\w-]{12}$/);
      // Other SQL under the same label gets a name of its own, never the first one's plan.
      t.deepEqual(await prepared(knex, 'probe', one(knex, 2)), { n: 2 });
      t.is((await namedOnConnection(knex)).length, 2);
      await knex.transaction(async (trx) => {
        t.deepEqual(await prepared(trx, 'in_trx', one(trx, 3)), { n: 3 });
      });
      t.true((await namedOnConnection(knex)).some((n) => n.startsWith('yz_in_trx_')));
    });
  });

  test('查重 runs as a named statement: planned once per connection, then only executed', async (t) => {
    const crm = await testCrm('postgres', { database: { ...(await testDatabase('postgres')), poolMax: 1 } });
    try {
      const firm = await aFirm(crm);
      const mobile = aMobile();
      t.deepEqual(await crm.inquiries.checkDuplicates(firm.admin, { mobile }), []);
      await crm.inquiries.checkDuplicates(firm.admin, { mobile: aMobile() });
      const names = (await namedOnConnection(crm.database.knex)).filter((n) => n.startsWith('yz_inquiry_duplicates_'));
      t.is(names.length, 1, 'two checks of different mobiles share one statement');
    } finally {
      await crm.close();
    }
  });

  test('with named_statements=off on the URL the same query runs unnamed and answers the same', async (t) => {
    const off = `${url}${url.includes('?') ? '&' : '?'}named_statements=off`;
    await withDatabase(off, async ({ knex }) => {
      t.deepEqual(await prepared(knex, 'probe', one(knex, 1)), { n: 1 });
      t.deepEqual(await namedOnConnection(knex), []);
    });
  });
}

test('on the embedded database the query runs as it is', async (t) => {
  const db = await openDatabase({ memory: true });
  try {
    t.deepEqual(await prepared(db.knex, 'probe', one(db.knex, 4)), { n: 4 });
  } finally {
    await db.close();
  }
});
