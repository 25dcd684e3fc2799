// 任务管理: a task for one person, with a due time, a priority, an optional related record and a status run by
// the generic state machine: 待办 → 进行中 → 已完成, or 已取消; a finished task may be reopened.
import type { LocalizedText, MachineDef } from '../shared/index.js';

export type TaskStatus = 'todo' | 'in_progress' | 'done' | 'cancelled';
export type TaskEvent = 'start' | 'complete' | 'cancel' | 'reopen';
export type TaskPriority = 'low' | 'normal' | 'high' | 'urgent';

export const TASK_STATUSES: readonly TaskStatus[] = ['todo', 'in_progress', 'done', 'cancelled'];
export const TASK_EVENTS: readonly TaskEvent[] = ['start', 'complete', 'cancel', 'reopen'];
export const TASK_PRIORITIES: readonly TaskPriority[] = ['low', 'normal', 'high', 'urgent'];
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['todo', 'in_progress'];

export const TASK_PRIORITY_LABELS: Readonly<Record<TaskPriority, LocalizedText>> = {
  low: { zh: '低', en: 'low' }, normal: { zh: '普通', en: 'normal' }, high: { zh: '高', en: 'high' }, urgent: { zh: '紧急', en: 'urgent' },
};

/** The records a task may point at (where the person goes to do it). */
export const RELATED_TYPES = ['inquiry', 'order', 'approval_instance', 'receipt', 'invoice', 'customer'] as const;
export type RelatedType = (typeof RELATED_TYPES)[number];

/** The task status table: start work, finish or cancel it (from 待办 or 进行中), reopen a finished one. */
export const TASK_MACHINE: MachineDef<TaskStatus, TaskEvent> = {
  name: 'task',
  states: TASK_STATUSES,
  initial: 'todo',
  final: ['done', 'cancelled'],
  transitions: [
    { from: ['todo'], event: 'start', to: 'in_progress' },
    { from: ['todo', 'in_progress'], event: 'complete', to: 'done' },
    { from: ['todo', 'in_progress'], event: 'cancel', to: 'cancelled' },
    { from: ['done', 'cancelled'], event: 'reopen', to: 'todo' },
  ],
  labels: {
    todo: '待办', in_progress: '进行中', done: '已完成', cancelled: '已取消',
    start: '开始处理', complete: '完成', cancel: '取消', reopen: '重新打开',
  },
};

export interface Task {
  readonly tenantId: string;
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly assigneeId: string;
  /** The assignee's department when assigned: what a manager's data scope reads. */
  readonly departmentId: string | null;
  /** null when a rule made the task. */
  readonly creatorId: string | null;
  readonly dueAt: Date | null;
  readonly priority: TaskPriority;
  readonly relatedType: string | null;
  readonly relatedId: string | null;
  readonly status: TaskStatus;
  /** Set on a rule's task: the rule, the record it is about and the occasion (one task per all three). */
  readonly ruleKey: string | null;
  readonly ruleRecord: string | null;
  readonly ruleOccasion: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly completedAt: Date | null;
  readonly version: number;
}

export interface TaskDetail extends Task {
  readonly assigneeName: string | null;
  readonly creatorName: string | null;
}

export interface TaskComment {
  readonly tenantId: string;
  readonly id: string;
  readonly taskId: string;
  readonly authorId: string;
  readonly authorName?: string | null;
  readonly body: string;
  readonly createdAt: Date;
}

/** Whether a task is past its due time and still open (逾期). */
export function isOverdue(task: Pick<Task, 'dueAt' | 'status'>, now: Date): boolean {
  return task.dueAt !== null && task.dueAt.getTime() < now.getTime() && OPEN_TASK_STATUSES.includes(task.status);
}
