// What a tenant configures: an approval flow (审批流程) for one business type, as plain serialisable data.
import type { Condition } from './condition.js';

/** The business objects that go through approval: 订单内审, 回款单, 发票, 红冲发票, 结单. */
export const BUSINESS_TYPES = ['order_review', 'receipt', 'invoice', 'red_invoice', 'order_close', 'commission_statement', 'fee_adjustment'] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];

/** How a node's approvers decide: 依次 one after another, 或签 any one of them, 会签 all of them. */
export const APPROVAL_MODES = ['sequential', 'any', 'all'] as const;
export type ApprovalMode = (typeof APPROVAL_MODES)[number];

/** Who approves a node. `levelsUp` 0 is the head of the submitter's own department, 1 its parent's head … */
export type ApproverSpec =
  | { readonly kind: 'users'; readonly userIds: readonly string[] }
  | { readonly kind: 'role'; readonly role: string }
  | { readonly kind: 'department_head'; readonly levelsUp: number }
  | { readonly kind: 'submitter_chooses'; readonly role?: string };
export const APPROVER_KINDS = ['users', 'role', 'department_head', 'submitter_chooses'] as const;

/**
 * What happens when a node's time limit passes: `remind` the approvers once; or `escalate` the task to an
 * administrator, or decide automatically, `graceHours` after a reminder (without a reminder when 0).
 */
export const TIMEOUT_ACTIONS = ['remind', 'escalate', 'auto_approve', 'auto_reject'] as const;
export type TimeoutAction = (typeof TIMEOUT_ACTIONS)[number];

/** A rejection ends the instance (`end`), or sends it back to the previous applicable node (`previous`). */
export const REJECT_ACTIONS = ['end', 'previous'] as const;
export type RejectAction = (typeof REJECT_ACTIONS)[number];

/** A node with nobody able to approve it is passed automatically (`skip`) or given to an administrator. */
export const NO_APPROVER_RULES = ['skip', 'admin'] as const;
export type NoApproverRule = (typeof NO_APPROVER_RULES)[number];

export interface NodeDef {
  /** Stable within the flow (e.g. 'level1'); chosen approvers are keyed by it. */
  readonly key: string;
  /** Shown to people: 订单一级审批. */
  readonly name: string;
  readonly approvers: ApproverSpec;
  readonly mode: ApprovalMode;
  /** The node applies only when this holds on the business object (evaluated at submission). */
  readonly condition?: Condition;
  readonly onReject?: RejectAction;
  /** Hours an open task may wait before its timeout action (审批时限). */
  readonly timeLimitHours?: number;
  /** Defaults to 'remind'. */
  readonly onTimeout?: TimeoutAction;
  /** Hours between the reminder and escalation or the automatic decision (default 0: no reminder). */
  readonly graceHours?: number;
}

export interface FlowDefinition {
  readonly id: string;
  readonly tenantId: string;
  readonly businessType: BusinessType;
  readonly name: string;
  /** Increases on every edit; an instance keeps the snapshot of the version it started on. */
  readonly version: number;
  readonly nodes: readonly NodeDef[];
  readonly noApproverRule: NoApproverRule;
}
