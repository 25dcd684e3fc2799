import test from 'ava';
import { DomainError } from '../../../core/shared/domain-error.js';
import { decide, transfer, withdraw, type DecideCommand } from '../../../core/approvals/index.js';
import { aDirectory, aFlow, aNode, frozen, hoursAfter, idSequence, openTaskOf, submitted } from './builders.js';

const T1 = hoursAfter(1);
const anyOf = aFlow([aNode({ key: 'n', approvers: { kind: 'users', userIds: ['li', 'wang'] }, mode: 'any' })]);

function cmd(taskId: string, actorId: string, over: Partial<DecideCommand> = {}): DecideCommand {
  return { taskId, actorId, decision: 'approve', opinion: '同意', requestId: 'req-1', now: T1, directory: aDirectory(), ids: idSequence('d'), ...over };
}

test('repeating a decision with the same requestId is a no-op returning the same instance and no effects', (t) => {
  const { instance } = submitted(anyOf);
  const first = decide(frozen(instance), cmd(openTaskOf(instance, 'li').id, 'li'));
  t.false(first.replayed);
  t.is(first.instance.status, 'approved');
  const again = decide(frozen(first.instance), cmd(openTaskOf(instance, 'li').id, 'li'));
  t.true(again.replayed);
  t.is(again.instance, first.instance);
  t.is(again.instance.version, first.instance.version);
  t.deepEqual(again.effects, { notifications: [], events: [] }, 'approval.approved is not announced twice');
});

test('repeating a transfer or a withdrawal with the same requestId is a no-op too', (t) => {
  const { instance } = submitted(anyOf);
  const tr = { taskId: openTaskOf(instance, 'li').id, actorId: 'li', toUserId: 'zhao', requestId: 't1', now: T1, directory: aDirectory(), ids: idSequence('x') };
  const moved = transfer(instance, tr).instance;
  t.true(transfer(moved, tr).replayed);
  const gone = withdraw(moved, { actorId: 'sun', requestId: 'w1', now: T1 }).instance;
  const again = withdraw(gone, { actorId: 'sun', requestId: 'w1', now: T1 });
  t.true(again.replayed);
  t.is(again.instance, gone);
});

test('a requestId reused for a different action is refused (approval.request_id_reused, conflict)', (t) => {
  const { instance } = submitted(anyOf);
  const first = decide(instance, cmd(openTaskOf(instance, 'li').id, 'li')).instance;
  const e = t.throws(() => withdraw(first, { actorId: 'sun', requestId: 'req-1', now: T1 }), { instanceOf: DomainError });
  t.is(e?.code, 'approval.request_id_reused');
  t.is(e?.kind, 'conflict');
});

test('every action needs a requestId', (t) => {
  const { instance } = submitted(anyOf);
  t.is(t.throws(() => decide(instance, cmd(openTaskOf(instance, 'li').id, 'li', { requestId: '' })), { instanceOf: DomainError })?.code, 'approval.request_id_required');
});

test('deciding a task someone already settled is refused with approval.already_decided (conflict)', (t) => {
  const { instance } = submitted(anyOf);
  const wangTask = openTaskOf(instance, 'wang').id;
  const liTask = openTaskOf(instance, 'li').id;
  const after = decide(instance, cmd(liTask, 'li')).instance;
  const late = t.throws(() => decide(after, cmd(wangTask, 'wang', { requestId: 'req-2' })), { instanceOf: DomainError });
  t.is(late?.code, 'approval.already_decided');
  t.is(late?.kind, 'conflict');
  t.deepEqual(late?.details, { taskId: wangTask, status: 'skipped' });
  const twice = t.throws(() => decide(after, cmd(liTask, 'li', { requestId: 'req-3', decision: 'reject', opinion: '改主意' })), { instanceOf: DomainError });
  t.is(twice?.code, 'approval.already_decided');
});

test('a decision by someone who is not the approver is refused with approval.not_your_task (forbidden)', (t) => {
  const { instance } = submitted(anyOf);
  const e = t.throws(() => decide(instance, cmd(openTaskOf(instance, 'li').id, 'zhao')), { instanceOf: DomainError });
  t.is(e?.code, 'approval.not_your_task');
  t.is(e?.kind, 'forbidden');
});

test('an unknown task is approval.task_not_found', (t) => {
  t.is(t.throws(() => decide(submitted(anyOf).instance, cmd('nope', 'li')), { instanceOf: DomainError })?.code, 'approval.task_not_found');
});

test('every change adds one to version and leaves the input untouched; a refused action changes nothing', (t) => {
  const flow = aFlow([aNode({ key: 'n', approvers: { kind: 'users', userIds: ['li', 'wang'] }, mode: 'all' })]);
  const s0 = frozen(submitted(flow).instance);
  t.is(s0.version, 1);
  const s1 = decide(s0, cmd(openTaskOf(s0, 'li').id, 'li')).instance;
  t.is(s1.version, 2);
  t.is(s0.tasks[0]?.status, 'pending');
  t.is(t.throws(() => decide(frozen(s1), cmd(openTaskOf(s1, 'wang').id, 'zhao', { requestId: 'req-9' })), { instanceOf: DomainError })?.code, 'approval.not_your_task');
  t.is(s1.version, 2);
  const s2 = decide(frozen(s1), cmd(openTaskOf(s1, 'wang').id, 'wang', { requestId: 'req-2' })).instance;
  t.is(s2.version, 3);
  t.deepEqual(s2.appliedRequests.map((r) => [r.requestId, r.command, r.actorId, r.detail]), [['req-1', 'decide', 'li', 'approve'], ['req-2', 'decide', 'wang', 'approve']]);
});

test('the instance is plain data: it survives a JSON-like structured clone unchanged', (t) => {
  const { instance } = submitted(anyOf);
  t.deepEqual(structuredClone(instance), instance);
});
