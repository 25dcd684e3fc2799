import test from 'ava';
import { DomainError } from '../../../core/shared/domain-error.js';
import { decide, type RejectAction } from '../../../core/approvals/index.js';
import { aDirectory, aFlow, aNode, decideBy, idSequence, openTaskOf, submitted, summary, T0 } from './builders.js';

function flowRejecting(onReject: RejectAction) {
  return aFlow([
    aNode({ key: 'a', approvers: { kind: 'users', userIds: ['li'] } }),
    aNode({ key: 'b', approvers: { kind: 'users', userIds: ['wang'] }, onReject }),
  ]);
}

test('a rejection ends the instance as rejected, emits approval.rejected and tells the submitter', (t) => {
  const s1 = decideBy(submitted(flowRejecting('end')).instance, 'li', 'approve');
  const s2 = decideBy(s1.instance, 'wang', 'reject');
  t.is(s2.instance.status, 'rejected');
  t.deepEqual(summary(s2.instance), ['a:li:approved', 'b:wang:rejected']);
  t.like(s2.instance.tasks[1], { opinion: '资料不全', actualApproverId: 'wang' });
  t.deepEqual(s2.effects.events.map((e) => [e.type, e.businessId, e.actorId]), [['approval.rejected', 'order-1', 'wang']]);
  t.deepEqual(s2.effects.notifications.map((n) => `${n.userId}:${n.kind}`), ['sun:instance_rejected']);
});

test('onReject previous returns to the previous node, which must approve again before the node reopens', (t) => {
  const s1 = decideBy(submitted(flowRejecting('previous')).instance, 'li', 'approve');
  const s2 = decideBy(s1.instance, 'wang', 'reject');
  t.is(s2.instance.status, 'pending');
  t.is(s2.instance.currentNodeIndex, 0);
  t.deepEqual(summary(s2.instance), ['a:li:approved', 'b:wang:rejected', 'a:li:pending']);
  t.deepEqual(s2.effects.notifications.map((n) => `${n.userId}:${n.kind}`), ['li:task_assigned']);
  t.deepEqual(s2.effects.events, []);
  const s3 = decideBy(s2.instance, 'li', 'approve');
  t.deepEqual(summary(s3.instance), ['a:li:approved', 'b:wang:rejected', 'a:li:approved', 'b:wang:pending']);
  t.deepEqual(s3.instance.tasks.map((x) => x.activation), [1, 2, 3, 4]);
  const s4 = decideBy(s3.instance, 'wang', 'approve');
  t.is(s4.instance.status, 'approved');
});

test('returning to the previous node passes over nodes whose condition did not hold', (t) => {
  const flow = aFlow([
    aNode({ key: 'a' }),
    aNode({ key: 'b', condition: { field: 'amountFen', op: 'gt', value: 1e12 } }),
    aNode({ key: 'c', approvers: { kind: 'users', userIds: ['wang'] }, onReject: 'previous' }),
  ]);
  const s1 = decideBy(decideBy(submitted(flow).instance, 'li', 'approve').instance, 'wang', 'reject');
  t.deepEqual(summary(s1.instance), ['a:li:approved', 'b:-:skipped', 'c:wang:rejected', 'a:li:pending']);
  const s2 = decideBy(s1.instance, 'li', 'approve');
  t.deepEqual(summary(s2.instance).slice(4), ['c:wang:pending'], 'the skipped node is recorded once, not again');
});

test('onReject previous on the first node ends the instance (there is nothing to return to)', (t) => {
  const flow = aFlow([aNode({ key: 'a', onReject: 'previous' })]);
  t.is(decideBy(submitted(flow).instance, 'li', 'reject').instance.status, 'rejected');
});

test('a rejection must give an opinion; an opinion is at most 500 characters', (t) => {
  const { instance } = submitted(flowRejecting('end'));
  const base = { taskId: openTaskOf(instance, 'li').id, actorId: 'li', requestId: 'q1', now: T0, directory: aDirectory(), ids: idSequence() };
  t.is(t.throws(() => decide(instance, { ...base, decision: 'reject', opinion: '  ' }), { instanceOf: DomainError })?.code, 'approval.opinion_required');
  t.is(t.throws(() => decide(instance, { ...base, decision: 'approve', opinion: '好'.repeat(501) }), { instanceOf: DomainError })?.code, 'approval.opinion_too_long');
  t.is(decide(instance, { ...base, decision: 'approve' }).instance.tasks[0]?.opinion, null);
});
