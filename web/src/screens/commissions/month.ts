// The firm's calendar as the commission screens need it: today and this month in the firm's time zone (a
// statement's month is the firm's, not the device's), tomorrow for a new scheme version.
import { session } from '../../session.js';

/** 'YYYY-MM-DD' of an instant in the firm's time zone. */
export function dayIn(at: Date, timeZone = session.me?.timeZone ?? 'Asia/Shanghai'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export const todayIn = (): string => dayIn(new Date());
export const thisMonth = (): string => todayIn().slice(0, 7);

/** The day after a 'YYYY-MM-DD' (calendar arithmetic on the date alone, no time zone involved). */
export function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The month before a 'YYYY-MM'. */
export function monthBefore(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
