import test from 'ava';
import { DEFAULT_POOL_POLICY, poolPolicyFor, validatePoolPolicy, type PoolPolicy } from '../../../core/grading/pool-policy.js';
import { aLevel, aPolicy, D_LEVEL } from './builders.js';

test('the default pool policy: A 15/7, B 30/15, C 60/30 days, warn 3 days ahead, 7-day reclaim block, no limit', (t) => {
  t.deepEqual(DEFAULT_POOL_POLICY, {
    noFollowUpDays: { A: 15, B: 30, C: 60 },
    overdueDays: { A: 7, B: 15, C: 30 },
    reminderDaysBefore: 3,
    reclaimBlockDays: 7,
    maxHoldings: null,
  });
  t.is(validatePoolPolicy(DEFAULT_POOL_POLICY), null);
});

test('a pool policy takes its per-level days from the tenant’s levels', (t) => {
  const p = poolPolicyFor(aPolicy({ levels: [aLevel({ poolRecycle: { noFollowUpDays: 10, overdueDays: null } }), D_LEVEL] }), {
    reminderDaysBefore: null,
    reclaimBlockDays: 0,
    maxHoldings: 50,
  });
  t.deepEqual(p, { noFollowUpDays: { A: 10, D: null }, overdueDays: { A: null, D: null }, reminderDaysBefore: null, reclaimBlockDays: 0, maxHoldings: 50 });
});

const broken: { name: string; over: Partial<PoolPolicy>; paths: string[] }[] = [
  { name: 'zero recycling days', over: { noFollowUpDays: { A: 0 } }, paths: ['/noFollowUpDays/A'] },
  { name: 'fractional overdue days', over: { overdueDays: { B: 1.5 } }, paths: ['/overdueDays/B'] },
  { name: 'a negative reminder', over: { reminderDaysBefore: -1 }, paths: ['/reminderDaysBefore'] },
  { name: 'a negative reclaim block', over: { reclaimBlockDays: -7 }, paths: ['/reclaimBlockDays'] },
  { name: 'a zero holding limit', over: { maxHoldings: 0 }, paths: ['/maxHoldings'] },
];

for (const c of broken) {
  test(`validatePoolPolicy refuses ${c.name}`, (t) => {
    const e = validatePoolPolicy({ ...DEFAULT_POOL_POLICY, ...c.over });
    t.is(e?.code, 'pool.invalid_policy');
    t.deepEqual(e?.details.problems, c.paths);
  });
}
