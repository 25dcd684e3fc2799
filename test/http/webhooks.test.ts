// The built-in webhooks plugin through HTTP, delivering to a receiver on 127.0.0.1 only: signed deliveries
// of the events an endpoint asked for, retries with back-off (the receiver fails twice, then answers),
// every attempt recorded, replay, tenant isolation, and a crash between commit and delivery (the event is
// written, the process goes away, a new Crm on the same database delivers it exactly once).
import test from 'ava';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createCrm, type Crm } from '../../adapters/composition/create-crm.js';
import { coreMigrations } from '../../adapters/knex/migrations/index.js';
import type { MigrationSet } from '../../adapters/knex/migrator.js';
import { webhooksPlugin, verifySignature } from '../../plugins/webhooks/index.js';
import { webhooksMigrations } from '../../plugins/webhooks/migrations.js';
import { isPrivateAddress, isPrivateHost } from '../../plugins/webhooks/address-guard.js';
import type { DatabaseOptions } from '../../adapters/knex/database.js';
import { migratedTemplate, testDatabase } from '../support/database.js';
import { FakeClock } from '../support/crm.js';
import { aFirm, aMobile } from '../support/tenant.js';
import { serve, type TestServer } from '../support/http.js';
import { isolatedPostgres } from '../adapters/workcenter/harness.js';

const SETS: MigrationSet[] = [coreMigrations, { owner: 'webhooks', migrations: webhooksMigrations }];
const clock = new FakeClock(new Date('2026-11-27T08:00:00Z'));
const plugin = () => webhooksPlugin({ allowPrivateNetworks: true });
let crm: Crm;
let api: TestServer;

interface Received { headers: IncomingHttpHeaders; body: string }
interface Receiver { url: string; received: Received[]; failNext: number; close(): Promise<void> }

/** A receiver on 127.0.0.1 that records requests and answers 500 while failNext > 0, then 200. */
async function aReceiver(): Promise<Receiver> {
  const r = { received: [] as Received[], failNext: 0 } as Receiver;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      r.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (r.failNext > 0) {
        r.failNext--;
        res.writeHead(500, { 'content-type': 'text/plain' }).end('temporarily broken');
      } else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/yunzhou`;
  r.close = () => new Promise<void>((ok) => { server.close(() => ok()); server.closeAllConnections(); });
  return r;
}

function crmOver(database: DatabaseOptions, c = clock): Promise<Crm> {
  return createCrm({ database, migrate: false, clock: c, plugins: [plugin()], config: { secret: 'test-secret', filesDir: '/tmp/yunzhou-test-files' } });
}

function anInquiryInput(): Record<string, unknown> {
  return {
    companyName: `盛博科技${Math.floor(Math.random() * 1e9)}有限公司`, mobile: aMobile(), contactName: '郑盛', gender: 'male', level: 'A', source: '电销',
    propertyType: '按揭房', remark: '测试', nextFollowUpAt: new Date(clock.now().getTime() + 86_400_000),
  };
}

test.before(async () => {
  crm = await crmOver(await testDatabase('pglite', SETS));
  api = await serve(crm);
});
test.after.always(async () => {
  await api?.close();
  await crm?.close();
});

const H = '/api/v1/plugins/webhooks';

test.serial('an endpoint gets the events it asked for, signed; a failing receiver is retried with back-off until it answers; every attempt is recorded', async (t) => {
  const receiver = await aReceiver();
  try {
    const firm = await aFirm(crm);
    const created = await api.call('POST', `${H}/endpoints`, { token: firm.adminToken, body: { url: receiver.url, events: ['inquiry.created'], description: '客户系统' } });
    t.is(created.status, 201);
    const secret = created.body.secret as string;
    t.regex(secret, /^whsec_/);
    const listed = await api.call('GET', `${H}/endpoints`, { token: firm.adminToken });
    t.deepEqual(listed.body.items.map((e: any) => [e.url, e.secretHint, e.secret]), [[receiver.url, `…${secret.slice(-4)}`, undefined]]);

    const inquiry = await crm.inquiries.create(firm.admin, anInquiryInput() as never);
    await crm.inquiries.update(firm.admin, inquiry.id, { version: inquiry.version, remark: '改了备注' } as never); // inquiry.updated: not asked for
    receiver.failNext = 2;
    const t0 = clock.now().getTime();
    await crm.scheduler.runDue(new Date(t0)); // the relay makes the delivery, the sender job sends it: 500
    await crm.scheduler.runDue(new Date(t0 + 29_000)); // not yet due
    t.is(receiver.received.length, 1);
    await crm.scheduler.runDue(new Date(t0 + 30_000)); // second attempt after 30 s: 500
    await crm.scheduler.runDue(new Date(t0 + 89_000));
    t.is(receiver.received.length, 2);
    await crm.scheduler.runDue(new Date(t0 + 90_000)); // third attempt after 60 s more: 200
    await crm.scheduler.runDue(new Date(t0 + 600_000));
    t.is(receiver.received.length, 3);

    for (const [i, r] of receiver.received.entries()) {
      t.is(r.headers['x-yunzhou-event'], 'inquiry.created');
      const sentAt = new Date(t0 + [0, 30_000, 90_000][i]!);
      t.true(verifySignature(r.headers['x-yunzhou-signature'] as string, secret, r.body, sentAt), `attempt ${i + 1} is signed`);
      t.false(verifySignature(r.headers['x-yunzhou-signature'] as string, 'whsec_wrong', r.body, sentAt));
    }
    const body = JSON.parse(receiver.received[2]?.body ?? '{}');
    t.like(body, { type: 'inquiry.created', tenantId: firm.tenantId, subject: { type: 'inquiry', id: inquiry.id } });
    t.is(new Set(receiver.received.map((r) => r.body)).size, 1, 'the same payload each time');

    const deliveries = await api.call('GET', `${H}/deliveries`, { token: firm.adminToken });
    t.deepEqual(deliveries.body.items.map((d: any) => [d.eventType, d.status, d.attempts]), [['inquiry.created', 'succeeded', 3]]);
    const detail = await api.call('GET', `${H}/deliveries/${deliveries.body.items[0].id}`, { token: firm.adminToken });
    t.deepEqual(detail.body.attemptLog.map((a: any) => [a.attempt, a.statusCode, a.responseExcerpt]), [[1, 500, 'temporarily broken'], [2, 500, 'temporarily broken'], [3, 200, '{"ok":true}']]);
    t.true(detail.body.attemptLog.every((a: any) => Number.isInteger(a.durationMs) && a.durationMs >= 0));

    // Replay: a new delivery of the same event.
    const replay = await api.call('POST', `${H}/deliveries/${deliveries.body.items[0].id}/replay`, { token: firm.adminToken });
    t.is(replay.status, 201);
    t.like(replay.body, { status: 'pending', replayOf: deliveries.body.items[0].id, eventId: body.id });
    await crm.scheduler.runDue(new Date(t0 + 700_000));
    t.is(receiver.received.length, 4);
    t.is(JSON.parse(receiver.received[3]?.body ?? '{}').id, body.id);
    clock.set(new Date(t0 + 3_600_000));
  } finally {
    await receiver.close();
  }
});

test.serial('endpoints and deliveries are the firm\'s administrator\'s: others get 403, another firm 404', async (t) => {
  const receiver = await aReceiver();
  try {
    const firm = await aFirm(crm);
    const other = await aFirm(crm);
    const sales = await firm.person(['sales']);
    const e = (await api.call('POST', `${H}/endpoints`, { token: firm.adminToken, body: { url: receiver.url, events: ['*'] } })).body;
    await crm.inquiries.create(firm.admin, anInquiryInput() as never);
    await crm.scheduler.runDue(clock.now());
    const [d] = (await api.call('GET', `${H}/deliveries`, { token: firm.adminToken })).body.items;
    t.truthy(d);
    t.is((await api.call('GET', `${H}/endpoints`, { token: sales.token })).status, 403);
    for (const path of [`/endpoints/${e.id}`, `/deliveries/${d.id}`]) t.is((await api.call('GET', `${H}${path}`, { token: other.adminToken })).status, 404, path);
    t.is((await api.call('POST', `${H}/deliveries/${d.id}/replay`, { token: other.adminToken })).status, 404);
    t.is((await api.call('DELETE', `${H}/endpoints/${e.id}`, { token: other.adminToken })).status, 404);
    t.deepEqual((await api.call('GET', `${H}/endpoints`, { token: other.adminToken })).body.items, []);
    t.deepEqual((await api.call('GET', `${H}/deliveries`, { token: other.adminToken })).body.items, []);
    const bad = await api.call('POST', `${H}/endpoints`, { token: firm.adminToken, body: { url: 'ftp://example.com/x', events: ['inquiry created'] } });
    t.is(bad.status, 400);
    t.deepEqual(bad.body.errors.map((x: any) => x.path).sort(), ['/events/0', '/url']);
    t.is((await api.call('DELETE', `${H}/endpoints/${e.id}`, { token: firm.adminToken })).status, 204);
    t.deepEqual((await api.call('GET', `${H}/endpoints`, { token: firm.adminToken })).body.items, []);
    clock.advance(3_600_000);
  } finally {
    await receiver.close();
  }
});

test('private and loopback addresses are refused unless allowed', (t) => {
  for (const ip of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fd00::1', '::ffff:10.0.0.1', '0.0.0.0']) t.true(isPrivateAddress(ip), ip);
  for (const ip of ['8.8.8.8', '114.114.114.114', '2400:3200::1']) t.false(isPrivateAddress(ip), ip);
  t.true(isPrivateHost('localhost'));
  t.true(isPrivateHost('[::1]'));
  t.false(isPrivateHost('hooks.example.com')); // names are checked when connecting
});

test.serial('a crash between commit and delivery loses nothing: a new Crm on the same database delivers the event exactly once', async (t) => {
  const receiver = await aReceiver();
  let dir: string | null = null;
  let drop: (() => Promise<void>) | null = null;
  let database: DatabaseOptions;
  if (process.env.TEST_DATABASE_URL) {
    const pg = await isolatedPostgres(SETS);
    drop = pg.drop;
    database = { url: pg.url, poolMax: 4 };
  } else {
    // The embedded database on disk, from the migrated image (as a restarted process would open it).
    dir = mkdtempSync(join(tmpdir(), 'yz-crash-'));
    mkdirSync(join(dir, 'data'));
    const image = new PGlite(join(dir, 'data'), { loadDataDir: await migratedTemplate(SETS) });
    await image.waitReady;
    await image.close();
    database = { dataDir: join(dir, 'data') };
  }
  try {
    const c = new FakeClock(new Date('2026-11-28T08:00:00Z'));
    const before = await crmOver(database, c);
    const firm = await aFirm(before);
    const api1 = await serve(before);
    const created = await api1.call('POST', `${H}/endpoints`, { token: firm.adminToken, body: { url: receiver.url, events: ['inquiry.created'] } });
    await api1.close();
    t.is(created.status, 201);
    await before.inquiries.create(firm.admin, anInquiryInput() as never); // committed; the relay never ran
    await before.close(); // the process goes away

    const after = await crmOver(database, c);
    try {
      await after.scheduler.runDue(c.now());
      c.advance(60_000);
      await after.scheduler.runDue(c.now());
      t.is(receiver.received.length, 1);
      t.true(verifySignature(receiver.received[0]?.headers['x-yunzhou-signature'] as string, created.body.secret, receiver.received[0]?.body ?? '', new Date('2026-11-28T08:00:00Z')));
      t.is(JSON.parse(receiver.received[0]?.body ?? '{}').type, 'inquiry.created');
    } finally {
      await after.close();
    }
  } finally {
    await receiver.close();
    await drop?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
});
