// What a step leaves behind (timeline lines and outbox events), the record view with names, the check of a
// flow's people and roles, and the business-type registry: pure, no database.
import test from 'ava';
import fc from 'fast-check';
import { decide, onTimer, transfer, withdraw } from '../../../core/approvals/index.js';
import { stepRecords } from '../../../core/approvals/step-records.js';
import { instanceView } from '../../../core/approvals/instance-view.js';
import { flowReferenceProblems } from '../../../core/approvals/flow-references.js';
import { ApprovalSubjects, type ApprovalSubject } from '../../../core/approvals/subjects.js';
import { aDirectory, aFlow, aNode, hoursAfter, idSequence, openTaskOf, submitted, T0 } from './builders.js';

const NAMES: Record<string, string> = { sun: '孙露露', li: '李审批', wang: '王经理', zhao: '赵财务', qian: '钱运营', admin: '管理员' };
const nameOf = (id: string): string => NAMES[id] ?? id;
const ctx = { directory: aDirectory(), ids: idSequence('n') };

test('submitting writes 提交审批 on the business object\'s timeline and assigns the first approver', (t) => {
  const step = submitted(aFlow([aNode({ key: 'a', name: '订单一级审批' })]));
  const r = stepRecords(null, step, 'order', nameOf, 'sun');
  t.deepEqual(r.entries.map((e) => [e.subjectType, e.subjectId, e.action, e.summary, e.actorId]), [['order', 'order-1', 'approval.submitted', '提交审批「订单内审」', 'sun']]);
  t.deepEqual(r.events.map((e) => [e.type, e.data.userId ?? null]), [['approval.submitted', null], ['approval.task_assigned', 'li']]);
  t.true(r.events.every((e) => e.subjectType === 'approval_instance' && e.subjectId === step.instance.id && e.data.businessId === 'order-1'));
});

test('a decision on behalf names both people; the end of the instance is its own line and event', (t) => {
  const start = submitted(aFlow([aNode({ key: 'a', name: '订单一级审批' })])).instance;
  const step = decide(start, { taskId: openTaskOf(start, 'li').id, actorId: 'admin', decision: 'approve', onBehalf: true, opinion: '代审', requestId: 'r', now: hoursAfter(1), ...ctx });
  const r = stepRecords(start, step, 'order', nameOf, 'admin');
  t.deepEqual(r.entries.map((e) => e.summary), ['订单一级审批：管理员（代李审批）通过，意见：代审', '审批通过「订单内审」']);
  t.deepEqual(r.events.map((e) => e.type), ['approval.decided', 'approval.instance_approved', 'approval.approved']);
  const decided = r.events[0];
  t.deepEqual([decided?.data.decision, decided?.data.appointedApproverId, decided?.data.actualApproverId, decided?.data.onBehalf], ['approve', 'li', 'admin', true]);
});

test('a rejection, a transfer, an escalation, an automatic decision and a withdrawal each read as people expect', (t) => {
  const flow = aFlow([aNode({ key: 'a', name: '财务审批', timeLimitHours: 1, onTimeout: 'escalate' })]);
  const start = submitted(flow).instance;
  const rejected = decide(start, { taskId: openTaskOf(start, 'li').id, actorId: 'li', decision: 'reject', opinion: '金额不符', requestId: 'r', now: T0, ...ctx });
  t.deepEqual(stepRecords(start, rejected, 'receipt', nameOf, 'li').entries.map((e) => e.summary), ['财务审批：李审批否决，意见：金额不符', '审批被否决「订单内审」']);
  const moved = transfer(start, { taskId: openTaskOf(start, 'li').id, actorId: 'li', toUserId: 'wang', requestId: 't', now: T0, ...ctx });
  t.deepEqual(stepRecords(start, moved, 'receipt', nameOf, 'li').entries.map((e) => e.summary), ['财务审批：李审批转交给王经理']);
  const escalated = onTimer(start, { now: hoursAfter(2), ...ctx });
  const er = stepRecords(start, escalated, 'receipt', nameOf, null);
  t.deepEqual(er.entries.map((e) => [e.summary, e.actorId]), [['财务审批：李审批超时未处理，转交管理员管理员', null]]);
  t.deepEqual(er.events.map((e) => [e.type, e.data.escalated ?? e.data.userId]), [['approval.transferred', true], ['approval.task_assigned', 'admin']]);
  const auto = submitted(aFlow([aNode({ key: 'a', name: '财务审批', timeLimitHours: 1, onTimeout: 'auto_reject' })])).instance;
  t.deepEqual(stepRecords(auto, onTimer(auto, { now: hoursAfter(2), ...ctx }), 'receipt', nameOf, null).entries.map((e) => e.summary), ['财务审批：超时自动否决', '审批被否决「订单内审」']);
  const back = withdraw(start, { actorId: 'sun', requestId: 'w', now: T0 });
  t.deepEqual(stepRecords(start, back, 'receipt', nameOf, 'sun').entries.map((e) => [e.action, e.summary]), [['approval.withdrawn', '撤回审批「订单内审」']]);
});

test('a replayed retry leaves no timeline line and no event', (t) => {
  const start = submitted(aFlow([aNode({ key: 'a' }), aNode({ key: 'b' })])).instance;
  const cmd = { taskId: openTaskOf(start, 'li').id, actorId: 'li', decision: 'approve' as const, requestId: 'r', now: T0, ...ctx };
  const once = decide(start, cmd).instance;
  t.deepEqual(stepRecords(once, decide(once, cmd), 'order', nameOf, 'li'), { entries: [], events: [] });
});

test('every decision of a step gives exactly one approval.decided event and one timeline line (property)', (t) => {
  fc.assert(fc.property(fc.array(fc.constantFrom('approve', 'reject'), { minLength: 1, maxLength: 3 }), (decisions) => {
    const flow = aFlow(decisions.map((_, i) => aNode({ key: `n${i}`, approvers: { kind: 'users', userIds: ['li'] } })));
    let instance = submitted(flow).instance;
    let decided = 0;
    let lines = 0;
    for (const [i, decision] of decisions.entries()) {
      if (instance.status !== 'pending') break;
      const step = decide(instance, { taskId: openTaskOf(instance, 'li').id, actorId: 'li', decision, opinion: 'x', requestId: `r${i}`, now: T0, ...ctx });
      const r = stepRecords(instance, step, 'order', nameOf, 'li');
      decided += r.events.filter((e) => e.type === 'approval.decided').length;
      lines += r.entries.filter((e) => e.action === 'approval.decided').length;
      instance = step.instance;
    }
    const settled = instance.tasks.filter((x) => x.status === 'approved' || x.status === 'rejected').length;
    return decided === settled && lines === settled;
  }));
  t.pass();
});

test('the record view names 节点审批人 and 真正审批人 and lists the viewer\'s open tasks', (t) => {
  const start = submitted(aFlow([aNode({ key: 'a', name: '订单一级审批', approvers: { kind: 'users', userIds: ['li', 'wang'] }, mode: 'any' })])).instance;
  const view = instanceView(start, nameOf, 'wang');
  t.is(view.statusLabel, '审批中');
  t.deepEqual(view.record.map((r) => [r.heading, r.appointedApproverName, r.actualApproverName, r.statusLabel]), [
    ['第1节点审核', '李审批', null, '待审批'], ['第1节点审核', '王经理', null, '待审批'],
  ]);
  t.deepEqual(view.myOpenTaskIds, [openTaskOf(start, 'wang').id]);
  t.deepEqual(view.currentNode, { index: 0, key: 'a', name: '订单一级审批' });
  t.deepEqual(instanceView(start, nameOf, 'sun').myOpenTaskIds, []);
});

test('a flow may name only the tenant\'s users and roles (inactive people are allowed)', (t) => {
  const flow = aFlow([
    aNode({ key: 'a', approvers: { kind: 'users', userIds: ['zhou', 'ghost'] } }),
    aNode({ key: 'b', approvers: { kind: 'role', role: 'finance' } }),
    aNode({ key: 'c', approvers: { kind: 'submitter_chooses', role: 'auditor' } }),
    aNode({ key: 'd', approvers: { kind: 'department_head', levelsUp: 3 } }),
  ]);
  t.deepEqual(flowReferenceProblems(flow, aDirectory(), ['finance', 'manager']).map((p) => [p.path, p.code]), [
    ['/nodes/0/approvers/userIds/1', 'approval.unknown_user'], ['/nodes/2/approvers/role', 'approval.unknown_role'],
  ]);
});

test('the registry answers for registered business types only, and refuses a second registration', (t) => {
  const subject: ApprovalSubject = { timelineSubjectType: 'receipt', facts: async () => ({}) };
  const registry = new ApprovalSubjects([{ businessType: 'receipt', subject }]);
  t.is(registry.get('receipt'), subject);
  t.deepEqual(registry.types(), ['receipt']);
  t.is(t.throws(() => registry.get('invoice'))?.message.startsWith('approval.unsupported_business_type'), true);
  t.throws(() => registry.register('receipt', subject), { message: /already registered/ });
  t.throws(() => registry.register('loan' as never, subject), { message: /Unknown approval business type/ });
});
