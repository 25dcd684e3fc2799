// Who may claim (领取) a record from the public pool: not its former owner too soon after release, and no
// one beyond the pool's holding limit.
import { domainError, localDateTime, type DomainError } from '../shared/index.js';
import type { PoolPolicy } from './pool-policy.js';

const DAY_MS = 86_400_000;

export interface ClaimAttempt {
  readonly actorId: string;
  /** Everyone who held the record before and when it left them (recycled or released). */
  readonly formerOwners: readonly { readonly userId: string; readonly releasedAt: Date }[];
  /** How many records of this pool's kind the actor holds now. */
  readonly holdings: number;
  readonly now: Date;
  readonly policy: PoolPolicy;
  /** For the date in the message; default Asia/Shanghai. */
  readonly timeZone?: string;
}

/**
 * A claim is allowed unless the actor released this record less than `reclaimBlockDays` × 24 h ago
 * (`pool.reclaim_blocked`, with the instant from which it may claim) or already holds `maxHoldings`
 * records of this pool (`pool.holding_limit`, with the limit).
 */
export function canClaim(attempt: ClaimAttempt): DomainError | null {
  const { actorId, formerOwners, holdings, now, policy } = attempt;
  const lastRelease = formerOwners
    .filter((o) => o.userId === actorId)
    .reduce<Date | null>((latest, o) => (latest === null || o.releasedAt > latest ? o.releasedAt : latest), null);
  if (lastRelease !== null && policy.reclaimBlockDays > 0) {
    const claimableFrom = new Date(lastRelease.getTime() + policy.reclaimBlockDays * DAY_MS);
    if (now < claimableFrom) {
      const when = localDateTime(claimableFrom, attempt.timeZone ?? 'Asia/Shanghai');
      return domainError(
        'pool.reclaim_blocked',
        'rule',
        `您是该客户的原负责人，释放后 ${policy.reclaimBlockDays} 天内不能再次领取，${when} 起可领取`,
        `You held this record before: a former owner may claim it again ${policy.reclaimBlockDays} days after release, from ${when}`,
        { claimableFrom: claimableFrom.toISOString(), releasedAt: lastRelease.toISOString(), reclaimBlockDays: policy.reclaimBlockDays },
      );
    }
  }
  if (policy.maxHoldings !== null && holdings >= policy.maxHoldings) {
    return domainError(
      'pool.holding_limit',
      'rule',
      `您已持有 ${holdings} 个，达到上限 ${policy.maxHoldings} 个，请先释放部分客户再领取`,
      `You hold ${holdings}, the limit is ${policy.maxHoldings}: release some before claiming more`,
      { limit: policy.maxHoldings, holdings },
    );
  }
  return null;
}
