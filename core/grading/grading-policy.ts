// A tenant's customer grading (客户级别): the ordered levels, each with its follow-up interval (the 生成
// button) and its pool-recycling days, plus optional working hours and the business time zone.
import { domainError } from '../shared/index.js';

/** How long a level's record may stay with its owner before it goes back to the public pool (公海). */
export interface LevelPoolRecycle {
  /** Days without any follow-up after which the record is recycled; null: never for this reason. */
  readonly noFollowUpDays: number | null;
  /** Days past the planned next follow-up time after which the record is recycled; null: never for this reason. */
  readonly overdueDays: number | null;
}

/** One customer level, e.g. { code: 'B', name: '潜在价值' }, shown as 'B类 潜在价值'. */
export interface GradingLevel {
  readonly code: string;
  readonly name: string;
  /** Time from a contact to the next one; whole days count as calendar days in the tenant's zone. */
  readonly followUpIntervalMinutes: number;
  readonly poolRecycle: LevelPoolRecycle;
}

/** When follow-ups may be scheduled: a daily window on working days, with the tenant's holiday calendar. */
export interface WorkingHours {
  /** 'HH:mm', inclusive. */
  readonly start: string;
  /** 'HH:mm', exclusive: a follow-up at exactly the end time moves to the next working start. */
  readonly end: string;
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
  readonly workdays: readonly number[];
  /** 'YYYY-MM-DD' dates that are days off even on a workday (法定节假日, e.g. 国庆 2021-10-01…07). */
  readonly holidays: readonly string[];
  /** 'YYYY-MM-DD' dates that are working days even on a weekend (调休 make-up working days). */
  readonly extraWorkdays: readonly string[];
}

export interface GradingPolicy {
  /** In display order, most valuable first. */
  readonly levels: readonly GradingLevel[];
  /** Absent: follow-ups may fall at any time of any day. */
  readonly workingHours?: WorkingHours;
  /** The tenant's business time zone (IANA), in which days and working hours are counted. */
  readonly timeZone: string;
}

const DAY_MINUTES = 24 * 60;

/**
 * The grading a new tenant starts with: A 高价值 every day, B 潜在价值 every 3 days, C 低价值 every 7 days,
 * no working hours. The recycling days are the DEFAULT_POOL_POLICY's (see pool-policy.ts): choices a tenant
 * changes, not rules of the trade.
 */
export const DEFAULT_GRADING_POLICY: GradingPolicy = {
  levels: [
    { code: 'A', name: '高价值', followUpIntervalMinutes: 1 * DAY_MINUTES, poolRecycle: { noFollowUpDays: 15, overdueDays: 7 } },
    { code: 'B', name: '潜在价值', followUpIntervalMinutes: 3 * DAY_MINUTES, poolRecycle: { noFollowUpDays: 30, overdueDays: 15 } },
    { code: 'C', name: '低价值', followUpIntervalMinutes: 7 * DAY_MINUTES, poolRecycle: { noFollowUpDays: 60, overdueDays: 30 } },
  ],
  timeZone: 'Asia/Shanghai',
};

/** The level with that code in the policy, or undefined. */
export function findLevel(policy: Pick<GradingPolicy, 'levels'>, code: string): GradingLevel | undefined {
  return policy.levels.find((l) => l.code === code);
}

/** A level as people read it: 'B类 潜在价值'; a code the policy no longer has shows as 'X类'. */
export function levelLabel(code: string, policy: Pick<GradingPolicy, 'levels'> = DEFAULT_GRADING_POLICY): string {
  const level = findLevel(policy, code);
  return level ? `${level.code}类 ${level.name}` : `${code}类`;
}

/** A level the policy defines; any other code is refused with `grading.unknown_level` naming the known ones. */
export function requireLevel(policy: Pick<GradingPolicy, 'levels'>, code: string): GradingLevel {
  const level = findLevel(policy, code);
  if (level) return level;
  const known = policy.levels.map((l) => l.code);
  throw domainError(
    'grading.unknown_level',
    'invalid',
    `没有客户级别「${code}」，可选：${known.map((k) => levelLabel(k, policy)).join('、')}`,
    `There is no customer level "${code}"; the levels are ${known.join(', ')}`,
    { level: code, known },
  );
}
