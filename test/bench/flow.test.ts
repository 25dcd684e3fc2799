// bench/flow.ts in small: 3 staff for a few seconds against `yunzhou serve` with 1 and 2 workers on
// PostgreSQL. The whole 13-step flow goes through without an error, flows complete, and the figures the
// benchmark prints are there (route groups, connections). PostgreSQL only, like the benchmark.
import test from 'ava';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { REQUESTS_PER_FLOW, runFlowBench } from '../../bench/flow.js';

if (process.env.TEST_DATABASE_URL) {
  test('postgres: bench:flow with 3 staff for a few seconds (flows under way then finish) completes flows with 0 errors on 1 and 2 workers', async (t) => {
    t.timeout(300_000);
    const database = `yz_flow_${process.pid}_${randomBytes(3).toString('hex')}`;
    const lines: string[] = [];
    try {
      const results = await runFlowBench({ staff: 3, seconds: 5, workers: [1, 2], thinkMs: 20, drain: true, database, log: (l) => lines.push(l) });
      t.deepEqual(results.map((r) => r.workers), [1, 2]);
      for (const r of results) {
        t.is(r.errors, 0, `${r.workers} worker(s): ${r.errorSamples.join('\n')}`);
        t.true(r.flowsCompleted > 0, `${r.workers} worker(s): ${r.flowsCompleted} flows completed`);
        t.is(r.deadlockRetriesExhausted, 0);
        for (const g of ['查重', 'lists', '办理中心', 'briefing', 'order writes', 'approvals', 'invoices']) t.true((r.groups[g]?.count ?? 0) > 0, `${g} measured`);
        t.true(r.connections.max > 0, 'connections sampled from pg_stat_activity');
        t.is(r.requests, r.flowsCompleted * REQUESTS_PER_FLOW, 'every flow ran to its end (drain), each with the requests the figures assume');
        t.true(r.serverCpuMsPerRequest > 0, 'server CPU measured');
        t.true(r.databaseCpuMsPerRequest > 0 && r.clientCpuMsPerRequest > 0 && r.requestsPerSecond > 0, 'database and client CPU and the rate measured');
        t.true(r.eventLoopDelay.length >= r.workers, 'every worker reported its event loop');
        t.true(r.eventLoopDelay.every((e) => e.p99 > 0 && e.gc.count >= 0 && e.stalls >= 0));
      }
      t.regex(lines.join('\n'), /event loop, process \d+: delay p50 [\d.]+ ms/);
      t.regex(lines.join('\n'), /busy database connections, mean per sample by what they wait on: /);
      t.regex(lines.join('\n'), /completed flows: \d+ \([\d.]+ per minute\)/);
      t.regex(lines.join('\n'), /查重 +\d+ +[\d.]+ +[\d.]+ +[\d.]+/);

      // Not drained: people start over the ramp, and only what ends after it (and before the S seconds end) counts.
      const ramped = await runFlowBench({ staff: 3, seconds: 3, workers: [1], thinkMs: 20, rampSeconds: 1, database, log: () => undefined });
      const r = ramped[0]!;
      t.is(r.errors, 0, r.errorSamples.join('\n'));
      t.is(r.rampSeconds, 1);
      t.true(r.requests > 0 && r.seconds <= 3.5, `${r.requests} requests in ${r.seconds} s measured`);
    } finally {
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${database} with (force)`);
      await admin.end();
    }
  });
}
