// The plugin SDK (yunzhou/plugin), through the example plugin that docs/plugins.md writes from an empty
// folder: its migrations are tracked apart from core's, its routes answer under /api/v1/plugins/example and
// appear in the OpenAPI document, its setting is per firm (GET/PUT /settings, checked against its schema),
// its subscriber runs after commit (once per event however often delivered), its job runs once per slot
// under the plugin's name, and its command is contributed to the CLI.
import test from 'ava';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCrm, type Crm } from '../../adapters/composition/create-crm.js';
import { CommandContribution } from '../../adapters/composition/area.js';
import { examplePlugin } from '../../plugins/example/index.js';
import { testDatabase } from '../support/database.js';
import { FakeClock } from '../support/crm.js';
import { aFirm, aMobile } from '../support/tenant.js';
import { serve, type TestServer } from '../support/http.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const clock = new FakeClock(new Date('2026-11-27T08:30:00Z'));
let crm: Crm;
let api: TestServer;

test.before(async () => {
  // The core template, then the plugin's own migrations on start.
  crm = await createCrm({ database: await testDatabase('pglite'), migrate: true, clock, plugins: [examplePlugin()], config: { secret: 'test-secret', filesDir: '/tmp/yunzhou-test-files' } });
  api = await serve(crm);
});
test.after.always(async () => {
  await api?.close();
  await crm?.close();
});

test('docs/plugins.md shows the example plugin exactly as it is built and tested here', (t) => {
  const doc = readFileSync(join(root, 'docs/plugins.md'), 'utf8');
  const source = readFileSync(join(root, 'plugins/example/index.ts'), 'utf8');
  const block = /<!-- plugins\/example\/index\.ts -->\n```ts\n([\s\S]*?)```/.exec(doc)?.[1];
  t.is(block, source);
});

test.serial('the plugin\'s migrations are tracked in their own table, apart from core\'s', async (t) => {
  const own = await crm.database.knex('knex_migrations_example').orderBy('id').select('name');
  t.deepEqual(own.map((r) => r.name), ['000000000000_example_settings', '202611270001_example_notes']);
  t.deepEqual(await crm.database.knex('knex_migrations').where({ name: '202611270001_example_notes' }), []);
  t.true(await crm.database.knex.schema.hasTable('example_notes'));
  t.true(await crm.database.knex.schema.hasTable('example_settings'));
});

test.serial('its route answers under /api/v1/plugins/example with a bearer token, and is documented', async (t) => {
  const firm = await aFirm(crm);
  const sales = await firm.person(['sales'], { name: '孙露露' });
  const r = await api.call('GET', '/api/v1/plugins/example/hello', { token: sales.token });
  t.is(r.status, 200);
  t.deepEqual(r.body, { text: '你好，孙露露' });
  t.is((await api.call('GET', '/api/v1/plugins/example/hello')).status, 401);
  const doc = await api.call('GET', '/api/v1/openapi.json');
  t.truthy(doc.body.paths['/api/v1/plugins/example/hello']);
  t.truthy(doc.body.paths['/api/v1/plugins/example/settings']);
});

test.serial('its setting is per firm: the defaults until an administrator saves another, checked against its schema', async (t) => {
  const firm = await aFirm(crm);
  const other = await aFirm(crm);
  const sales = await firm.person(['sales'], { name: '孙露露' });
  const base = '/api/v1/plugins/example';
  t.deepEqual((await api.call('GET', `${base}/settings`, { token: sales.token })).body, { greeting: '你好' });
  t.is((await api.call('PUT', `${base}/settings`, { token: sales.token, body: { greeting: '嗨' } })).status, 403, 'org.manage changes them');
  const bad = await api.call('PUT', `${base}/settings`, { token: firm.adminToken, body: { greeting: '' } });
  t.is(bad.status, 400);
  t.is(bad.body.code, 'validation.failed');
  t.is((await api.call('PUT', `${base}/settings`, { token: firm.adminToken, body: { greeting: '您好', colour: 'red' } })).status, 400, 'no unknown fields');
  t.deepEqual((await api.call('GET', `${base}/settings`, { token: sales.token })).body, { greeting: '你好' }, 'a refusal changes nothing');
  const saved = await api.call('PUT', `${base}/settings`, { token: firm.adminToken, body: { greeting: '您好' } });
  t.is(saved.status, 200);
  t.deepEqual(saved.body, { greeting: '您好' });
  t.deepEqual((await api.call('GET', `${base}/hello`, { token: sales.token })).body, { text: '您好，孙露露' });
  t.deepEqual((await api.call('GET', `${base}/hello`, { token: other.adminToken })).body, { text: '你好，管理员' }, 'another firm keeps the default');
});

test.serial('its subscriber hears events after commit, once per event even when delivered twice, per firm', async (t) => {
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

  // Its command lists the same notes.
  const command = crm.container.getAll<CommandContribution>(CommandContribution).find((c) => c.name === 'example-notes');
  if (!command) return t.fail('the plugin contributes its command');
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => { out.push(l); }, err: (l: string) => { err.push(l); } };
  t.is(await command.run([firm.tenantId], io), 0);
  t.deepEqual(out, [`${notes[0].eventId}\t${inquiry.id}\t新咨询 电销`, '1 note(s)']);
  t.is(await command.run([], io), 2);
  t.deepEqual(err, ['Usage: yunzhou example-notes <tenant id>']);
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
