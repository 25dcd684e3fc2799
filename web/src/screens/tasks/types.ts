// A task and its comments as the API presents them (http/routes/workcenter.routes.ts).
import type { TaskPriority, TaskStatus } from '@core/workcenter/task.js';

export interface Task {
  id: string;
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  dueAt: string | null;
  overdue: boolean;
  assignee: { id: string; name: string | null };
  creator: { id: string; name: string | null } | null;
  related: { type: string; id: string } | null;
  createdAt: string;
  completedAt: string | null;
  version: number;
}

export interface TaskComment { id: string; authorId: string; authorName?: string | null; body: string; createdAt: string }

/** Open (待办, 进行中) or finished (已完成, 已取消), as the list filters them. */
export const OPEN: TaskStatus[] = ['todo', 'in_progress'];
export const FINISHED: TaskStatus[] = ['done', 'cancelled'];
