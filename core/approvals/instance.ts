// One run of a flow for one business object (an order's 内部审核, a receipt …): plain serialisable data that
// the repository stores as is, with a `version` for optimistic concurrency.
import type { BusinessType, FlowDefinition } from './flow-definition.js';

/** 审批中 → 已通过 / 已否决 / 已撤回; the table is INSTANCE_MACHINE. */
export type InstanceStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

/** 未开始 / 待审批 / 已通过 / 已否决 / 已转交 / 已跳过 / 已撤回 / 自动; the table is APPROVAL_TASK_MACHINE. */
export type ApprovalTaskStatus = 'waiting' | 'pending' | 'approved' | 'rejected' | 'transferred' | 'skipped' | 'withdrawn' | 'auto';

export type Decision = 'approve' | 'reject';

/**
 * Why the system rather than a person settled or created a task: the node's condition did not hold; nobody
 * could approve it (passed as 自动, or given to an administrator); another decision closed it; its time limit
 * ran out; it was escalated to an administrator.
 */
export type TaskReason = 'condition_not_met' | 'no_approver' | 'closed_by_decision' | 'timeout' | 'escalated';

/** One approver's part in one opening of a node: one row of the 审批信息 screen (第1节点审核 …). */
export interface ApprovalTask {
  readonly id: string;
  readonly nodeKey: string;
  /** 审批节点: 订单一级审批. */
  readonly nodeName: string;
  readonly nodeIndex: number;
  /** Which opening of a node this belongs to (a node opens again when a rejection returns to it). */
  readonly activation: number;
  /** Position among the node's approvers: the turn in a sequential node. */
  readonly order: number;
  /** 节点审批人: whom the flow (or a transfer, or an escalation) appointed; null for a node nobody approves. */
  readonly appointedApproverId: string | null;
  /** 真正审批人: who actually decided or transferred; null while open and when the system decided. */
  readonly actualApproverId: string | null;
  /** 审批状态. */
  readonly status: ApprovalTaskStatus;
  /** 代审: an administrator decided on behalf of the appointed approver. */
  readonly onBehalf: boolean;
  /** The system, not a person, settled this task (see `reason`). */
  readonly automatic: boolean;
  readonly reason: TaskReason | null;
  /** 审批意见. */
  readonly opinion: string | null;
  readonly createdAt: Date;
  readonly openedAt: Date | null;
  readonly dueAt: Date | null;
  readonly remindedAt: Date | null;
  /** When the timeout action was due but could not run (no other administrator to escalate to). */
  readonly timedOutAt: Date | null;
  /** 办理时间. */
  readonly decidedAt: Date | null;
  readonly transferredFromTaskId: string | null;
  readonly transferredToUserId: string | null;
  /** The request that settled the task, for idempotent retries. */
  readonly requestId: string | null;
}

/** A command already applied: repeating its requestId returns the instance unchanged. */
export interface AppliedRequest {
  readonly requestId: string;
  readonly command: 'decide' | 'transfer' | 'withdraw';
  readonly actorId: string;
  readonly taskId: string | null;
  /** The decision, or the transferee. */
  readonly detail: string | null;
  readonly at: Date;
}

export interface ApprovalInstance {
  readonly id: string;
  readonly tenantId: string;
  readonly businessType: BusinessType;
  readonly businessId: string;
  /** The flow as it was when submitted: later edits of the flow do not reach a running instance. */
  readonly flow: FlowDefinition;
  readonly submitterId: string;
  readonly status: InstanceStatus;
  /** The node whose tasks are open; null once ended. */
  readonly currentNodeIndex: number | null;
  /** Per node, whether its condition held on the business object at submission. */
  readonly nodeApplies: readonly boolean[];
  /** 请选择审批人: the approvers the submitter chose, per node key. */
  readonly chosenApprovers: Readonly<Record<string, readonly string[]>>;
  /** How many node openings so far (the last task activation number). */
  readonly activations: number;
  readonly tasks: readonly ApprovalTask[];
  /** Incremented on every change (optimistic concurrency in the repository). */
  readonly version: number;
  readonly submittedAt: Date;
  readonly endedAt: Date | null;
  readonly appliedRequests: readonly AppliedRequest[];
}
