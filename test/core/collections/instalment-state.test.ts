import test from 'ava';
import { instalmentState, instalmentStateAt, outstandingOf, reminderDue } from '../../../core/collections/instalment-state.js';
import type { InstalmentState } from '../../../core/collections/types.js';

test('an instalment is collected, overdue, partial or uncollected (table)', (t) => {
  const table: [number, number, string | null, string, InstalmentState][] = [
    [1000, 1000, '2026-11-01', '2026-12-01', 'collected'],
    [1000, 0, '2026-11-01', '2026-11-01', 'uncollected'], // the due day itself is not late
    [1000, 0, '2026-11-01', '2026-11-02', 'overdue'],
    [1000, 400, '2026-11-01', '2026-11-02', 'overdue'],
    [1000, 400, '2026-11-01', '2026-10-30', 'partial'],
    [1000, 0, null, '2030-01-01', 'uncollected'], // due on disbursement, not yet disbursed: never late
  ];
  for (const [amountFen, collectedFen, dueOn, today, state] of table) t.is(instalmentState({ amountFen, collectedFen, dueOn }, today), state, `${collectedFen}/${amountFen} due ${dueOn} on ${today}`);
  t.is(outstandingOf({ amountFen: 1000, collectedFen: 400 }), 600);
});

test('overdue is decided by the calendar day in the tenant’s zone', (t) => {
  const i = { amountFen: 1000, collectedFen: 0, dueOn: '2026-11-01' };
  const instant = new Date('2026-11-01T17:00:00Z'); // 01:00 on 2 November in Shanghai, still 1 November in New York
  t.is(instalmentStateAt(i, instant, 'Asia/Shanghai'), 'overdue');
  t.is(instalmentStateAt(i, instant, 'America/New_York'), 'uncollected');
});

test('the owner is reminded once per due date, from N days before until the due day, while money is owed', (t) => {
  const i = { amountFen: 1000, collectedFen: 0, dueOn: '2026-12-10', remindedFor: null };
  t.false(reminderDue(i, '2026-12-06', 3));
  t.true(reminderDue(i, '2026-12-07', 3));
  t.true(reminderDue(i, '2026-12-10', 3));
  t.false(reminderDue(i, '2026-12-11', 3));
  t.false(reminderDue({ ...i, remindedFor: '2026-12-10' }, '2026-12-08', 3));
  t.true(reminderDue({ ...i, remindedFor: '2026-11-10' }, '2026-12-08', 3)); // the date moved: a new reminder
  t.false(reminderDue({ ...i, collectedFen: 1000 }, '2026-12-08', 3));
  t.true(reminderDue(i, '2026-12-10', 0));
});
