// The receipt's life (回款单状态) as a data table for the generic state machine: 草稿 → 待审批 → 已确认 or 已驳回;
// an approved receipt is never deleted, it is reversed (冲销) through approval: 已确认 → 冲销中 → 已冲销.
import { fire, type DomainError, type Fired, type MachineDef } from '../shared/index.js';
import type { ApprovalOutcomeKind } from './approval-outcome.js';
import type { ReceiptState } from './types.js';

export type ReceiptEvent =
  | 'submit'
  | 'approve'
  | 'reject'
  | 'withdraw'
  | 'request_reversal'
  | 'approve_reversal'
  | 'reject_reversal'
  | 'withdraw_reversal';

export const RECEIPT_STATE_LABELS: Readonly<Record<ReceiptState, string>> = {
  draft: '草稿', pending: '待审批', approved: '已确认', rejected: '已驳回', reversing: '冲销中', reversed: '已冲销',
};

export const RECEIPT_EVENT_LABELS: Readonly<Record<ReceiptEvent, string>> = {
  submit: '提交审批', approve: '审批通过', reject: '审批驳回', withdraw: '撤回', request_reversal: '申请冲销',
  approve_reversal: '冲销通过', reject_reversal: '冲销驳回', withdraw_reversal: '撤回冲销',
};

export const RECEIPT_MACHINE: MachineDef<ReceiptState, ReceiptEvent> = {
  name: 'receipt',
  states: ['draft', 'pending', 'approved', 'rejected', 'reversing', 'reversed'],
  initial: 'draft',
  final: ['rejected', 'reversed'],
  transitions: [
    { from: ['draft'], event: 'submit', to: 'pending' },
    { from: ['pending'], event: 'approve', to: 'approved' },
    { from: ['pending'], event: 'reject', to: 'rejected' },
    { from: ['pending'], event: 'withdraw', to: 'draft' },
    { from: ['approved'], event: 'request_reversal', to: 'reversing' },
    { from: ['reversing'], event: 'approve_reversal', to: 'reversed' },
    { from: ['reversing'], event: 'reject_reversal', to: 'approved' },
    { from: ['reversing'], event: 'withdraw_reversal', to: 'approved' },
  ],
  labels: { ...RECEIPT_STATE_LABELS, ...RECEIPT_EVENT_LABELS },
};

/** States whose receipts hold money on instalments (no other receipt can take it): all but 已驳回 and 已冲销. */
export const RESERVING_STATES: readonly ReceiptState[] = ['draft', 'pending', 'approved', 'reversing'];
/** States whose receipts count as received (已回款): approved, including while a reversal is under approval. */
export const COLLECTED_STATES: readonly ReceiptState[] = ['approved', 'reversing'];

/** Fires a receipt event: the new state, or `receipt.transition_not_allowed` naming the state and the event. */
export function fireReceipt(state: ReceiptState, event: ReceiptEvent): Fired<ReceiptState, ReceiptEvent> | DomainError {
  return fire(RECEIPT_MACHINE, state, event, undefined, undefined);
}

/** How a move changes the instalments: +1 adds the allocations to reserved/collected, −1 takes them off. */
export interface AllocationDelta {
  readonly reserved: -1 | 0 | 1;
  readonly collected: -1 | 0 | 1;
}

const member = (set: readonly ReceiptState[], s: ReceiptState | null): number => (s !== null && set.includes(s) ? 1 : 0);

/** The change to the instalments when a receipt moves from one state to another (null: not existing). */
export function allocationDelta(from: ReceiptState | null, to: ReceiptState | null): AllocationDelta {
  return {
    reserved: (member(RESERVING_STATES, to) - member(RESERVING_STATES, from)) as -1 | 0 | 1,
    collected: (member(COLLECTED_STATES, to) - member(COLLECTED_STATES, from)) as -1 | 0 | 1,
  };
}

/** The event an approval's end fires on a receipt: a confirmation while 待审批, a reversal while 冲销中. */
export function outcomeEvent(state: ReceiptState, outcome: ApprovalOutcomeKind): ReceiptEvent | null {
  if (state === 'pending') return outcome === 'approved' ? 'approve' : outcome === 'rejected' ? 'reject' : 'withdraw';
  if (state === 'reversing') return outcome === 'approved' ? 'approve_reversal' : outcome === 'rejected' ? 'reject_reversal' : 'withdraw_reversal';
  return null;
}
