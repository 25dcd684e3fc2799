// Steps 1 and 2 of the flow through HTTP: settings and form lists, 生成, 查重, create, lists, follow-ups,
// the pools, merge; bad input answered with clear errors that change nothing; another firm gets 404.
import test from 'ava';
import { testCrm, FakeClock } from '../support/crm.js';
import { aFirm, aMobile, type TestFirm } from '../support/tenant.js';
import { serve, type TestServer } from '../support/http.js';
import { testDatabase } from '../support/database.js';
import { startServer } from '../../http/server.js';
import { createLogger } from '../../http/logger.js';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { someRecords } from '../adapters/inquiries/fixtures.js';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Firm {
  readonly firm: TestFirm;
  readonly admin: string;
  readonly sun: string;
  readonly zhou: string;
  readonly wang: string;
  readonly ids: { sun: string; zhou: string; dept3: string };
}

let crm: Crm;
let api: TestServer;
let A: Firm;
let B: Firm;
const clock = new FakeClock(new Date('2021-10-15T07:10:24Z')); // the brochure's 15:10:24
const DAY = 86_400_000;

async function aDaxin(): Promise<Firm> {
  const firm = await aFirm(crm);
  const dept3 = await crm.organisation.createDepartment(firm.admin, { name: '三：新媒体运营中心', parentId: firm.rootDepartmentId });
  const [sun, zhou, wang] = await Promise.all([
    firm.person(['sales'], { departmentId: dept3.id, name: '孙露露' }),
    firm.person(['sales'], { departmentId: dept3.id, name: '周销售' }),
    firm.person(['manager'], { departmentId: dept3.id, name: '王经理' }),
  ]);
  return { firm, admin: firm.adminToken, sun: sun.token, zhou: zhou.token, wang: wang.token, ids: { sun: sun.actor.userId, zhou: zhou.actor.userId, dept3: dept3.id } };
}

test.before(async () => {
  crm = await testCrm('pglite', { clock });
  api = await serve(crm);
  [A, B] = await Promise.all([aDaxin(), aDaxin()]);
});
test.after.always(async () => {
  await api?.close();
  await crm?.close();
});

const V = '/api/v1';
const brochure = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  companyName: '盛博科技', mobile: '15213801285', contactName: '郑盛', gender: 'male', level: 'B',
  nextFollowUpAt: '2021-10-18T15:10:24+08:00', source: '电销', propertyType: '按揭房', remark: '测试', ...over,
});

test.serial('steps 1 and 2: 生成, 查重, create 盛博科技, list it, follow it up, read its timeline', async (t) => {
  const lists = await api.call('GET', `${V}/inquiry-settings/form-lists`, { token: A.sun });
  t.is(lists.status, 200);
  t.deepEqual(lists.body.followUpTypes, ['回访跟进', '产品方案', '邀约面谈', '考虑结果']);
  t.true(lists.body.sources.includes('电销') && lists.body.propertyTypes.includes('按揭房'));
  t.true(lists.body.cannedPhrases.includes('税贷、发票贷都能做'));

  const gen = await api.call('GET', `${V}/inquiries/next-follow-up?level=B`, { token: A.sun });
  t.deepEqual(gen.body, { level: 'B', levelLabel: 'B类 潜在价值', from: '2021-10-15T07:10:24.000Z', nextFollowUpAt: '2021-10-18T07:10:24.000Z' });
  const genPost = await api.call('POST', `${V}/inquiries/next-follow-up`, { token: A.sun, body: { level: 'A', from: '2021-10-15T07:10:24Z' } });
  t.is(genPost.body.nextFollowUpAt, '2021-10-16T07:10:24.000Z');

  const none = await api.call('GET', `${V}/inquiries/duplicates?mobile=15213801285&companyName=${encodeURIComponent('盛博科技有限公司')}`, { token: A.sun });
  t.deepEqual(none.body, { items: [] });

  const created = await api.call('POST', `${V}/inquiries`, { token: A.sun, body: brochure({ nextFollowUpAt: gen.body.nextFollowUpAt }) });
  t.is(created.status, 201);
  t.like(created.body, { companyName: '盛博科技', contactName: '郑盛', mobile: '15213801285', levelLabel: 'B类 潜在价值', source: '电销', propertyType: '按揭房', ownerName: '孙露露', departmentName: '三：新媒体运营中心', lifecycle: 'inquiry', version: 1 });

  const list = await api.call('GET', `${V}/inquiries?withTotal=true`, { token: A.sun });
  t.is(list.body.total, 1);
  t.is(list.body.items[0].id, created.body.id);

  const fu = await api.call('POST', `${V}/follow-ups`, {
    token: A.sun,
    body: { inquiryId: created.body.id, type: '产品方案', nextFollowUpAt: '2021-10-15T15:18:00+08:00', level: 'B', content: '税贷、发票贷都能做' },
  });
  t.is(fu.status, 201);
  t.is(fu.body.inquiry.lastFollowUpAt, '2021-10-15T07:10:24.000Z');
  t.is(fu.body.inquiry.nextFollowUpAt, '2021-10-15T07:18:00.000Z');
  const fus = await api.call('GET', `${V}/inquiries/${created.body.id}/follow-ups`, { token: A.wang });
  t.deepEqual(fus.body.items.map((f: { type: string; content: string; authorName: string }) => [f.type, f.content, f.authorName]), [['产品方案', '税贷、发票贷都能做', '孙露露']]);
  const timeline = await api.call('GET', `${V}/inquiries/${created.body.id}/timeline`, { token: A.sun });
  t.deepEqual(timeline.body.items.map((x: { summary: string }) => x.summary), [
    '新建咨询：盛博科技（郑盛），B类 潜在价值，下次跟进 2021-10-18 15:10',
    '产品方案：税贷、发票贷都能做；下次跟进 2021-10-15 15:18',
  ]);

  // 查重 now finds it for 周销售 with 孙露露 named and the contact masked; creating it again is a 409.
  const dup = await api.call('GET', `${V}/inquiries/duplicates?companyName=${encodeURIComponent('盛博科技有限公司')}`, { token: A.zhou });
  t.like(dup.body.items[0], { companyName: '盛博科技', contactName: '郑*', mobile: '152****1285', ownerName: '孙露露', stage: '咨询', matchedOn: ['companyName'] });
  const again = await api.call('POST', `${V}/inquiries`, { token: A.zhou, body: brochure({ mobile: '+86 152 1380 1285' }) });
  t.is(again.status, 409);
  t.is(again.body.code, 'inquiry.duplicate_mobile');
  t.is(again.body.detail, '该手机号已录入：盛博科技（咨询），负责人：孙露露');
});

test('a bad form is answered with every field’s problem at once, and nothing is created', async (t) => {
  const before = await api.call('GET', `${V}/inquiries?withTotal=true`, { token: B.admin });
  const bad = await api.call('POST', `${V}/inquiries`, {
    token: B.sun,
    body: { companyName: '', mobile: '1521380128', gender: 'male', level: 'E', nextFollowUpAt: '2021-10-01T00:00:00Z', source: '电销', propertyType: '别墅', taxId: '123456789987654321' },
  });
  t.is(bad.status, 400);
  t.is(bad.body.code, 'validation.failed');
  t.deepEqual(bad.body.errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`), [
    '/companyName required', '/mobile identity.invalid_mobile', '/contactName required', '/level not_in_list', '/nextFollowUpAt in_past',
    '/propertyType not_in_list', '/remark required', '/taxId identity.invalid_uscc',
  ]);
  t.regex(bad.body.errors[1].message, /手机号码格式不正确/);
  const unknown = await api.call('POST', `${V}/inquiries`, { token: B.sun, body: brochure({ mobile: aMobile(), vip: true }) });
  t.deepEqual([unknown.status, unknown.body.errors[0].path], [400, '/vip']);
  const wrongType = await api.call('POST', `${V}/inquiries`, { token: B.sun, body: brochure({ mobile: aMobile(), gender: '男' }) });
  t.deepEqual([wrongType.status, wrongType.body.errors[0].path], [400, '/gender']);
  const after = await api.call('GET', `${V}/inquiries?withTotal=true`, { token: B.admin });
  t.is(after.body.total, before.body.total);
});

test('lists: other people’s mobiles are masked for sales, shown to the manager; filters and keyset pages work', async (t) => {
  const mk = (token: string, i: number) => api.call('POST', `${V}/inquiries`, { token, body: brochure({ companyName: `列表${i}号`, mobile: aMobile(), level: i % 2 ? 'A' : 'C' }) });
  for (let i = 0; i < 5; i++) t.is((await mk(i < 3 ? A.zhou : A.sun, i)).status, 201);
  const mgr = await api.call('GET', `${V}/inquiries?keyword=${encodeURIComponent('列表')}&limit=2&withTotal=true&sort=created`, { token: A.wang });
  t.is(mgr.body.total, 5);
  t.is(mgr.body.items.length, 2);
  t.false(mgr.body.items.some((i: { mobileMasked: boolean }) => i.mobileMasked));
  const page2 = await api.call('GET', `${V}/inquiries?keyword=${encodeURIComponent('列表')}&limit=2&sort=created&cursor=${mgr.body.nextCursor}`, { token: A.wang });
  t.is(page2.body.items.length, 2);
  t.notDeepEqual(page2.body.items[0].id, mgr.body.items[0].id);
  const own = await api.call('GET', `${V}/inquiries?keyword=${encodeURIComponent('列表')}&level=A&withTotal=true`, { token: A.zhou });
  t.deepEqual(own.body.items.map((i: { companyName: string }) => i.companyName).sort(), ['列表1号']);
  const bad = await api.call('GET', `${V}/inquiries?lifecycle=lead&createdFrom=yesterday`, { token: A.zhou });
  t.is(bad.status, 400);
  t.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), ['/query/createdFrom', '/query/lifecycle/0']);
  // The 准客户 list is its own screen.
  const prospects = await api.call('GET', `${V}/prospects?withTotal=true`, { token: A.wang });
  t.deepEqual([prospects.status, prospects.body.total], [200, 0]);
});

test('pools over HTTP: release with a reason, a racing claim gets 409, assign needs pool.assign, masked for sales', async (t) => {
  const r = await api.call('POST', `${V}/inquiries`, { token: A.sun, body: brochure({ companyName: '公海测试', mobile: aMobile() }) });
  const id = r.body.id;
  const noReason = await api.call('POST', `${V}/inquiries/${id}/release`, { token: A.sun, body: {} });
  t.deepEqual([noReason.status, noReason.body.errors[0].path], [400, '/reason']);
  const released = await api.call('POST', `${V}/inquiries/${id}/release`, { token: A.sun, body: { reason: '客户暂无需求' } });
  t.deepEqual([released.status, released.body.pool], [200, 'inquiry']);
  const pool = await api.call('GET', `${V}/pools/inquiry?keyword=${encodeURIComponent('公海测试')}&withTotal=true`, { token: A.zhou });
  t.is(pool.body.total, 1);
  t.true(pool.body.items[0].mobileMasked);
  const sunAgain = await api.call('POST', `${V}/inquiries/${id}/claim`, { token: A.sun });
  t.deepEqual([sunAgain.status, sunAgain.body.code], [422, 'pool.reclaim_blocked']);
  const assignBySales = await api.call('POST', `${V}/inquiries/${id}/assign`, { token: A.zhou, body: { ownerId: A.ids.zhou } });
  t.deepEqual([assignBySales.status, assignBySales.body.code], [403, 'auth.forbidden']);
  const [x, y] = await Promise.all([api.call('POST', `${V}/inquiries/${id}/claim`, { token: A.zhou }), api.call('POST', `${V}/inquiries/${id}/claim`, { token: A.wang })]);
  t.deepEqual([x.status, y.status].sort(), [200, 409]);
  t.is((x.status === 409 ? x : y).body.code, 'pool.already_claimed');
  const winner = x.status === 200 ? x : y;
  const transfer = await api.call('POST', `${V}/inquiries/${id}/transfer`, { token: A.wang, body: { ownerId: A.ids.sun, reason: '回到原负责人' } });
  t.deepEqual([transfer.status, transfer.body.ownerName], [200, '孙露露']);
  t.not(winner.body.ownerName, null);
  const timeline = await api.call('GET', `${V}/inquiries/${id}/timeline`, { token: A.sun });
  t.deepEqual(timeline.body.items.map((l: { action: string }) => l.action), ['inquiry.created', 'inquiry.released', 'inquiry.claimed', 'inquiry.transferred']);
});

test('another firm gets 404 on every inquiry resource and sees none of them in lists', async (t) => {
  const r = await api.call('POST', `${V}/inquiries`, { token: A.sun, body: brochure({ companyName: '隔离测试', mobile: aMobile() }) });
  const id = r.body.id;
  const [pooled] = await someRecords(crm, A.firm.tenantId, [{ ownerId: null, companyName: '隔离公海' }]);
  const calls: [string, string, unknown?][] = [
    ['GET', `/inquiries/${id}`],
    ['PATCH', `/inquiries/${id}`, { version: 1, remark: '改' }],
    ['GET', `/inquiries/${id}/timeline`],
    ['GET', `/inquiries/${id}/follow-ups`],
    ['POST', '/follow-ups', { inquiryId: id, type: '回访跟进', content: 'x', nextFollowUpAt: '2021-10-20T10:00:00+08:00' }],
    ['POST', `/inquiries/${id}/merge`, { duplicateId: pooled?.id }],
    ['POST', `/inquiries/${id}/release`, { reason: 'x' }],
    ['POST', `/inquiries/${id}/transfer`, { ownerId: B.ids.sun }],
    ['POST', `/inquiries/${pooled?.id}/claim`],
    ['POST', `/inquiries/${pooled?.id}/assign`, { ownerId: B.ids.sun }],
  ];
  for (const [method, path, body] of calls) {
    const res = await api.call(method, V + path, { token: B.admin, body });
    t.is(res.status, 404, `${method} ${path}`);
    t.is(res.body.code, 'inquiry.not_found', `${method} ${path}`);
  }
  for (const path of ['/inquiries?keyword=隔离', '/prospects?keyword=隔离&lifecycle=inquiry', '/pools/inquiry?keyword=隔离', '/inquiries/duplicates?companyName=隔离测试']) {
    const res = await api.call('GET', V + encodeURI(path), { token: B.admin });
    t.deepEqual([res.status, res.body.items], [200, []], path);
  }
  // And inside the firm, a sales person does not see a colleague's record either.
  t.is((await api.call('GET', `${V}/inquiries/${id}`, { token: A.zhou })).status, 404);
});

test('settings: sales read them, only an admin changes them, bad settings are refused by path', async (t) => {
  const s = await api.call('GET', `${V}/inquiry-settings`, { token: B.sun });
  t.is(s.status, 200);
  t.is(s.body.version, 0);
  const bySales = await api.call('PATCH', `${V}/inquiry-settings`, { token: B.sun, body: { version: 0, cannedPhrases: ['x'] } });
  t.deepEqual([bySales.status, bySales.body.code], [403, 'auth.forbidden']);
  const bad = await api.call('PATCH', `${V}/inquiry-settings`, {
    token: B.admin,
    body: { version: 0, grading: { levels: [{ code: 'A', name: '', followUpIntervalMinutes: 0, poolRecycle: { noFollowUpDays: 0, overdueDays: null } }] } },
  });
  t.is(bad.status, 400);
  t.deepEqual(bad.body.errors.map((e: { path: string }) => e.path), [
    '/grading/levels/0/name', '/grading/levels/0/followUpIntervalMinutes', '/grading/levels/0/poolRecycle/noFollowUpDays', '/pools/inquiry/noFollowUpDays/A', '/pools/customer/noFollowUpDays/A',
  ]);
  const phrases = await api.call('PUT', `${V}/inquiry-settings/canned-phrases`, { token: B.admin, body: { version: 0, phrases: ['需要额度高、随借随还', '考虑额度低、需要X万'] } });
  t.deepEqual(phrases.body, { phrases: ['需要额度高、随借随还', '考虑额度低、需要X万'], version: 1 });
  const stale = await api.call('PUT', `${V}/inquiry-settings/canned-phrases`, { token: B.admin, body: { version: 0, phrases: ['x'] } });
  t.deepEqual([stale.status, stale.body.code], [409, 'inquiry.version_conflict']);
  t.deepEqual((await api.call('GET', `${V}/inquiry-settings/form-lists`, { token: B.zhou })).body.cannedPhrases, ['需要额度高、随借随还', '考虑额度低、需要X万']);
});

test('a manager merges two records; a sales person may not', async (t) => {
  const x = await api.call('POST', `${V}/inquiries`, { token: A.sun, body: brochure({ companyName: '合并测试有限公司', mobile: aMobile() }) });
  const y = await api.call('POST', `${V}/inquiries`, { token: A.zhou, body: brochure({ companyName: '合并测试', mobile: aMobile() }) });
  const bySales = await api.call('POST', `${V}/inquiries/${x.body.id}/merge`, { token: A.sun, body: { duplicateId: y.body.id } });
  t.is(bySales.status, 403);
  const merged = await api.call('POST', `${V}/inquiries/${x.body.id}/merge`, { token: A.wang, body: { duplicateId: y.body.id } });
  t.is(merged.status, 200);
  t.is(merged.body.mergedId, y.body.id);
  t.is(merged.body.moved.activities, 1);
  t.is((await api.call('GET', `${V}/inquiries/${y.body.id}`, { token: A.wang })).body.mergedIntoId, x.body.id);
});

test('the recycler runs for an admin’s own firm through the API; the OpenAPI document lists the routes', async (t) => {
  const old = new Date(clock.now().getTime() - 100 * DAY);
  const [r] = await someRecords(crm, B.firm.tenantId, [{ ownerId: B.ids.sun, departmentId: B.ids.dept3, level: 'A', createdAt: old, nextFollowUpAt: old }]);
  t.is((await api.call('POST', `${V}/pools/recycle`, { token: B.sun })).status, 403);
  const run = await api.call('POST', `${V}/pools/recycle`, { token: B.admin });
  t.like(run.body, { tenants: 1 });
  t.true(run.body.recycled >= 1);
  t.is((await api.call('GET', `${V}/inquiries/${r?.id}`, { token: B.admin })).body.pool, 'inquiry');
  const doc = await api.call('GET', `${V}/openapi.json`);
  for (const p of ['/api/v1/inquiries', '/api/v1/inquiries/{id}', '/api/v1/inquiries/duplicates', '/api/v1/inquiries/next-follow-up', '/api/v1/follow-ups', '/api/v1/pools/{pool}', '/api/v1/inquiries/{id}/claim', '/api/v1/inquiry-settings']) {
    t.truthy(doc.body.paths[p], p);
  }
});

test('the server’s schedule runs the recycler in process and stops with the server', async (t) => {
  const fixed = new FakeClock(new Date('2026-11-26T08:00:00Z'));
  let firmTenant = '';
  let recordId = '';
  const s = await startServer({
    database: await testDatabase('pglite'), migrate: false, port: 0, host: '127.0.0.1', handleSignals: false, logger: createLogger('silent'),
    config: { secret: 'x' }, clock: fixed, recycleEverySeconds: 0.05,
    beforeListen: async (c) => {
      const f = await aFirm(c);
      firmTenant = f.tenantId;
      const old = new Date(fixed.now().getTime() - 100 * DAY);
      const [r] = await someRecords(c, f.tenantId, [{ ownerId: f.admin.userId, level: 'C', createdAt: old, nextFollowUpAt: old }]);
      recordId = r?.id as string;
    },
  });
  try {
    let owner: string | null = 'x';
    for (let i = 0; i < 100 && owner !== null; i++) {
      await new Promise((r) => setTimeout(r, 50));
      owner = (await s.crm.database.knex('inquiries').where({ tenant_id: firmTenant, id: recordId }).first('owner_id')).owner_id;
    }
    t.is(owner, null);
  } finally {
    await s.stop();
  }
});

// `yunzhou recycle` against PostgreSQL (the shared test database; --tenant keeps it to this test's firm).
if (process.env.TEST_DATABASE_URL) {
  test('yunzhou recycle --tenant returns a firm’s neglected records to the pool and says how many', async (t) => {
    const pgCrm = await testCrm('postgres');
    t.teardown(() => pgCrm.close());
    const f = await aFirm(pgCrm);
    const old = new Date(Date.now() - 100 * DAY);
    const [r] = await someRecords(pgCrm, f.tenantId, [{ ownerId: f.admin.userId, level: 'C', createdAt: old, nextFollowUpAt: old }]);
    const cli = resolve(dirname(fileURLToPath(import.meta.url)), '../../http/cli/main.js');
    const env = { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL, YUNZHOU_AUTO_MIGRATE: 'false', YUNZHOU_SECRET: 'x', LOG_LEVEL: 'silent' };
    const run = promisify(execFile);
    const first = await run(process.execPath, [cli, 'recycle', '--tenant', f.tenantId], { env, timeout: 60_000 });
    t.is(first.stdout.trim(), 'Recycled 1 record(s) to the pools and warned owners of 0, over 1 firm(s).');
    const second = await run(process.execPath, [cli, 'recycle', '--tenant', f.tenantId], { env, timeout: 60_000 });
    t.is(second.stdout.trim(), 'Recycled 0 record(s) to the pools and warned owners of 0, over 1 firm(s).');
    t.is((await pgCrm.database.knex('inquiries').where({ tenant_id: f.tenantId, id: r?.id }).first('owner_id')).owner_id, null);
  });
}
