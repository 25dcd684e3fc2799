// The statement's life (提成月结单状态) as a data table for the generic state machine: 草稿 → 已提交 → 已审批 →
// 已锁定. Only a draft changes (lines redrawn, adjustments); finance sends a submitted statement back to draft
// or approves it; an approved statement is locked when paid, and a locked month is never reopened.
import { fire, type DomainError, type Fired, type Guard, type MachineDef } from '../shared/index.js';
import type { StatementStatus } from './types.js';

export type StatementEvent = 'submit' | 'approve' | 'reject' | 'withdraw' | 'lock';
export const STATEMENT_EVENTS: readonly StatementEvent[] = ['submit', 'approve', 'reject', 'withdraw', 'lock'];

/** What the guards read: whether the statement's month is over on the day of the move. */
export interface StatementMachineContext {
  readonly monthEnded: boolean;
}

/** A month is submitted only once it is over: until then receipts may still arrive and tiers still move. */
export const monthIsOver: Guard<StatementMachineContext> = (c) =>
  c.monthEnded ? null : { code: 'commission_statement.month_not_ended', zh: '本月尚未结束，不能提交月结单', en: 'the month is not over yet' };

export const STATEMENT_MACHINE: MachineDef<StatementStatus, StatementEvent, StatementMachineContext> = {
  name: 'commission_statement',
  states: ['draft', 'submitted', 'approved', 'locked'],
  initial: 'draft',
  final: ['locked'],
  transitions: [
    { from: ['draft'], event: 'submit', to: 'submitted', guards: [monthIsOver] },
    { from: ['submitted'], event: 'approve', to: 'approved' },
    { from: ['submitted'], event: 'reject', to: 'draft' },
    { from: ['submitted'], event: 'withdraw', to: 'draft' },
    { from: ['approved'], event: 'lock', to: 'locked' },
  ],
  labels: {
    draft: '草稿', submitted: '已提交', approved: '已审批', locked: '已锁定',
    submit: '提交审批', approve: '财务审批通过', reject: '退回修改', withdraw: '撤回', lock: '锁定',
  },
};

/** Fires an event on a statement's status, or `commission_statement.transition_not_allowed` / `.guard_failed`. */
export function fireStatement(status: StatementStatus, event: StatementEvent, context: StatementMachineContext): Fired<StatementStatus, StatementEvent> | DomainError {
  return fire(STATEMENT_MACHINE, status, event, context, undefined);
}

/** Only a draft's lines and adjustments may change. */
export function isEditable(status: StatementStatus): boolean {
  return status === 'draft';
}

/** How an approval (审批) of a submitted statement ended, as the approval engine reports it. */
export type StatementApprovalOutcome = 'approved' | 'rejected' | 'withdrawn';

/** The event an approval's end fires on a submitted statement (通过 → approve, 驳回 → reject, 撤回 → withdraw); null otherwise. */
export function outcomeEvent(status: StatementStatus, outcome: StatementApprovalOutcome): StatementEvent | null {
  if (status !== 'submitted') return null;
  return outcome === 'approved' ? 'approve' : outcome === 'rejected' ? 'reject' : 'withdraw';
}
