/*
 * 审批 — the approval chain engine (pure: no I/O, no clock, no id generator of its own).
 *
 * A FlowDefinition (per tenant and business type: order_review, receipt, invoice, red_invoice, order_close)
 * lists ordered nodes. A node names its approvers (users, a role, the submitter's department head N levels up,
 * or chosen by the submitter: 请选择审批人), a mode (sequential 依次, any 或签, all 会签), an optional condition
 * on the business object (JSON: { field, op, value } with all/any/not; see condition.ts), what a rejection
 * does (end, or return to the previous applicable node), and a time limit with its timeout action.
 * validateFlow() refuses a bad flow with `approval.invalid_flow` listing every problem; reviseFlow() makes the
 * next version.
 *
 * submit() starts an ApprovalInstance holding a snapshot of the flow (edits never reach a running instance),
 * the node conditions' results and the chosen approvers, and opens the first applicable node. decide(),
 * transfer(), withdraw() and onTimer() each take an instance and return { instance, effects, replayed }: a new
 * instance (version + 1) and, as data, the notifications to send and the events for the business object
 * ('approval.submitted' | 'approval.approved' | 'approval.rejected' | 'approval.withdrawn'). The caller loads
 * a Directory (users, roles, the submitter's department heads, administrators) and passes `now` and `ids`.
 *
 * Tasks are rows of the 审批信息 screen: appointed (节点审批人) and actual (真正审批人) approver, status
 * (APPROVAL_TASK_MACHINE: 未开始 待审批 已通过 已否决 已转交 已跳过 已撤回 自动), decidedAt (办理时间), opinion, and
 * `automatic`/`reason` when the system settled it. Both status tables run on core/shared/state-machine.ts.
 *
 * Nobody-can-approve nodes follow the flow's noApproverRule: 'skip' (task 自动) or 'admin' (the first active
 * administrator; none → `approval.no_approver`). Race safety for the repository: every command carries a
 * requestId (a repeat is a no-op, replayed: true, no effects), settled tasks refuse with
 * `approval.already_decided` (conflict), strangers with `approval.not_your_task` (forbidden), and `version`
 * grows by one per change for optimistic concurrency.
 */
export * from './flow-definition.js';
export * from './condition.js';
export * from './flow-validation.js';
export * from './directory.js';
export * from './instance.js';
export * from './effects.js';
export * from './status-machines.js';
export * from './errors.js';
export type { StepContext } from './instance-draft.js';
export * from './submit.js';
export * from './decide.js';
export * from './transfer.js';
export * from './withdraw.js';
export * from './timer.js';
export * from './queries.js';
export * from './subjects.js';
export * from './instance-view.js';
export * from './flow-references.js';
export * from './ports.js';
export { ApprovalService, type ApprovalDeps, type ApprovalResult, type DecideInput, type SubmitInput, type TransferInput } from './approval.service.js';
export { ApprovalFlowService, type ApprovalFlowDeps, type NewFlow, type FlowChanges } from './approval-flow.service.js';
export { ApprovalTimers, type ApprovalTimerDeps, type TimerRunReport } from './approval-timers.js';
