// definePlugin's guarantees beyond the example plugin: the plugin's transaction is the one core's ports
// write in (both commit or neither), its declared services are resolved for it (and only once the
// application is assembled), its facade tokens resolve to what setup provides, and its settings refuse
// what breaks their schema or comes from someone without the permission.
import test from 'ava';
import { randomUUID } from 'node:crypto';
import { definePlugin, token, type PluginServices } from '../../../plugin.js';
import { testCrm } from '../../support/crm.js';
import { aFirm } from '../../support/tenant.js';

interface Counter { count(tenantId: string): Promise<number> }
const CounterToken = token<Counter>('test.Counter');

const notes = definePlugin({
  name: 'sdk-probe',
  uses: ['timeline', 'clock'],
  migrations: [{
    name: '202612060001_probe_rows',
    async up(knex) {
      await knex.schema.createTable('sdk_probe_rows', (t) => {
        t.uuid('tenant_id').notNullable();
        t.uuid('id').primary();
      });
    },
  }],
  settings: { schema: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 10 } } }, defaults: { limit: 3 } },
  facade: { counter: CounterToken },
  setup({ data, services }) {
    const counter: Counter = { count: async (tenantId) => Number((await data.knex('sdk_probe_rows').where({ tenant_id: tenantId }).count({ n: '*' }))[0]?.n ?? 0) };
    return {
      provides: { counter },
      routes: [{
        method: 'post', path: '/rows', tags: ['probe'], summary: 'a row and a 动态 line, or (fail=true) neither',
        schemas: { query: { type: 'object', properties: { fail: { type: 'boolean' } } } },
        handler: async ({ actor, query }) => data.transaction(async (trx, tx) => {
          const id = randomUUID();
          await trx('sdk_probe_rows').insert({ tenant_id: actor.tenantId, id });
          await services.timeline.record(tx, [{ tenantId: actor.tenantId, subjectType: 'probe', subjectId: id, actorId: actor.userId, action: 'probe.made', summary: 'probe' }]);
          if (query.fail) throw new Error('changed my mind');
          return { id, at: services.clock.now() };
        }),
      }],
    };
  },
});

test('the plugin\'s own rows and core\'s timeline commit together, or roll back together', async (t) => {
  const crm = await testCrm('pglite', { plugins: [notes], migrate: true });
  t.teardown(() => crm.close());
  const firm = await aFirm(crm);
  const route = crm.container.getAll<{ owner: string; prefix: string; routes: any[] }>(Symbol.for('yunzhou.RouteContribution')).find((c) => c.owner === 'sdk-probe');
  t.is(route?.prefix, '/api/v1/plugins/sdk-probe');
  const post = route?.routes.find((r) => r.path === '/rows');
  const activities = () => crm.database.knex('activities').where({ tenant_id: firm.tenantId, subject_type: 'probe' }).count({ n: '*' }).first();
  await t.throwsAsync(() => post.handler({ actor: firm.admin, query: { fail: true } }), { message: 'changed my mind' });
  t.is(await crm.container.get<Counter>(CounterToken).count(firm.tenantId), 0);
  t.is(Number((await activities())?.n), 0);
  await post.handler({ actor: firm.admin, query: {} });
  t.is(await crm.container.get<Counter>(CounterToken).count(firm.tenantId), 1, 'the facade token resolves to what setup provides');
  t.is(Number((await activities())?.n), 1);
});

test('its settings: the defaults, then what an administrator saved; refused when they break the schema or the permission is missing', async (t) => {
  const crm = await testCrm('pglite', { plugins: [notes], migrate: true });
  t.teardown(() => crm.close());
  const firm = await aFirm(crm);
  const sales = await firm.person(['sales']);
  const routes = crm.container.getAll<{ owner: string; routes: any[] }>(Symbol.for('yunzhou.RouteContribution')).find((c) => c.owner === 'sdk-probe')?.routes ?? [];
  const get = routes.find((r) => r.method === 'get' && r.path === '/settings');
  const put = routes.find((r) => r.method === 'put' && r.path === '/settings');
  t.deepEqual(await get.handler({ actor: firm.admin }), { limit: 3 });
  await t.throwsAsync(() => put.handler({ actor: sales.actor, body: { limit: 5 } }), { message: /auth\.forbidden/ });
  const bad = await t.throwsAsync(() => put.handler({ actor: firm.admin, body: { limit: 11 } }));
  t.is((bad as any).code, 'validation.failed');
  t.deepEqual((bad as any).fieldErrors.map((e: any) => e.path), ['/limit']);
  t.deepEqual(await get.handler({ actor: firm.admin }), { limit: 3 }, 'a refusal changes nothing');
  t.deepEqual(await put.handler({ actor: firm.admin, body: { limit: 5 } }), { limit: 5 });
  t.deepEqual(await get.handler({ actor: firm.admin }), { limit: 5 });
});

test('a plugin that uses its services during setup itself is told when they are ready', async (t) => {
  const eager = definePlugin({
    name: 'eager',
    uses: ['clock'],
    setup: ({ services }) => {
      services.clock.now();
      return {};
    },
  });
  await t.throwsAsync(() => testCrm('pglite', { plugins: [eager] }), { message: /ready once the application is assembled/ });
});

test('a bad name or default settings that break their own schema are refused when the plugin is defined', (t) => {
  t.throws(() => definePlugin({ name: 'Bad Name', setup: () => ({}) }), { message: /lower-case letters/ });
  const schema = { type: 'object', properties: { limit: { type: 'integer', maximum: 10 } } };
  t.throws(() => definePlugin({ name: 'bad-defaults', settings: { schema, defaults: { limit: 99 } }, setup: () => ({}) }), { message: /default settings break its schema/ });
});

test('every service a plugin may declare is resolved for it, and only those it declared are there', async (t) => {
  const names: (keyof PluginServices)[] = ['clock', 'ids', 'inquiries', 'organisation', 'spreadsheets', 'documentCharset', 'inquiryRecords', 'inquirySettings', 'people', 'timeline', 'events'];
  let seen: Record<string, unknown> = {};
  const all = definePlugin({
    name: 'all-services', uses: names,
    setup: ({ services }) => ({ jobs: [{ name: 'look', everySeconds: 60, run: async () => { seen = { ...services }; } }] }),
  });
  const some = definePlugin({
    name: 'some-services', uses: ['clock'],
    setup: ({ services }) => ({ jobs: [{ name: 'look', everySeconds: 60, run: async () => { t.deepEqual(Object.keys(services), ['clock']); } }] }),
  });
  const crm = await testCrm('pglite', { plugins: [all, some], migrate: true });
  t.teardown(() => crm.close());
  const runs = await crm.scheduler.runDue(new Date('2026-12-06T12:00:30Z'));
  t.deepEqual(runs.filter((r) => r.job.endsWith('.look')).map((r) => [r.job, r.outcome]), [['all-services.look', 'ran'], ['some-services.look', 'ran']]);
  t.deepEqual(Object.keys(seen), names);
  for (const n of names) t.truthy(seen[n], n);
});
