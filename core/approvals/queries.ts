// Read-only views of an instance: a person's open tasks (办理中心) and the 审批信息 record rows.
import type { ApprovalInstance, ApprovalTask, TaskReason, ApprovalTaskStatus } from './instance.js';
import { taskStatusLabel } from './status-machines.js';

/** The tasks waiting on this person's decision (an administrator's 代审 is not listed: it is not theirs). */
export function pendingTasksFor(instance: ApprovalInstance, userId: string): ApprovalTask[] {
  return instance.tasks.filter((t) => t.status === 'pending' && t.appointedApproverId === userId);
}

/** One row of the 审批信息 screen: 第1节点审核 · 节点审批人 · 真正审批人 · 审批节点 · 审批状态 · 办理时间 · 审批意见. */
export interface ApprovalRecordRow {
  /** 第N节点审核, N the node's position in the flow. */
  readonly heading: string;
  readonly taskId: string;
  readonly appointedApproverId: string | null;
  readonly actualApproverId: string | null;
  readonly nodeName: string;
  readonly status: ApprovalTaskStatus;
  readonly statusLabel: string;
  readonly decidedAt: Date | null;
  readonly opinion: string | null;
  readonly onBehalf: boolean;
  readonly automatic: boolean;
  readonly reason: TaskReason | null;
}

/** The record as the screen lists it, in the order things happened. */
export function approvalRecord(instance: ApprovalInstance): ApprovalRecordRow[] {
  return instance.tasks.map((t) => ({
    heading: `第${t.nodeIndex + 1}节点审核`,
    taskId: t.id,
    appointedApproverId: t.appointedApproverId,
    actualApproverId: t.actualApproverId,
    nodeName: t.nodeName,
    status: t.status,
    statusLabel: taskStatusLabel(t.status),
    decidedAt: t.decidedAt,
    opinion: t.opinion,
    onBehalf: t.onBehalf,
    automatic: t.automatic,
    reason: t.reason,
  }));
}
