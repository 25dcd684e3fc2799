// `node dist/bench/flow-queries.js`: what one person's 13-step flow (bench/flow-steps.ts) asks of the database,
// request by request: statements per request and their time, served in-process from one Crm on a fresh
// PostgreSQL database, one flow after another (no concurrency). Counts do not depend on how busy the
// machine is, so this is where N+1 queries and missing indexes show first; bench/flow.ts measures the load.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCrm } from '../adapters/composition/create-crm.js';
import { createHttpApp } from '../http/app.js';
import { createLogger } from '../http/logger.js';
import { DEMO_SELLER } from '../adapters/demo/invoices.seed.js';
import { DEMO_PRODUCTS } from '../core/products/demo-products.js';
import { makeResidentId, makeUscc } from '../core/identity/index.js';
import { freshDatabase, fmt } from './support.js';
import { prepare } from './flow.js';
import { runFlow, signIn, type FlowPeople } from './flow-steps.js';

const FLOWS = Number(process.env.FLOWS ?? 3);
const SLOW_MS = Number(process.env.SLOW_MS ?? 5);
/** SHOW='POST /receipts': that request's statements in the last flow, in order. */
const SHOW = process.env.SHOW;

async function main(): Promise<void> {
  const url = await freshDatabase('yunzhou_bench_flow_queries');
  const dataDir = mkdtempSync(join(tmpdir(), 'yunzhou-flow-queries-'));
  const { staffMobiles } = await prepare(url, 1, dataDir);
  const crm = await createCrm({ database: { url, poolMax: 4 }, config: { secret: 'bench', filesDir: join(dataDir, 'files') } });
  const server = createServer(createHttpApp(crm, { logger: createLogger('silent'), rateLimits: false }).callback());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const call = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };

  let bucket: { sql: string; ms: number }[] = [];
  const started = new Map<string, { sql: string; at: number }>();
  crm.database.knex.on('query', (q: { __knexQueryUid: string; sql: string }) => started.set(q.__knexQueryUid, { sql: q.sql, at: performance.now() }));
  crm.database.knex.on('query-response', (_r: unknown, q: { __knexQueryUid: string }) => {
    const s = started.get(q.__knexQueryUid);
    started.delete(q.__knexQueryUid);
    if (s && !/outbox_events|scheduled_runs/.test(s.sql)) bucket.push({ sql: s.sql, ms: performance.now() - s.at });
  });
  const byRoute = new Map<string, { n: number; queries: number; dbMs: number; ms: number }>();
  const bySql = new Map<string, { n: number; ms: number; max: number }>();
  let counting = false;
  let shown: string[] = [];
  const tally = {
    record(_group: string, ms: number, request?: string): void {
      const queries = bucket;
      bucket = [];
      if (!counting || !request) return;
      const key = request.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id').replace(/\?.*$/, '');
      const r = byRoute.get(key) ?? { n: 0, queries: 0, dbMs: 0, ms: 0 };
      r.n++; r.queries += queries.length; r.ms += ms;
      for (const q of queries) {
        r.dbMs += q.ms;
        const s = bySql.get(q.sql) ?? { n: 0, ms: 0, max: 0 };
        s.n++; s.ms += q.ms; s.max = Math.max(s.max, q.ms);
        bySql.set(q.sql, s);
      }
      byRoute.set(key, r);
      if (SHOW && key === SHOW) shown = queries.map((q) => `${q.ms.toFixed(1).padStart(6)} ms  ${q.sql.replace(/\s+/g, ' ').slice(0, 220)}`);
    },
  };
  const pw = 'bench12345';
  const people: FlowPeople = {
    manager: await signIn(call, '13800000002', pw), approver: await signIn(call, '13800000003', pw), finance: await signIn(call, '13800000004', pw),
    operations: await signIn(call, '13800000005', pw), admin: await signIn(call, '13800000000', pw),
  };
  for (const name of ['税E贷', '快贷']) await people.operations.call('POST', '/products', DEMO_PRODUCTS.find((p) => p.name === name), 201);
  await people.admin.call('PUT', '/invoice-settings', { version: 0, seller: DEMO_SELLER, payee: '赵财务', reviewer: '赵财务' });
  const person = await signIn(call, staffMobiles[0] as string, pw);
  const run = (n: number): Promise<boolean> => runFlow({
    call, person, people, tally, n, thinkMs: 0, stopped: () => false,
    taxId: makeUscc('91320506MA1WTXK3P'), idNumber: makeResidentId({ region: '320525', birthDate: '1970-09-18', sequence: 488, gender: 'female' }),
  });
  await run(0); // warm: caches, prepared plans
  counting = true;
  for (let i = 1; i <= FLOWS; i++) await run(i);

  console.log(`One flow's requests, mean over ${FLOWS} flows (statements of the relay and scheduler left out):`);
  console.log(`${'request'.padEnd(58)} ${'stmts'.padStart(6)} ${'db ms'.padStart(7)} ${'ms'.padStart(7)}`);
  const routes = [...byRoute.entries()].sort((a, b) => b[1].ms / b[1].n - a[1].ms / a[1].n);
  let total = 0;
  for (const [k, r] of routes) {
    total += r.queries;
    console.log(`${k.slice(0, 58).padEnd(58)} ${fmt(r.queries / r.n, 1).padStart(6)} ${fmt(r.dbMs / r.n, 1).padStart(7)} ${fmt(r.ms / r.n, 1).padStart(7)}`);
  }
  console.log(`statements per flow: ${fmt(total / FLOWS, 0)}`);
  console.log(`\nStatements slower than ${SLOW_MS} ms on average:`);
  for (const [sql, s] of [...bySql.entries()].filter(([, s]) => s.ms / s.n >= SLOW_MS).sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) {
    console.log(`${fmt(s.ms / s.n, 1).padStart(7)} ms mean, max ${fmt(s.max, 1)}, ×${s.n}: ${sql.replace(/\s+/g, ' ').slice(0, 400)}`);
  }
  if (SHOW) console.log(`\n${SHOW}, the last flow's statements:\n${shown.join('\n')}`);
  server.close();
  await crm.close();
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
