// The outbox lease: short by default (a killed server's events come back within seconds, not minutes),
// renewed while the relay lives (a slow subscriber never has its events taken from it), and proven with
// kill -9 of a real server process. The cross-process test runs on PostgreSQL only: the embedded database
// (PGlite) lives inside one process and cannot be shared by two.
import test from 'ava';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createCrm, type Crm } from '../../../adapters/composition/create-crm.js';
import { KnexOutboxStore } from '../../../adapters/events/knex-outbox-store.js';
import { OutboxRelay } from '../../../adapters/events/outbox-relay.js';
import { DEFAULT_RELAY_POLICY, heartbeatMs } from '../../../adapters/events/retry-policy.js';
import { RandomIds, SystemClock } from '../../../adapters/system/node-crypto.js';
import { backends, type Backend } from '../../support/database.js';
import { testCrm } from '../../support/crm.js';
import { aFirm } from '../../support/tenant.js';
import { anEvent, isolatedPostgres, publish, Recorder } from './harness.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function relayOn(crm: Crm, subscriber: Recorder, leaseMs: number): OutboxRelay {
  return new OutboxRelay({ store: new KnexOutboxStore(crm.database.knex), clock: new SystemClock(), ids: new RandomIds(), subscribers: [subscriber], policy: { leaseMs } });
}

test('by default a killed relay\'s events come back within 30 s, and a live relay renews its lease well before it ends', (t) => {
  t.true(DEFAULT_RELAY_POLICY.leaseMs <= 30_000, `lease ${DEFAULT_RELAY_POLICY.leaseMs} ms`);
  t.is(DEFAULT_RELAY_POLICY.leaseMs, 15_000);
  t.is(heartbeatMs(DEFAULT_RELAY_POLICY), 5_000);
  t.is(heartbeatMs({ leaseMs: 600 }), 200);
});

test('the lease can be set in the configuration (outboxLeaseSeconds)', async (t) => {
  const crm = await testCrm('pglite', { config: { secret: 'test-secret', filesDir: '/tmp/yunzhou-test-files', outboxLeaseSeconds: 4 } });
  try {
    t.is(crm.config.outboxLeaseSeconds, 4);
    const policy = (crm.outboxRelay as unknown as { policy: { leaseMs: number } }).policy;
    t.is(policy.leaseMs, 4_000);
  } finally {
    await crm.close();
  }
});

async function crmFor(backend: Backend): Promise<{ crm: Crm; done: () => Promise<void> }> {
  if (backend === 'pglite') {
    const crm = await testCrm('pglite');
    return { crm, done: () => crm.close() };
  }
  const db = await isolatedPostgres();
  const crm = await createCrm({ database: { url: db.url, poolMax: 4 }, migrate: false, config: { secret: 'test-secret', filesDir: '/tmp/yunzhou-test-files' } });
  return { crm, done: async () => { await crm.close(); await db.drop(); } };
}

for (const backend of backends()) {
  test.serial(`${backend}: a live relay keeps its events for as long as its subscriber takes (heartbeat), then delivers them in order`, async (t) => {
    const { crm, done } = await crmFor(backend);
    try {
      const firm = await aFirm(crm);
      const a = randomUUID();
      await publish(crm, [1, 2, 3].map((n) => anEvent(firm.tenantId, a, 'probe.step', { n })));
      const slow = new Recorder('probe');
      let release!: () => void;
      const gate = new Promise<void>((r) => { release = r; });
      let entered!: () => void;
      const inside = new Promise<void>((r) => { entered = r; });
      slow.handle = async (e) => {
        entered();
        await gate;
        slow.seen.push(e);
      };
      const leaseMs = 1_500;
      const first = relayOn(crm, slow, leaseMs).runOnce();
      await inside;
      const other = new Recorder('probe');
      const second = relayOn(crm, other, leaseMs);
      for (let i = 0; i < 10; i++) { // over two leases long
        await second.runOnce();
        await sleep(400);
      }
      t.deepEqual(other.sequence(a), [], 'nothing is taken from a relay that lives');
      release();
      t.like(await first, { delivered: 3 });
      t.deepEqual(slow.sequence(a), [1, 2, 3]);
      t.deepEqual(other.sequence(a), []);
    } finally {
      await done();
    }
  });
}

/** Lines a child writes on stdout, and a way to wait for one that matches. */
function lines(child: ChildProcess): (pattern: RegExp, timeoutMs: number) => Promise<string> {
  const seen: string[] = [];
  let buffer = '';
  const waiting: { pattern: RegExp; resolve: (l: string) => void }[] = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const l of parts) {
      seen.push(l);
      for (const w of waiting.filter((x) => x.pattern.test(l))) w.resolve(l);
    }
  });
  return (pattern, timeoutMs) => new Promise((resolve, reject) => {
    const hit = seen.find((l) => pattern.test(l));
    if (hit) return resolve(hit);
    const timer = setTimeout(() => reject(new Error(`no line like ${pattern} within ${timeoutMs} ms`)), timeoutMs);
    waiting.push({ pattern, resolve: (l) => { clearTimeout(timer); resolve(l); } });
  });
}

if (process.env.TEST_DATABASE_URL) {
  test.serial('postgres: the events a server claimed come back within 30 s after kill -9, and another process delivers them in order', async (t) => {
    const db = await isolatedPostgres();
    const crm = await createCrm({ database: { url: db.url, poolMax: 4 }, migrate: false, config: { secret: 'test-secret', filesDir: '/tmp/yunzhou-test-files' } });
    let child: ChildProcess | null = null;
    try {
      const firm = await aFirm(crm);
      const subjects = Array.from({ length: 11 }, () => randomUUID());
      for (let n = 1; n <= 3; n++) await publish(crm, subjects.map((s) => anEvent(firm.tenantId, s, 'probe.stall', { n }))); // 33 events
      const leaseSeconds = 3;
      const script = fileURLToPath(new URL('../../support/processes/stalling-server.js', import.meta.url));
      child = spawn(process.execPath, [script, db.url, String(leaseSeconds)], { stdio: ['ignore', 'pipe', 'inherit'] });
      const line = lines(child);
      await line(/^stalled \d+/, 60_000); // the server's relay claimed the events and is stuck on the first

      // While the server lives, its heartbeat holds the lease: another relay takes nothing for two leases.
      const rec = new Recorder('probe');
      const relay = relayOn(crm, rec, leaseSeconds * 1000);
      const until = Date.now() + 2 * leaseSeconds * 1000;
      while (Date.now() < until) {
        await relay.runOnce();
        await sleep(250);
      }
      t.is(rec.seen.length, 0, 'the live server keeps what it claimed');

      child.kill('SIGKILL');
      await new Promise((r) => child?.once('exit', r));
      const killedAt = Date.now();
      while (rec.seen.length < 33 && Date.now() - killedAt < 30_000) {
        await relay.runOnce();
        await sleep(250);
      }
      const recoveredMs = Date.now() - killedAt;
      t.log(`33 events delivered by another process ${recoveredMs} ms after kill -9 (lease ${leaseSeconds} s)`);
      t.is(rec.seen.length, 33);
      t.true(recoveredMs < 30_000);
      t.true(recoveredMs < leaseSeconds * 1000 + 5_000, 'within one lease (and a few polls)');
      for (const s of subjects) t.deepEqual(rec.sequence(s), [1, 2, 3]);
      t.is(await new KnexOutboxStore(crm.database.knex).pendingCount(firm.tenantId), 0);
    } finally {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await crm.close();
      await db.drop();
    }
  });
}
