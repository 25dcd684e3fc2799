// 业绩目标 against the database: setting a month's and a quarter's targets (each replacing the last, parallel
// saves keeping one row), what a period resolves to, who sees and sets whose targets (data scope, another firm),
// and the briefing's 完成率 beside the figures, in the ranking and on the home screen's 我的完成率.
import test from 'ava';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import type { Target } from '../../../core/targets/index.js';
import { backends } from '../../support/database.js';
import { testCrm } from '../../support/crm.js';
import { aFirm } from '../../support/tenant.js';
import { TickingClock, aFinanceFirm, anApprovedReceipt, anOrderWithPlan, code } from '../collections/builders.js';

for (const backend of backends()) {
  let crm: Crm;
  const clock = new TickingClock('2026-11-26T02:00:00Z');
  test.before(async () => {
    crm = await testCrm(backend, { clock });
  });
  test.after.always(async () => {
    await crm?.close();
  });

  const person = (subjectId: string, metric: Target['metric'], period: string, amountFen: number): Target => ({ subjectKind: 'person', subjectId, metric, period, amountFen });

  test.serial(`[${backend}] a month's and a quarter's targets: set, replaced, resolved (a third of the quarter), removed`, async (t) => {
    const f = await aFinanceFirm(crm);
    const sun = f.sales.actor.userId;
    await crm.targets.save(f.firm.admin, [
      person(sun, 'collected', '2026-Q4', 100_000_000),
      { subjectKind: 'department', subjectId: f.firm.rootDepartmentId, metric: 'contract', period: '2026-11', amountFen: 500_000_000 },
    ]);
    const nov = await crm.targets.board(f.firm.admin, '2026-11');
    const row = nov.rows.find((r) => r.subjectId === sun);
    // ¥1,000,000.00 in thirds: October 333,333.34, November and December 333,333.33.
    t.deepEqual(row?.targets.collected, { setFen: null, resolvedFen: 33_333_333, source: 'quarter_share' });
    t.deepEqual(nov.rows.find((r) => r.subjectId === f.firm.rootDepartmentId)?.targets.contract, { setFen: 500_000_000, resolvedFen: 500_000_000, source: 'month' });
    t.true(nov.canManage);
    // Setting the month replaces nothing of the quarter; setting it again replaces the month.
    await crm.targets.save(f.firm.admin, [person(sun, 'collected', '2026-11', 40_000_000)]);
    await crm.targets.save(f.firm.admin, [person(sun, 'collected', '2026-11', 45_000_000)]);
    t.deepEqual((await crm.targets.board(f.firm.admin, '2026-11')).rows.find((r) => r.subjectId === sun)?.targets.collected, { setFen: 45_000_000, resolvedFen: 45_000_000, source: 'month' });
    t.is((await crm.targets.board(f.firm.admin, '2026-Q4')).rows.find((r) => r.subjectId === sun)?.targets.collected.resolvedFen, 100_000_000);
    await crm.targets.remove(f.firm.admin, { subjectKind: 'person', subjectId: sun, metric: 'collected', period: '2026-11' });
    t.is(await code(crm.targets.remove(f.firm.admin, { subjectKind: 'person', subjectId: sun, metric: 'collected', period: '2026-11' })), 'target.not_found');
    t.is((await crm.targets.board(f.firm.admin, '2026-11')).rows.find((r) => r.subjectId === sun)?.targets.collected.source, 'quarter_share');
    // Bad input: all refused, nothing saved.
    t.is(await code(crm.targets.save(f.firm.admin, [person(sun, 'disbursed', '2026-12', 1), person(sun, 'disbursed', '2026-13', -5)])), 'validation.failed');
    t.is(await code(crm.targets.save(f.firm.admin, [person(sun, 'disbursed', '2026-12', 1), person(sun, 'disbursed', '2026-12', 2)])), 'validation.failed');
    t.is((await crm.targets.board(f.firm.admin, '2026-12')).rows.find((r) => r.subjectId === sun)?.targets.disbursed.setFen, null);
    t.is(await code(crm.targets.board(f.firm.admin, '2026-W48')), 'validation.failed');
  });

  test.serial(`[${backend}] parallel saves of one target keep one row, the last amount`, async (t) => {
    const f = await aFinanceFirm(crm);
    const sun = f.sales.actor.userId;
    await Promise.all([1, 2, 3, 4, 5].map((n) => crm.targets.save(f.firm.admin, [person(sun, 'contract', '2026-12', n * 100)])));
    const rows = await crm.database.knex('targets').where({ tenant_id: f.firm.tenantId, subject_id: sun });
    t.is(rows.length, 1);
    t.true([100, 200, 300, 400, 500].includes(Number(rows[0].amount_fen)));
  });

  test.serial(`[${backend}] who sees and sets whose targets: sales only their own and none to set, a manager their department, another firm nothing`, async (t) => {
    const f = await aFinanceFirm(crm);
    const sales = await crm.organisation.createDepartment(f.firm.admin, { name: '销售一部', parentId: f.firm.rootDepartmentId });
    const manager = await f.firm.person(['manager'], { departmentId: sales.id, name: '李经理' });
    const member = await f.firm.person(['sales'], { departmentId: sales.id, name: '周销售' });
    const own = await crm.targets.board(f.sales.actor, '2026-11');
    t.deepEqual(own.rows.map((r) => r.subjectId), [f.sales.actor.userId]);
    t.false(own.canManage);
    t.is(await code(crm.targets.save(f.sales.actor, [person(f.sales.actor.userId, 'contract', '2026-11', 1)])), 'auth.forbidden');
    const dept = await crm.targets.board(manager.actor, '2026-11');
    t.deepEqual(dept.rows.map((r) => r.name).sort(), ['周销售', '李经理', '销售一部'].sort());
    await crm.targets.save(manager.actor, [person(member.actor.userId, 'contract', '2026-11', 1_000)]);
    // 孙露露 is in the root department, outside the manager's: not found, and nothing saved.
    t.is(await code(crm.targets.save(manager.actor, [person(member.actor.userId, 'contract', '2026-12', 1), person(f.sales.actor.userId, 'contract', '2026-11', 1)])), 'user.not_found');
    t.is((await crm.targets.board(manager.actor, '2026-12')).rows.find((r) => r.subjectId === member.actor.userId)?.targets.contract.setFen, null);
    const other = await aFirm(crm);
    t.is(await code(crm.targets.save(other.admin, [person(member.actor.userId, 'contract', '2026-11', 1)])), 'user.not_found');
    t.false((await crm.targets.board(other.admin, '2026-11')).rows.some((r) => r.subjectId === member.actor.userId));
  });

  test.serial(`[${backend}] the briefing shows 完成率 beside the figures and in the ranking, and my own on the home screen`, async (t) => {
    clock.set('2026-11-26T02:00:00Z');
    const f = await aFinanceFirm(crm);
    const zhou = await f.firm.person(['sales'], { name: '周销售' });
    const a = await anOrderWithPlan(crm, f, 1_000_000, 1);
    const b = await anOrderWithPlan(crm, f, 2_000_000, 1, '2026-12-01', zhou.actor);
    await anApprovedReceipt(crm, f, a.id, 300_000, { receivedOn: '2026-11-20' });
    await anApprovedReceipt(crm, f, b.id, 500_000, { receivedOn: '2026-11-23' });
    await crm.targets.save(f.firm.admin, [
      person(f.sales.actor.userId, 'collected', '2026-11', 900_000), // 300,000 of 900,000: 33.3 %
      person(f.sales.actor.userId, 'contract', '2026-Q4', 3_000_000), // November's third: 1,000,000 → 100.0 %
      person(zhou.actor.userId, 'collected', '2026-11', 0), // 0: no percentage
      { subjectKind: 'department', subjectId: f.firm.rootDepartmentId, metric: 'collected', period: '2026-11', amountFen: 1_600_000 },
    ]);
    const month = await crm.briefing.briefing(f.finance.actor, { period: 'month' });
    t.is(month.attainment.period, '2026-11');
    t.is(month.attainment.subject, null); // the whole firm has no target
    t.deepEqual(month.ranking.people.map((r) => [r.name, r.amountFen, r.targetFen, r.attainment?.text ?? null]), [['周销售', 500_000, 0, null], ['孙露露', 300_000, 900_000, '33.3%']]);
    t.deepEqual(month.ranking.departments.map((r) => [r.targetFen, r.attainment?.text]), [[1_600_000, '50.0%']]);
    const dept = await crm.briefing.briefing(f.finance.actor, { period: 'month', departmentId: f.firm.rootDepartmentId });
    t.deepEqual([dept.attainment.subject?.kind, dept.attainment.collected.attainment?.text], ['department', '50.0%']);
    const sun = await crm.briefing.briefing(f.finance.actor, { period: 'month', userId: f.sales.actor.userId });
    t.deepEqual([sun.attainment.collected.attainment?.text, sun.attainment.contract.targetFen, sun.attainment.contract.attainment?.text, sun.attainment.disbursed.attainment], ['33.3%', 1_000_000, '100.0%', null]);
    const week = await crm.briefing.briefing(f.finance.actor, { period: 'week', userId: f.sales.actor.userId });
    t.deepEqual([week.attainment.period, week.attainment.collected.attainment], [null, null]);
    const mine = await crm.briefing.myAttainment(f.sales.actor, 'month');
    t.deepEqual([mine.figures.collectedFen, mine.attainment.collected.attainment?.text, mine.attainment.collected.attainment?.remainingFen], [300_000, '33.3%', 600_000]);
    const quarter = await crm.briefing.myAttainment(f.sales.actor, 'quarter');
    t.deepEqual([quarter.attainment.period, quarter.attainment.contract.targetFen, quarter.attainment.collected.targetFen], ['2026-Q4', 3_000_000, 900_000]);
  });
}
