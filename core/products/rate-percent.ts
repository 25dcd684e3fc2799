// Annual interest rates are decimal strings of percent ('3.65' means 3.65 % a year), never floats: the text
// a bank quotes is kept exactly, and compared by exact integer arithmetic on ten-thousandths of a percent.

// Up to three integer digits (no leading zeros) and up to four decimals: '0', '3.65', '18', '4.3500'.
const RATE_PERCENT = /^(0|[1-9]\d{0,2})(?:\.(\d{1,4}))?$/;
const MAX_RATE_UNITS = 100 * 10_000; // 100 %

/** A rate text as ten-thousandths of a percent ('3.65' → 36500), or null when it is not a rate of 0–100 %. */
export function rateUnits(text: string): number | null {
  const m = RATE_PERCENT.exec(text);
  if (!m) return null;
  const units = Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
  return units <= MAX_RATE_UNITS ? units : null;
}

/** Whether a text is an annual rate in percent between 0 and 100 with at most four decimals. */
export function isRatePercent(text: unknown): text is string {
  return typeof text === 'string' && rateUnits(text) !== null;
}
