// Approval instances against the database: saved and reloaded whole, the record with names, my pending tasks
// and my submissions, races (one decision per 或签 node, one instance per record, retries that act once),
// the business object's reaction in the same transaction, and tenant isolation.
import test from 'ava';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import { Timeline, UnitOfWork } from '../../../core/shared/ports.js';
import { backends } from '../../support/database.js';
import { testCrm } from '../../support/crm.js';
import { aFirm } from '../../support/tenant.js';
import { aReceiptFlow, code, eventTypes, harness, type Harness } from './harness.js';

const financeNode = { key: 'finance', name: '财务审批', approvers: { kind: 'role', role: 'finance' }, mode: 'any' } as const;
const opsNode = { key: 'ops', name: '运营审批', approvers: { kind: 'role', role: 'operations' }, mode: 'any' } as const;

for (const backend of backends()) {
  let crm: Crm;
  let h: Harness;
  test.before(async () => {
    crm = await testCrm(backend);
    h = harness(crm);
  });
  test.after.always(async () => {
    await crm?.close();
  });
  const db = () => crm.database.knex;

  test.serial(`[${backend}] submit, decide twice through two nodes: saved, reloaded, listed, recorded with names, outcome written in the same transaction`, async (t) => {
    const firm = await aFirm(crm);
    const sales = await firm.person(['sales'], { name: '孙露露' });
    const fin = await firm.person(['finance'], { name: '赵财务' });
    const ops = await firm.person(['operations'], { name: '钱运营' });
    await aReceiptFlow(crm, firm.admin, [financeNode, opsNode]);
    const receiptId = h.receipts.add(sales.actor);
    const submitted = await h.approvals.submit(sales.actor, { businessType: 'receipt', businessId: receiptId });
    t.is(submitted.status, 'pending');
    t.is(submitted.currentNode?.name, '财务审批');
    t.false(submitted.replayed);
    const mine = await h.approvals.myPendingTasks(fin.actor, { limit: 10 });
    t.deepEqual(mine.items.map((x) => [x.instanceId, x.nodeName, x.submitterName, x.flowName]), [[submitted.id, '财务审批', '孙露露', '回款审批']]);
    t.deepEqual((await h.approvals.myPendingTasks(ops.actor, { limit: 10 })).items, []);
    const taskId = mine.items[0]?.taskId as string;
    const afterFinance = await h.approvals.decide(fin.actor, submitted.id, { taskId, decision: 'approve', opinion: '金额无误', requestId: 'r-1' });
    t.is(afterFinance.currentNode?.name, '运营审批');
    t.is(afterFinance.version, 2);
    const opsTask = (await h.approvals.myPendingTasks(ops.actor, { limit: 10 })).items[0]?.taskId as string;
    const done = await h.approvals.decide(ops.actor, submitted.id, { taskId: opsTask, decision: 'approve', requestId: 'r-2' });
    t.is(done.status, 'approved');
    t.is(done.statusLabel, '已通过');
    const record = (await h.approvals.get(sales.actor, submitted.id)).record;
    t.deepEqual(record.map((r) => [r.heading, r.nodeName, r.appointedApproverName, r.actualApproverName, r.statusLabel, r.opinion]), [
      ['第1节点审核', '财务审批', '赵财务', '赵财务', '已通过', '金额无误'],
      ['第2节点审核', '运营审批', '钱运营', '钱运营', '已通过', null],
    ]);
    t.true(record.every((r) => r.decidedAt instanceof Date));
    const timeline = await crm.container.get<UnitOfWork>(UnitOfWork).read((tx) => crm.container.get<Timeline>(Timeline).list(tx, firm.tenantId, 'receipt', receiptId));
    t.deepEqual(timeline.map((a) => a.summary), [
      '提交审批「回款审批」', '财务审批：赵财务通过，意见：金额无误', '运营审批：钱运营通过', '审批通过「回款审批」',
    ]);
    t.deepEqual(await eventTypes(crm, firm.tenantId, submitted.id), [
      'approval.submitted', 'approval.task_assigned', 'approval.decided', 'approval.task_assigned', 'approval.decided', 'approval.instance_approved', 'approval.approved',
    ]);
    const assigned = await db()('outbox_events').where({ tenant_id: firm.tenantId, subject_id: submitted.id, type: 'approval.task_assigned' }).orderBy('id');
    t.deepEqual(assigned.map((e: { data: { userId: string } }) => e.data.userId), [fin.actor.userId, ops.actor.userId]);
    const outcome = await db()('activities').where({ tenant_id: firm.tenantId, subject_type: 'receipt_outcome', subject_id: receiptId });
    t.deepEqual(outcome.map((o: { action: string }) => o.action), ['approval.approved']);
    const submittedList = await h.approvals.submittedByMe(sales.actor, {}, { limit: 10 });
    t.deepEqual(submittedList.items.map((i) => [i.id, i.status, i.flowName]), [[submitted.id, 'approved', '回款审批']]);
    t.deepEqual((await h.approvals.submittedByMe(sales.actor, { status: 'pending' }, { limit: 10 })).items, []);
  });

  test.serial(`[${backend}] two approvers deciding one 或签 node at once: exactly one decision counts, the other gets approval.already_decided`, async (t) => {
    const firm = await aFirm(crm);
    const sales = await firm.person(['sales']);
    const a = await firm.person(['finance']);
    const b = await firm.person(['finance']);
    await aReceiptFlow(crm, firm.admin, [financeNode]);
    const inst = await h.approvals.submit(sales.actor, { businessType: 'receipt', businessId: h.receipts.add(sales.actor) });
    const taskOf = async (p: typeof a) => (await h.approvals.myPendingTasks(p.actor, { limit: 5 })).items[0]?.taskId as string;
    const [ta, tb] = [await taskOf(a), await taskOf(b)];
    const results = await Promise.all([
      code(h.approvals.decide(a.actor, inst.id, { taskId: ta, decision: 'approve', requestId: 'a-1' })),
      code(h.approvals.decide(b.actor, inst.id, { taskId: tb, decision: 'reject', opinion: '金额不符', requestId: 'b-1' })),
    ]);
    t.deepEqual([...results].sort(), ['approval.already_decided', 'ok']);
    const final = await h.approvals.get(firm.admin, inst.id);
    t.is(final.record.filter((r) => r.status === 'approved' || r.status === 'rejected').length, 1);
    t.is(final.version, 2);
    t.is((await eventTypes(crm, firm.tenantId, inst.id)).filter((x) => x === 'approval.decided').length, 1);
    const outcomes = await db()('activities').where({ tenant_id: firm.tenantId, subject_type: 'receipt_outcome', subject_id: inst.businessId });
    t.is(outcomes.length, 1);
  });

  test.serial(`[${backend}] a retried decision with the same requestId (even concurrently) decides once and answers replayed`, async (t) => {
    const firm = await aFirm(crm);
    const sales = await firm.person(['sales']);
    const fin = await firm.person(['finance']);
    await aReceiptFlow(crm, firm.admin, [financeNode, opsNode]);
    await firm.person(['operations']);
    const inst = await h.approvals.submit(sales.actor, { businessType: 'receipt', businessId: h.receipts.add(sales.actor) });
    const taskId = (await h.approvals.myPendingTasks(fin.actor, { limit: 5 })).items[0]?.taskId as string;
    const cmd = { taskId, decision: 'approve' as const, requestId: 'same-key' };
    const [x, y] = await Promise.all([h.approvals.decide(fin.actor, inst.id, cmd), h.approvals.decide(fin.actor, inst.id, cmd)]);
    t.deepEqual([x.replayed, y.replayed].sort(), [false, true]);
    const again = await h.approvals.decide(fin.actor, inst.id, cmd);
    t.true(again.replayed);
    t.is(again.version, 2);
    t.is((await eventTypes(crm, firm.tenantId, inst.id)).filter((e) => e === 'approval.decided').length, 1);
    t.is(await code(h.approvals.decide(fin.actor, inst.id, { ...cmd, decision: 'reject' })), 'approval.request_id_reused');
  });

  test.serial(`[${backend}] two submissions of one record start one instance; a retried submission returns it`, async (t) => {
    const firm = await aFirm(crm);
    const sales = await firm.person(['sales']);
    await firm.person(['finance']);
    await aReceiptFlow(crm, firm.admin, [financeNode]);
    const receiptId = h.receipts.add(sales.actor);
    const results = await Promise.all([
      code(h.approvals.submit(sales.actor, { businessType: 'receipt', businessId: receiptId })),
      code(h.approvals.submit(sales.actor, { businessType: 'receipt', businessId: receiptId })),
    ]);
    t.deepEqual(results.sort(), ['approval.already_pending', 'ok']);
    const other = h.receipts.add(sales.actor);
    const [p, q] = await Promise.all([
      h.approvals.submit(sales.actor, { businessType: 'receipt', businessId: other, requestId: 'submit-1' }),
      h.approvals.submit(sales.actor, { businessType: 'receipt', businessId: other, requestId: 'submit-1' }),
    ]);
    t.is(p.id, q.id);
    t.deepEqual([p.replayed, q.replayed].sort(), [false, true]);
    t.is(await code(h.approvals.submit(sales.actor, { businessType: 'receipt', businessId: receiptId, requestId: 'submit-1' })), 'approval.request_id_reused');
    t.is((await h.approvals.listForBusiness(sales.actor, 'receipt', other)).length, 1);
  });

  test.serial(`[${backend}] the business object's reaction runs in the deciding transaction: when it fails, the decision is not saved`, async (t) => {
    const firm = await aFirm(crm);
    const sales = await firm.person(['sales']);
    const fin = await firm.person(['finance']);
    await aReceiptFlow(crm, firm.admin, [financeNode]);
    const inst = await h.approvals.submit(sales.actor, { businessType: 'receipt', businessId: h.receipts.add(sales.actor) });
    const taskId = inst.record[0]?.taskId as string;
    h.receipts.failOutcome = true;
    try {
      await t.throwsAsync(h.approvals.decide(fin.actor, inst.id, { taskId, decision: 'approve', requestId: 'x' }), { message: 'receipt could not react' });
    } finally {
      h.receipts.failOutcome = false;
    }
    const after = await h.approvals.get(sales.actor, inst.id);
    t.is(after.status, 'pending');
    t.is(after.version, 1);
    t.false((await eventTypes(crm, firm.tenantId, inst.id)).includes('approval.decided'));
  });

  test.serial(`[${backend}] withdraw before any decision; 代审 by an administrator keeps 节点审批人 and 真正审批人 apart; transfer moves the turn`, async (t) => {
    const firm = await aFirm(crm);
    const sales = await firm.person(['sales'], { name: '孙露露' });
    const fin = await firm.person(['finance'], { name: '赵财务' });
    const colleague = await firm.person(['finance'], { name: '周财务' });
    await aReceiptFlow(crm, firm.admin, [{ ...financeNode, approvers: { kind: 'users', userIds: [fin.actor.userId] } }]);
    const first = await h.approvals.submit(sales.actor, { businessType: 'receipt', businessId: h.receipts.add(sales.actor) });
    t.is(await code(h.approvals.withdraw(fin.actor, first.id)), 'approval.not_submitter');
    const withdrawn = await h.approvals.withdraw(sales.actor, first.id, { requestId: 'w' });
    t.is(withdrawn.statusLabel, '已撤回');
    t.deepEqual(withdrawn.record.map((r) => r.statusLabel), ['已撤回']);

    const second = await h.approvals.submit(sales.actor, { businessType: 'receipt', businessId: h.receipts.add(sales.actor) });
    const taskId = second.record[0]?.taskId as string;
    t.is(await code(h.approvals.decide(colleague.actor, second.id, { taskId, decision: 'approve' })), 'approval.not_your_task');
    const moved = await h.approvals.transfer(fin.actor, second.id, { taskId, toUserId: colleague.actor.userId, opinion: '请周财务处理' });
    const newTask = moved.record[1]?.taskId as string;
    t.deepEqual(moved.record.map((r) => [r.appointedApproverName, r.statusLabel]), [['赵财务', '已转交'], ['周财务', '待审批']]);
    const decided = await h.approvals.decide(firm.admin, second.id, { taskId: newTask, decision: 'approve', onBehalf: true, opinion: '代审通过' });
    const row = decided.record[1];
    t.deepEqual([row?.appointedApproverName, row?.actualApproverName, row?.onBehalf, row?.statusLabel], ['周财务', '管理员', true, '已通过']);
    t.is(await code(h.approvals.withdraw(sales.actor, second.id)), 'approval.withdraw_not_allowed');
  });

  test.serial(`[${backend}] another tenant's instance is not found for reading, deciding, transferring or withdrawing, and never listed`, async (t) => {
    const firm = await aFirm(crm);
    const other = await aFirm(crm);
    const sales = await firm.person(['sales']);
    const fin = await firm.person(['finance']);
    await aReceiptFlow(crm, firm.admin, [financeNode]);
    const inst = await h.approvals.submit(sales.actor, { businessType: 'receipt', businessId: h.receipts.add(sales.actor) });
    const taskId = inst.record[0]?.taskId as string;
    t.is(await code(h.approvals.get(other.admin, inst.id)), 'approval.not_found');
    t.is(await code(h.approvals.decide(other.admin, inst.id, { taskId, decision: 'approve', onBehalf: true })), 'approval.not_found');
    t.is(await code(h.approvals.transfer(other.admin, inst.id, { taskId, toUserId: other.admin.userId, onBehalf: true })), 'approval.not_found');
    t.is(await code(h.approvals.withdraw(other.admin, inst.id)), 'approval.not_found');
    t.is(await code(h.approvals.listForBusiness(other.admin, 'receipt', inst.businessId)), 'receipt.not_found');
    t.deepEqual((await h.approvals.myPendingTasks(other.admin, { limit: 10 })).items, []);
    t.deepEqual((await h.approvals.submittedByMe(other.admin, {}, { limit: 10 })).items, []);
    t.is(await code(h.approvals.submit(other.admin, { businessType: 'receipt', businessId: inst.businessId })), 'receipt.not_found');
    // Inside the firm: a colleague whose data scope does not reach the record does not see its approval either;
    // an approver involved in it does, and a manager whose scope reaches it does.
    const outsider = await firm.person(['sales']);
    t.is(await code(h.approvals.get(outsider.actor, inst.id)), 'approval.not_found');
    t.is(await code(h.approvals.listForBusiness(outsider.actor, 'receipt', inst.businessId)), 'receipt.not_found');
    t.is((await h.approvals.get(fin.actor, inst.id)).myOpenTaskIds.length, 1);
    const manager = await firm.person(['manager']);
    t.deepEqual((await h.approvals.get(manager.actor, inst.id)).myOpenTaskIds, []);
  });

  test.serial(`[${backend}] a node nobody can approve goes to the administrator, or passes as 自动 under the skip rule; no flow is approval.no_flow`, async (t) => {
    const firm = await aFirm(crm);
    const sales = await firm.person(['sales']);
    t.is(await code(h.approvals.submit(sales.actor, { businessType: 'receipt', businessId: h.receipts.add(sales.actor) })), 'approval.no_flow');
    const flowId = await aReceiptFlow(crm, firm.admin, [financeNode]); // nobody holds the finance role
    const toAdmin = await h.approvals.submit(sales.actor, { businessType: 'receipt', businessId: h.receipts.add(sales.actor) });
    t.deepEqual(toAdmin.record.map((r) => [r.appointedApproverId, r.reason, r.statusLabel]), [[firm.admin.userId, 'no_approver', '待审批']]);
    await crm.approvalFlows.update(firm.admin, flowId, { version: 1, noApproverRule: 'skip' });
    const skipped = await h.approvals.submit(sales.actor, { businessType: 'receipt', businessId: h.receipts.add(sales.actor) });
    t.is(skipped.status, 'approved');
    t.deepEqual(skipped.record.map((r) => [r.statusLabel, r.automatic]), [['自动', true]]);
    // The first instance still runs on version 1 (admin rule) after the edit.
    t.is((await h.approvals.get(firm.admin, toAdmin.id)).flow.version, 1);
  });
}
