// The 生成 button: the next follow-up time that a level's interval gives, kept inside working hours.
import { addLocalDays } from '../shared/index.js';
import { requireLevel, type GradingPolicy } from './grading-policy.js';
import { moveIntoWorkingHours } from './working-hours.js';

const DAY_MINUTES = 24 * 60;

/**
 * An interval added in the zone: whole days are calendar days (15:10 stays 15:10 local, even across a DST
 * change), the remaining minutes are elapsed time.
 */
export function addFollowUpInterval(from: Date, intervalMinutes: number, zone: string): Date {
  const days = Math.floor(intervalMinutes / DAY_MINUTES);
  const rest = intervalMinutes - days * DAY_MINUTES;
  const afterDays = days === 0 ? from : addLocalDays(from, days, zone);
  return new Date(afterDays.getTime() + rest * 60_000);
}

/**
 * The next follow-up time for a level: `from` plus the level's interval in the tenant's zone; with working
 * hours configured, a time outside them moves to the next working start (weekends and holidays skipped,
 * make-up workdays honoured). An unknown level is refused with `grading.unknown_level`.
 */
export function nextFollowUpAt(levelCode: string, from: Date, policy: GradingPolicy): Date {
  const level = requireLevel(policy, levelCode);
  const due = addFollowUpInterval(from, level.followUpIntervalMinutes, policy.timeZone);
  return policy.workingHours ? moveIntoWorkingHours(due, policy.workingHours, policy.timeZone) : due;
}
