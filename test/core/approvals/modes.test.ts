import test from 'ava';
import { decide, type ApprovalMode, type ApprovalStep, type InstanceStatus } from '../../../core/approvals/index.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { aDirectory, aFlow, aNode, decideBy, hoursAfter, idSequence, submitted, summary } from './builders.js';

const T1 = hoursAfter(1);

type Step = [user: string, decision: 'approve' | 'reject'];
interface Case {
  name: string;
  mode: ApprovalMode;
  steps: Step[];
  tasks: string[];
  status: InstanceStatus;
}

// One node with three named approvers li, wang, zhao; the table walks decisions and reads the result.
const cases: Case[] = [
  { name: 'sequential opens only the first approver', mode: 'sequential', steps: [], tasks: ['n:li:pending', 'n:wang:waiting', 'n:zhao:waiting'], status: 'pending' },
  { name: 'sequential passes the turn in order', mode: 'sequential', steps: [['li', 'approve']], tasks: ['n:li:approved', 'n:wang:pending', 'n:zhao:waiting'], status: 'pending' },
  { name: 'sequential approves after the last turn', mode: 'sequential', steps: [['li', 'approve'], ['wang', 'approve'], ['zhao', 'approve']], tasks: ['n:li:approved', 'n:wang:approved', 'n:zhao:approved'], status: 'approved' },
  { name: 'sequential rejection by the second skips the third', mode: 'sequential', steps: [['li', 'approve'], ['wang', 'reject']], tasks: ['n:li:approved', 'n:wang:rejected', 'n:zhao:skipped'], status: 'rejected' },
  { name: 'any (或签) opens everyone at once', mode: 'any', steps: [], tasks: ['n:li:pending', 'n:wang:pending', 'n:zhao:pending'], status: 'pending' },
  { name: 'any (或签) closes the siblings as skipped on one approval', mode: 'any', steps: [['wang', 'approve']], tasks: ['n:li:skipped', 'n:wang:approved', 'n:zhao:skipped'], status: 'approved' },
  { name: 'any (或签) is decided by one rejection too', mode: 'any', steps: [['zhao', 'reject']], tasks: ['n:li:skipped', 'n:wang:skipped', 'n:zhao:rejected'], status: 'rejected' },
  { name: 'all (会签) waits while someone has not approved', mode: 'all', steps: [['li', 'approve'], ['zhao', 'approve']], tasks: ['n:li:approved', 'n:wang:pending', 'n:zhao:approved'], status: 'pending' },
  { name: 'all (会签) approves when everyone has', mode: 'all', steps: [['li', 'approve'], ['zhao', 'approve'], ['wang', 'approve']], tasks: ['n:li:approved', 'n:wang:approved', 'n:zhao:approved'], status: 'approved' },
  { name: 'all (会签) fails on one rejection', mode: 'all', steps: [['li', 'approve'], ['wang', 'reject']], tasks: ['n:li:approved', 'n:wang:rejected', 'n:zhao:skipped'], status: 'rejected' },
];

for (const c of cases) {
  test(`mode ${c.mode}: ${c.name}`, (t) => {
    const flow = aFlow([aNode({ key: 'n', approvers: { kind: 'users', userIds: ['li', 'wang', 'zhao'] }, mode: c.mode })]);
    let step: ApprovalStep = submitted(flow);
    for (const [user, decision] of c.steps) step = decideBy(step.instance, user, decision);
    t.deepEqual(summary(step.instance), c.tasks);
    t.is(step.instance.status, c.status);
    t.is(step.instance.version, 1 + c.steps.length);
    const outcome = step.effects.events.filter((e) => e.type !== 'approval.submitted').map((e) => e.type);
    t.deepEqual(outcome, c.status === 'pending' ? [] : [`approval.${c.status}`]);
  });
}

test('submission opens the first node and notifies its approvers; the business object hears approval.submitted', (t) => {
  const flow = aFlow([aNode({ key: 'n', name: '订单一级审批', approvers: { kind: 'users', userIds: ['li', 'wang'] }, mode: 'all' })]);
  const { instance, effects } = submitted(flow);
  t.is(instance.status, 'pending');
  t.is(instance.version, 1);
  t.is(instance.currentNodeIndex, 0);
  t.deepEqual(effects.notifications.map((n) => [n.userId, n.kind, n.nodeName]), [['li', 'task_assigned', '订单一级审批'], ['wang', 'task_assigned', '订单一级审批']]);
  t.deepEqual(effects.events, [{ type: 'approval.submitted', tenantId: 'tenant-1', instanceId: instance.id, businessType: 'order_review', businessId: 'order-1', actorId: 'sun', at: instance.submittedAt }]);
});

test('the last approval emits approval.approved for the business object and tells the submitter', (t) => {
  const flow = aFlow([aNode({ key: 'a' }), aNode({ key: 'b', approvers: { kind: 'role', role: 'finance' }, mode: 'any' })]);
  const s1 = decideBy(submitted(flow).instance, 'li', 'approve');
  t.deepEqual(summary(s1.instance), ['a:li:approved', 'b:zhao:pending', 'b:qian:pending']);
  t.deepEqual(s1.effects.notifications.map((n) => `${n.userId}:${n.kind}`), ['zhao:task_assigned', 'qian:task_assigned']);
  t.deepEqual(s1.effects.events, []);
  const s2 = decideBy(s1.instance, 'qian', 'approve', hoursAfter(3));
  t.is(s2.instance.status, 'approved');
  t.deepEqual(s2.instance.endedAt, hoursAfter(3));
  t.is(s2.instance.currentNodeIndex, null);
  t.deepEqual(s2.effects.events.map((e) => [e.type, e.businessType, e.businessId, e.actorId]), [['approval.approved', 'order_review', 'order-1', 'qian']]);
  t.deepEqual(s2.effects.notifications.map((n) => `${n.userId}:${n.kind}`), ['sun:instance_approved']);
});

test('a sequential approver whose turn has not come is refused with approval.task_not_open', (t) => {
  const flow = aFlow([aNode({ key: 'n', approvers: { kind: 'users', userIds: ['li', 'wang'] } })]);
  const { instance } = submitted(flow);
  const waiting = instance.tasks.find((x) => x.appointedApproverId === 'wang')!;
  const e = t.throws(() => decide(instance, { taskId: waiting.id, actorId: 'wang', decision: 'approve', requestId: 'q', now: T1, directory: aDirectory(), ids: idSequence() }), { instanceOf: DomainError });
  t.is(e?.code, 'approval.task_not_open');
});

test('the approver record keeps appointed and actual approver, time and opinion (the 审批信息 screen)', (t) => {
  const flow = aFlow([aNode({ key: 'level1', name: '订单一级审批', approvers: { kind: 'users', userIds: ['li'] } })]);
  const { instance } = decideBy(submitted(flow).instance, 'li', 'approve', hoursAfter(2));
  const task = instance.tasks[0]!;
  t.like(task, { appointedApproverId: 'li', actualApproverId: 'li', nodeName: '订单一级审批', status: 'approved', opinion: '同意', onBehalf: false, automatic: false });
  t.deepEqual(task.decidedAt, hoursAfter(2));
});

test('any (或签) skips the siblings before the next node opens', (t) => {
  const flow = aFlow([
    aNode({ key: 'a', approvers: { kind: 'users', userIds: ['li', 'wang'] }, mode: 'any' }),
    aNode({ key: 'b', approvers: { kind: 'users', userIds: ['zhao'] } }),
  ]);
  const s = decideBy(submitted(flow).instance, 'li', 'approve');
  t.deepEqual(summary(s.instance), ['a:li:approved', 'a:wang:skipped', 'b:zhao:pending']);
  t.like(s.instance.tasks[1], { automatic: true, reason: 'closed_by_decision', actualApproverId: null });
});
