// Areas as descriptors: a new area is its own folder plus one line. A test area (a service, a route, a job, a
// command, a migration and a facade entry), given to createCrm like a plugin, shows up in the container, the
// typed facade, the HTTP app and its OpenAPI document, the scheduler and the migrations; and create-crm.ts
// lists every core area's descriptor and nothing area-specific besides.
import test from 'ava';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContainerModule } from 'inversify';
import { AREAS, createCrm, migrationSets, type Crm } from '../../../adapters/composition/create-crm.js';
import {
  CommandContribution, defineArea, MigrationContribution, RouteContribution, token, type AreaDescriptor,
} from '../../../adapters/composition/area.js';
import { ScheduledJobContribution } from '../../../adapters/composition/tokens.js';
import type { ScheduledJob } from '../../../adapters/composition/plugin-api.js';
import { contributedCommands } from '../../../adapters/composition/commands.js';
import { migrateLatest } from '../../../adapters/knex/migrator.js';
import type { InquiryService } from '../../../core/inquiries/inquiry.service.js';
import type { Scheduler } from '../../../adapters/scheduler/scheduler.js';
import { testDatabase } from '../../support/database.js';
import { FakeClock } from '../../support/crm.js';
import { aFirm } from '../../support/tenant.js';
import { serve } from '../../support/http.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The test area's one service. */
class Greeter {
  readonly ticks: Date[] = [];
  greet(name: string): string {
    return `你好，${name}`;
  }
}
const GreeterToken = token<Greeter>('test.Greeter');

const greeterArea = defineArea({
  name: 'greeter',
  module: new ContainerModule(({ bind }) => {
    bind<Greeter>(GreeterToken).toConstantValue(new Greeter());
    bind<RouteContribution>(RouteContribution)
      .toResolvedValue((g: Greeter) => ({
        owner: 'greeter', prefix: '/api/v1/plugins/greeter',
        routes: [{ method: 'get', path: '/hello', summary: 'Greets the caller', tags: ['greeter'], handler: async ({ actor }) => ({ text: g.greet(actor.userId) }) }],
      }), [GreeterToken])
      .inSingletonScope();
    bind<ScheduledJob>(ScheduledJobContribution)
      .toResolvedValue((g: Greeter) => ({ name: 'greeter.tick', everySeconds: 3600, run: async (_slot: Date, now: Date) => { g.ticks.push(now); } }), [GreeterToken])
      .inSingletonScope();
    bind<CommandContribution>(CommandContribution).toDynamicValue((ctx) => ({
      name: 'greet', summary: 'NAME  greets NAME',
      run: async (args, io) => { io.out(ctx.get<Greeter>(GreeterToken).greet(args[0] ?? '')); return 0; },
    }));
    bind<MigrationContribution>(MigrationContribution).toConstantValue({
      owner: 'greeter',
      migrations: [{ name: '202612062000_greetings', up: (knex) => knex.schema.createTable('greeter_greetings', (t) => { t.text('name'); }) }],
    });
  }),
  facade: { greeter: GreeterToken },
});

test('a new area given to createCrm joins the container, the facade, the routes, the jobs, the commands and the migrations', async (t) => {
  const clock = new FakeClock(new Date('2026-11-27T08:30:00Z'));
  const crm = await createCrm({
    database: await testDatabase('pglite'), migrate: false, clock, plugins: [greeterArea],
    config: { secret: 'test-secret', filesDir: `/tmp/yunzhou-test-files-${process.pid}` },
  });
  const api = await serve(crm);
  try {
    // The facade is typed from the descriptor: crm.greeter is a Greeter.
    const greeter: Greeter = crm.greeter;
    t.is(greeter.greet('孙露露'), '你好，孙露露');
    t.is(crm.container.get(GreeterToken), greeter);

    const firm = await aFirm(crm);
    const sales = await firm.person(['sales']);
    const r = await api.call('GET', '/api/v1/plugins/greeter/hello', { token: sales.token });
    t.is(r.status, 200);
    t.deepEqual(r.body, { text: `你好，${sales.actor.userId}` });
    const doc = await api.call('GET', '/api/v1/openapi.json');
    t.truthy(doc.body.paths['/api/v1/plugins/greeter/hello'].get);

    const runs = await crm.scheduler.runDue(clock.now());
    t.true(runs.some((run) => run.job === 'greeter.tick'));
    t.deepEqual(greeter.ticks, [clock.now()]);

    const command = crm.container.getAll<CommandContribution>(CommandContribution).find((c) => c.name === 'greet');
    const out: string[] = [];
    t.is(await command?.run(['大鑫'], { out: (l) => out.push(l), err: (l) => out.push(l) }), 0);
    t.deepEqual(out, ['你好，大鑫']);
    t.true(contributedCommands([greeterArea]).some((c) => c.name === 'greet'), 'help lists it without a database');

    t.deepEqual(migrationSets(crm).map((s) => s.owner), ['core', 'greeter']);
    await migrateLatest(crm.database.knex, migrationSets(crm));
    t.true(await crm.database.knex.schema.hasTable('greeter_greetings'));
  } finally {
    await api.close();
    await crm.close();
  }
});

test('the embedding facade keeps every name it had, each from exactly one area', (t) => {
  const names = AREAS.flatMap((a) => Object.keys(a.facade));
  t.is(new Set(names).size, names.length, 'no name is offered twice');
  t.deepEqual([...names].sort(), [
    'accounts', 'approvalFlows', 'approvalSubjects', 'approvalTimers', 'approvals', 'audit', 'auth', 'briefing', 'closes', 'collectionPlans',
    'collectionReminders', 'collectionSettings', 'documents', 'files', 'followUpReminders', 'followUps', 'inbox', 'inquiries', 'inquiryLifecycle',
    'inquirySettings', 'invoices', 'messages', 'orderContracts', 'orderPlans', 'orderProducts', 'orderProfiles', 'orderSettings', 'orders',
    'organisation', 'outboxAdmin', 'outboxRelay', 'overdueNotices', 'poolRecycler', 'pools', 'products', 'receipts', 'scheduler', 'statusLookup', 'taskRules',
    'taskRuleRunner', 'tasks',
    // 业绩目标 and 资料清单 (issue 16).
    'targets', 'checklists', 'checklistReminders', 'checklistSettings',
    // 提成 and the fee wiring (issue 16).
    'commissionRunning', 'commissionSchemes', 'commissionStatements', 'feeRules',
    // The console's live badges (issue 18).
    'inboxChanges',
  ].sort());
});

test('the facade is typed from the descriptors (checked by the compiler)', (t) => {
  const typed = (crm: Crm): void => {
    const inquiries: InquiryService = crm.inquiries;
    const scheduler: Scheduler = crm.scheduler;
    // @ts-expect-error a facade entry has its service's type, not any
    const wrong: number = crm.inquiries;
    // @ts-expect-error a name no area offers is not on the facade
    void crm.nope;
    void inquiries; void scheduler; void wrong;
  };
  t.is(typeof typed, 'function');
});

test('create-crm.ts lists every core area descriptor, one line each, and no area\'s internals', (t) => {
  const files = readdirSync(join(root, 'adapters/composition/areas')).filter((f) => f.endsWith('.area.ts'));
  t.is(files.length, AREAS.length);
  const text = readFileSync(join(root, 'adapters/composition/create-crm.ts'), 'utf8');
  for (const f of files) t.true(text.includes(`from './areas/${f.replace(/\.ts$/, '.js')}'`), f);
  // Nothing of an area's own: no core imports but the shared ports, no tokens, no repositories.
  const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? '');
  t.deepEqual(imports.filter((i) => i.startsWith('../../core/') && i !== '../../core/shared/ports.js'), []);
  t.deepEqual(imports.filter((i) => /tokens|repositories|\.module/.test(i)), []);
  t.true(text.split('\n').length <= 140, 'create-crm.ts reads in one screen or two');
  const names = AREAS.map((a: AreaDescriptor) => a.name);
  t.is(new Set(names).size, names.length);
});
