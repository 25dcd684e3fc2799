// One move of a stored receipt inside a use case's transaction: the state machine fired, the instalments'
// reserved and collected amounts adjusted by the receipt's allocations, the receipt saved under its version,
// and the receipt's and the order's timelines and the outbox written with it.
import { isDomainError, type Tx } from '../shared/index.js';
import { formatYuanGrouped } from '../money/index.js';
import { ORDER_SUBJECT, RECEIPT_SUBJECT, entry, event, record, type CollectionsDeps } from './collections-deps.js';
import { receiptVersionConflict } from './errors.js';
import { allocationDelta, fireReceipt, type ReceiptEvent } from './receipt-machine.js';
import type { InstalmentDelta } from './ports.js';
import type { Receipt, ReceiptState } from './types.js';

const EVENT_TYPES: Readonly<Record<ReceiptEvent, string>> = {
  submit: 'receipt.submitted',
  approve: 'receipt.approved',
  reject: 'receipt.rejected',
  withdraw: 'receipt.withdrawn',
  request_reversal: 'receipt.reversal_requested',
  approve_reversal: 'receipt.reversed',
  reject_reversal: 'receipt.reversal_rejected',
  withdraw_reversal: 'receipt.reversal_withdrawn',
};

function summaryOf(e: ReceiptEvent, r: Receipt): string {
  const amount = `¥${formatYuanGrouped(r.amountFen)}`;
  switch (e) {
    case 'submit': return `回款单 ${amount}（${r.receivedOn}，${r.paymentMethod}）提交审批`;
    case 'approve': return `回款单 ${amount} 审批通过，计入已回款`;
    case 'reject': return `回款单 ${amount} 被驳回`;
    case 'withdraw': return `撤回了回款单 ${amount} 的审批`;
    case 'request_reversal': return `申请冲销回款 ${amount}：${r.reversalReason ?? ''}`;
    case 'approve_reversal': return `回款 ${amount} 已冲销，不再计入已回款`;
    case 'reject_reversal': return `回款 ${amount} 的冲销申请被驳回`;
    case 'withdraw_reversal': return `撤回了回款 ${amount} 的冲销申请`;
  }
}

/** The instalment changes of moving a receipt's allocations between states (creation: from null; deletion: to null). */
export function instalmentDeltas(r: Pick<Receipt, 'allocations'>, from: ReceiptState | null, to: ReceiptState | null): InstalmentDelta[] {
  const delta = allocationDelta(from, to);
  if (delta.reserved === 0 && delta.collected === 0) return [];
  return r.allocations.map((a) => ({ instalmentId: a.instalmentId, reservedFen: delta.reserved * a.amountFen, collectedFen: delta.collected * a.amountFen }));
}

/**
 * Fires `e` on the receipt (refused with `receipt.transition_not_allowed` where the table has no such move),
 * moves its money on the instalments, saves it with `changes`, and records the move.
 */
export async function moveReceipt(
  d: CollectionsDeps, tx: Tx, receipt: Receipt, e: ReceiptEvent, actorId: string | null, changes: Partial<Receipt> = {}, data: Record<string, unknown> = {},
): Promise<Receipt> {
  const fired = fireReceipt(receipt.state, e);
  if (isDomainError(fired)) throw fired;
  const deltas = instalmentDeltas(receipt, fired.from, fired.to);
  if (deltas.length) await d.plans.adjustInstalments(tx, receipt.tenantId, deltas);
  const next: Receipt = { ...receipt, ...changes, state: fired.to, updatedAt: d.clock.now(), version: receipt.version + 1 };
  if (!(await d.receipts.update(tx, next, { allocations: 'allocations' in changes }))) throw receiptVersionConflict(receipt.version, receipt.version + 1);
  const summary = summaryOf(e, next);
  const facts = { receiptId: next.id, orderId: next.orderId, amountFen: next.amountFen, from: fired.from, to: fired.to, ...data };
  await record(
    d, tx,
    [
      entry(next.tenantId, RECEIPT_SUBJECT, next.id, actorId, EVENT_TYPES[e], summary, facts),
      entry(next.tenantId, ORDER_SUBJECT, next.orderId, actorId, EVENT_TYPES[e], summary, facts),
    ],
    [event(next.tenantId, RECEIPT_SUBJECT, next.id, actorId, EVENT_TYPES[e], facts)],
  );
  return next;
}
