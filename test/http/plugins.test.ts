// The plugin API, through the example plugin (plugins/example, walked through in docs/plugins.md): its
// binding resolves from the container, its route answers under /api/v1/plugins/example and appears in the
// OpenAPI document, its migration is tracked apart from core's, its event handler runs after commit (once
// per event however often delivered), and its job runs once per slot under the plugin's name.
import test from 'ava';
import { createCrm, type Crm } from '../../adapters/composition/create-crm.js';
import { examplePlugin, Greeter } from '../../plugins/example/index.js';
import { testDatabase } from '../support/database.js';
import { FakeClock } from '../support/crm.js';
import { aFirm, aMobile } from '../support/tenant.js';
import { serve, type TestServer } from '../support/http.js';

const clock = new FakeClock(new Date('2026-11-27T08:30:00Z'));
let crm: Crm;
let api: TestServer;

test.before(async () => {
  // The core template, then the plugin's own migration on start.
  crm = await createCrm({ database: await testDatabase('pglite'), migrate: true, clock, plugins: [examplePlugin()], config: { secret: 'test-secret', filesDir: '/tmp/yunzhou-test-files' } });
  api = await serve(crm);
});
test.after.always(async () => {
  await api?.close();
  await crm?.close();
});

test.serial('the plugin\'s migration is tracked in its own table, apart from core\'s, both in yunzhou\'s schema', async (t) => {
  const own = await crm.database.knex.withSchema('yunzhou').from('migrations_example').select('name');
  t.deepEqual(own.map((r) => r.name), ['202611270001_example_notes']);
  t.deepEqual(await crm.database.knex.withSchema('yunzhou').from('migrations').where({ name: '202611270001_example_notes' }), []);
  t.true(await crm.database.knex.schema.withSchema('yunzhou').hasTable('example_notes'));
});

test.serial('its binding resolves from the container and its route answers under /api/v1/plugins/example', async (t) => {
  t.is(crm.container.get<Greeter>(Greeter).greet('孙露露'), '你好，孙露露');
  const firm = await aFirm(crm);
  const sales = await firm.person(['sales'], { name: '孙露露' });
  const r = await api.call('GET', '/api/v1/plugins/example/hello', { token: sales.token });
  t.is(r.status, 200);
  t.deepEqual(r.body, { text: '你好，孙露露' });
  t.is((await api.call('GET', '/api/v1/plugins/example/hello')).status, 401);
  const doc = await api.call('GET', '/api/v1/openapi.json');
  t.truthy(doc.body.paths['/api/v1/plugins/example/hello']);
});

test.serial('its handler hears events after commit, once per event even when delivered twice, per firm', async (t) => {
  const firm = await aFirm(crm);
  const other = await aFirm(crm);
  const inquiry = await crm.inquiries.create(firm.admin, {
    companyName: `盛博科技${Date.now()}有限公司`, mobile: aMobile(), contactName: '郑盛', gender: 'male', level: 'A', source: '电销', propertyType: '按揭房',
    remark: '测试', nextFollowUpAt: new Date(clock.now().getTime() + 86_400_000),
  } as never);
  t.deepEqual((await api.call('GET', '/api/v1/plugins/example/notes', { token: firm.adminToken })).body.items, []); // not before the relay ran
  await crm.outboxRelay.runOnce();
  // Deliver it again, as after a crash between handling and marking.
  await crm.database.knex('outbox_events').where({ tenant_id: firm.tenantId, type: 'inquiry.created' }).update({ delivered_at: null, handled: '[]' });
  await crm.outboxRelay.runOnce();
  const notes = (await api.call('GET', '/api/v1/plugins/example/notes', { token: firm.adminToken })).body.items;
  t.deepEqual(notes.map((n: any) => [n.inquiryId, n.text]), [[inquiry.id, '新咨询 电销']]);
  t.deepEqual((await api.call('GET', '/api/v1/plugins/example/notes', { token: other.adminToken })).body.items, []);
  t.true(crm.outboxRelay.subscriberNames().includes('example:1'));
});

test.serial('its job is registered as example.heartbeat and runs once per slot', async (t) => {
  const job = crm.scheduler.list().find((j) => j.name === 'example.heartbeat');
  t.like(job, { everySeconds: 3600, exclusive: true });
  const runs = async (at: string) => (await crm.scheduler.runDue(new Date(at))).find((r) => r.job === 'example.heartbeat')?.outcome;
  t.is(await runs('2026-11-27T09:10:00Z'), 'ran');
  t.is(await runs('2026-11-27T09:50:00Z'), 'done');
  t.is(await runs('2026-11-27T10:00:00Z'), 'ran');
  const beats = await crm.database.knex('example_heartbeats').orderBy('slot');
  t.deepEqual(beats.map((b) => (b.slot as Date).toISOString()), ['2026-11-27T09:00:00.000Z', '2026-11-27T10:00:00.000Z']);
});
