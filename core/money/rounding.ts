// The one rounding rule for money: half-up in the commercial sense, i.e. ties go away from zero
// (2.5 → 3, −2.5 → −3), never banker's rounding. Exact, on BigInt fractions.

/** Rounds num/den to the nearest integer, ties away from zero (四舍五入). den must be non-zero. */
export function divRoundHalfUp(num: bigint, den: bigint): bigint {
  if (den === 0n) throw new Error('divRoundHalfUp: division by zero');
  if (den < 0n) return divRoundHalfUp(-num, -den);
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const q = (2n * abs + den) / (2n * den); // floor((abs + den/2) / den), exact
  return negative ? -q : q;
}

/** A BigInt fen result back to a number, refusing anything outside the safe-integer range (a bug upstream). */
export function toSafeFen(value: bigint, what = 'amount'): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new Error(`${what} of ${value} fen is beyond the safe-integer range`);
  }
  return Number(value);
}
