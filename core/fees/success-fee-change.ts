// When the success fee is worked out on a disbursement, or again when its amount is corrected, the collection
// plan must follow. Before the plan is approved it simply follows; after, the customer must never be asked
// for less without an approval (money the firm gives up), while asking for more is a proposed new
// instalment that the plan's own approval covers. A refund of money already received always needs approval.
import { formatYuanGrouped } from '../money/index.js';
import type { DomainError, LocalizedText } from '../shared/index.js';
import { amountErrors, invalidFeeInput } from './amount-checks.js';

export interface SuccessFeeChange {
  /** The success fee the plan holds now; null when none was planned yet (the first disbursement). */
  readonly previousFen: number | null;
  readonly newFen: number;
  /** Whether the order's collection plan has been approved. */
  readonly planApproved: boolean;
  /** What the customer has already paid towards the success fee. */
  readonly collectedFen: number;
}

/**
 * 'none': nothing changes; 'revise_plan': the unapproved plan's on-disbursement instalment follows by
 * `deltaFen`; 'propose_instalment': an approved plan gets a proposed new instalment of `amountFen`;
 * 'needs_approval': the reduction (and any refund) waits for an approval.
 */
export type SuccessFeeDecision =
  | { readonly action: 'none'; readonly text: LocalizedText }
  | { readonly action: 'revise_plan'; readonly deltaFen: number; readonly text: LocalizedText }
  | { readonly action: 'propose_instalment'; readonly amountFen: number; readonly text: LocalizedText }
  | { readonly action: 'needs_approval'; readonly reductionFen: number; readonly refundFen: number; readonly text: LocalizedText };

const yuan = (fen: number): string => formatYuanGrouped(fen);

/** What a new success fee does to the collection plan. */
export function successFeeDecision(change: SuccessFeeChange): SuccessFeeDecision | DomainError {
  const errors = amountErrors({ previousFen: change.previousFen, newFen: change.newFen, collectedFen: change.collectedFen });
  if (errors.length > 0) return invalidFeeInput(errors);
  const before = change.previousFen ?? 0;
  const delta = change.newFen - before;
  const from = `成功服务费由 ${yuan(before)} 元变为 ${yuan(change.newFen)} 元`;
  const fromEn = `success fee from ${yuan(before)} yuan to ${yuan(change.newFen)} yuan`;
  if (delta === 0) return { action: 'none', text: { zh: `成功服务费 ${yuan(before)} 元未变`, en: `success fee unchanged at ${yuan(before)} yuan` } };
  const refundFen = Math.max(0, change.collectedFen - change.newFen);
  if (delta < 0 && (change.planApproved || refundFen > 0)) {
    return {
      action: 'needs_approval', reductionFen: -delta, refundFen,
      text: {
        zh: `${from}，减少 ${yuan(-delta)} 元${refundFen > 0 ? `（需退还已收 ${yuan(refundFen)} 元）` : ''}，须审批`,
        en: `${fromEn}, ${yuan(-delta)} yuan less${refundFen > 0 ? ` (${yuan(refundFen)} yuan received must be refunded)` : ''}: needs approval`,
      },
    };
  }
  if (delta > 0 && change.planApproved) {
    return {
      action: 'propose_instalment', amountFen: delta,
      text: { zh: `${from}，回款计划新增放款后应收 ${yuan(delta)} 元（待确认）`, en: `${fromEn}: a proposed instalment of ${yuan(delta)} yuan due on disbursement` },
    };
  }
  return { action: 'revise_plan', deltaFen: delta, text: { zh: `${from}，回款计划随之调整`, en: `${fromEn}: the plan follows` } };
}
