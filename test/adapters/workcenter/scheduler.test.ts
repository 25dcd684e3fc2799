// The one scheduler, on a fake clock: once per slot, the last missed slot caught up after downtime (not the
// backlog), retries within a slot, takeover from a runner that vanished, the timer with the after-commit
// wake-up of the relay, and two Crm instances on one PostgreSQL database running a slot's job once.
import test from 'ava';
import { randomUUID } from 'node:crypto';
import { createCrm, type Crm } from '../../../adapters/composition/create-crm.js';
import { KnexSlotStore } from '../../../adapters/scheduler/knex-slot-store.js';
import { Scheduler } from '../../../adapters/scheduler/scheduler.js';
import type { ScheduledJob } from '../../../adapters/composition/plugin-api.js';
import { backends, type Backend } from '../../support/database.js';
import { FakeClock, testCrm } from '../../support/crm.js';
import { aFirm } from '../../support/tenant.js';
import { anEvent, isolatedPostgres, publish, Recorder, type IsolatedDatabase } from './harness.js';

let pg: IsolatedDatabase | null = null;
const shared = new Map<Backend, Promise<Crm>>();
const clock = new FakeClock(new Date('2026-11-27T08:00:00Z'));

test.before(async () => {
  if (process.env.TEST_DATABASE_URL) pg = await isolatedPostgres();
});
test.after.always(async () => {
  for (const c of shared.values()) await (await c).close();
  await pg?.drop();
});

function newCrm(backend: Backend, c = clock): Promise<Crm> {
  if (backend === 'pglite') return testCrm('pglite', { clock: c });
  return createCrm({ database: { url: (pg as IsolatedDatabase).url, poolMax: 4 }, migrate: false, clock: c, config: { secret: 'test-secret', filesDir: '/tmp/yunzhou-test-files' } });
}
function crmOn(backend: Backend): Promise<Crm> {
  let c = shared.get(backend);
  if (!c) shared.set(backend, (c = newCrm(backend)));
  return c;
}

/** A job that counts its runs and remembers their slots; `fail` makes the next runs throw. */
function aCountingJob(everySeconds = 300, exclusive = true): ScheduledJob & { runs: Date[]; fail: number } {
  const job = {
    name: `probe.${randomUUID().slice(0, 8)}`, everySeconds, exclusive, runs: [] as Date[], fail: 0,
    async run(slot: Date): Promise<void> {
      if (job.fail > 0) {
        job.fail--;
        throw new Error('not today');
      }
      job.runs.push(slot);
    },
  };
  return job;
}

function schedulerOn(crm: Crm, runner = randomUUID()): Scheduler {
  return new Scheduler({ clock: crm.clock, store: new KnexSlotStore(crm.database.knex), runnerId: runner });
}

const at = (iso: string): Date => new Date(iso);

for (const backend of backends()) {
  test.serial(`${backend}: a job runs once per slot, for the slot's start`, async (t) => {
    const crm = await crmOn(backend);
    const s = schedulerOn(crm);
    const job = aCountingJob(300);
    s.register(job);
    t.deepEqual((await s.runDue(at('2026-11-27T08:01:00Z'))).map((r) => r.outcome), ['ran']);
    t.deepEqual((await s.runDue(at('2026-11-27T08:04:59Z'))).map((r) => r.outcome), ['done']);
    // Another process (another runner) in the same slot finds it taken.
    const other = schedulerOn(crm);
    other.register(job);
    t.deepEqual((await other.runJob(job.name, at('2026-11-27T08:03:00Z'))).outcome, 'taken');
    t.deepEqual((await s.runDue(at('2026-11-27T08:05:00Z'))).map((r) => r.outcome), ['ran']);
    t.deepEqual(job.runs, [at('2026-11-27T08:00:00Z'), at('2026-11-27T08:05:00Z')]);
  });

  test.serial(`${backend}: after downtime the last missed slot runs once, not every missed one`, async (t) => {
    const crm = await crmOn(backend);
    const job = aCountingJob(300);
    const before = schedulerOn(crm);
    before.register(job);
    await before.runDue(at('2026-11-27T08:00:00Z'));
    // The process stops; a new one starts 10 hours (120 slots) later.
    const after = schedulerOn(crm);
    after.register(job);
    await after.runDue(at('2026-11-27T18:02:00Z'));
    await after.runDue(at('2026-11-27T18:03:00Z'));
    t.deepEqual(job.runs, [at('2026-11-27T08:00:00Z'), at('2026-11-27T18:00:00Z')]);
    const rows = await new KnexSlotStore(crm.database.knex).runsOf(job.name);
    t.deepEqual(rows.map((r) => [r.slot.toISOString(), r.finishedAt !== null]), [['2026-11-27T08:00:00.000Z', true], ['2026-11-27T18:00:00.000Z', true]]);
  });

  test.serial(`${backend}: a failed run is retried in its slot after the delay, at most three runs per slot`, async (t) => {
    const crm = await crmOn(backend);
    const s = schedulerOn(crm);
    const job = aCountingJob(3600);
    job.fail = 5;
    s.register(job);
    const outcomes: string[] = [];
    for (const time of ['09:00:00', '09:00:30', '09:01:00', '09:02:00', '09:03:00', '09:10:00']) {
      outcomes.push(...(await s.runDue(at(`2026-11-27T${time}Z`))).map((r) => r.outcome));
    }
    t.deepEqual(outcomes, ['failed', 'taken', 'failed', 'failed', 'done', 'done']);
    const [row] = await new KnexSlotStore(crm.database.knex).runsOf(job.name);
    t.like(row, { attempts: 3, error: 'Error: not today' });
    t.not(row?.finishedAt, null);
    job.fail = 0;
    t.deepEqual((await s.runDue(at('2026-11-27T10:00:00Z'))).map((r) => r.outcome), ['ran']);
  });

  test.serial(`${backend}: a slot claimed by a runner that vanished is taken over when its lease runs out`, async (t) => {
    const crm = await crmOn(backend);
    const job = { ...aCountingJob(3600), leaseSeconds: 120 };
    const store = new KnexSlotStore(crm.database.knex);
    t.is(await store.claim(job.name, at('2026-11-27T11:00:00Z'), 'vanished', at('2026-11-27T11:00:01Z'), at('2026-11-27T11:02:01Z'), 3), 1);
    const s = schedulerOn(crm);
    s.register(job);
    t.is((await s.runJob(job.name, at('2026-11-27T11:01:00Z'))).outcome, 'taken');
    t.is((await s.runJob(job.name, at('2026-11-27T11:02:30Z'))).outcome, 'ran');
    t.like((await store.runsOf(job.name))[0], { attempts: 2 });
    t.is(job.runs.length, 1);
  });

  test.serial(`${backend}: the Crm's scheduler holds the core jobs; the relay runs in every process`, async (t) => {
    const crm = await crmOn(backend);
    const names = crm.scheduler.list().map((j) => j.name);
    for (const n of ['outbox.relay', 'approvals.timers', 'inquiries.recycle', 'workcenter.follow_up_reminders', 'workcenter.task_rules', 'scheduler.prune']) t.true(names.includes(n), n);
    t.like(crm.scheduler.list().find((j) => j.name === 'outbox.relay'), { exclusive: false, everySeconds: 2 });
  });
}

test.serial('pglite: started, the timer runs due jobs and the relay delivers right after a commit', async (t) => {
  const c = new FakeClock(new Date('2026-11-27T12:00:00Z'));
  const crm = await newCrm('pglite', c);
  try {
    const firm = await aFirm(crm);
    const job = aCountingJob(60);
    crm.scheduler.register(job);
    const rec = new Recorder('wake-probe', ['probe.wake']);
    crm.outboxRelay.subscribe(rec);
    crm.scheduler.start({ tickMs: 20, everySeconds: { 'inquiries.recycle': 0 } });
    await waitFor(() => job.runs.length === 1);
    // The clock does not move, so the relay's 2-second slot never comes round again: only the commit wakes it.
    const subject = randomUUID();
    await new Promise((r) => setTimeout(r, 100));
    await publish(crm, [anEvent(firm.tenantId, subject, 'probe.wake', { n: 1 })]);
    await waitFor(() => rec.sequence(subject).length === 1);
    c.advance(60_000);
    await waitFor(() => job.runs.length === 2);
    await crm.scheduler.stop();
    t.deepEqual(job.runs, [new Date('2026-11-27T12:00:00Z'), new Date('2026-11-27T12:01:00Z')]);
    t.deepEqual(rec.sequence(subject), [1]);
  } finally {
    await crm.close();
  }
});

if (process.env.TEST_DATABASE_URL) {
  test.serial('postgres: two Crm instances running runDue for the same slot at once run the job once', async (t) => {
    const one = await crmOn('postgres');
    const two = await newCrm('postgres');
    try {
      const ran: string[] = [];
      const job = (who: string): ScheduledJob => ({
        name: 'probe.once-per-slot', everySeconds: 600,
        run: async () => {
          ran.push(who);
          await new Promise((r) => setTimeout(r, 50)); // long enough for the other to try meanwhile
        },
      });
      one.scheduler.register(job('one'));
      two.scheduler.register(job('two'));
      for (const time of ['2026-11-28T08:00:00Z', '2026-11-28T08:10:00Z', '2026-11-28T08:20:00Z']) {
        const now = new Date(time);
        const [a, b] = await Promise.all([one.scheduler.runDue(now), two.scheduler.runDue(now)]);
        const outcomes = [a, b].map((runs) => runs.find((r) => r.job === 'probe.once-per-slot')?.outcome).sort();
        t.deepEqual(outcomes, ['ran', 'taken'], time);
      }
      t.is(ran.length, 3);
    } finally {
      await two.close();
    }
  });
}

async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
