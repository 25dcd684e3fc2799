// 冲回: when a confirmed receipt is reversed (冲销), each line it accrued is negated exactly — same person, role,
// version, rate and tier, base and amount with the opposite sign — dated on the reversal day, so it lands in the
// statement of the reversal's month. A locked month is never reopened; a reversal inside the receipt's own month
// nets to zero there and the month-end tiers no longer count the receipt.
import { lineId } from './lines.js';
import { monthOf } from './month.js';
import type { CommissionLine } from './types.js';

/** The clawback lines of a receipt reversed on `reversedOn`, from the lines its confirmation accrued (ids are deterministic). */
export function clawbackLines(accrued: readonly CommissionLine[], receiptId: string, reversedOn: string): CommissionLine[] {
  return accrued
    .filter((l) => l.kind === 'accrual' && l.receiptId === receiptId)
    .map((l) => ({
      ...l,
      id: lineId('clawback', receiptId, l.personId, l.role),
      kind: 'clawback' as const,
      on: reversedOn,
      month: monthOf(reversedOn),
      receiptFen: 0 - l.receiptFen, // 0 − x, not −x: a zero stays +0
      baseFen: 0 - l.baseFen,
      amountFen: 0 - l.amountFen,
    }));
}
