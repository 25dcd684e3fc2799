import test from 'ava';
import fc from 'fast-check';
import { inRecycleWindow, recycleWindow } from '../../../core/inquiries/recycle-window.js';
import { recycleDecision, recycleReminderDue } from '../../../core/grading/pool-recycling.js';
import { DEFAULT_POOL_POLICY, type PoolPolicy } from '../../../core/grading/pool-policy.js';
import { LIFECYCLES } from '../../../core/inquiries/types.js';

const DAY = 86_400_000;
const NOW = new Date('2021-10-15T07:00:00Z');

test('the window opens the reminder days early, per level, and skips levels without rules', (t) => {
  const policy: PoolPolicy = { ...DEFAULT_POOL_POLICY, noFollowUpDays: { ...DEFAULT_POOL_POLICY.noFollowUpDays, C: null }, overdueDays: { ...DEFAULT_POOL_POLICY.overdueDays, C: null } };
  const w = recycleWindow(policy, ['inquiry'], NOW);
  t.deepEqual(w.levels.map((l) => l.level), ['A', 'B']);
  t.deepEqual(w.levels[0], { level: 'A', quietSince: new Date(NOW.getTime() - 12 * DAY), overdueSince: new Date(NOW.getTime() - 4 * DAY) });
  t.deepEqual(recycleWindow({ ...DEFAULT_POOL_POLICY, noFollowUpDays: {}, overdueDays: {} }, ['inquiry'], NOW).levels, []);
});

const instant = fc.integer({ min: -90, max: 5 }).map((d) => new Date(NOW.getTime() + d * DAY + 3_600_000 * (d % 7)));
const days = fc.option(fc.integer({ min: 1, max: 40 }), { nil: null });
const policyArb = fc.record({
  noFollowUpDays: fc.record({ A: days, B: days }),
  overdueDays: fc.record({ A: days, B: days }),
  reminderDaysBefore: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
  reclaimBlockDays: fc.constant(7),
  maxHoldings: fc.constant(null),
});
const recordArb = fc.record({
  level: fc.constantFrom('A', 'B', 'C'),
  ownerId: fc.constantFrom('u-1', null),
  lastFollowUpAt: fc.option(instant, { nil: null }),
  nextFollowUpAt: instant,
  createdAt: instant,
  assignedAt: fc.option(instant, { nil: null }),
  lifecycle: fc.constantFrom(...LIFECYCLES),
});

test('property: every record the rules would recycle or warn about lies in the window', (t) => {
  fc.assert(
    fc.property(policyArb, recordArb, (policy, r) => {
      const w = recycleWindow(policy, LIFECYCLES, NOW);
      const due = recycleDecision(r, NOW, policy).recycle || recycleReminderDue(r, NOW, policy).due;
      return !due || inRecycleWindow(r, w);
    }),
    { numRuns: 2000 },
  );
  t.pass();
});

test('pooled records and other lifecycles are never in the window', (t) => {
  const w = recycleWindow(DEFAULT_POOL_POLICY, ['inquiry'], NOW);
  const old = new Date(NOW.getTime() - 100 * DAY);
  const r = { level: 'A', ownerId: 'u-1', lastFollowUpAt: old, nextFollowUpAt: old, createdAt: old, assignedAt: null, lifecycle: 'inquiry' as const };
  t.true(inRecycleWindow(r, w));
  t.false(inRecycleWindow({ ...r, ownerId: null }, w));
  t.false(inRecycleWindow({ ...r, lifecycle: 'prospect' }, w));
});
