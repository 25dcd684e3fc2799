// Approval instances against the database: saved and reloaded whole, the record with names, my pending tasks
// and my submissions, races (one decision per 或签 node, one instance per record, retries that act once),
// the business object's reaction in the same transaction, and tenant isolation and data scope.
import test from 'ava';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import { Timeline, UnitOfWork } from '../../../core/shared/ports.js';
import { backends } from '../../support/database.js';
import { testCrm } from '../../support/crm.js';
import { aCast, code, eventTypes, harness, type Cast, type Harness, type Person } from './harness.js';

const financeNode = { key: 'finance', name: '财务审批', approvers: { kind: 'role', role: 'finance' }, mode: 'any' } as const;
const opsNode = { key: 'ops', name: '运营审批', approvers: { kind: 'role', role: 'operations' }, mode: 'any' } as const;

for (const backend of backends()) {
  let crm: Crm;
  let h: Harness;
  let c: Cast;
  test.before(async () => {
    crm = await testCrm(backend);
    h = harness(crm);
    c = await aCast(crm);
  });
  test.after.always(async () => {
    await crm?.close();
  });
  const db = () => crm.database.knex;
  const submit = (by: Person = c.sales, requestId?: string) =>
    h.approvals.submit(by.actor, { businessType: 'receipt', businessId: h.receipts.add(by.actor), ...(requestId ? { requestId } : {}) });
  const taskOf = async (p: Person, instanceId: string): Promise<string> =>
    (await h.approvals.myPendingTasks(p.actor, { limit: 200 })).items.find((x) => x.instanceId === instanceId)?.taskId as string;
  const outcomes = (receiptId: string) => db()('activities').where({ tenant_id: c.firm.tenantId, subject_type: 'receipt_outcome', subject_id: receiptId });

  test.serial(`[${backend}] submit, decide through two nodes: saved, reloaded, listed, recorded with names, outcome written in the same transaction`, async (t) => {
    await c.receiptFlow([financeNode, opsNode]);
    const submitted = await submit();
    const receiptId = submitted.businessId;
    t.is(submitted.status, 'pending');
    t.is(submitted.currentNode?.name, '财务审批');
    t.false(submitted.replayed);
    const mine = (await h.approvals.myPendingTasks(c.fin.actor, { limit: 200 })).items.filter((x) => x.instanceId === submitted.id);
    t.deepEqual(mine.map((x) => [x.nodeName, x.submitterName, x.flowName]), [['财务审批', '孙露露', '回款审批']]);
    t.false((await h.approvals.myPendingTasks(c.ops.actor, { limit: 200 })).items.some((x) => x.instanceId === submitted.id));
    const afterFinance = await h.approvals.decide(c.fin.actor, submitted.id, { taskId: mine[0]?.taskId as string, decision: 'approve', opinion: '金额无误', requestId: 'r-1' });
    t.is(afterFinance.currentNode?.name, '运营审批');
    t.is(afterFinance.version, 2);
    const done = await h.approvals.decide(c.ops.actor, submitted.id, { taskId: await taskOf(c.ops, submitted.id), decision: 'approve', requestId: 'r-2' });
    t.deepEqual([done.status, done.statusLabel], ['approved', '已通过']);
    const record = (await h.approvals.get(c.sales.actor, submitted.id)).record;
    t.deepEqual(record.map((r) => [r.heading, r.nodeName, r.appointedApproverName, r.actualApproverName, r.statusLabel, r.opinion]), [
      ['第1节点审核', '财务审批', '赵财务', '赵财务', '已通过', '金额无误'],
      ['第1节点审核', '财务审批', '周财务', null, '已跳过', null],
      ['第2节点审核', '运营审批', '钱运营', '钱运营', '已通过', null],
    ]);
    t.true(record.every((r) => r.decidedAt instanceof Date));
    const timeline = await crm.container.get<UnitOfWork>(UnitOfWork).read((tx) => crm.container.get<Timeline>(Timeline).list(tx, c.firm.tenantId, 'receipt', receiptId));
    t.deepEqual(timeline.map((a) => a.summary), ['提交审批「回款审批」', '财务审批：赵财务通过，意见：金额无误', '运营审批：钱运营通过', '审批通过「回款审批」']);
    t.deepEqual(await eventTypes(crm, c.firm.tenantId, submitted.id), [
      'approval.submitted', 'approval.task_assigned', 'approval.task_assigned', 'approval.decided', 'approval.task_assigned', 'approval.decided',
      'approval.instance_approved', 'approval.approved',
    ]);
    const assigned = await db()('outbox_events').where({ tenant_id: c.firm.tenantId, subject_id: submitted.id, type: 'approval.task_assigned' }).orderBy('id');
    t.deepEqual(assigned.map((e: { data: { userId: string } }) => e.data.userId), [c.fin.actor.userId, c.fin2.actor.userId, c.ops.actor.userId]);
    t.deepEqual((await outcomes(receiptId)).map((o: { action: string }) => o.action), ['approval.approved']);
    const submittedList = (await h.approvals.submittedByMe(c.sales.actor, {}, { limit: 200 })).items.filter((i) => i.id === submitted.id);
    t.deepEqual(submittedList.map((i) => [i.status, i.flowName, i.submitterName]), [['approved', '回款审批', '孙露露']]);
    t.false((await h.approvals.submittedByMe(c.sales.actor, { status: 'pending' }, { limit: 200 })).items.some((i) => i.id === submitted.id));
  });

  test.serial(`[${backend}] two approvers deciding one 或签 node at once: exactly one decision counts, the other gets approval.already_decided`, async (t) => {
    await c.receiptFlow([financeNode]);
    const inst = await submit();
    const [ta, tb] = [await taskOf(c.fin, inst.id), await taskOf(c.fin2, inst.id)];
    const results = await Promise.all([
      code(h.approvals.decide(c.fin.actor, inst.id, { taskId: ta, decision: 'approve', requestId: 'a-1' })),
      code(h.approvals.decide(c.fin2.actor, inst.id, { taskId: tb, decision: 'reject', opinion: '金额不符', requestId: 'b-1' })),
    ]);
    t.deepEqual([...results].sort(), ['approval.already_decided', 'ok']);
    const final = await h.approvals.get(c.firm.admin, inst.id);
    t.is(final.record.filter((r) => r.status === 'approved' || r.status === 'rejected').length, 1);
    t.is(final.version, 2);
    t.is((await eventTypes(crm, c.firm.tenantId, inst.id)).filter((x) => x === 'approval.decided').length, 1);
    t.is((await outcomes(inst.businessId)).length, 1);
  });

  test.serial(`[${backend}] a retried decision with the same requestId (even concurrently) decides once and answers replayed`, async (t) => {
    await c.receiptFlow([financeNode, opsNode]);
    const inst = await submit();
    const cmd = { taskId: await taskOf(c.fin, inst.id), decision: 'approve' as const, requestId: 'same-key' };
    const [x, y] = await Promise.all([h.approvals.decide(c.fin.actor, inst.id, cmd), h.approvals.decide(c.fin.actor, inst.id, cmd)]);
    t.deepEqual([x.replayed, y.replayed].sort(), [false, true]);
    const again = await h.approvals.decide(c.fin.actor, inst.id, cmd);
    t.deepEqual([again.replayed, again.version], [true, 2]);
    t.is((await eventTypes(crm, c.firm.tenantId, inst.id)).filter((e) => e === 'approval.decided').length, 1);
    t.is(await code(h.approvals.decide(c.fin.actor, inst.id, { ...cmd, decision: 'reject' })), 'approval.request_id_reused');
  });

  test.serial(`[${backend}] two submissions of one record start one instance; a retried submission returns it`, async (t) => {
    await c.receiptFlow([financeNode]);
    const receiptId = h.receipts.add(c.sales.actor);
    const results = await Promise.all([
      code(h.approvals.submit(c.sales.actor, { businessType: 'receipt', businessId: receiptId })),
      code(h.approvals.submit(c.sales.actor, { businessType: 'receipt', businessId: receiptId })),
    ]);
    t.deepEqual(results.sort(), ['approval.already_pending', 'ok']);
    const other = h.receipts.add(c.sales.actor);
    const key = `submit-${other}`;
    const [p, q] = await Promise.all([
      h.approvals.submit(c.sales.actor, { businessType: 'receipt', businessId: other, requestId: key }),
      h.approvals.submit(c.sales.actor, { businessType: 'receipt', businessId: other, requestId: key }),
    ]);
    t.is(p.id, q.id);
    t.deepEqual([p.replayed, q.replayed].sort(), [false, true]);
    t.is(await code(h.approvals.submit(c.sales.actor, { businessType: 'receipt', businessId: receiptId, requestId: key })), 'approval.request_id_reused');
    t.is((await h.approvals.listForBusiness(c.sales.actor, 'receipt', other)).length, 1);
  });

  test.serial(`[${backend}] the business object's reaction runs in the deciding transaction: when it fails, the decision is not saved`, async (t) => {
    await c.receiptFlow([{ ...financeNode, approvers: { kind: 'users', userIds: [c.fin.actor.userId] } }]);
    const inst = await submit();
    h.receipts.failOutcome = true;
    try {
      await t.throwsAsync(h.approvals.decide(c.fin.actor, inst.id, { taskId: inst.record[0]?.taskId as string, decision: 'approve' }), { message: 'receipt could not react' });
    } finally {
      h.receipts.failOutcome = false;
    }
    const after = await h.approvals.get(c.sales.actor, inst.id);
    t.deepEqual([after.status, after.version], ['pending', 1]);
    t.false((await eventTypes(crm, c.firm.tenantId, inst.id)).includes('approval.decided'));
  });

  test.serial(`[${backend}] withdraw before any decision; transfer moves the turn; 代审 by an administrator keeps 节点审批人 and 真正审批人 apart`, async (t) => {
    await c.receiptFlow([{ ...financeNode, approvers: { kind: 'users', userIds: [c.fin.actor.userId] } }]);
    const first = await submit();
    t.is(await code(h.approvals.withdraw(c.fin.actor, first.id)), 'approval.not_submitter');
    const withdrawn = await h.approvals.withdraw(c.sales.actor, first.id, { requestId: 'w' });
    t.deepEqual([withdrawn.statusLabel, withdrawn.record.map((r) => r.statusLabel)], ['已撤回', ['已撤回']]);

    const second = await submit();
    const taskId = second.record[0]?.taskId as string;
    t.is(await code(h.approvals.decide(c.fin2.actor, second.id, { taskId, decision: 'approve' })), 'approval.not_your_task');
    const moved = await h.approvals.transfer(c.fin.actor, second.id, { taskId, toUserId: c.fin2.actor.userId, opinion: '请周财务处理' });
    t.deepEqual(moved.record.map((r) => [r.appointedApproverName, r.statusLabel]), [['赵财务', '已转交'], ['周财务', '待审批']]);
    const decided = await h.approvals.decide(c.firm.admin, second.id, { taskId: moved.record[1]?.taskId as string, decision: 'approve', onBehalf: true, opinion: '代审通过' });
    const row = decided.record[1];
    t.deepEqual([row?.appointedApproverName, row?.actualApproverName, row?.onBehalf, row?.statusLabel], ['周财务', '管理员', true, '已通过']);
    t.is(await code(h.approvals.withdraw(c.sales.actor, second.id)), 'approval.withdraw_not_allowed');
  });

  test.serial(`[${backend}] another tenant's instance is not found for reading, deciding, transferring or withdrawing, and never listed; data scope applies inside the firm`, async (t) => {
    await c.receiptFlow([financeNode]);
    const inst = await submit();
    const taskId = inst.record[0]?.taskId as string;
    const other = c.other.admin;
    t.is(await code(h.approvals.get(other, inst.id)), 'approval.not_found');
    t.is(await code(h.approvals.decide(other, inst.id, { taskId, decision: 'approve', onBehalf: true })), 'approval.not_found');
    t.is(await code(h.approvals.transfer(other, inst.id, { taskId, toUserId: other.userId, onBehalf: true })), 'approval.not_found');
    t.is(await code(h.approvals.withdraw(other, inst.id)), 'approval.not_found');
    t.is(await code(h.approvals.listForBusiness(other, 'receipt', inst.businessId)), 'receipt.not_found');
    t.is(await code(h.approvals.submit(other, { businessType: 'receipt', businessId: inst.businessId })), 'receipt.not_found');
    t.deepEqual((await h.approvals.myPendingTasks(other, { limit: 10 })).items, []);
    t.deepEqual((await h.approvals.submittedByMe(other, {}, { limit: 10 })).items, []);
    // Inside the firm: a colleague whose data scope does not reach the record does not see its approval;
    // an approver involved in it does, and an administrator (tenant scope) does.
    t.is(await code(h.approvals.get(c.sales2.actor, inst.id)), 'approval.not_found');
    t.is(await code(h.approvals.listForBusiness(c.sales2.actor, 'receipt', inst.businessId)), 'receipt.not_found');
    t.deepEqual((await h.approvals.get(c.fin.actor, inst.id)).myOpenTaskIds, [await taskOf(c.fin, inst.id)]);
    t.deepEqual((await h.approvals.get(c.firm.admin, inst.id)).myOpenTaskIds, []);
  });

  test.serial(`[${backend}] a node nobody can approve goes to the administrator, or passes as 自动 under the skip rule; a running instance keeps its version`, async (t) => {
    const nobody = { key: 'approver', name: '审批人审批', approvers: { kind: 'role', role: 'approver' }, mode: 'any' } as const;
    await c.receiptFlow([nobody], 'admin');
    const toAdmin = await submit();
    t.deepEqual(toAdmin.record.map((r) => [r.appointedApproverId, r.reason, r.statusLabel]), [[c.firm.admin.userId, 'no_approver', '待审批']]);
    await c.receiptFlow([nobody], 'skip');
    const skipped = await submit();
    t.is(skipped.status, 'approved');
    t.deepEqual(skipped.record.map((r) => [r.statusLabel, r.automatic]), [['自动', true]]);
    const running = await h.approvals.get(c.firm.admin, toAdmin.id);
    t.is(running.flow.version + 1, skipped.flow.version);
    t.is(await code(h.approvals.submit(c.other.admin, { businessType: 'receipt', businessId: h.receipts.add(c.other.admin) })), 'approval.no_flow');
  });
}
