// The firm's calendar as the commission screens need it: the day after a date and the month before a month.
// (Which day and month it is comes from the server: the firm's calendar, not the device's.)

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
