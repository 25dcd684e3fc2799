import test from 'ava';
import { DEFAULT_POOL_POLICY, type PoolPolicy } from '../../../core/grading/pool-policy.js';
import { nextRecycle, recycleDecision, recycleReminderDue } from '../../../core/grading/pool-recycling.js';
import { aRecord } from './builders.js';

const SECOND = 1000;
const DAY = 86_400_000;
const at = (base: Date, ms: number): Date => new Date(base.getTime() + ms);
const LAST = new Date('2021-10-10T07:10:24Z');

// The default days per level, each checked one second before, at, and one second after the boundary.
for (const [level, noFollowUp, overdue] of [['A', 15, 7], ['B', 30, 15], ['C', 60, 30]] as const) {
  test(`level ${level}: recycled for no follow-up exactly ${noFollowUp} × 24 h after the last one`, (t) => {
    const r = aRecord({ level, lastFollowUpAt: LAST });
    const boundary = at(LAST, noFollowUp * DAY);
    t.deepEqual(recycleDecision(r, at(boundary, -SECOND), DEFAULT_POOL_POLICY), { recycle: false });
    t.deepEqual(recycleDecision(r, boundary, DEFAULT_POOL_POLICY), { recycle: true, reason: 'no_follow_up', since: boundary });
    t.deepEqual(recycleDecision(r, at(boundary, SECOND), DEFAULT_POOL_POLICY), { recycle: true, reason: 'no_follow_up', since: boundary });
  });

  test(`level ${level}: recycled as overdue exactly ${overdue} × 24 h after the planned follow-up`, (t) => {
    const planned = at(LAST, 1 * DAY);
    const r = aRecord({ level, lastFollowUpAt: LAST, nextFollowUpAt: planned });
    const boundary = at(planned, overdue * DAY);
    t.deepEqual(recycleDecision(r, at(boundary, -SECOND), DEFAULT_POOL_POLICY), { recycle: false });
    t.deepEqual(recycleDecision(r, boundary, DEFAULT_POOL_POLICY), { recycle: true, reason: 'overdue', since: boundary });
    t.deepEqual(recycleDecision(r, at(boundary, SECOND), DEFAULT_POOL_POLICY), { recycle: true, reason: 'overdue', since: boundary });
  });
}

test('a record never followed up counts from its assignment', (t) => {
  const assignedAt = new Date('2021-10-05T02:00:00Z');
  const r = aRecord({ assignedAt });
  t.deepEqual(recycleDecision(r, at(assignedAt, 15 * DAY - SECOND), DEFAULT_POOL_POLICY), { recycle: false });
  t.deepEqual(recycleDecision(r, at(assignedAt, 15 * DAY), DEFAULT_POOL_POLICY), { recycle: true, reason: 'no_follow_up', since: at(assignedAt, 15 * DAY) });
});

test('a record never followed up nor reassigned counts from its creation', (t) => {
  const r = aRecord({ createdAt: new Date('2021-10-01T00:00:00Z') });
  t.deepEqual(nextRecycle(r, DEFAULT_POOL_POLICY), { reason: 'no_follow_up', at: new Date('2021-10-16T00:00:00Z') });
});

test('a record just claimed is not lost for the previous owner’s silence or missed follow-up', (t) => {
  const claimed = new Date('2021-12-01T00:00:00Z');
  const r = aRecord({ lastFollowUpAt: LAST, nextFollowUpAt: at(LAST, DAY), assignedAt: claimed });
  t.deepEqual(recycleDecision(r, at(claimed, DAY), DEFAULT_POOL_POLICY), { recycle: false });
  t.deepEqual(nextRecycle(r, DEFAULT_POOL_POLICY), { reason: 'overdue', at: at(claimed, 7 * DAY) });
});

test('the rule that comes due first gives the reason', (t) => {
  // Planned follow-up far away: the 15 days without follow-up come first.
  const r = aRecord({ lastFollowUpAt: LAST, nextFollowUpAt: at(LAST, 20 * DAY) });
  t.deepEqual(recycleDecision(r, at(LAST, 30 * DAY), DEFAULT_POOL_POLICY), { recycle: true, reason: 'no_follow_up', since: at(LAST, 15 * DAY) });
  // Both due at the same instant: no follow-up.
  const tie = aRecord({ lastFollowUpAt: LAST, nextFollowUpAt: at(LAST, 8 * DAY) });
  t.deepEqual(nextRecycle(tie, DEFAULT_POOL_POLICY), { reason: 'no_follow_up', at: at(LAST, 15 * DAY) });
});

test('a record in the pool, a level without rules and an unknown level are never recycled', (t) => {
  const later = at(LAST, 1000 * DAY);
  t.deepEqual(recycleDecision(aRecord({ ownerId: null, lastFollowUpAt: LAST }), later, DEFAULT_POOL_POLICY), { recycle: false });
  const noRules: PoolPolicy = { ...DEFAULT_POOL_POLICY, noFollowUpDays: { D: null }, overdueDays: { D: null } };
  t.deepEqual(recycleDecision(aRecord({ level: 'D', lastFollowUpAt: LAST, nextFollowUpAt: LAST }), later, noRules), { recycle: false });
  t.deepEqual(recycleDecision(aRecord({ level: 'Z', lastFollowUpAt: LAST }), later, DEFAULT_POOL_POLICY), { recycle: false });
  t.is(nextRecycle(aRecord({ level: 'Z' }), DEFAULT_POOL_POLICY), null);
});

test('without a planned follow-up only the no-follow-up rule applies', (t) => {
  t.deepEqual(nextRecycle(aRecord({ lastFollowUpAt: LAST, nextFollowUpAt: null }), DEFAULT_POOL_POLICY), { reason: 'no_follow_up', at: at(LAST, 15 * DAY) });
});

test('the owner is warned from 3 × 24 h before recycling until it happens', (t) => {
  const r = aRecord({ lastFollowUpAt: LAST });
  const recycleAt = at(LAST, 15 * DAY);
  const opens = at(recycleAt, -3 * DAY);
  t.deepEqual(recycleReminderDue(r, at(opens, -SECOND), DEFAULT_POOL_POLICY), { due: false });
  t.deepEqual(recycleReminderDue(r, opens, DEFAULT_POOL_POLICY), { due: true, reason: 'no_follow_up', recycleAt });
  t.deepEqual(recycleReminderDue(r, at(recycleAt, -SECOND), DEFAULT_POOL_POLICY), { due: true, reason: 'no_follow_up', recycleAt });
  t.deepEqual(recycleReminderDue(r, recycleAt, DEFAULT_POOL_POLICY), { due: false });
});

test('the reminder names the overdue rule when that comes first', (t) => {
  const planned = at(LAST, DAY);
  const r = aRecord({ lastFollowUpAt: LAST, nextFollowUpAt: planned });
  t.deepEqual(recycleReminderDue(r, at(planned, 5 * DAY), DEFAULT_POOL_POLICY), { due: true, reason: 'overdue', recycleAt: at(planned, 7 * DAY) });
});

test('no reminder when the policy has none, or the record is in the pool', (t) => {
  const r = aRecord({ lastFollowUpAt: LAST });
  const inWindow = at(LAST, 14 * DAY);
  t.deepEqual(recycleReminderDue(r, inWindow, { ...DEFAULT_POOL_POLICY, reminderDaysBefore: null }), { due: false });
  t.deepEqual(recycleReminderDue(r, inWindow, { ...DEFAULT_POOL_POLICY, reminderDaysBefore: 0 }), { due: false });
  t.deepEqual(recycleReminderDue({ ...r, ownerId: null }, inWindow, DEFAULT_POOL_POLICY), { due: false });
});
