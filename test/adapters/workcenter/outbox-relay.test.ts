// The outbox relay: after commit, at least once, in order per record, retries with back-off without holding
// up other records, parking of poison events, leases that bring a crashed relay's events back, and two
// relays on one PostgreSQL database delivering each event exactly once, in order.
import test from 'ava';
import { randomUUID } from 'node:crypto';
import { createCrm, type Crm } from '../../../adapters/composition/create-crm.js';
import { KnexOutboxStore } from '../../../adapters/events/knex-outbox-store.js';
import { OutboxRelay } from '../../../adapters/events/outbox-relay.js';
import { RandomIds } from '../../../adapters/system/node-crypto.js';
import { backends, type Backend } from '../../support/database.js';
import { FakeClock, testCrm } from '../../support/crm.js';
import { aFirm } from '../../support/tenant.js';
import { anEvent, isolatedPostgres, publish, Recorder, type IsolatedDatabase } from './harness.js';

// One database per backend serves the whole file and a relay takes every firm's events, so the tests run one
// by one, each at its own time (a day after the last), clear of what an earlier test leased.
let day = 0;
const nextT0 = (): Date => new Date(Date.UTC(2026, 10, 27, 8) + day++ * 86_400_000);
let pg: IsolatedDatabase | null = null;
const shared = new Map<Backend, Promise<Crm>>();

test.before(async () => {
  if (process.env.TEST_DATABASE_URL) pg = await isolatedPostgres();
});
test.after.always(async () => {
  for (const c of shared.values()) await (await c).close();
  await pg?.drop();
});

function newCrm(backend: Backend): Promise<Crm> {
  const clock = new FakeClock(new Date('2026-11-27T08:00:00Z'));
  if (backend === 'pglite') return testCrm('pglite', { clock });
  return createCrm({ database: { url: (pg as IsolatedDatabase).url, poolMax: 4 }, migrate: false, clock, config: { secret: 'test-secret', filesDir: '/tmp/yunzhou-test-files' } });
}

function crmOn(backend: Backend): Promise<Crm> {
  let c = shared.get(backend);
  if (!c) shared.set(backend, (c = newCrm(backend)));
  return c;
}

function relayOf(crm: Crm, subscribers: Recorder[], policy = {}): OutboxRelay {
  return new OutboxRelay({ store: new KnexOutboxStore(crm.database.knex), clock: crm.clock, ids: new RandomIds(), subscribers, policy });
}

for (const backend of backends()) {
  test.serial(`${backend}: every event is delivered once, in order per record, and marked delivered`, async (t) => {
    const crm = await crmOn(backend);
    const T0 = nextT0();
      const firm = await aFirm(crm);
      const [a, b] = [randomUUID(), randomUUID()];
      await publish(crm, [1, 2, 3].map((n) => anEvent(firm.tenantId, a, 'probe.step', { n })));
      await publish(crm, [1, 2].map((n) => anEvent(firm.tenantId, b, 'probe.step', { n })));
      await publish(crm, [4, 5].map((n) => anEvent(firm.tenantId, a, 'probe.step', { n })));
      const rec = new Recorder('probe');
      const relay = relayOf(crm, [rec], { batchSize: 1, perSubject: 2 }); // small batches: several rounds
      const report = await relay.runOnce(T0);
      t.is(report.delivered >= 7, true);
      t.deepEqual(rec.sequence(a), [1, 2, 3, 4, 5]);
      t.deepEqual(rec.sequence(b), [1, 2]);
      t.is((await relay.runOnce(T0)).delivered, 0);
      t.deepEqual(rec.sequence(a), [1, 2, 3, 4, 5]);
      const rows = await crm.database.knex('outbox_events').where({ tenant_id: firm.tenantId }).whereNull('delivered_at');
      t.is(rows.length, 0);
  });

  test.serial(`${backend}: a failing subscriber makes its event wait with back-off; its record waits, others go on`, async (t) => {
    const crm = await crmOn(backend);
    const T0 = nextT0();
      const firm = await aFirm(crm);
      const [a, b] = [randomUUID(), randomUUID()];
      await publish(crm, [anEvent(firm.tenantId, a, 'probe.step', { n: 1 }), anEvent(firm.tenantId, a, 'probe.step', { n: 2 }), anEvent(firm.tenantId, b, 'probe.step', { n: 1 })]);
      const good = new Recorder('good');
      const flaky = new Recorder('flaky');
      let failures = 2;
      flaky.failing = (e) => e.subjectId === a && e.data.n === 1 && failures-- > 0;
      const relay = relayOf(crm, [good, flaky]);

      t.like(await relay.runOnce(T0), { failed: 1 });
      t.deepEqual(flaky.sequence(a), []);
      t.deepEqual(flaky.sequence(b), [1]); // the other record is not held up
      t.deepEqual(good.sequence(a), [1]); // the subscriber that succeeded …
      const row = await crm.database.knex('outbox_events').where({ tenant_id: firm.tenantId, subject_id: a }).orderBy('id').first();
      t.is(row.attempts, 1);
      t.deepEqual(row.next_attempt_at, new Date(T0.getTime() + 10_000));
      t.regex(row.last_error, /flaky: Error: refused probe.step/);

      t.like(await relay.runOnce(new Date(T0.getTime() + 9_999)), { delivered: 0, failed: 0 }); // not yet
      t.like(await relay.runOnce(new Date(T0.getTime() + 10_000)), { failed: 1 }); // second failure: 20 s more
      t.like(await relay.runOnce(new Date(T0.getTime() + 30_000)), { delivered: 2 });
      t.deepEqual(flaky.sequence(a), [1, 2]);
      t.deepEqual(good.sequence(a), [1, 2]); // … is not called again on the retries
  });

  test.serial(`${backend}: a poison event is parked after the last attempt, shown to the firm's admin, and can be retried`, async (t) => {
    const crm = await crmOn(backend);
    const T0 = nextT0();
      const firm = await aFirm(crm);
      const other = await aFirm(crm);
      const a = randomUUID();
      await publish(crm, [anEvent(firm.tenantId, a, 'probe.poison', { n: 1 }), anEvent(firm.tenantId, a, 'probe.step', { n: 2 })]);
      const rec = new Recorder('probe');
      rec.failing = (e) => e.type === 'probe.poison';
      const relay = relayOf(crm, [rec], { maxAttempts: 2 });
      t.like(await relay.runOnce(T0), { failed: 1, parked: 0 });
      t.like(await relay.runOnce(new Date(T0.getTime() + 60_000)), { parked: 1, delivered: 1 });
      t.deepEqual(rec.sequence(a), [2]); // a parked event no longer holds its record up

      const parked = await crm.outboxAdmin.parked(firm.admin, { limit: 10 });
      t.deepEqual(parked.items.map((e) => [e.type, e.attempts]), [['probe.poison', 2]]);
      t.regex(parked.items[0]?.lastError ?? '', /refused probe.poison/);
      t.deepEqual((await crm.outboxAdmin.parked(other.admin, { limit: 10 })).items, []);
      const id = parked.items[0]?.id as number;
      await t.throwsAsync(() => crm.outboxAdmin.retry(other.admin, id), { message: /outbox_event.not_found/ });

      rec.failing = () => false;
      await crm.outboxAdmin.retry(firm.admin, id);
      t.like(await relay.runOnce(new Date(T0.getTime() + 120_000)), { delivered: 1 });
      t.deepEqual(rec.sequence(a), [2, 1]);
      t.deepEqual((await crm.outboxAdmin.parked(firm.admin, { limit: 10 })).items, []);
  });

  test.serial(`${backend}: events claimed by a relay that crashed come back when its lease runs out`, async (t) => {
    const crm = await crmOn(backend);
    const T0 = nextT0();
      const firm = await aFirm(crm);
      const a = randomUUID();
      await publish(crm, [1, 2].map((n) => anEvent(firm.tenantId, a, 'probe.step', { n })));
      const store = new KnexOutboxStore(crm.database.knex);
      const claimed = await store.claim(T0, 100, 20, 60_000, 'crashed-relay'); // claimed, then the process died
      t.deepEqual(claimed.flat().filter((e) => e.tenantId === firm.tenantId).map((e) => e.data.n), [1, 2]);
      const rec = new Recorder('probe');
      const relay = relayOf(crm, [rec]);
      await relay.runOnce(new Date(T0.getTime() + 59_999));
      t.deepEqual(rec.sequence(a), []);
      await relay.runOnce(new Date(T0.getTime() + 60_000));
      t.deepEqual(rec.sequence(a), [1, 2]);
  });

  test.serial(`${backend}: a subscriber sees only the event types it asked for`, async (t) => {
    const crm = await crmOn(backend);
    const T0 = nextT0();
      const firm = await aFirm(crm);
      const a = randomUUID();
      await publish(crm, [anEvent(firm.tenantId, a, 'probe.wanted', { n: 1 }), anEvent(firm.tenantId, a, 'probe.other', { n: 2 })]);
      const picky = new Recorder('picky', ['probe.wanted']);
      await relayOf(crm, [picky]).runOnce(T0);
      t.deepEqual(picky.sequence(a), [1]);
  });
}

if (process.env.TEST_DATABASE_URL) {
  test.serial('postgres: two relays in two Crm instances deliver each event exactly once, in order per record', async (t) => {
    const one = await crmOn('postgres');
    const two = await newCrm('postgres');
    const T0 = nextT0();
    try {
      const firm = await aFirm(one);
      const subjects = Array.from({ length: 8 }, () => randomUUID());
      for (let n = 1; n <= 15; n++) await publish(one, subjects.map((s) => anEvent(firm.tenantId, s, 'probe.step', { n })));
      // Both see one log of deliveries; each delivery takes a moment, so the two really overlap.
      const log: { subjectId: string; n: unknown; by: string }[] = [];
      const slow = (by: string): Recorder => {
        const r = new Recorder('probe');
        r.handle = async (e) => {
          await new Promise((res) => setTimeout(res, 2));
          if (e.tenantId === firm.tenantId) log.push({ subjectId: e.subjectId, n: e.data.n, by });
        };
        return r;
      };
      const policy = { batchSize: 3, perSubject: 4 };
      await Promise.all([relayOf(one, [slow('one')], policy).runOnce(T0), relayOf(two, [slow('two')], policy).runOnce(T0)]);
      t.is(log.length, 8 * 15);
      for (const s of subjects) t.deepEqual(log.filter((l) => l.subjectId === s).map((l) => l.n), Array.from({ length: 15 }, (_, i) => i + 1));
      t.true(new Set(log.map((l) => l.by)).size === 2, 'both relays took part');
    } finally {
      await two.close();
    }
  });
}
