// The approval statuses as data tables run by the shared machine: one for an instance, one for a task.
import { fire, DomainError, type MachineDef } from '../shared/index.js';
import type { InstanceStatus, ApprovalTaskStatus } from './instance.js';

export type InstanceEvent = 'approve' | 'reject' | 'withdraw';

/** An instance ends exactly once: from 审批中 to 已通过, 已否决 or 已撤回, and never moves again. */
export const INSTANCE_MACHINE: MachineDef<InstanceStatus, InstanceEvent> = {
  name: 'approval',
  states: ['pending', 'approved', 'rejected', 'withdrawn'],
  initial: 'pending',
  final: ['approved', 'rejected', 'withdrawn'],
  transitions: [
    { from: ['pending'], event: 'approve', to: 'approved' },
    { from: ['pending'], event: 'reject', to: 'rejected' },
    { from: ['pending'], event: 'withdraw', to: 'withdrawn' },
  ],
  labels: { pending: '审批中', approved: '已通过', rejected: '已否决', withdrawn: '已撤回', approve: '通过', reject: '否决', withdraw: '撤回' },
};

export type ApprovalTaskEvent = 'open' | 'approve' | 'reject' | 'transfer' | 'skip' | 'withdraw' | 'auto_pass';

/**
 * An approval task (审批任务, one approver's turn at a node) — not the workcenter's TASK_MACHINE (任务管理).
 * A task is created waiting and opens when its turn comes; only an open task is decided or transferred;
 * the system closes tasks that are no longer needed (skip, withdraw) or passes a node nobody can approve.
 */
export const APPROVAL_TASK_MACHINE: MachineDef<ApprovalTaskStatus, ApprovalTaskEvent> = {
  name: 'approval_task',
  states: ['waiting', 'pending', 'approved', 'rejected', 'transferred', 'skipped', 'withdrawn', 'auto'],
  initial: 'waiting',
  final: ['approved', 'rejected', 'transferred', 'skipped', 'withdrawn', 'auto'],
  transitions: [
    { from: ['waiting'], event: 'open', to: 'pending' },
    { from: ['pending'], event: 'approve', to: 'approved' },
    { from: ['pending'], event: 'reject', to: 'rejected' },
    { from: ['pending'], event: 'transfer', to: 'transferred' },
    { from: ['waiting', 'pending'], event: 'skip', to: 'skipped' },
    { from: ['waiting', 'pending'], event: 'withdraw', to: 'withdrawn' },
    { from: ['waiting'], event: 'auto_pass', to: 'auto' },
  ],
  labels: {
    waiting: '未开始', pending: '待审批', approved: '已通过', rejected: '已否决', transferred: '已转交',
    skipped: '已跳过', withdrawn: '已撤回', auto: '自动',
    open: '开始', approve: '通过', reject: '否决', transfer: '转交', skip: '跳过', withdraw: '撤回', auto_pass: '自动通过',
  },
};

/** The status label shown on the 审批信息 screen (待审批, 已通过 …). */
export function taskStatusLabel(status: ApprovalTaskStatus): string {
  return APPROVAL_TASK_MACHINE.labels?.[status] ?? status;
}

/** Whether the task table allows the event from this status (callers turn a refusal into their own error). */
export function taskAllows(status: ApprovalTaskStatus, event: ApprovalTaskEvent): boolean {
  return !(fire(APPROVAL_TASK_MACHINE, status, event, undefined, undefined) instanceof DomainError);
}

/** The next status of a move the engine has already checked; a refusal here is a bug. */
export function nextTaskStatus(status: ApprovalTaskStatus, event: ApprovalTaskEvent): ApprovalTaskStatus {
  const r = fire(APPROVAL_TASK_MACHINE, status, event, undefined, undefined);
  if (r instanceof DomainError) throw new Error(`approval engine bug: task ${event} from ${status}: ${r.message}`);
  return r.to;
}

/** The next instance status of a checked move; a refusal here is a bug (an instance ends only once). */
export function nextInstanceStatus(status: InstanceStatus, event: InstanceEvent): InstanceStatus {
  const r = fire(INSTANCE_MACHINE, status, event, undefined, undefined);
  if (r instanceof DomainError) throw new Error(`approval engine bug: instance ${event} from ${status}: ${r.message}`);
  return r.to;
}
