import test from 'ava';
import { nextTimerAt, onTimer, type ApprovalInstance, type Directory, type NodeDef } from '../../../core/approvals/index.js';
import { aDirectory, aFlow, aNode, decideBy, frozen, hoursAfter, idSequence, submitted, summary } from './builders.js';

function timed(over: Partial<NodeDef>, userIds = ['li']): ApprovalInstance {
  return submitted(aFlow([aNode({ key: 'n', approvers: { kind: 'users', userIds }, timeLimitHours: 24, ...over })])).instance;
}
function tick(instance: ApprovalInstance, hours: number, directory: Directory = aDirectory()): ReturnType<typeof onTimer> {
  return onTimer(frozen(instance), { now: hoursAfter(hours), directory, ids: idSequence('timer') });
}

test('an open task is due its time limit after it opened', (t) => {
  t.deepEqual(timed({}).tasks[0]?.dueAt, hoursAfter(24));
  t.deepEqual(nextTimerAt(timed({})), hoursAfter(24));
});

test('before the time limit the timer changes nothing', (t) => {
  const instance = timed({ onTimeout: 'auto_approve' });
  const s = tick(instance, 23.9);
  t.is(s.instance, instance);
  t.deepEqual(s.effects, { notifications: [], events: [] });
});

test('remind: at the limit the approver is reminded once, and the timer then has nothing left to do', (t) => {
  const s1 = tick(timed({ onTimeout: 'remind' }), 24);
  t.deepEqual(s1.instance.tasks[0]?.remindedAt, hoursAfter(24));
  t.is(s1.instance.tasks[0]?.status, 'pending');
  t.deepEqual(s1.effects.notifications.map((n) => `${n.userId}:${n.kind}`), ['li:task_reminder']);
  t.is(s1.instance.version, 2);
  t.is(nextTimerAt(s1.instance), null);
  t.is(tick(s1.instance, 48).instance, s1.instance);
});

test('escalate after a grace: reminded at the limit, then given to the administrator automatically', (t) => {
  const instance = timed({ onTimeout: 'escalate', graceHours: 4 });
  const s1 = tick(instance, 24);
  t.deepEqual(s1.effects.notifications.map((n) => `${n.userId}:${n.kind}`), ['li:task_reminder']);
  t.deepEqual(nextTimerAt(s1.instance), hoursAfter(28));
  const s2 = tick(s1.instance, 28);
  t.deepEqual(summary(s2.instance), ['n:li:transferred', 'n:admin:pending']);
  t.like(s2.instance.tasks[0], { automatic: true, reason: 'escalated', actualApproverId: null, transferredToUserId: 'admin' });
  t.like(s2.instance.tasks[1], { reason: 'escalated', dueAt: null, appointedApproverId: 'admin' });
  t.deepEqual(s2.effects.notifications.map((n) => `${n.userId}:${n.kind}`), ['admin:task_assigned']);
  t.is(nextTimerAt(s2.instance), null, 'an escalated task has no limit, so escalation never loops');
  const s3 = decideBy(s2.instance, 'admin', 'approve');
  t.like(s3.instance.tasks[1], { status: 'approved', actualApproverId: 'admin', reason: 'escalated', automatic: false });
  t.is(s3.instance.status, 'approved');
});

test('escalate with no grace goes straight to the administrator without a reminder', (t) => {
  const s = tick(timed({ onTimeout: 'escalate' }), 25);
  t.deepEqual(summary(s.instance), ['n:li:transferred', 'n:admin:pending']);
  t.is(s.instance.tasks[0]?.remindedAt, null);
});

test('escalate when the approver is the only administrator: reminded instead, and the timer stops', (t) => {
  const s = tick(timed({ onTimeout: 'escalate' }, ['admin']), 24);
  t.deepEqual(summary(s.instance), ['n:admin:pending']);
  t.deepEqual(s.instance.tasks[0]?.timedOutAt, hoursAfter(24));
  t.deepEqual(s.effects.notifications.map((n) => `${n.userId}:${n.kind}`), ['admin:task_reminder']);
  t.is(nextTimerAt(s.instance), null);
});

const auto: ['auto_approve' | 'auto_reject', 'approved' | 'rejected'][] = [['auto_approve', 'approved'], ['auto_reject', 'rejected']];
for (const [onTimeout, outcome] of auto) {
  test(`${onTimeout}: the task is ${outcome} automatically and the record shows it`, (t) => {
    const s = tick(timed({ onTimeout }), 24);
    t.like(s.instance.tasks[0], { status: outcome, automatic: true, reason: 'timeout', actualApproverId: null, appointedApproverId: 'li' });
    t.deepEqual(s.instance.tasks[0]?.decidedAt, hoursAfter(24));
    t.is(s.instance.status, outcome);
    t.deepEqual(s.effects.events.map((e) => [e.type, e.actorId]), [[`approval.${outcome}`, null]]);
  });
}

test('会签 with auto_approve: every overdue approval is decided in one tick and the instance ends once', (t) => {
  const s = tick(timed({ onTimeout: 'auto_approve', mode: 'all' }, ['li', 'wang']), 24);
  t.deepEqual(summary(s.instance), ['n:li:approved', 'n:wang:approved']);
  t.deepEqual(s.effects.events.map((e) => e.type), ['approval.approved']);
});

test('sequential: the next turn gets its own time limit from when it opens', (t) => {
  const s1 = decideBy(timed({ onTimeout: 'remind' }, ['li', 'wang']), 'li', 'approve', hoursAfter(10));
  t.deepEqual(s1.instance.tasks[1]?.dueAt, hoursAfter(34));
  t.deepEqual(nextTimerAt(s1.instance), hoursAfter(34));
});

test('the timer leaves an ended instance alone', (t) => {
  const ended = decideBy(timed({ onTimeout: 'auto_reject' }), 'li', 'approve').instance;
  t.is(tick(ended, 100).instance, ended);
  t.is(nextTimerAt(ended), null);
});
