// The identity of commission lines and the month's credited total (业绩) that tiers read.
import type { CommissionLine, CommissionRole, LineKind } from './types.js';

/** accrual:<receipt>:<person>:<role> — one receipt accrues at most one line per person and role, one clawback each. */
export function lineId(kind: Exclude<LineKind, 'true_up'>, receiptId: string, personId: string, role: CommissionRole): string {
  return `${kind}:${receiptId}:${personId}:${role}`;
}

/** true_up:<month>:<person>:<role>:v<version>:<role code>/<category> — one per person, month, role, version and rule. */
export function trueUpId(month: string, personId: string, role: CommissionRole, version: number, roleCode: string, categoryCode: string): string {
  return `true_up:${month}:${personId}:${role}:v${version}:${roleCode}/${categoryCode}`;
}

/** The receipts whose accrual a clawback dated in `month` cancels inside that same month. */
function reversedWithin(lines: readonly CommissionLine[], month: string): Set<string> {
  return new Set(lines.filter((l) => l.kind === 'clawback' && l.month === month && l.receiptId !== null).map((l) => l.receiptId as string));
}

/**
 * The credited (业绩) lines that count for a person's tier in a month: owner and source accruals dated in the
 * month whose receipt was not reversed within it. A reversal in a later month does not reach back.
 */
export function survivingAccruals(lines: readonly CommissionLine[], personId: string, month: string): CommissionLine[] {
  const reversed = reversedWithin(lines, month);
  return lines.filter((l) => l.kind === 'accrual' && l.role !== 'head' && l.personId === personId && l.month === month && !reversed.has(l.receiptId ?? ''));
}

/** A person's monthly collected total that decides the tier: the sum of the surviving accruals' bases. */
export function creditedInMonth(lines: readonly CommissionLine[], personId: string, month: string): number {
  return survivingAccruals(lines, personId, month).reduce((a, l) => a + l.baseFen, 0);
}

/** The lines of `proposed` not yet in `recorded` (by id): storing a confirmation twice adds nothing the second time. */
export function linesNotYetRecorded(recorded: readonly CommissionLine[], proposed: readonly CommissionLine[]): CommissionLine[] {
  const have = new Set(recorded.map((l) => l.id));
  return proposed.filter((l) => !have.has(l.id));
}

/** Lines in statement order: by day, then kind (accrual, clawback, true-up), then id. */
export function sortLines(lines: readonly CommissionLine[]): CommissionLine[] {
  const rank: Readonly<Record<LineKind, number>> = { accrual: 0, clawback: 1, true_up: 2 };
  return [...lines].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : rank[a.kind] - rank[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
}
