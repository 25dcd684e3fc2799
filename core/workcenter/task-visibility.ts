// Who sees a task: its assignee and its creator always; beyond them, whoever's data scope covers the
// assignee (a manager their department subtree, an administrator the firm). Not visible means not found.
import { notFound } from '../shared/index.js';
import { inScope, scopeFilter, type Actor } from '../organisation/index.js';
import type { TaskVisibility } from './ports.js';
import type { Task } from './task.js';

/** Whether the actor may see the task: assignee, creator, or the assignee is in the actor's data scope. */
export function canSeeTask(actor: Actor, task: Pick<Task, 'tenantId' | 'assigneeId' | 'creatorId' | 'departmentId'>): boolean {
  if (task.tenantId !== actor.tenantId) return false;
  if (task.assigneeId === actor.userId || task.creatorId === actor.userId) return true;
  return inScope(actor, { ownerId: task.assigneeId, departmentId: task.departmentId });
}

export function visibleTask<T extends Task>(actor: Actor, task: T | null, id: string): T {
  if (!task || !canSeeTask(actor, task)) throw notFound('task', '任务', id);
  return task;
}

/** The list filter of canSeeTask. */
export function taskVisibility(actor: Actor): TaskVisibility {
  return { userId: actor.userId, scope: scopeFilter(actor) };
}
