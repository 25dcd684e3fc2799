// Dates relative to the real clock, for tests whose server reads it: no test may depend on today's date.

/** The instant `days` days from now, as ISO text. */
export function daysFromNow(days: number, now = new Date()): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString();
}

/** The calendar day `days` days from now (YYYY-MM-DD, China time). */
export function dayFromNow(days: number, now = new Date()): string {
  return new Date(now.getTime() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Completed years today (China time) of someone born on `birth` (YYYY-MM-DD): what the server computes. */
export function ageToday(birth: string, now = new Date()): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = dayFromNow(0, now).split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
