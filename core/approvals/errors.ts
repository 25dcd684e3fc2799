// The expected failures of the approval engine, with stable codes the HTTP adapter maps to statuses.
import { domainError, type DomainError } from '../shared/index.js';
import type { ApprovalTask } from './instance.js';
import { taskStatusLabel } from './status-machines.js';

/** Someone decided (or the instance ended) first: reload and look again. */
export function alreadyDecided(task: ApprovalTask): DomainError {
  return domainError('approval.already_decided', 'conflict',
    `该审批已处理（${taskStatusLabel(task.status)}），请刷新后查看`,
    `This approval task is already settled (${task.status}); reload to see the outcome`,
    { taskId: task.id, status: task.status });
}

/** A sequential node: the approvers before this one have not decided yet. */
export function taskNotOpen(task: ApprovalTask): DomainError {
  return domainError('approval.task_not_open', 'rule',
    '还没轮到该审批人审批（依次审批，前一位尚未处理）',
    'It is not this approver\'s turn yet (sequential approval; an earlier approver has not decided)',
    { taskId: task.id });
}

/** Only the appointed approver, or an administrator on behalf (代审), may act on a task. */
export function notYourTask(task: ApprovalTask, actorId: string): DomainError {
  return domainError('approval.not_your_task', 'forbidden',
    '这条审批不是您的，您不能处理（管理员可代审）',
    'This approval task is not yours to act on (an administrator may act on behalf)',
    { taskId: task.id, actorId });
}

/** The task id is not part of this instance. */
export function taskNotFound(instanceId: string, taskId: string): DomainError {
  return domainError('approval.task_not_found', 'not_found', `该审批中没有这条审批任务（${taskId}）`,
    `Approval ${instanceId} has no task ${taskId}`, { instanceId, taskId });
}

/** One requestId names one command: reusing it for a different one is a client bug. */
export function requestIdReused(requestId: string): DomainError {
  return domainError('approval.request_id_reused', 'conflict', '请求编号已用于另一项操作，请重新提交',
    'This requestId was already used for a different action; send the new action with a new requestId', { requestId });
}

/** A node must have someone who can approve it, unless the tenant's rule skips it. */
export function noApprover(nodeName: string): DomainError {
  return domainError('approval.no_approver', 'rule',
    `节点「${nodeName}」没有可用的审批人，也没有可接手的管理员，请联系管理员调整审批流程或人员`,
    `Node "${nodeName}" has no active approver and there is no active administrator to take it; fix the flow or the people`,
    { nodeName });
}
