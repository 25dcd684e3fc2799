import test from 'ava';
import { DomainError } from '../../../core/shared/domain-error.js';
import { decide, pendingTasksFor, transfer, withdraw, type ApprovalInstance, type TransferCommand } from '../../../core/approvals/index.js';
import { aDirectory, aFlow, aNode, decideBy, hoursAfter, idSequence, openTaskOf, submitted, summary } from './builders.js';

const T1 = hoursAfter(1);
const seq = aFlow([aNode({ key: 'n', approvers: { kind: 'users', userIds: ['li', 'wang'] } })]);
const all = aFlow([aNode({ key: 'n', approvers: { kind: 'users', userIds: ['li', 'wang'] }, mode: 'all' })]);

function transferOf(instance: ApprovalInstance, over: Partial<TransferCommand> & { actorId: string; toUserId: string }): ReturnType<typeof transfer> {
  const taskId = over.taskId ?? instance.tasks.find((x) => x.status === 'pending')!.id;
  return transfer(instance, { taskId, opinion: '出差，请代为审批', requestId: `tr-${over.toUserId}`, now: T1, directory: aDirectory(), ids: idSequence('n'), ...over });
}

test('the submitter withdraws before any decision: every open task shows 已撤回 and the business object hears it', (t) => {
  const { instance } = submitted(seq);
  const s = withdraw(instance, { actorId: 'sun', requestId: 'w1', now: T1 });
  t.is(s.instance.status, 'withdrawn');
  t.deepEqual(summary(s.instance), ['n:li:withdrawn', 'n:wang:withdrawn']);
  t.deepEqual(s.effects.events.map((e) => [e.type, e.actorId]), [['approval.withdrawn', 'sun']]);
  t.deepEqual(s.effects.notifications.map((n) => `${n.userId}:${n.kind}`), ['li:task_withdrawn'], 'only the approver whose task was open is told');
  t.deepEqual(s.instance.endedAt, T1);
});

test('withdrawal is refused after the first decision (approval.withdraw_not_allowed, conflict)', (t) => {
  const { instance } = decideBy(submitted(seq).instance, 'li', 'approve');
  const e = t.throws(() => withdraw(instance, { actorId: 'sun', requestId: 'w1', now: T1 }), { instanceOf: DomainError });
  t.is(e?.code, 'approval.withdraw_not_allowed');
  t.is(e?.kind, 'conflict');
});

test('withdrawal is still possible after a transfer (a transfer is not a decision)', (t) => {
  const s1 = transferOf(submitted(seq).instance, { actorId: 'li', toUserId: 'zhao' });
  t.is(withdraw(s1.instance, { actorId: 'sun', requestId: 'w1', now: T1 }).instance.status, 'withdrawn');
});

test('only the submitter may withdraw (approval.not_submitter)', (t) => {
  const e = t.throws(() => withdraw(submitted(seq).instance, { actorId: 'li', requestId: 'w1', now: T1 }), { instanceOf: DomainError });
  t.is(e?.code, 'approval.not_submitter');
  t.is(e?.kind, 'forbidden');
});

test('a transfer gives the same turn to the new person; the old task shows 已转交 with who and why', (t) => {
  const s = transferOf(submitted(seq).instance, { actorId: 'li', toUserId: 'zhao' });
  t.deepEqual(summary(s.instance), ['n:li:transferred', 'n:wang:waiting', 'n:zhao:pending']);
  const [old, , fresh] = s.instance.tasks;
  t.like(old, { actualApproverId: 'li', transferredToUserId: 'zhao', opinion: '出差，请代为审批', automatic: false });
  t.like(fresh, { appointedApproverId: 'zhao', transferredFromTaskId: old!.id, order: 0, activation: old!.activation });
  t.deepEqual(s.effects.notifications.map((n) => `${n.userId}:${n.kind}`), ['zhao:task_assigned']);
  t.deepEqual(pendingTasksFor(s.instance, 'li'), []);
  t.deepEqual(pendingTasksFor(s.instance, 'zhao').map((x) => x.id), [fresh!.id]);
  const s2 = decideBy(s.instance, 'zhao', 'approve');
  t.deepEqual(summary(s2.instance), ['n:li:transferred', 'n:wang:pending', 'n:zhao:approved'], 'the turn then passes on as before');
});

test('after a transfer the original approver can no longer decide', (t) => {
  const s = transferOf(submitted(seq).instance, { actorId: 'li', toUserId: 'zhao' });
  const [old, , fresh] = s.instance.tasks;
  const base = { actorId: 'li', decision: 'approve' as const, requestId: 'q', now: T1, directory: aDirectory(), ids: idSequence() };
  t.is(t.throws(() => decide(s.instance, { ...base, taskId: old!.id }), { instanceOf: DomainError })?.code, 'approval.already_decided');
  t.is(t.throws(() => decide(s.instance, { ...base, taskId: fresh!.id }), { instanceOf: DomainError })?.code, 'approval.not_your_task');
});

const refusals: [string, ApprovalInstance, Partial<TransferCommand> & { actorId: string; toUserId: string }, string][] = [
  ['to the same person', submitted(seq).instance, { actorId: 'li', toUserId: 'li' }, 'approval.transfer_to_self'],
  ['to someone who left', submitted(seq).instance, { actorId: 'li', toUserId: 'zhou' }, 'approval.transferee_inactive'],
  ['to someone unknown', submitted(seq).instance, { actorId: 'li', toUserId: 'nobody' }, 'approval.transferee_inactive'],
  ['to someone already holding an open task of the node', submitted(all).instance, { actorId: 'li', toUserId: 'wang' }, 'approval.transferee_already_assigned'],
  ['by someone else', submitted(seq).instance, { actorId: 'wang', toUserId: 'zhao' }, 'approval.not_your_task'],
];

for (const [name, instance, cmd, code] of refusals) {
  test(`a transfer ${name} is refused with ${code}`, (t) => {
    t.is(t.throws(() => transferOf(instance, cmd), { instanceOf: DomainError })?.code, code);
  });
}

test('an administrator decides on behalf (代审): the record keeps the appointed and the actual approver', (t) => {
  const { instance } = submitted(seq);
  const s = decide(instance, { taskId: openTaskOf(instance, 'li').id, actorId: 'admin', onBehalf: true, decision: 'approve', opinion: '代审通过', requestId: 'q', now: T1, directory: aDirectory(), ids: idSequence() });
  t.like(s.instance.tasks[0], { appointedApproverId: 'li', actualApproverId: 'admin', onBehalf: true, status: 'approved', opinion: '代审通过', automatic: false });
});

const behalfRefusals: [string, string, boolean, ReturnType<typeof aDirectory>][] = [
  ['an administrator who does not say it is on behalf', 'admin', false, aDirectory()],
  ['a non-administrator claiming to act on behalf', 'wang', true, aDirectory()],
  ['an administrator who has left', 'admin', true, aDirectory({ users: aDirectory().users.map((u) => (u.id === 'admin' ? { ...u, active: false } : u)) })],
];

for (const [name, actorId, onBehalf, directory] of behalfRefusals) {
  test(`代审 is refused for ${name} (approval.not_your_task, forbidden)`, (t) => {
    const { instance } = submitted(seq);
    const e = t.throws(() => decide(instance, { taskId: openTaskOf(instance, 'li').id, actorId, onBehalf, decision: 'approve', requestId: 'q', now: T1, directory, ids: idSequence() }), { instanceOf: DomainError });
    t.is(e?.code, 'approval.not_your_task');
    t.is(e?.kind, 'forbidden');
  });
}
