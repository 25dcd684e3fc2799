// The public-pool (公海) recycling policy: when an owned record goes back to the pool, when its owner is
// warned, and who may claim from the pool. One policy per pool (咨询公海, 客户公海).
//
// Counting days: a "day" here is a 24-hour period measured from an instant (the last follow-up, the
// assignment, the release), not a calendar day in the zone. "15 days without follow-up" is exactly
// 15 × 24 hours after the last one, so a record never leaves earlier or later for the hour it was touched.
import { DomainError, type FieldError } from '../shared/index.js';
import { DEFAULT_GRADING_POLICY, type GradingPolicy } from './grading-policy.js';

export interface PoolPolicy {
  /** Per level code: days without follow-up before recycling; null or absent: never for this reason. */
  readonly noFollowUpDays: Readonly<Record<string, number | null>>;
  /** Per level code: days past the planned next follow-up before recycling; null or absent: never. */
  readonly overdueDays: Readonly<Record<string, number | null>>;
  /** Warn the owner this many days before a record is recycled; null: no warning. */
  readonly reminderDaysBefore: number | null;
  /** A former owner cannot claim a record back within this many days of its release; 0: no block. */
  readonly reclaimBlockDays: number;
  /** The most records of this pool's kind one person may hold; null: no limit. */
  readonly maxHoldings: number | null;
}

/** The settings of a pool policy that are not per level. */
export type PoolSettings = Pick<PoolPolicy, 'reminderDaysBefore' | 'reclaimBlockDays' | 'maxHoldings'>;

/** Defaults: warn 3 days ahead, a 7-day block on reclaiming, no holding limit. A tenant changes these. */
export const DEFAULT_POOL_SETTINGS: PoolSettings = { reminderDaysBefore: 3, reclaimBlockDays: 7, maxHoldings: null };

/** A pool policy whose per-level days come from the levels of a grading policy. */
export function poolPolicyFor(grading: Pick<GradingPolicy, 'levels'>, settings: PoolSettings = DEFAULT_POOL_SETTINGS): PoolPolicy {
  return {
    noFollowUpDays: Object.fromEntries(grading.levels.map((l) => [l.code, l.poolRecycle.noFollowUpDays])),
    overdueDays: Object.fromEntries(grading.levels.map((l) => [l.code, l.poolRecycle.overdueDays])),
    ...settings,
  };
}

/**
 * The policy a new tenant starts with — choices a tenant changes, not rules of the trade:
 * A 高价值: recycled after 15 days without follow-up or 7 days overdue; B: 30 / 15; C: 60 / 30;
 * the owner is warned 3 days before; a former owner waits 7 days to reclaim; no holding limit.
 */
export const DEFAULT_POOL_POLICY: PoolPolicy = poolPolicyFor(DEFAULT_GRADING_POLICY, DEFAULT_POOL_SETTINGS);

function isWholeDays(n: unknown, min: number): boolean {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= min;
}

/** A pool policy's days and limits must be whole numbers: recycling days ≥ 1, reminder and block ≥ 0, limit ≥ 1. */
export function validatePoolPolicy(policy: PoolPolicy): DomainError | null {
  const out: FieldError[] = [];
  const bad = (path: string, zh: string, en: string): void => {
    out.push({ path, code: 'bad_number', zh, en });
  };
  for (const k of ['noFollowUpDays', 'overdueDays'] as const) {
    for (const [level, days] of Object.entries(policy[k])) {
      if (days !== null && !isWholeDays(days, 1)) bad(`/${k}/${level}`, '回收天数应为正整数，或留空表示不回收', `${k} of level ${level} must be a positive whole number or null`);
    }
  }
  if (policy.reminderDaysBefore !== null && !isWholeDays(policy.reminderDaysBefore, 0)) {
    bad('/reminderDaysBefore', '提前提醒天数应为不小于 0 的整数', 'reminderDaysBefore must be a whole number ≥ 0 or null');
  }
  if (!isWholeDays(policy.reclaimBlockDays, 0)) bad('/reclaimBlockDays', '原负责人禁领天数应为不小于 0 的整数', 'reclaimBlockDays must be a whole number ≥ 0');
  if (policy.maxHoldings !== null && !isWholeDays(policy.maxHoldings, 1)) {
    bad('/maxHoldings', '领取上限应为正整数，或留空表示不限', 'maxHoldings must be a positive whole number or null');
  }
  if (out.length === 0) return null;
  return new DomainError(
    'pool.invalid_policy',
    'invalid',
    { zh: `公海规则设置有误：${out.map((p) => p.zh).join('；')}`, en: `The pool policy is invalid: ${out.map((p) => p.en).join('; ')}` },
    { problems: out.map((p) => p.path) },
    out,
  );
}
