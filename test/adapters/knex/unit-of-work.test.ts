// Two transactions that lock the same two rows in opposite orders deadlock on PostgreSQL; the unit of work
// runs the victim again, so both changes land.
import test from 'ava';
import { openDatabase } from '../../../adapters/knex/database.js';
import { KnexUnitOfWork, sql } from '../../../adapters/knex/unit-of-work.js';

const url = process.env.TEST_DATABASE_URL;

if (url) {
  test('a deadlock victim is retried and both transactions commit', async (t) => {
    const db = await openDatabase({ url, poolMax: 4 });
    const uow = new KnexUnitOfWork(db.knex);
    const table = `uow_deadlock_${process.pid}`;
    await db.knex.schema.dropTableIfExists(table);
    await db.knex.schema.createTable(table, (x) => { x.integer('id').primary(); x.integer('n').notNullable(); });
    await db.knex(table).insert([{ id: 1, n: 0 }, { id: 2, n: 0 }]);
    let started = 0;
    let runs = 0;
    const bothHoldOne = new Promise<void>((resolve) => {
      const check = setInterval(() => { if (started >= 2) { clearInterval(check); resolve(); } }, 5);
    });
    const move = (first: number, second: number) => uow.run(async (tx) => {
      runs++;
      await sql(tx)(table).where({ id: first }).increment('n', 1);
      started++;
      await bothHoldOne; // the first attempt of each waits until both hold one row: a certain deadlock
      await sql(tx)(table).where({ id: second }).increment('n', 1);
    });
    try {
      await Promise.all([move(1, 2), move(2, 1)]);
      const rows = await db.knex(table).orderBy('id');
      t.deepEqual(rows.map((r: { n: number }) => r.n), [2, 2]);
      t.true(runs >= 3, `one transaction ran again (runs: ${runs})`);
    } finally {
      await db.knex.schema.dropTableIfExists(table);
      await db.close();
    }
  });
}

test('a non-retryable error is passed on at once, after one run', async (t) => {
    const db = await openDatabase({ memory: true });
    const uow = new KnexUnitOfWork(db.knex);
    let runs = 0;
    await t.throwsAsync(uow.run(async () => { runs++; throw Object.assign(new Error('boom'), { code: '23505' }); }), { message: 'boom' });
    t.is(runs, 1);
    await db.close();
});
