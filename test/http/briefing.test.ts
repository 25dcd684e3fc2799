// GET /briefing through the real Koa app: hand-computed figures for today, this week and a custom period, the
// scope rules (a sales person sees only their own figures; another firm's department is not found), and the
// period checks as problem+json.
import test from 'ava';
import type { Crm } from '../../adapters/composition/create-crm.js';
import { testCrm } from '../support/crm.js';
import { aFirm } from '../support/tenant.js';
import { serve, type TestServer } from '../support/http.js';
import { TickingClock, aFinanceFirm, anApprovedReceipt, anOrderWithPlan } from '../adapters/collections/builders.js';

let crm: Crm;
let api: TestServer;
const clock = new TickingClock();
test.before(async () => {
  crm = await testCrm('pglite', { clock });
  api = await serve(crm);
});
test.after.always(async () => {
  await api?.close();
  await crm?.close();
});

test('the briefing of today, this week and a custom period, for the firm, a person and a sales person’s own view', async (t) => {
  clock.set('2026-11-26T02:00:00Z'); // Thursday 10:00 in Shanghai
  const f = await aFinanceFirm(crm);
  const zhou = await f.firm.person(['sales'], { name: '周销售' });
  const a = await anOrderWithPlan(crm, f, 1_000_000, 1); // 孙露露's; contract confirmed today
  const b = await anOrderWithPlan(crm, f, 2_000_000, 1, '2026-12-01', zhou.actor);
  await anApprovedReceipt(crm, f, a.id, 300_000, { receivedOn: '2026-11-26' });
  await anApprovedReceipt(crm, f, b.id, 500_000, { receivedOn: '2026-11-23' }); // Monday: this week, not today
  await anApprovedReceipt(crm, f, b.id, 700_000, { receivedOn: '2026-11-22' }); // Sunday: last week

  const today = await api.call('GET', '/api/v1/briefing?period=today', { token: f.finance.token });
  t.is(today.status, 200);
  t.deepEqual([today.body.period.fromDate, today.body.figures.contractFen, today.body.figures.collectedFen, today.body.figures.newInquiries], ['2026-11-26', 3_000_000, 300_000, 2]);
  const week = await api.call('GET', '/api/v1/briefing?period=week', { token: f.finance.token });
  t.deepEqual([week.body.period.fromDate, week.body.period.lastDate, week.body.figures.collectedFen, week.body.figures.receiptCount], ['2026-11-23', '2026-11-29', 800_000, 2]);
  t.deepEqual(week.body.ranking.people.map((r: { name: string; amountFen: number; rank: number }) => [r.rank, r.name, r.amountFen]), [[1, '周销售', 500_000], [2, '孙露露', 300_000]]);
  t.deepEqual(week.body.trend.points.map((p: { bucket: string; collectedFen: number }) => p.collectedFen), [500_000, 0, 0, 300_000, 0, 0, 0]);
  const custom = await api.call('GET', '/api/v1/briefing?period=custom&from=2026-11-22&to=2026-11-23&granularity=day', { token: f.finance.token });
  t.deepEqual(custom.body.trend.points, [
    { bucket: '2026-11-22', collectedFen: 700_000, contractFen: 0, disbursedFen: 0 },
    { bucket: '2026-11-23', collectedFen: 500_000, contractFen: 0, disbursedFen: 0 },
  ]);
  const person = await api.call('GET', `/api/v1/briefing?period=week&userId=${zhou.actor.userId}`, { token: f.finance.token });
  t.deepEqual([person.body.scope.kind, person.body.figures.collectedFen, person.body.figures.contractFen], ['person', 500_000, 2_000_000]);
  const own = await api.call('GET', '/api/v1/briefing?period=week', { token: f.sales.token });
  t.deepEqual([own.body.scope.kind, own.body.figures.collectedFen, own.body.ranking.people.length], ['person', 300_000, 1]);
  const peek = await api.call('GET', `/api/v1/briefing?period=week&userId=${zhou.actor.userId}`, { token: f.sales.token });
  t.deepEqual([peek.status, peek.body.code], [404, 'user.not_found']);
});

test('another firm’s department is not found, and a bad period is refused with its code', async (t) => {
  const f = await aFinanceFirm(crm);
  const other = await aFirm(crm);
  const dept = await api.call('GET', `/api/v1/briefing?departmentId=${f.firm.rootDepartmentId}`, { token: other.adminToken });
  t.deepEqual([dept.status, dept.body.code], [404, 'department.not_found']);
  const backwards = await api.call('GET', '/api/v1/briefing?period=custom&from=2026-12-01&to=2026-11-01', { token: f.finance.token });
  t.deepEqual([backwards.status, backwards.body.code], [400, 'briefing.invalid_period']);
  const tooFine = await api.call('GET', '/api/v1/briefing?period=custom&from=2020-01-01&to=2026-11-01&granularity=day', { token: f.finance.token });
  t.deepEqual([tooFine.status, tooFine.body.code], [400, 'briefing.too_many_buckets']);
  const unknown = await api.call('GET', '/api/v1/briefing?period=decade', { token: f.finance.token });
  t.is(unknown.status, 400);
  t.is((await api.call('GET', '/api/v1/briefing')).status, 401);
});
