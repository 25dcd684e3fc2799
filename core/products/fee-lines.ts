// The fee of an order line under its rule (core/fees), worked out from what the application knows now: the
// approved amount once the bank approved, the disbursed amount once it paid out. A line chosen before its
// product had a rule (or of a product without one) keeps today's fixed fee: fixedFeeRule(serviceFeeFen).
import { fixedFeeRule, lineFee, type FeeBases, type FeeRule, type LineFee } from '../fees/index.js';
import { DomainError, type LocalizedText } from '../shared/index.js';
import type { FeeComputationRecord, ProductLine } from './ports.js';

type FeeFacts = Pick<ProductLine, 'feeRule' | 'serviceFeeFen' | 'discountFen' | 'quantity' | 'status' | 'approvedAmountFen' | 'disbursedAmountFen'>;

/**
 * The rule the line's fee is worked out by, and where it came from. Under a rule whose up-front part is a fixed
 * amount, the line's serviceFeeFen is that amount (agreed per order, as the fixed fee always was).
 */
export function ruleOfLine(line: Pick<ProductLine, 'feeRule' | 'serviceFeeFen'>): { rule: FeeRule; source: 'product' | 'fixed' } {
  const r = line.feeRule;
  if (r === null) return { rule: fixedFeeRule(line.serviceFeeFen), source: 'fixed' };
  if (hasFixedUpFront(r)) return { rule: { ...r, upFront: { kind: 'fixed', amountFen: line.serviceFeeFen } }, source: 'product' };
  return { rule: r, source: 'product' };
}

function hasFixedUpFront(r: FeeRule): r is Extract<FeeRule, { split: 'parts' }> {
  return r.split === 'parts' && r.upFront?.kind === 'fixed';
}

/** A new line's serviceFeeFen under a rule: its fixed up-front amount, else 0 (the rule works the fee out). */
export function serviceFeeUnderRule(r: FeeRule): number {
  return hasFixedUpFront(r) && r.upFront?.kind === 'fixed' ? r.upFront.amountFen : 0;
}

/** Whether the line's serviceFeeFen may be changed: on a fixed-fee line, or a rule with a fixed up-front part. */
export function serviceFeeEditable(r: FeeRule | null): boolean {
  return r === null || hasFixedUpFront(r);
}

/** The amounts a rate may be taken on, as the application knows them now. */
export function basesOfLine(line: Pick<ProductLine, 'status' | 'approvedAmountFen' | 'disbursedAmountFen'>): FeeBases {
  return { approvedFen: line.approvedAmountFen, disbursedFen: line.status === 'disbursed' ? line.disbursedAmountFen : null };
}

/** The line's fee now: the parts due (0 while pending), and the computation to store and show. */
export interface LineFeeState {
  /** Null on a fixed-fee line (its total_fen is its up-front part). */
  readonly upFrontDueFen: number | null;
  readonly successDueFen: number;
  readonly fee: LineFee;
  readonly computation: FeeComputationRecord;
}

/** The line's fee under its rule at the bases known now, with what was computed from what. */
export function lineFeeState(line: FeeFacts, computedAt: Date): LineFeeState {
  const { rule, source } = ruleOfLine(line);
  const bases = basesOfLine(line);
  const fee = lineFee({ rule, bases, quantity: line.quantity, discountFen: line.discountFen });
  // The rule was validated when stored and the amounts are the database's: a refusal here is a bug.
  if (fee instanceof DomainError) throw fee;
  const fixed = source === 'fixed';
  const upFrontDueFen = fixed ? null : (fee.upFront.dueFen ?? 0);
  const successDueFen = fixed ? 0 : (fee.success.dueFen ?? 0);
  const computation: FeeComputationRecord = {
    rule, ruleSource: source, bases, quantity: line.quantity, discountFen: line.discountFen, rounding: 'half_up_fen',
    upFront: { status: fee.upFront.status, dueFen: fee.upFront.dueFen, text: fee.upFront.text },
    success: { status: fee.success.status, dueFen: fee.success.dueFen, text: fee.success.text },
    totalFen: fee.totalFen, text: fee.text, lineFee: fee, computedAt: computedAt.toISOString(),
  };
  return { upFrontDueFen, successDueFen, fee, computation };
}

/** What the customer owes on the line now: up-front (or the fixed total) + success − waived. */
export function lineDueFen(line: Pick<ProductLine, 'upFrontDueFen' | 'serviceFeeFen' | 'quantity' | 'discountFen' | 'successDueFen' | 'feeWaivedFen'>): number {
  const upFront = line.upFrontDueFen ?? line.serviceFeeFen * line.quantity - line.discountFen;
  return upFront + line.successDueFen - line.feeWaivedFen;
}

/** The up-front part the line still asks for (before a refusal's refund rule). */
export function upFrontOwedFen(line: Pick<ProductLine, 'upFrontDueFen' | 'serviceFeeFen' | 'quantity' | 'discountFen' | 'feeWaivedFen'>): number {
  return Math.max(0, (line.upFrontDueFen ?? line.serviceFeeFen * line.quantity - line.discountFen) - line.feeWaivedFen);
}

/** The computation's sentence for the timeline. */
export function feeText(state: LineFeeState): LocalizedText {
  return state.fee.text;
}
