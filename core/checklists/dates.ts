// Calendar arithmetic on 'YYYY-MM-DD' dates, for validity periods: a document's validity is counted in the
// tenant's calendar days, never in hours from an instant.
import { addDaysToLocalDate, addLocalMonths, instantOfLocal, isLocalDateText, localDate } from '../shared/index.js';

export { addDaysToLocalDate as addDays, isLocalDateText as isDate };

/** The date `months` calendar months after (or before) a date; the 31st becomes the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return localDate(addLocalMonths(instantOfLocal({ year: y ?? 0, month: m ?? 1, day: d ?? 1 }, 'UTC'), months, 'UTC'), 'UTC');
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const at = (s: string): number => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
  };
  return Math.round((at(to) - at(from)) / 86_400_000);
}
