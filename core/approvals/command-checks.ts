// Checks every command on an instance shares: idempotent retries, the task, who may act, the opinion.
import { domainError } from '../shared/index.js';
import type { AppliedRequest, ApprovalInstance, ApprovalTask } from './instance.js';
import type { ApprovalStep } from './effects.js';
import { NO_EFFECTS } from './effects.js';
import { type Directory, isAdministrator } from './directory.js';
import { notYourTask, requestIdReused, taskNotFound } from './errors.js';

const MAX_OPINION = 500;

/** A repeated requestId is a retry: the same command returns the instance unchanged and sends nothing again. */
export function replayOf(instance: ApprovalInstance, request: Omit<AppliedRequest, 'at'>): ApprovalStep | null {
  if (request.requestId.trim() === '') {
    throw domainError('approval.request_id_required', 'invalid', '缺少请求编号', 'Every approval action needs a requestId (for safe retries)');
  }
  const done = instance.appliedRequests.find((r) => r.requestId === request.requestId);
  if (!done) return null;
  const same = done.command === request.command && done.actorId === request.actorId && done.taskId === request.taskId && done.detail === request.detail;
  if (!same) throw requestIdReused(request.requestId);
  return { instance, effects: NO_EFFECTS, replayed: true };
}

/** The task of this instance with that id, or `approval.task_not_found`. */
export function findTask(instance: ApprovalInstance, taskId: string): ApprovalTask {
  const task = instance.tasks.find((t) => t.id === taskId);
  if (!task) throw taskNotFound(instance.id, taskId);
  return task;
}

/** The appointed approver acts on their own task; an administrator acts for them only when saying so (代审).
 * Returns whether the act is on behalf. */
export function authorise(task: ApprovalTask, actorId: string, onBehalf: boolean, directory: Directory): boolean {
  if (task.appointedApproverId !== null && task.appointedApproverId === actorId) return false;
  if (onBehalf && isAdministrator(directory, actorId)) return true;
  throw notYourTask(task, actorId);
}

/** An opinion is at most 500 characters; a rejection must say why, so the submitter can act on it. */
export function cleanOpinion(opinion: string | null | undefined, required: boolean): string | null {
  const text = (opinion ?? '').trim();
  if (required && text === '') {
    throw domainError('approval.opinion_required', 'invalid', '否决时请填写审批意见', 'Give an opinion when rejecting, so the submitter knows what to fix');
  }
  if (text.length > MAX_OPINION) {
    throw domainError('approval.opinion_too_long', 'invalid', `审批意见最多 ${MAX_OPINION} 字`, `An opinion has at most ${MAX_OPINION} characters`, { max: MAX_OPINION });
  }
  return text === '' ? null : text;
}
