// 服务费调整 as the approver reads it (the approval screen's summary): which order and product line, the fee
// part before and after, what goes back to the customer or is no longer owed, and why — the reason the person
// gave (a corrected disbursement) and what was computed from what, as the wiring recorded it.
import type { LocalizedText } from '../shared/index.js';
import { REJECTION_REFUND_POLICY_LABELS, type RejectionRefundPolicy } from '../fees/index.js';
import type { FeeAdjustment, FeeAdjustmentKind, FeeAdjustmentState, OrderRef, ProductLine } from './ports.js';

export interface FeeAdjustmentView {
  readonly id: string;
  readonly kind: FeeAdjustmentKind;
  readonly state: FeeAdjustmentState;
  readonly orderId: string;
  readonly orderTitle: string;
  readonly lineId: string;
  readonly productName: string;
  readonly institution: string;
  /** The part's due amount before and after: the success fee, or the up-front fee of a refused application. */
  readonly fromFen: number;
  readonly toFen: number;
  readonly refundFen: number;
  readonly waiveFen: number;
  /** What the person wrote (更正放款金额的原因); null when the change came from the bank's decision alone. */
  readonly reason: string | null;
  /** What was computed from what: the disbursement and the rule's result, or the refund rule's outcome. */
  readonly explanation: LocalizedText;
  readonly createdAt: Date;
  readonly decidedAt: Date | null;
}

function isText(v: unknown): v is LocalizedText {
  return typeof v === 'object' && v !== null && typeof (v as LocalizedText).zh === 'string' && typeof (v as LocalizedText).en === 'string';
}

/** The stored detail's texts, in the order they were decided; older rows without them read as empty. */
function explanation(a: FeeAdjustment): LocalizedText {
  const policy = a.detail.policy as RejectionRefundPolicy | undefined;
  const rule = policy && REJECTION_REFUND_POLICY_LABELS[policy];
  const parts = [a.detail.basis, a.detail.text, rule && { zh: `退费规则：${rule.zh}`, en: `refund rule: ${rule.en}` }].filter(isText);
  return { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') };
}

export function feeAdjustmentView(a: FeeAdjustment, order: OrderRef, line: Pick<ProductLine, 'productName' | 'institution'>): FeeAdjustmentView {
  return {
    id: a.id, kind: a.kind, state: a.state, orderId: a.orderId, orderTitle: order.title, lineId: a.lineId, productName: line.productName, institution: line.institution,
    fromFen: a.fromFen, toFen: a.toFen, refundFen: a.refundFen, waiveFen: a.waiveFen,
    reason: typeof a.detail.reason === 'string' ? a.detail.reason : null, explanation: explanation(a), createdAt: a.createdAt, decidedAt: a.decidedAt,
  };
}
