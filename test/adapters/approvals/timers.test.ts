// 审批时限 against the database with a fake clock: runApprovalTimers reminds once, escalates to the
// administrator, decides automatically (and the record says so), does nothing before the time, and two
// runners at once act once.
import test from 'ava';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import { backends } from '../../support/database.js';
import { FakeClock, testCrm } from '../../support/crm.js';
import { aCast, eventTypes, harness, type Cast, type Harness } from './harness.js';

const HOUR = 3_600_000;

for (const backend of backends()) {
  let crm: Crm;
  let h: Harness;
  let c: Cast;
  const clock = new FakeClock(new Date('2026-11-27T01:00:00Z'));
  test.before(async () => {
    crm = await testCrm(backend, { clock });
    h = harness(crm);
    c = await aCast(crm);
  });
  test.after.always(async () => {
    await crm?.close();
  });

  test.serial(`[${backend}] a reminder-only limit reminds the approver once, when due and not before`, async (t) => {
    const { firm, sales, fin } = c;
    await c.receiptFlow([{ key: 'finance', name: '财务审批', approvers: { kind: 'users', userIds: [fin.actor.userId] }, mode: 'any', timeLimitHours: 24 }]);
    const inst = await h.approvals.submit(sales.actor, { businessType: 'receipt', businessId: h.receipts.add(sales.actor) });
    const start = clock.now();
    await h.timers.runApprovalTimers(new Date(start.getTime() + 23 * HOUR));
    t.false((await eventTypes(crm, firm.tenantId, inst.id)).includes('approval.task_reminder'));
    const report = await h.timers.runApprovalTimers(new Date(start.getTime() + 25 * HOUR));
    t.true(report.changed >= 1);
    await h.timers.runApprovalTimers(new Date(start.getTime() + 48 * HOUR));
    t.is((await eventTypes(crm, firm.tenantId, inst.id)).filter((e) => e === 'approval.task_reminder').length, 1);
    const row = await crm.database.knex('approval_instances').where({ tenant_id: firm.tenantId, id: inst.id }).first();
    t.is(row.next_timer_at, null);
    t.is((await h.approvals.get(sales.actor, inst.id)).status, 'pending');
  });

  test.serial(`[${backend}] escalation hands an overdue task to the administrator; auto-approval decides and ends the instance as automatic`, async (t) => {
    const { firm, sales, fin } = c;
    await c.receiptFlow([
      { key: 'finance', name: '财务审批', approvers: { kind: 'users', userIds: [fin.actor.userId] }, mode: 'any', timeLimitHours: 8, onTimeout: 'escalate' },
      { key: 'auto', name: '自动审批', approvers: { kind: 'users', userIds: [fin.actor.userId] }, mode: 'any', timeLimitHours: 2, onTimeout: 'auto_approve' },
    ]);
    const inst = await h.approvals.submit(sales.actor, { businessType: 'receipt', businessId: h.receipts.add(sales.actor) });
    const t0 = clock.now().getTime();
    await h.timers.runApprovalTimers(new Date(t0 + 9 * HOUR));
    const escalated = await h.approvals.get(firm.admin, inst.id);
    t.deepEqual(escalated.record.map((r) => [r.appointedApproverName, r.statusLabel, r.reason]), [['赵财务', '已转交', 'escalated'], ['管理员', '待审批', 'escalated']]);
    const adminTask = escalated.myOpenTaskIds[0] as string;
    clock.set(new Date(t0 + 10 * HOUR));
    await h.approvals.decide(firm.admin, inst.id, { taskId: adminTask, decision: 'approve' });
    await h.timers.runApprovalTimers(new Date(t0 + 13 * HOUR));
    const done = await h.approvals.get(sales.actor, inst.id);
    t.is(done.status, 'approved');
    const last = done.record[done.record.length - 1];
    t.deepEqual([last?.nodeName, last?.statusLabel, last?.automatic, last?.reason, last?.actualApproverId], ['自动审批', '已通过', true, 'timeout', null]);
    const outcome = await crm.database.knex('activities').where({ tenant_id: firm.tenantId, subject_type: 'receipt_outcome', subject_id: inst.businessId });
    t.is(outcome.length, 1);
  });

  test.serial(`[${backend}] two timer runners at once act once on each due instance`, async (t) => {
    const { firm, sales, fin } = c;
    await c.receiptFlow([{ key: 'finance', name: '财务审批', approvers: { kind: 'users', userIds: [fin.actor.userId] }, mode: 'any', timeLimitHours: 1 }]);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await h.approvals.submit(sales.actor, { businessType: 'receipt', businessId: h.receipts.add(sales.actor) })).id);
    const at = new Date(clock.now().getTime() + 2 * HOUR);
    const [a, b] = await Promise.all([h.timers.runApprovalTimers(at), h.timers.runApprovalTimers(at)]);
    t.deepEqual([a.failed, b.failed], [[], []]);
    for (const id of ids) t.is((await eventTypes(crm, firm.tenantId, id)).filter((e) => e === 'approval.task_reminder').length, 1);
  });
}
