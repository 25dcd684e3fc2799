// PostgreSQL going away under load: requests caught in the outage get 503 database.unavailable with
// Retry-After (never 500), the outage is logged once (not once per request), and the server recovers by
// itself. The restart runs on a throwaway cluster of the test's own (test/support/private-postgres.ts), so
// the shared server stays untouched; terminating the app's sessions runs on a dedicated database.
import test from 'ava';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createCrm, type Crm } from '../../adapters/composition/create-crm.js';
import { openDatabase } from '../../adapters/knex/database.js';
import { ThrottledLog } from '../../http/throttled-log.js';
import { isolatedPostgres } from '../adapters/workcenter/harness.js';
import { privatePostgres } from '../support/private-postgres.js';
import { serve, type TestServer } from '../support/http.js';
import { aFirm } from '../support/tenant.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A pino logger whose lines the test can read. */
function capturedLogger(): { logger: pino.Logger; lines: () => Record<string, any>[] } {
  const out: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { out.push(String(chunk)); done(); } });
  return { logger: pino({ level: 'info' }, stream), lines: () => out.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l)) };
}

interface Answer { readonly status: number; readonly retryAfter: string | null; readonly code: unknown; readonly detail: unknown }

/** `workers` clients asking the inquiries list one request after another until stopped. */
function load(api: TestServer, token: string, workers: number): { answers: Answer[]; stop: () => Promise<void> } {
  const answers: Answer[] = [];
  let running = true;
  const one = async (): Promise<void> => {
    while (running) {
      const r = await api.call('GET', '/api/v1/inquiries?limit=5', { token, headers: { 'accept-language': answers.length % 2 ? 'en' : 'zh-CN' } });
      answers.push({ status: r.status, retryAfter: r.headers.get('retry-after'), code: r.body?.code, detail: r.body?.detail });
      if (r.status !== 200) await sleep(20);
    }
  };
  const all = Promise.all(Array.from({ length: workers }, one));
  return { answers, stop: async () => { running = false; await all; } };
}

function checkOutageAnswers(t: import('ava').ExecutionContext, answers: readonly Answer[]): void {
  const other = answers.filter((a) => a.status !== 200 && a.status !== 503);
  t.deepEqual(other, [], 'only 200 or 503, never 500');
  for (const a of answers.filter((x) => x.status === 503)) {
    t.is(a.code, 'database.unavailable');
    t.is(a.retryAfter, '5');
    t.regex(String(a.detail), /数据库暂时无法连接|The database cannot be reached right now/);
  }
}

test('a throttled log line: the first at once, then at most one a minute, telling how many were left out', (t) => {
  let now = 0;
  const log = new ThrottledLog(60_000, () => now);
  t.is(log.take(), 0);
  now = 1_000;
  t.is(log.take(), null);
  now = 59_999;
  t.is(log.take(), null);
  now = 60_000;
  t.is(log.take(), 2);
  t.is(log.take(), null);
});

test.serial('PostgreSQL restarted under load: 200 or 503 with Retry-After, never 500; logged once; requests succeed again after', async (t) => {
  t.timeout(180_000);
  const pg = await privatePostgres();
  let crm: Crm | null = null;
  let api: TestServer | null = null;
  try {
    crm = await createCrm({ database: { url: pg.url, poolMax: 4 }, migrate: true, config: { secret: 'test-secret', filesDir: '/tmp/yunzhou-test-files' } });
    const firm = await aFirm(crm);
    const { logger, lines } = capturedLogger();
    api = await serve(crm, { logger });
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => { warnings.push(args[0]); };
    const traffic = load(api, firm.adminToken, 4);
    await sleep(500);
    await pg.stop(); // sessions are cut (57P01), then connections are refused while it is down
    await sleep(1_500);
    await pg.start();
    // It recovers by itself: within 15 s the list answers again, and keeps answering.
    const restartedAt = traffic.answers.length;
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && !traffic.answers.slice(restartedAt).some((a) => a.status === 200)) await sleep(100);
    const recoveredAt = traffic.answers.length;
    await sleep(1_000);
    await traffic.stop();
    console.warn = warn;

    const answers = traffic.answers;
    const unavailable = answers.filter((a) => a.status === 503).length;
    t.log(`${answers.length} requests, ${unavailable} answered 503 during the restart`);
    const logged = lines();
    for (const l of logged.filter((x) => x.msg === 'unhandled error')) t.log(JSON.stringify(l.err).slice(0, 600));
    checkOutageAnswers(t, answers);
    t.true(unavailable > 0, 'requests were caught in the outage');
    t.true(answers.slice(0, 5).every((a) => a.status === 200), 'it answered before');
    const after = answers.slice(recoveredAt + 4); // the workers' requests in flight at recovery aside
    t.true(after.length > 5);
    t.deepEqual(after.filter((a) => a.status !== 200), [], 'it answers again after the restart');

    t.deepEqual(logged.filter((l) => l.msg === 'unhandled error'), []);
    t.is(logged.filter((l) => l.msg === 'database unavailable: answering 503').length, 1, 'the outage is logged once');
    t.deepEqual(warnings, [], 'knex prints nothing per broken connection');
  } finally {
    await api?.close();
    await crm?.close().catch(() => undefined);
    pg.close();
  }
});

if (process.env.TEST_DATABASE_URL) {
  test.serial('postgres: the app\'s sessions terminated (pg_terminate_backend) under load: 200 or 503, never 500', async (t) => {
    const db = await isolatedPostgres();
    const crm = await createCrm({ database: { url: db.url, poolMax: 4 }, migrate: false, config: { secret: 'test-secret', filesDir: '/tmp/yunzhou-test-files' } });
    const admin = await openDatabase({ url: process.env.TEST_DATABASE_URL as string, poolMax: 1 });
    const { logger, lines } = capturedLogger();
    const api = await serve(crm, { logger });
    try {
      const firm = await aFirm(crm);
      const name = new URL(db.url).pathname.slice(1);
      const traffic = load(api, firm.adminToken, 4);
      let terminated = 0;
      for (let i = 0; i < 15; i++) {
        await sleep(100);
        const r = await admin.knex.raw('select count(pg_terminate_backend(pid)) as n from pg_stat_activity where datname = ? and pid <> pg_backend_pid()', [name]);
        terminated += Number(r.rows[0].n);
      }
      await sleep(500);
      const before = traffic.answers.length;
      await sleep(1_000);
      await traffic.stop();
      t.log(`${traffic.answers.length} requests, ${terminated} sessions terminated, ${traffic.answers.filter((a) => a.status === 503).length} answered 503`);
      t.true(terminated > 0);
      for (const l of lines().filter((x) => x.msg === 'unhandled error')) t.log(JSON.stringify(l.err).slice(0, 600));
      checkOutageAnswers(t, traffic.answers);
      t.deepEqual(traffic.answers.slice(before + 4).filter((a) => a.status !== 200), [], 'it answers again afterwards');
    } finally {
      await api.close();
      await crm.close();
      await admin.close();
      await db.drop();
    }
  });
}
