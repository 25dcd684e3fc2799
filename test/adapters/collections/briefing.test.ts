// 数据简报 against the database: every figure checked against a hand-computed fixture (time zone edges, a
// reassigned order, a reversed and a pending receipt), per scope and viewer; and the summary tables, kept by
// triggers, equal to a rebuild from the sources after all of it.
import test from 'ava';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import type { Actor } from '../../../core/organisation/actor.js';
import { backends } from '../../support/database.js';
import { testCrm } from '../../support/crm.js';
import { aFirm } from '../../support/tenant.js';
import { anOrder } from '../orders/order-builders.js';
import { TickingClock, aFinanceFirm, anApprovedReceipt, aReceipt, code, decide, type FinanceFirm } from './builders.js';
import { aContract, upload } from '../orders/order-builders.js';

for (const backend of backends()) {
  let crm: Crm;
  const clock = new TickingClock();
  test.before(async () => {
    crm = await testCrm(backend, { clock });
  });
  test.after.always(async () => {
    await crm?.close();
  });

  /** An order created and its contract confirmed at given instants, with a plan. */
  async function order(f: FinanceFirm, owner: Actor, createdAt: string, confirmedAt: string, amountFen: number, plan: { dueOn: string; amountFen: number }[]) {
    clock.set(createdAt);
    const o = await anOrder(crm, owner);
    const v = (await crm.orderContracts.save(f.firm.admin, o.id, { version: o.version, ...aContract({ amountFen, signedOn: createdAt.slice(0, 10) }) } as never)).version;
    await upload(crm, f.firm.admin, o.id, 'contract_scan', 'pdf');
    clock.set(confirmedAt);
    await crm.orderContracts.confirm(f.firm.admin, o.id, { version: v });
    await crm.collectionPlans.save(f.finance.actor, o.id, { version: 0, spec: { method: 'manual', instalments: plan } });
    return o;
  }

  test.serial(`[${backend}] the briefing's figures, funnel, overdue, ranking and trend match a hand-computed month, per scope and viewer`, async (t) => {
    const f = await aFinanceFirm(crm);
    const dept = (name: string, parentId: string) => crm.organisation.createDepartment(f.firm.admin, { name, parentId });
    const a = await dept('销售一部', f.firm.rootDepartmentId);
    const a1 = await dept('三：新媒体运营中心', a.id);
    const b = await dept('销售二部', f.firm.rootDepartmentId);
    const pa = await f.firm.person(['sales'], { departmentId: a.id, name: '孙露露' });
    const pa1 = await f.firm.person(['sales'], { departmentId: a1.id, name: '周销售' });
    const pb = await f.firm.person(['sales'], { departmentId: b.id, name: '吴销售' });
    const managerA = await f.firm.person(['manager'], { departmentId: a.id, name: '王经理' });

    // O1: created in October, its contract confirmed at 01:00 on 1 November in Shanghai (still 31 October in UTC).
    const o1 = await order(f, pa.actor, '2026-10-20T02:00:00Z', '2026-10-31T17:00:00Z', 1_000_000, [{ dueOn: '2026-11-01', amountFen: 500_000 }, { dueOn: '2026-12-01', amountFen: 500_000 }]);
    const o2 = await order(f, pa1.actor, '2026-11-02T02:00:00Z', '2026-11-02T03:00:00Z', 2_000_000, [{ dueOn: '2026-12-15', amountFen: 2_000_000 }]);
    const o3 = await order(f, pb.actor, '2026-11-10T02:00:00Z', '2026-11-10T03:00:00Z', 3_000_000, [{ dueOn: '2026-11-20', amountFen: 3_000_000 }]);
    clock.set('2026-11-10T04:00:00Z');
    await crm.followUps.create(pb.actor, o3.inquiryId, { type: '回访跟进', content: '约了面谈', nextFollowUpAt: new Date('2026-11-12T02:00:00Z') });
    clock.set('2026-11-26T07:00:00Z');
    await anApprovedReceipt(crm, f, o1.id, 400_000, { receivedOn: '2026-10-31' });
    await anApprovedReceipt(crm, f, o1.id, 100_000, { receivedOn: '2026-11-03' });
    await anApprovedReceipt(crm, f, o2.id, 800_000, { receivedOn: '2026-11-15' });
    const reversed = await anApprovedReceipt(crm, f, o3.id, 3_000_000, { receivedOn: '2026-11-21' });
    await crm.receipts.requestReversal(f.finance.actor, reversed.id, '银行退回');
    await decide(crm, f.finance.actor, reversed.id);
    await anApprovedReceipt(crm, f, o3.id, 1_200_000, { receivedOn: '2026-11-22' });
    await crm.receipts.create(f.finance.actor, aReceipt(o2.id, 50_000, { receivedOn: '2026-11-25' }), { submit: true }); // pending: not counted
    // O2 moves to 孙露露 in 销售一部: its contract and receipts move with it.
    await crm.orders.update(f.firm.admin, o2.id, { version: (await crm.orders.get(f.firm.admin, o2.id)).order.version, ownerId: pa.actor.userId, departmentId: a.id });

    const moved = await crm.database.knex('collection_instalments').where({ tenant_id: f.firm.tenantId, order_id: o2.id }).select('owner_id', 'department_id');
    t.deepEqual(moved, [{ owner_id: pa.actor.userId, department_id: a.id }]); // the instalments follow the order

    clock.set('2026-11-26T08:00:00Z'); // Thursday
    const month = await crm.briefing.briefing(f.finance.actor, { period: 'month' });
    t.deepEqual(month.figures, { contractFen: 6_000_000, contractCount: 3, disbursedFen: 0, collectedFen: 2_100_000, receiptCount: 3, newInquiries: 2, followUps: 1 });
    t.deepEqual(month.overdue, { count: 1, outstandingFen: 1_800_000, asOf: '2026-11-26' });
    t.deepEqual(month.funnel.stages.map((s) => [s.key, s.current, s.reached, s.conversionPercent]), [['initial_contact', 2, 2, null], ['completed', 0, 0, 0]]);
    t.deepEqual(month.ranking.people.map((r) => [r.rank, r.name, r.amountFen]), [[1, '吴销售', 1_200_000], [2, '孙露露', 900_000]]);
    t.deepEqual(month.ranking.departments.map((r) => [r.name, r.amountFen]), [['销售二部', 1_200_000], ['销售一部', 900_000]]);
    t.is(month.trend.granularity, 'day');
    t.is(month.trend.points.length, 30);
    const nonZero = month.trend.points.filter((p) => p.collectedFen || p.contractFen).map((p) => [p.bucket, p.collectedFen, p.contractFen]);
    t.deepEqual(nonZero, [['2026-11-01', 0, 1_000_000], ['2026-11-02', 0, 2_000_000], ['2026-11-03', 100_000, 0], ['2026-11-10', 0, 3_000_000], ['2026-11-15', 800_000, 0], ['2026-11-22', 1_200_000, 0]]);

    const deptA = await crm.briefing.briefing(f.finance.actor, { period: 'month', departmentId: a.id });
    t.deepEqual([deptA.figures.contractFen, deptA.figures.collectedFen, deptA.figures.newInquiries, deptA.figures.followUps, deptA.overdue.count], [3_000_000, 900_000, 1, 0, 0]);
    const asManager = await crm.briefing.briefing(managerA.actor, { period: 'month' });
    t.deepEqual([asManager.scope.kind, asManager.figures.collectedFen, asManager.ranking.people.map((r) => r.name)], ['department', 900_000, ['孙露露']]);
    t.is(await code(crm.briefing.briefing(managerA.actor, { period: 'month', departmentId: b.id })), 'department.not_found');
    t.is(await code(crm.briefing.briefing(managerA.actor, { period: 'month', userId: pb.actor.userId })), 'user.not_found');
    const person = await crm.briefing.briefing(f.finance.actor, { period: 'month', userId: pa.actor.userId });
    t.deepEqual([person.figures.contractFen, person.figures.collectedFen, person.funnel.total], [3_000_000, 900_000, 1]);
    const own = await crm.briefing.briefing(pb.actor, { period: 'month' });
    t.deepEqual([own.scope.kind, own.figures.collectedFen, own.figures.followUps, own.overdue.outstandingFen], ['person', 1_200_000, 1, 1_800_000]);
    t.is(await code(crm.briefing.briefing(pb.actor, { period: 'month', userId: pa.actor.userId })), 'user.not_found');

    const year = await crm.briefing.briefing(f.finance.actor, { period: 'year' });
    t.deepEqual([year.figures.contractFen, year.figures.collectedFen, year.figures.receiptCount, year.figures.newInquiries, year.funnel.total], [6_000_000, 2_500_000, 4, 3, 3]);
    t.deepEqual(year.trend.points.filter((p) => p.collectedFen).map((p) => [p.bucket, p.collectedFen]), [['2026-10-01', 400_000], ['2026-11-01', 2_100_000]]);
    const october = await crm.briefing.briefing(f.finance.actor, { period: 'custom', from: '2026-10-01', to: '2026-10-31', granularity: 'week' });
    t.deepEqual([october.figures.contractFen, october.figures.collectedFen, october.trend.points[0]?.bucket], [0, 400_000, '2026-09-28']);
    const stranger = await aFirm(crm);
    t.is((await crm.briefing.briefing(stranger.admin, { period: 'year' })).figures.collectedFen, 0);
    t.is(await code(crm.briefing.briefing(stranger.admin, { period: 'month', departmentId: a.id })), 'department.not_found');

    // The incremental summaries equal a rebuild from the sources.
    const db = crm.database.knex;
    const snapshot = async () => ({
      daily: await db('briefing_daily').where({ tenant_id: f.firm.tenantId }).whereRaw('(contract_fen, contract_count, disbursed_fen, collected_fen, receipt_count, inquiry_count) <> (0, 0, 0, 0, 0, 0)')
        .orderBy(['day', 'department_key', 'owner_key']).select('day', 'department_key', 'owner_key', 'contract_fen', 'contract_count', 'collected_fen', 'receipt_count', 'inquiry_count'),
      orders: await db('briefing_daily_orders').where({ tenant_id: f.firm.tenantId }).where('order_count', '<>', 0).orderBy(['day', 'department_key', 'stage_key']).select('day', 'department_key', 'stage_key', 'off_from', 'order_count'),
      followUps: await db('briefing_daily_follow_ups').where({ tenant_id: f.firm.tenantId }).where('follow_up_count', '<>', 0).orderBy(['day', 'author_key']).select('day', 'author_key', 'follow_up_count'),
      monthly: await db('briefing_monthly').where({ tenant_id: f.firm.tenantId }).whereRaw('(contract_fen, contract_count, disbursed_fen, collected_fen, receipt_count, inquiry_count) <> (0, 0, 0, 0, 0, 0)')
        .orderBy(['month', 'department_key', 'owner_key']).select('month', 'department_key', 'owner_key', 'contract_fen', 'collected_fen', 'receipt_count', 'inquiry_count'),
      monthlyOrders: await db('briefing_monthly_orders').where({ tenant_id: f.firm.tenantId }).where('order_count', '<>', 0).orderBy(['month', 'department_key', 'stage_key', 'off_from']).select('month', 'department_key', 'stage_key', 'off_from', 'order_count'),
      monthlyFollowUps: await db('briefing_monthly_follow_ups').where({ tenant_id: f.firm.tenantId }).where('follow_up_count', '<>', 0).orderBy(['month', 'author_key']).select('month', 'author_key', 'follow_up_count'),
    });
    const incremental = await snapshot();
    t.true(incremental.daily.length > 5 && incremental.monthly.length > 3 && incremental.monthlyOrders.length > 1);
    await db.raw('select briefing_rebuild(?)', [f.firm.tenantId]);
    t.deepEqual(incremental, await snapshot());
    // The tenant's zone moves the calendar days: in New York O1's contract was confirmed on 31 October.
    await db('tenants').where({ id: f.firm.tenantId }).update({ time_zone: 'America/New_York' });
    const nov = await db('briefing_daily').where({ tenant_id: f.firm.tenantId }).andWhere('day', '>=', '2026-11-01').sum({ fen: 'contract_fen' }).first();
    t.is(Number(nov?.fen), 5_000_000);
  });
}
