// The webhooks sender under load, on PGlite and PostgreSQL: many requests at once across endpoints and
// records, one record's events to one endpoint in order and never two at once, retries with back-off that
// hold up only their own record, and two senders at once delivering each delivery exactly once.
import test from 'ava';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { createCrm, type Crm } from '../../../adapters/composition/create-crm.js';
import { coreMigrations } from '../../../adapters/knex/migrations/index.js';
import type { MigrationSet } from '../../../adapters/knex/migrator.js';
import { RandomIds } from '../../../adapters/system/node-crypto.js';
import type { OutboxEvent } from '../../../core/events/subscriber.js';
import { webhooksMigrations } from '../../../plugins/webhooks/migrations.js';
import { WebhookStore } from '../../../plugins/webhooks/store.js';
import { Webhooks, type WebhooksOptions } from '../../../plugins/webhooks/webhooks.js';
import { backends, testDatabase, type Backend } from '../../support/database.js';
import { FakeClock } from '../../support/crm.js';
import { aFirm, type TestFirm } from '../../support/tenant.js';
import { isolatedPostgres, type IsolatedDatabase } from '../../adapters/workcenter/harness.js';

const SETS: MigrationSet[] = [coreMigrations, { owner: 'webhooks', migrations: webhooksMigrations }];
const T0 = new Date('2026-12-01T08:00:00Z');

interface Hit { readonly endpoint: string; readonly subject: string; readonly n: number; readonly deliveryId: string }

/** A receiver on 127.0.0.1: records each request, can wait before answering and refuse chosen ones. */
class Receiver {
  readonly hits: Hit[] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** Requests in flight for one (endpoint, record) at once, at most (1 when order is kept). */
  maxPerLane = 0;
  delayMs: (h: Hit) => number = () => 0;
  refuse: (h: Hit) => boolean = () => false;
  private readonly lanes = new Map<string, number>();
  private server!: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const hit = { endpoint: req.url ?? '', subject: body.subject.id, n: body.data.n, deliveryId: String(req.headers['x-yunzhou-delivery']) };
        const lane = `${hit.endpoint}|${hit.subject}`;
        this.lanes.set(lane, (this.lanes.get(lane) ?? 0) + 1);
        this.maxPerLane = Math.max(this.maxPerLane, this.lanes.get(lane) ?? 0);
        this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
        this.hits.push(hit);
        setTimeout(() => {
          this.inFlight--;
          this.lanes.set(lane, (this.lanes.get(lane) ?? 1) - 1);
          const refused = this.refuse(hit);
          res.writeHead(refused ? 503 : 200, { 'content-type': 'text/plain' }).end(refused ? 'busy' : 'ok');
        }, this.delayMs(hit));
      });
    });
    await new Promise<void>((ok) => this.server.listen(0, '127.0.0.1', () => ok()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The `n`s one endpoint got for one record, in arrival order. */
  sequence(endpoint: string, subject: string): number[] {
    return this.hits.filter((h) => h.endpoint === endpoint && h.subject === subject).map((h) => h.n);
  }

  close(): Promise<void> {
    return new Promise((ok) => { this.server.close(() => ok()); this.server.closeAllConnections(); });
  }
}

let pg: IsolatedDatabase | null = null;
const crms = new Map<Backend, Promise<Crm>>();
test.before(async () => {
  if (process.env.TEST_DATABASE_URL) pg = await isolatedPostgres(SETS);
});
test.after.always(async () => {
  for (const c of crms.values()) await (await c).close();
  await pg?.drop();
});

/** One database per backend for the file (the sender takes every firm's deliveries, so tests run one by one). */
function crmOn(backend: Backend): Promise<Crm> {
  let c = crms.get(backend);
  if (!c) {
    c = (async () => createCrm({
      database: backend === 'pglite' ? await testDatabase('pglite', SETS) : { url: (pg as IsolatedDatabase).url, poolMax: 10 },
      migrate: false, clock: new FakeClock(T0), config: { secret: 'test-secret', filesDir: '/tmp/yunzhou-test-files' },
    }))();
    crms.set(backend, c);
  }
  return c;
}

const clock = new FakeClock(T0);
function sender(crm: Crm, options: WebhooksOptions = {}): Webhooks {
  const ids = new RandomIds();
  return new Webhooks(new WebhookStore(() => crm.database.knex), () => clock, () => ids, { allowPrivateNetworks: true, ...options });
}

let eventId = 1_000_000 + Math.floor(Math.random() * 1_000_000);
/** Events n = 1…perRecord of each record, written in order per record (as the outbox hands them over), records interleaved. */
async function enqueue(hooks: Webhooks, firm: TestFirm, records: readonly string[], perRecord: number): Promise<void> {
  for (let n = 1; n <= perRecord; n++) {
    for (const subjectId of records) {
      const e: OutboxEvent = { id: eventId++, type: 'probe.step', tenantId: firm.tenantId, subjectType: 'probe', subjectId, actorId: null, data: { n }, createdAt: T0 };
      await hooks.onEvent(e);
    }
  }
}

async function endpoints(hooks: Webhooks, firm: TestFirm, receiver: Receiver, count: number): Promise<string[]> {
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = `/hook-${i}-${randomUUID().slice(0, 8)}`;
    await hooks.create(firm.admin, { url: receiver.url + path, events: ['*'] });
    paths.push(path);
  }
  return paths;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

for (const backend of backends()) {
  test.serial(`${backend}: many at once across endpoints and records; each record's events reach each endpoint in order, one at a time, once`, async (t) => {
    const crm = await crmOn(backend);
    const receiver = await new Receiver().start();
    try {
      const firm = await aFirm(crm);
      const hooks = sender(crm, { concurrency: 16 });
      const paths = await endpoints(hooks, firm, receiver, 2);
      const records = Array.from({ length: 12 }, () => randomUUID());
      await enqueue(hooks, firm, records, 6);
      receiver.delayMs = () => Math.floor(Math.random() * 8);
      const report = await hooks.sendDue(T0);
      t.deepEqual(report, { sent: 2 * 12 * 6, succeeded: 2 * 12 * 6 });
      for (const p of paths) for (const r of records) t.deepEqual(receiver.sequence(p, r), range(6), `${p} ${r}`);
      t.is(new Set(receiver.hits.map((h) => h.deliveryId)).size, receiver.hits.length, 'no delivery sent twice');
      t.is(receiver.maxPerLane, 1, 'one record\'s events to one endpoint never overlap');
      t.true(receiver.maxInFlight > 4, `requests overlapped across records and endpoints (at most ${receiver.maxInFlight} at once)`);
      const states = await crm.database.knex('webhook_deliveries').where({ tenant_id: firm.tenantId }).select('status', 'attempts');
      t.deepEqual([...new Set(states.map((s) => `${s.status}/${s.attempts}`))], ['succeeded/1']);
    } finally {
      await receiver.close();
    }
  });

  test.serial(`${backend}: a slow receiver gets requests for different records at the same time`, async (t) => {
    const crm = await crmOn(backend);
    const receiver = await new Receiver().start();
    try {
      const firm = await aFirm(crm);
      const hooks = sender(crm, { concurrency: 32 });
      await endpoints(hooks, firm, receiver, 1);
      await enqueue(hooks, firm, Array.from({ length: 16 }, () => randomUUID()), 1);
      receiver.delayMs = () => 200;
      const started = performance.now();
      t.like(await hooks.sendDue(T0), { sent: 16, succeeded: 16 });
      const ms = performance.now() - started;
      t.is(receiver.maxInFlight, 16, 'all 16 records were in flight at once');
      t.true(ms < 16 * 200 / 2, `16 requests of 200 ms took ${Math.round(ms)} ms, not one after the other`);
    } finally {
      await receiver.close();
    }
  });

  test.serial(`${backend}: a refused delivery is retried with back-off; only its own record waits for it`, async (t) => {
    const crm = await crmOn(backend);
    const receiver = await new Receiver().start();
    try {
      const firm = await aFirm(crm);
      const hooks = sender(crm, { baseDelayMs: 30_000 });
      const [path] = await endpoints(hooks, firm, receiver, 1);
      const [a, b] = [randomUUID(), randomUUID()];
      await enqueue(hooks, firm, [a, b], 3);
      let refusals = 2;
      receiver.refuse = (h) => h.subject === a && h.n === 2 && refusals-- > 0;

      t.like(await hooks.sendDue(T0), { succeeded: 4 }); // a1, b1–b3; a2 refused
      t.deepEqual(receiver.sequence(path as string, a), [1, 2]);
      t.deepEqual(receiver.sequence(path as string, b), [1, 2, 3]);
      const a2 = await crm.database.knex('webhook_deliveries').where({ tenant_id: firm.tenantId, subject_id: a }).whereRaw(`payload->'data'->>'n' = '2'`).first();
      t.like(a2, { status: 'pending', attempts: 1, last_status_code: 503 });
      t.deepEqual(a2.next_attempt_at, new Date(T0.getTime() + 30_000));

      t.like(await hooks.sendDue(new Date(T0.getTime() + 29_999)), { sent: 0 }); // not yet; a3 waits behind a2
      t.like(await hooks.sendDue(new Date(T0.getTime() + 30_000)), { sent: 1, succeeded: 0 }); // refused again: 60 s more
      t.like(await hooks.sendDue(new Date(T0.getTime() + 89_999)), { sent: 0 });
      t.like(await hooks.sendDue(new Date(T0.getTime() + 90_000)), { sent: 2, succeeded: 2 }); // a2, then a3 in the same run
      t.deepEqual(receiver.sequence(path as string, a), [1, 2, 2, 2, 3]);
    } finally {
      await receiver.close();
    }
  });

  test.serial(`${backend}: two senders at once (two processes) send each delivery exactly once, in order per record`, async (t) => {
    const crm = await crmOn(backend);
    const other = backend === 'postgres'
      ? await createCrm({ database: { url: (pg as IsolatedDatabase).url, poolMax: 10 }, migrate: false, config: { secret: 'test-secret', filesDir: '/tmp/yunzhou-test-files' } })
      : crm; // the embedded database lives in one process: two senders over it
    const receiver = await new Receiver().start();
    try {
      const firm = await aFirm(crm);
      const one = sender(crm, { concurrency: 8 });
      const two = sender(other, { concurrency: 8 });
      const [path] = await endpoints(one, firm, receiver, 1);
      const records = Array.from({ length: 10 }, () => randomUUID());
      await enqueue(one, firm, records, 5);
      receiver.delayMs = () => Math.floor(Math.random() * 5);
      const [r1, r2] = await Promise.all([one.sendDue(T0), two.sendDue(T0)]);
      t.is(r1.sent + r2.sent, 50);
      t.true(r1.sent > 0 && r2.sent > 0, `both took part (${r1.sent} + ${r2.sent})`);
      t.is(receiver.hits.length, 50);
      t.is(new Set(receiver.hits.map((h) => h.deliveryId)).size, 50);
      for (const r of records) t.deepEqual(receiver.sequence(path as string, r), range(5));
    } finally {
      await receiver.close();
      if (other !== crm) await other.close();
    }
  });
}
