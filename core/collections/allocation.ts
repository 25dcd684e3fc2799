// Allocating a receipt's amount to the plan's instalments: the named instalment first, then the oldest due
// first; never more than an instalment still has open; an amount beyond every instalment is an overpayment.
import { domainError, type DomainError } from '../shared/index.js';
import { instalmentFull, instalmentNotFound, overpayment } from './errors.js';
import type { Allocation, Instalment } from './types.js';

export type AllocationTarget = Pick<Instalment, 'id' | 'number' | 'dueOn' | 'amountFen' | 'reservedFen'>;

export interface AllocationRequest {
  readonly amountFen: number;
  readonly instalments: readonly AllocationTarget[];
  /** The instalment (期次) named on the receipt; null: oldest first. */
  readonly namedInstalmentId: string | null;
  /** The tenant allows overpayments (允许超额回款). */
  readonly overpaymentAllowed: boolean;
  /** The receipt is marked as an overpayment. */
  readonly markedOverpayment: boolean;
}

export interface AllocationResult {
  readonly allocations: Allocation[];
  /** The part beyond every instalment: only for an allowed, marked overpayment. */
  readonly excessFen: number;
}

/** What an instalment can still take: its amount less what receipts already hold on it. */
export function openOn(i: Pick<Instalment, 'amountFen' | 'reservedFen'>): number {
  return Math.max(i.amountFen - i.reservedFen, 0);
}

const dueKey = (d: string | null): string => d ?? '9999-99-99';

/** Oldest due first (due on disbursement last), then by number. */
export function allocationOrder<T extends Pick<Instalment, 'dueOn' | 'number'>>(instalments: readonly T[]): T[] {
  return [...instalments].sort((a, b) => dueKey(a.dueOn).localeCompare(dueKey(b.dueOn)) || a.number - b.number);
}

/**
 * Splits a receipt over the instalments: the named one first, then oldest due first, each up to what it still
 * has open. What is left beyond every instalment is refused with `collection.overpayment` unless the tenant
 * allows overpayments and the receipt is marked as one; then it is the receipt's excess. The allocations and
 * the excess always add up to the amount.
 */
export function allocate(req: AllocationRequest): AllocationResult | DomainError {
  if (!Number.isSafeInteger(req.amountFen) || req.amountFen <= 0) {
    return domainError('receipt.invalid_amount', 'invalid', '回款金额须大于 0（以分计的整数）', 'The amount must be a positive whole number of fen', { amountFen: req.amountFen });
  }
  let order = allocationOrder(req.instalments);
  if (req.namedInstalmentId !== null) {
    const named = order.find((i) => i.id === req.namedInstalmentId);
    if (!named) return instalmentNotFound(req.namedInstalmentId);
    if (openOn(named) === 0) return instalmentFull(named.number);
    order = [named, ...order.filter((i) => i !== named)];
  }
  const allocations: Allocation[] = [];
  let left = req.amountFen;
  for (const i of order) {
    if (left === 0) break;
    const take = Math.min(openOn(i), left);
    if (take > 0) {
      allocations.push({ instalmentId: i.id, amountFen: take });
      left -= take;
    }
  }
  if (left > 0 && !(req.overpaymentAllowed && req.markedOverpayment)) {
    return overpayment(req.amountFen, req.amountFen - left, req.overpaymentAllowed);
  }
  return { allocations, excessFen: left };
}
