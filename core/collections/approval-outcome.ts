// How an approval ended, as the collections rules read it.
import type { ApprovalOutcome } from '../approvals/index.js';

export type ApprovalOutcomeKind = 'approved' | 'rejected' | 'withdrawn';

/** 通过, 否决 or 撤回, from the approval engine's outcome event. */
export function outcomeKind(outcome: Pick<ApprovalOutcome, 'type'>): ApprovalOutcomeKind {
  return outcome.type === 'approval.approved' ? 'approved' : outcome.type === 'approval.rejected' ? 'rejected' : 'withdrawn';
}
