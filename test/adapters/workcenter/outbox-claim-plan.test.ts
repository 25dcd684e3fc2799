// The outbox claim stays a short index walk with 50,000 pending events behind 50,000 delivered ones, both
// when the statistics were taken before anything was pending (what made the old NOT EXISTS a nested loop
// over every pending pair, seconds per claim) and after they are fresh. Checked on the plans PostgreSQL
// actually ran (EXPLAIN ANALYZE): no sequential scan, the indexes named, and how many rows the walk visited,
// which is a count, not a time, so a busy machine cannot make it flaky. PostgreSQL only: PGlite never holds
// such a backlog and has the same planner.
import test from 'ava';
import { createCrm } from '../../../adapters/composition/create-crm.js';
import { CLAIM_HEADS_SQL, CLAIM_RUNS_SQL, KnexOutboxStore } from '../../../adapters/events/knex-outbox-store.js';
import { aFirm } from '../../support/tenant.js';
import { isolatedPostgres } from './harness.js';

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Index Name'?: string;
  readonly 'Relation Name'?: string;
  readonly 'Actual Rows': number;
  readonly 'Actual Loops': number;
  readonly 'Rows Removed by Filter'?: number;
  readonly Plans?: PlanNode[];
}

const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

const BATCH = 50;
const PER_SUBJECT = 20;

if (process.env.TEST_DATABASE_URL) {
  test.serial('postgres: with 50,000 pending events the claim walks indexes and visits about one batch of rows', async (t) => {
    t.timeout(300_000);
    const db = await isolatedPostgres();
    const crm = await createCrm({ database: { url: db.url, poolMax: 2 }, migrate: false, config: { secret: 'test-secret', filesDir: '/tmp/yunzhou-test-files' } });
    const knex = crm.database.knex;
    try {
      const firm = await aFirm(crm);
      const insert = (n: number, perSubject: number, delivered: boolean): Promise<unknown> => knex.raw(
        `insert into outbox_events (tenant_id, type, subject_type, subject_id, data, created_at, delivered_at)
         select ?, 'probe.load', 'probe', s.subject, jsonb_build_object('n', k), now(), ${delivered ? 'now()' : 'null'}
           from (select gen_random_uuid() as subject from generate_series(1, ?)) s, generate_series(1, ?) k
          order by s.subject, k`,
        [firm.tenantId, n, perSubject],
      );
      await insert(50_000, 1, true);
      await knex.raw('analyze outbox_events'); // statistics of a table where nothing is pending
      await insert(2_000, 5, false); // records with a queue of five, first in id order
      await insert(40_000, 1, false);

      // EXPLAIN ANALYZE runs the statement (its FOR UPDATE too): inside a transaction rolled back.
      const planOf = async (sql: string, bindings: readonly (Date | number | string)[]): Promise<PlanNode> => {
        const trx = await knex.transaction();
        try {
          const r = await trx.raw(`explain (analyze, format json) ${sql}`, bindings);
          return (r.rows[0]['QUERY PLAN'] as { Plan: PlanNode }[])[0]?.Plan as PlanNode;
        } finally {
          await trx.rollback();
        }
      };
      const now = new Date();
      const heads = await knex.raw(CLAIM_HEADS_SQL, [now, now, BATCH]);
      const keys = JSON.stringify((heads.rows as Record<string, unknown>[]).map((h) => ({ tenant_id: h.tenant_id, subject_type: h.subject_type, subject_id: h.subject_id })));

      for (const statistics of ['taken before anything was pending', 'fresh']) {
        if (statistics === 'fresh') await knex.raw('analyze outbox_events');
        const headPlan = nodes(await planOf(CLAIM_HEADS_SQL, [now, now, BATCH]));
        t.deepEqual(headPlan.filter((n) => n['Node Type'] === 'Seq Scan' || n['Node Type'].includes('Anti')).map((n) => n['Node Type']), [], `heads, statistics ${statistics}: no scan, no anti-join`);
        const walk = headPlan.find((n) => n['Index Name'] === 'outbox_pending');
        t.truthy(walk, `heads, statistics ${statistics}: walks outbox_pending`);
        const visited = (walk?.['Actual Rows'] ?? 0) + (walk?.['Rows Removed by Filter'] ?? 0);
        t.true(visited <= BATCH * 5, `heads, statistics ${statistics}: visited ${visited} of 50,000 pending rows for ${BATCH} heads`);
        const probe = headPlan.find((n) => n['Index Name'] === 'outbox_pending_by_subject');
        t.truthy(probe, `heads, statistics ${statistics}: each row's record probed on outbox_pending_by_subject`);
        t.true((probe?.['Actual Rows'] ?? Infinity) <= 1, 'one row per probe');

        const runPlan = nodes(await planOf(CLAIM_RUNS_SQL, [keys, PER_SUBJECT]));
        t.deepEqual(runPlan.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name']), [], `runs, statistics ${statistics}: no scan`);
        const range = runPlan.find((n) => n['Index Name'] === 'outbox_pending_by_subject');
        t.is(range?.['Actual Loops'], BATCH, `runs, statistics ${statistics}: one index range per record`);
      }

      // And the claim itself: the first records' whole queues, in order, leased.
      const claimed = await new KnexOutboxStore(knex).claim(now, BATCH, PER_SUBJECT, 15_000, 'plan-test');
      t.is(claimed.length, BATCH);
      t.true(claimed.every((run) => run.length === 5 && run.every((e, i) => e.data.n === i + 1)), 'each record of five, all five in order');
      const leased = await knex('outbox_events').where({ tenant_id: firm.tenantId, lease_token: 'plan-test' }).count<{ count: string }[]>('* as count');
      t.is(Number(leased[0]?.count), BATCH * 5);
    } finally {
      await crm.close();
      await db.drop();
    }
  });
}
