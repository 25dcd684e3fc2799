// 回款单 (business type 'receipt') plugged into the approval engine. Once the submission's instance is stored,
// a draft moves to 待审批, or an approved receipt with a reversal reason to 冲销中, in the submission's own
// transaction (onSubmitted), so the receipt and its approval start together; the end of the approval confirms,
// rejects or reverses it in the deciding one.
import { isDomainError, notFound, type Tx } from '../shared/index.js';
import type { Actor } from '../organisation/index.js';
import type { ConditionSubject, ApprovalInstance, ApprovalOutcome, ApprovalSubject, SubjectPurpose } from '../approvals/index.js';
import { RECEIPT_SUBJECT, financeOnly, recordableFinance, visibleFinance, type CollectionsDeps } from './collections-deps.js';
import { reversalReasonRequired } from './errors.js';
import { outcomeKind } from './approval-outcome.js';
import { fireReceipt, outcomeEvent, type ReceiptEvent } from './receipt-machine.js';
import { moveReceipt } from './receipt-moves.js';
import type { OrderFinance } from './ports.js';
import type { Receipt, ReceiptState } from './types.js';

export class ReceiptSubject implements ApprovalSubject {
  readonly timelineSubjectType = RECEIPT_SUBJECT;

  constructor(private readonly d: CollectionsDeps) {}

  /**
   * What the receipt flow's conditions read: amountFen, action ('confirm' or 'reverse'), type, paymentMethod,
   * overpayment, invoiceWanted, and the order's ownerId and departmentId. Submitting needs the right to record
   * the receipt (or finance.write for a reversal) and a receipt its move allows; reading needs sight of its
   * order. Changes nothing (onSubmitted moves it).
   */
  async facts(tx: Tx, actor: Actor, receiptId: string, purpose: SubjectPurpose): Promise<ConditionSubject> {
    const receipt = purpose === 'submit' ? await this.d.receipts.getForUpdate(tx, actor.tenantId, receiptId) : await this.d.receipts.get(tx, actor.tenantId, receiptId);
    if (!receipt) throw notFound('receipt', '回款单', receiptId);
    const order = await this.d.plans.orderFinance(tx, actor.tenantId, receipt.orderId);
    try {
      visibleFinance(actor, order, receipt.orderId);
    } catch {
      throw notFound('receipt', '回款单', receiptId);
    }
    let action = actionOf(receipt.state);
    if (purpose === 'submit') {
      const e = submitEvent(receipt);
      if (e === 'request_reversal') {
        financeOnly(actor, order, receipt.orderId);
        if (!receipt.reversalReason) throw reversalReasonRequired();
      } else if (e === 'submit') {
        recordableFinance(actor, order, receipt.orderId);
      }
      if (e !== null) {
        const fired = fireReceipt(receipt.state, e); // refused here, before the engine does anything
        if (isDomainError(fired)) throw fired;
        action = actionOf(fired.to);
      }
    }
    return subjectData(receipt, action, order as OrderFinance);
  }

  /** 提交: a draft goes 待审批, an approved receipt 冲销中, with the instance that now decides it. */
  async onSubmitted(tx: Tx, actor: Actor, instance: ApprovalInstance): Promise<void> {
    const receipt = await this.d.receipts.getForUpdate(tx, instance.tenantId, instance.businessId);
    if (!receipt) throw notFound('receipt', '回款单', instance.businessId);
    const e = submitEvent(receipt);
    if (e === 'request_reversal') await moveReceipt(this.d, tx, receipt, e, actor.userId, {}, { reason: receipt.reversalReason });
    else if (e === 'submit') await moveReceipt(this.d, tx, receipt, e, actor.userId, { submittedAt: this.d.clock.now() });
  }

  /** 通过 confirms (counts as received) or reverses; 否决 rejects (its money leaves the instalments) or keeps it confirmed; 撤回 goes back. */
  async onOutcome(tx: Tx, outcome: ApprovalOutcome, instance: ApprovalInstance): Promise<void> {
    const seen = await this.d.receipts.get(tx, instance.tenantId, instance.businessId);
    if (!seen) return; // deleted meanwhile: nothing to react on
    // The order row before the receipt, as every allocation does, so that no two changes wait on each other in a circle.
    await this.d.plans.lockOrder(tx, seen.tenantId, seen.orderId);
    const receipt = (await this.d.receipts.getForUpdate(tx, seen.tenantId, seen.id)) ?? seen;
    const e = outcomeEvent(receipt.state, outcomeKind(outcome));
    if (e === null) return;
    const at = outcome.at;
    const changes: Partial<Receipt> =
      e === 'approve' ? { confirmedAt: at, confirmedBy: outcome.actorId }
      : e === 'approve_reversal' ? { reversedAt: at }
      : e === 'reject_reversal' || e === 'withdraw_reversal' ? { reversalReason: null, reversalRequestedBy: null }
      : {};
    const moved = await moveReceipt(this.d, tx, receipt, e, outcome.actorId, changes, { instanceId: instance.id });
    // What hangs on collected money moves in this same transaction: a confirmation accrues, a reversal claws back.
    for (const l of this.d.settlement ?? []) {
      if (e === 'approve') await l.confirmed(tx, moved, at);
      else if (e === 'approve_reversal') await l.reversed(tx, moved, at);
    }
  }
}

// Already under approval (待审批, 冲销中): a concurrent retry of the same submission, which the engine's
// one-pending-instance rule answers (the retry gets the first instance back; anyone else `approval.already_pending`).
function submitEvent(r: Receipt): ReceiptEvent | null {
  if (r.state === 'pending' || r.state === 'reversing') return null;
  return r.state === 'approved' ? 'request_reversal' : 'submit';
}

function actionOf(state: ReceiptState): 'confirm' | 'reverse' {
  return state === 'reversing' ? 'reverse' : 'confirm';
}

function subjectData(r: Receipt, action: 'confirm' | 'reverse', order: OrderFinance): ConditionSubject {
  return {
    amountFen: r.amountFen,
    action,
    type: r.type,
    paymentMethod: r.paymentMethod,
    overpayment: r.overpayment,
    invoiceWanted: r.invoiceWanted,
    orderId: r.orderId,
    orderTitle: order.title,
    companyName: order.companyName,
    ownerId: order.ownerId,
    departmentId: order.departmentId,
  };
}
