// 业绩分配: a receipt's amount credited between the owner (负责人) and the source (来源) by the scheme's shares.
// No fen is made or lost: each share is first rounded down, then the fen left over go one at a time to the
// largest remainders, a tie going to the owner first (largest-remainder method), so the parts sum to the receipt.
import { PERCENT_DENOMINATOR, unitsOf } from './percent.js';

/** The amount split by percent shares (summing to 100) in the order given; the parts sum to `amountFen` exactly. */
export function splitAmount(amountFen: number, shares: readonly string[]): number[] {
  const amount = BigInt(amountFen);
  const exact = shares.map((s) => amount * unitsOf(s));
  const parts = exact.map((e) => e / PERCENT_DENOMINATOR); // rounded down (amounts here are never negative)
  const remainders = exact.map((e, i) => ({ i, r: e % PERCENT_DENOMINATOR }));
  let left = amount - parts.reduce((a, b) => a + b, 0n);
  // Largest remainder first; equal remainders in the order of the shares (the owner comes first).
  const order = remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of order) {
    if (left <= 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map(Number);
}
