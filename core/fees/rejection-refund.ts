// 拒绝 with an up-front fee: when the bank refuses an application, the firm's refund rule says what happens to
// the up-front part of that line. The success part needs no rule: nothing was disbursed, so it is never due.
import { formatYuanGrouped } from '../money/index.js';
import type { DomainError, LocalizedText } from '../shared/index.js';
import { amountErrors, invalidFeeInput } from './amount-checks.js';

/** 不退 keep it; 退还 refund it; 审批后退还 refund it once an approval says so. */
export type RejectionRefundPolicy = 'keep' | 'refund' | 'refund_with_approval';
export const REJECTION_REFUND_POLICIES: readonly RejectionRefundPolicy[] = ['keep', 'refund', 'refund_with_approval'];
export const REJECTION_REFUND_POLICY_LABELS: Readonly<Record<RejectionRefundPolicy, LocalizedText>> = {
  keep: { zh: '不退还', en: 'keep' },
  refund: { zh: '退还', en: 'refund' },
  refund_with_approval: { zh: '审批后退还', en: 'refund through approval' },
};

export interface RejectionFacts {
  readonly policy: RejectionRefundPolicy;
  /** The line's up-front fee as owed (after its discount). */
  readonly upFrontDueFen: number;
  /** What of it the customer has paid (confirmed receipts). */
  readonly upFrontCollectedFen: number;
}

/**
 * 'nothing': there is no up-front fee; 'keep': the firm keeps what was paid and the rest stays owed;
 * 'refund': pay back what was paid and cancel the rest now; 'request_approval': the same, once approved.
 */
export type RejectionAction = 'nothing' | 'keep' | 'refund' | 'request_approval';

export interface RejectionOutcome {
  readonly action: RejectionAction;
  /** Money to pay back to the customer: what was paid of the up-front fee. */
  readonly refundFen: number;
  /** Up-front fee not yet paid that is no longer owed (the receivable drops by it). */
  readonly waiveFen: number;
  /** Up-front fee the firm keeps (paid or still owed). */
  readonly keptFen: number;
  readonly text: LocalizedText;
}

const yuan = (fen: number): string => formatYuanGrouped(fen);

/** What to do with a rejected line's up-front fee under the firm's rule, and how much. */
export function rejectionRefund(facts: RejectionFacts): RejectionOutcome | DomainError {
  const errors = amountErrors({ upFrontDueFen: facts.upFrontDueFen, upFrontCollectedFen: facts.upFrontCollectedFen });
  if (errors.length > 0) return invalidFeeInput(errors);
  const due = facts.upFrontDueFen;
  // Money paid beyond the up-front fee belongs to other instalments; only the up-front part is decided here.
  const paid = Math.min(facts.upFrontCollectedFen, due);
  if (due === 0) {
    return { action: 'nothing', refundFen: 0, waiveFen: 0, keptFen: 0, text: { zh: '无前期服务费，无需处理', en: 'no up-front fee: nothing to do' } };
  }
  if (facts.policy === 'keep') {
    return {
      action: 'keep', refundFen: 0, waiveFen: 0, keptFen: due,
      text: { zh: `申请被拒，按规则前期服务费 ${yuan(due)} 元不退还（已收 ${yuan(paid)} 元）`, en: `application refused: the up-front fee of ${yuan(due)} yuan is kept (${yuan(paid)} yuan received)` },
    };
  }
  const approval = facts.policy === 'refund_with_approval';
  const zhWhat = `退还已收前期服务费 ${yuan(paid)} 元${due > paid ? `，免收未收部分 ${yuan(due - paid)} 元` : ''}`;
  const enWhat = `refund the ${yuan(paid)} yuan of up-front fee received${due > paid ? ` and waive the ${yuan(due - paid)} yuan not yet paid` : ''}`;
  return {
    action: approval ? 'request_approval' : 'refund', refundFen: paid, waiveFen: due - paid, keptFen: 0,
    text: approval
      ? { zh: `申请被拒，提交审批：${zhWhat}`, en: `application refused; for approval: ${enWhat}` }
      : { zh: `申请被拒，按规则${zhWhat}`, en: `application refused; by the rule: ${enWhat}` },
  };
}
