import test from 'ava';
import { DomainError } from '../../../core/shared/domain-error.js';
import { decide, type ApproverSpec, type Directory } from '../../../core/approvals/index.js';
import { aDirectory, aFlow, aNode, hoursAfter, idSequence, openTaskOf, submitted, summary } from './builders.js';

const withInactiveHead = aDirectory({ submitterDepartmentHeads: ['zhou'] });
const causes: [string, ApproverSpec, Directory][] = [
  ['the named person left', { kind: 'users', userIds: ['zhou'] }, aDirectory()],
  ['nobody holds the role', { kind: 'role', role: 'risk' }, aDirectory()],
  ['the department has no head that high up', { kind: 'department_head', levelsUp: 5 }, aDirectory()],
  ['the department head is inactive', { kind: 'department_head', levelsUp: 0 }, withInactiveHead],
];

for (const [cause, approvers, directory] of causes) {
  test(`no approver because ${cause}: the skip rule passes the node as 自动 and the next opens`, (t) => {
    const flow = aFlow([aNode({ key: 'a', approvers }), aNode({ key: 'b', approvers: { kind: 'users', userIds: ['wang'] } })], { noApproverRule: 'skip' });
    const { instance } = submitted(flow, { directory });
    t.deepEqual(summary(instance), ['a:-:auto', 'b:wang:pending']);
    t.like(instance.tasks[0], { automatic: true, reason: 'no_approver', actualApproverId: null });
  });

  test(`no approver because ${cause}: the admin rule gives the node to the administrator`, (t) => {
    const flow = aFlow([aNode({ key: 'a', approvers })], { noApproverRule: 'admin' });
    const { instance, effects } = submitted(flow, { directory });
    t.deepEqual(summary(instance), ['a:admin:pending']);
    t.like(instance.tasks[0], { reason: 'no_approver', automatic: false });
    t.deepEqual(effects.notifications.map((n) => `${n.userId}:${n.kind}`), ['admin:task_assigned']);
  });
}

test('the admin rule with no active administrator refuses loudly with approval.no_approver, never stuck', (t) => {
  const flow = aFlow([aNode({ key: 'a', name: '财务审批', approvers: { kind: 'role', role: 'risk' } })], { noApproverRule: 'admin' });
  const e = t.throws(() => submitted(flow, { directory: aDirectory({ administratorIds: [] }) }), { instanceOf: DomainError });
  t.is(e?.code, 'approval.no_approver');
  t.true(e?.text.zh.includes('财务审批'));
});

test('approvers of a later node are resolved when it opens: someone who left meanwhile is passed by the rule', (t) => {
  const flow = aFlow([aNode({ key: 'a' }), aNode({ key: 'b', approvers: { kind: 'users', userIds: ['wang'] } })], { noApproverRule: 'admin' });
  const { instance } = submitted(flow);
  const wangLeft = aDirectory({ users: aDirectory().users.map((u) => (u.id === 'wang' ? { ...u, active: false } : u)) });
  const s = decide(instance, { taskId: openTaskOf(instance, 'li').id, actorId: 'li', decision: 'approve', requestId: 'q', now: hoursAfter(1), directory: wangLeft, ids: idSequence('y') });
  t.deepEqual(summary(s.instance), ['a:li:approved', 'b:admin:pending']);
});

test('when every node is passed by the skip rule the instance is approved at submission', (t) => {
  const flow = aFlow([aNode({ key: 'a', approvers: { kind: 'role', role: 'risk' } })]);
  const { instance, effects } = submitted(flow);
  t.is(instance.status, 'approved');
  t.deepEqual(effects.events.map((e) => e.type), ['approval.submitted', 'approval.approved']);
});
