// Rates and shares are decimal percent texts ('3', '1.5', '0.25', '33.3333'), never binary floats: parsed into
// whole ten-thousandths of a percent, so that every percentage is the exact fraction units / 1,000,000.
import { divRoundHalfUp, toSafeFen } from '../money/index.js';

/** The denominator of a percentage in units: 100 % = 1,000,000 units. */
export const PERCENT_DENOMINATOR = 1_000_000n;

// Up to three integer digits without leading zeros, up to four decimals: '0', '3.5', '100', '33.3333'.
const PERCENT_TEXT = /^(0|[1-9]\d{0,2})(?:\.(\d{1,4}))?$/;

/** A percent text of 0–100 as ten-thousandths of a percent ('3.5' → 35000n), or null when it is not one. */
export function percentUnits(text: unknown): bigint | null {
  if (typeof text !== 'string') return null;
  const m = PERCENT_TEXT.exec(text);
  if (!m) return null;
  const units = BigInt(m[1] ?? '0') * 10_000n + BigInt((m[2] ?? '').padEnd(4, '0'));
  return units <= PERCENT_DENOMINATOR ? units : null;
}

/** Units that are known to come from a checked text; a bad text here is a bug upstream, not user input. */
export function unitsOf(text: string): bigint {
  const u = percentUnits(text);
  if (u === null) throw new Error(`not a percent text of 0–100 with at most 4 decimals: ${text}`);
  return u;
}

/** amount × percent, rounded half-up to the fen (ties away from zero: 0.5 fen → 1 fen, −0.5 → −1). */
export function applyPercent(amountFen: number, text: string): number {
  return toSafeFen(divRoundHalfUp(BigInt(amountFen) * unitsOf(text), PERCENT_DENOMINATOR), 'commission');
}
