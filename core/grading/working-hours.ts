// Working hours (工作时间): when a scheduled follow-up may fall. A day is a working day when it is a
// make-up workday (调休), or else when it is a configured workday and not a holiday.
import {
  addDaysToLocalDate,
  dayOfWeekOfLocalDate,
  instantOfLocalDateTime,
  localDate,
  zonedParts,
} from '../shared/index.js';
import type { WorkingHours } from './grading-policy.js';

/** Minutes after midnight of an 'HH:mm' text, or null when it is not a time of day. */
export function minutesOfDay(text: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

function requireMinutes(text: string): number {
  const m = minutesOfDay(text);
  if (m === null) throw new Error(`working hours time is not HH:mm: ${text} (validate the policy first)`);
  return m;
}

/** A 'YYYY-MM-DD' date is a working day: a make-up workday, or a workday of the week that is no holiday. */
export function isWorkingDay(date: string, hours: WorkingHours): boolean {
  if (hours.extraWorkdays.includes(date)) return true;
  if (hours.holidays.includes(date)) return false;
  return hours.workdays.includes(dayOfWeekOfLocalDate(date));
}

/** An instant is inside working hours: on a working day, at or after the start and before the end. */
export function isWithinWorkingHours(instant: Date, hours: WorkingHours, zone: string): boolean {
  const p = zonedParts(instant, zone);
  const minute = p.hour * 60 + p.minute + (p.second * 1000 + p.millisecond) / 60_000;
  return (
    isWorkingDay(localDate(instant, zone), hours) && minute >= requireMinutes(hours.start) && minute < requireMinutes(hours.end)
  );
}

/** The first working-day date on or after `date`. */
export function nextWorkingDay(date: string, hours: WorkingHours): string {
  // Each run of 7 days holds a workday, which only a holiday can take away: this bound is never reached
  // unless the policy has no workdays at all, which validateGradingPolicy refuses.
  const bound = 7 * (hours.holidays.length + 1) + 1;
  let d = date;
  for (let i = 0; i < bound; i++, d = addDaysToLocalDate(d, 1)) if (isWorkingDay(d, hours)) return d;
  throw new Error(`no working day within ${bound} days of ${date}: the working hours have no workdays`);
}

/** A time inside working hours stays; any other moves to the start of the next working period. */
export function moveIntoWorkingHours(instant: Date, hours: WorkingHours, zone: string): Date {
  if (isWithinWorkingHours(instant, hours, zone)) return instant;
  const today = localDate(instant, zone);
  const todayStart = instantOfLocalDateTime(today, hours.start, zone);
  // Before the start of a working day: that day's start. After its end, or a day off: the next working day.
  if (instant < todayStart && isWorkingDay(today, hours)) return todayStart;
  return instantOfLocalDateTime(nextWorkingDay(addDaysToLocalDate(today, 1), hours), hours.start, zone);
}
