import test from 'ava';
import { canClaim, type ClaimAttempt } from '../../../core/grading/pool-claim.js';
import { DEFAULT_POOL_POLICY } from '../../../core/grading/pool-policy.js';

const SECOND = 1000;
const DAY = 86_400_000;
const RELEASED = new Date('2021-10-10T02:00:00Z'); // 10:00 in Shanghai
const CLAIMABLE = new Date(RELEASED.getTime() + 7 * DAY);

function anAttempt(over: Partial<ClaimAttempt> = {}): ClaimAttempt {
  return {
    actorId: 'u-sunlulu',
    formerOwners: [{ userId: 'u-sunlulu', releasedAt: RELEASED }],
    holdings: 0,
    now: new Date(CLAIMABLE.getTime() - SECOND),
    policy: DEFAULT_POOL_POLICY,
    ...over,
  };
}

test('a former owner cannot reclaim within 7 × 24 h of release, and is told from when', (t) => {
  const e = canClaim(anAttempt());
  t.is(e?.code, 'pool.reclaim_blocked');
  t.is(e?.kind, 'rule');
  t.deepEqual(e?.details, { claimableFrom: '2021-10-17T02:00:00.000Z', releasedAt: '2021-10-10T02:00:00.000Z', reclaimBlockDays: 7 });
  t.is(e?.text.zh, '您是该客户的原负责人，释放后 7 天内不能再次领取，2021-10-17 10:00:00 起可领取');
});

test('the date in the message is in the tenant’s zone', (t) => {
  t.true(canClaim(anAttempt({ timeZone: 'UTC' }))?.text.en.endsWith('from 2021-10-17 02:00:00'));
});

test('a former owner may reclaim from exactly 7 × 24 h after release', (t) => {
  t.is(canClaim(anAttempt({ now: CLAIMABLE })), null);
  t.is(canClaim(anAttempt({ now: new Date(CLAIMABLE.getTime() + SECOND) })), null);
});

test('the latest release of the actor counts', (t) => {
  const later = new Date(RELEASED.getTime() + 3 * DAY);
  const e = canClaim(anAttempt({ formerOwners: [{ userId: 'u-sunlulu', releasedAt: later }, { userId: 'u-sunlulu', releasedAt: RELEASED }], now: CLAIMABLE }));
  t.is(e?.details.claimableFrom, new Date(later.getTime() + 7 * DAY).toISOString());
});

test('someone who never held the record, or a policy without a block, may claim at once', (t) => {
  t.is(canClaim(anAttempt({ actorId: 'u-other', now: RELEASED })), null);
  t.is(canClaim(anAttempt({ now: RELEASED, policy: { ...DEFAULT_POOL_POLICY, reclaimBlockDays: 0 } })), null);
});

test('a person at the holding limit cannot claim; one below it can', (t) => {
  const policy = { ...DEFAULT_POOL_POLICY, maxHoldings: 50 };
  t.is(canClaim(anAttempt({ actorId: 'u-other', holdings: 49, policy })), null);
  const e = canClaim(anAttempt({ actorId: 'u-other', holdings: 50, policy }));
  t.is(e?.code, 'pool.holding_limit');
  t.is(e?.kind, 'rule');
  t.deepEqual(e?.details, { limit: 50, holdings: 50 });
  t.is(e?.text.zh, '您已持有 50 个，达到上限 50 个，请先释放部分客户再领取');
});

test('without a holding limit any number may be held', (t) => {
  t.is(canClaim(anAttempt({ actorId: 'u-other', holdings: 100_000 })), null);
});

test('a blocked former owner at the limit is told about the block first', (t) => {
  t.is(canClaim(anAttempt({ holdings: 50, policy: { ...DEFAULT_POOL_POLICY, maxHoldings: 50 } }))?.code, 'pool.reclaim_blocked');
});
