// Months of the commission calendar: 'YYYY-MM' texts in the tenant's calendar. A line belongs to the month of
// its date (the confirmation or the reversal, as a 'YYYY-MM-DD' day in the tenant's zone).

const MONTH_TEXT = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthText(text: unknown): text is string {
  return typeof text === 'string' && MONTH_TEXT.test(text);
}

/** '2026-03-17' → '2026-03'. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The last day of a month: '2026-02' → '2026-02-28'. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

/** Whether the month is over on `today` ('YYYY-MM-DD'): its statement may then be submitted. */
export function monthEnded(month: string, today: string): boolean {
  return monthOf(today) > month;
}
