// 回款单 (business type 'receipt') plugged into the approval engine. Submitting moves a draft to 待审批, or an
// approved receipt with a reversal reason to 冲销中, in the submission's own transaction, so the receipt and its
// approval start together; the end of the approval confirms, rejects or reverses it in the deciding one.
import { notFound, type Tx } from '../shared/index.js';
import type { Actor } from '../organisation/index.js';
import type { ConditionSubject, ApprovalInstance, ApprovalOutcome, ApprovalSubject, SubjectPurpose } from '../approvals/index.js';
import { RECEIPT_SUBJECT, financeOnly, recordableFinance, visibleFinance, type CollectionsDeps } from './collections-deps.js';
import { reversalReasonRequired } from './errors.js';
import { outcomeKind } from './approval-outcome.js';
import { outcomeEvent } from './receipt-machine.js';
import { moveReceipt } from './receipt-moves.js';
import type { OrderFinance } from './ports.js';
import type { Receipt } from './types.js';

export class ReceiptSubject implements ApprovalSubject {
  readonly timelineSubjectType = RECEIPT_SUBJECT;

  constructor(private readonly d: CollectionsDeps) {}

  /**
   * What the receipt flow's conditions read: amountFen, action ('confirm' or 'reverse'), type, paymentMethod,
   * overpayment, invoiceWanted, and the order's ownerId and departmentId. Submitting needs the right to record
   * the receipt (or finance.write for a reversal); reading needs sight of its order.
   */
  async load(tx: Tx, actor: Actor, receiptId: string, purpose: SubjectPurpose): Promise<ConditionSubject> {
    const receipt = purpose === 'submit' ? await this.d.receipts.getForUpdate(tx, actor.tenantId, receiptId) : await this.d.receipts.get(tx, actor.tenantId, receiptId);
    if (!receipt) throw notFound('receipt', '回款单', receiptId);
    const order = await this.d.plans.orderFinance(tx, actor.tenantId, receipt.orderId);
    try {
      visibleFinance(actor, order, receipt.orderId);
    } catch {
      throw notFound('receipt', '回款单', receiptId);
    }
    let current = receipt;
    // Already under approval: a concurrent retry of the same submission. The engine's one-pending-instance rule
    // answers it (the retry gets the first instance back; anyone else `approval.already_pending`).
    if (purpose === 'submit' && receipt.state !== 'pending' && receipt.state !== 'reversing') {
      if (receipt.state === 'approved') {
        financeOnly(actor, order, receipt.orderId);
        if (!receipt.reversalReason) throw reversalReasonRequired();
        current = await moveReceipt(this.d, tx, receipt, 'request_reversal', actor.userId, {}, { reason: receipt.reversalReason });
      } else {
        recordableFinance(actor, order, receipt.orderId);
        current = await moveReceipt(this.d, tx, receipt, 'submit', actor.userId, { submittedAt: this.d.clock.now() });
      }
    }
    return subjectData(current, order as OrderFinance);
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
    await moveReceipt(this.d, tx, receipt, e, outcome.actorId, changes, { instanceId: instance.id });
  }
}

function subjectData(r: Receipt, order: OrderFinance): ConditionSubject {
  return {
    amountFen: r.amountFen,
    action: r.state === 'reversing' ? 'reverse' : 'confirm',
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
