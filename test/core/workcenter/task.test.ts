// The task status machine, the task fields and 逾期.
import test from 'ava';
import fc from 'fast-check';
import { DomainError, isDomainError } from '../../../core/shared/domain-error.js';
import { eventsFrom, fire, validateMachine } from '../../../core/shared/state-machine.js';
import { isOverdue, TASK_EVENTS, TASK_MACHINE, TASK_STATUSES, type TaskEvent, type TaskStatus } from '../../../core/workcenter/task.js';
import { checkTaskFields } from '../../../core/workcenter/task-fields.js';

test('the task machine is a valid table', (t) => {
  t.deepEqual(validateMachine(TASK_MACHINE), []);
});

const table: [TaskStatus, TaskEvent, TaskStatus | null][] = [
  ['todo', 'start', 'in_progress'], ['todo', 'complete', 'done'], ['todo', 'cancel', 'cancelled'], ['todo', 'reopen', null],
  ['in_progress', 'start', null], ['in_progress', 'complete', 'done'], ['in_progress', 'cancel', 'cancelled'], ['in_progress', 'reopen', null],
  ['done', 'start', null], ['done', 'complete', null], ['done', 'cancel', null], ['done', 'reopen', 'todo'],
  ['cancelled', 'start', null], ['cancelled', 'complete', null], ['cancelled', 'cancel', null], ['cancelled', 'reopen', 'todo'],
];
for (const [from, event, to] of table) {
  test(`${from} --${event}--> ${to ?? 'refused'}`, (t) => {
    const r = fire(TASK_MACHINE, from, event, null, null);
    if (to === null) {
      t.true(isDomainError(r));
      t.is((r as DomainError).code, 'task.transition_not_allowed');
    } else t.deepEqual(r, { from, to, event });
  });
}

test('from every status, exactly the table\'s events are offered, and any walk stays in known statuses', (t) => {
  t.deepEqual(eventsFrom(TASK_MACHINE, 'todo'), ['start', 'complete', 'cancel']);
  t.deepEqual(eventsFrom(TASK_MACHINE, 'done'), ['reopen']);
  const step = (s: TaskStatus, e: TaskEvent): TaskStatus => {
    const r = fire(TASK_MACHINE, s, e, null, null);
    return isDomainError(r) ? s : r.to;
  };
  fc.assert(fc.property(fc.array(fc.constantFrom(...TASK_EVENTS), { maxLength: 20 }), (events) => TASK_STATUSES.includes(events.reduce(step, 'todo' as TaskStatus))));
});

test('a task is overdue when open and past its due time', (t) => {
  const now = new Date('2026-11-27T10:00:00Z');
  const due = new Date('2026-11-27T09:59:59Z');
  t.true(isOverdue({ dueAt: due, status: 'todo' }, now));
  t.true(isOverdue({ dueAt: due, status: 'in_progress' }, now));
  t.false(isOverdue({ dueAt: due, status: 'done' }, now));
  t.false(isOverdue({ dueAt: due, status: 'cancelled' }, now));
  t.false(isOverdue({ dueAt: now, status: 'todo' }, now));
  t.false(isOverdue({ dueAt: null, status: 'todo' }, now));
});

test('task fields: a trimmed title, known priority and related type; every problem reported at once', (t) => {
  t.deepEqual(checkTaskFields({ title: '  回访  ', priority: 'high', related: { type: 'order', id: '5f0c7b9e-1d2a-4c3b-8e4f-123456789abc' } }, true), {
    title: '回访', priority: 'high', relatedType: 'order', relatedId: '5f0c7b9e-1d2a-4c3b-8e4f-123456789abc',
  });
  const e = t.throws(() => checkTaskFields({ title: ' ', priority: 'asap', related: { type: 'ship', id: 'x' }, description: 'x'.repeat(2001) }, true), { instanceOf: DomainError });
  t.deepEqual(e?.fieldErrors.map((f) => f.path), ['/title', '/description', '/priority', '/related/type']);
});

test('a change may leave the title out, clear the due time and the related record', (t) => {
  t.deepEqual(checkTaskFields({ dueAt: null, related: null }, false), { dueAt: null, relatedType: null, relatedId: null });
});
