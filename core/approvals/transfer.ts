// 转交: an approver hands an open task to another person, who takes the same turn.
import { domainError } from '../shared/index.js';
import type { ApprovalInstance } from './instance.js';
import type { ApprovalStep } from './effects.js';
import { type Directory, isActiveUser } from './directory.js';
import { InstanceDraft } from './instance-draft.js';
import { authorise, cleanOpinion, findTask, replayOf } from './command-checks.js';
import { alreadyDecided, taskNotOpen } from './errors.js';
import { taskAllows } from './status-machines.js';

export interface TransferCommand {
  readonly taskId: string;
  readonly actorId: string;
  readonly toUserId: string;
  readonly opinion?: string | null;
  /** An administrator may transfer someone else's task, saying so. */
  readonly onBehalf?: boolean;
  readonly requestId: string;
  readonly now: Date;
  readonly directory: Directory;
  readonly ids: () => string;
}

/** Transfers an open task to an active person who holds no other open task of the node; the old task shows 已转交. */
export function transfer(instance: ApprovalInstance, cmd: TransferCommand): ApprovalStep {
  const replay = replayOf(instance, { requestId: cmd.requestId, command: 'transfer', actorId: cmd.actorId, taskId: cmd.taskId, detail: cmd.toUserId });
  if (replay) return replay;
  const task = findTask(instance, cmd.taskId);
  const onBehalf = authorise(task, cmd.actorId, cmd.onBehalf === true, cmd.directory);
  if (!taskAllows(task.status, 'transfer')) throw task.status === 'waiting' ? taskNotOpen(task) : alreadyDecided(task);
  if (cmd.toUserId === task.appointedApproverId) {
    throw domainError('approval.transfer_to_self', 'invalid', '不能转交给当前审批人自己', 'The task already belongs to this person', { toUserId: cmd.toUserId });
  }
  if (!isActiveUser(cmd.directory, cmd.toUserId)) {
    throw domainError('approval.transferee_inactive', 'rule', '接收人不存在或已停用', 'The person to transfer to does not exist or is inactive', { toUserId: cmd.toUserId });
  }
  const holds = instance.tasks.some((t) => t.activation === task.activation && t.appointedApproverId === cmd.toUserId && (t.status === 'pending' || t.status === 'waiting'));
  if (holds) {
    throw domainError('approval.transferee_already_assigned', 'rule', '接收人在本节点已有待处理的审批', 'That person already has an open task in this node', { toUserId: cmd.toUserId });
  }
  const opinion = cleanOpinion(cmd.opinion, false);
  const draft = new InstanceDraft(instance, cmd);
  draft.transferTask(task.id, cmd.toUserId, { actorId: cmd.actorId, onBehalf, automatic: false, reason: null, opinion, requestId: cmd.requestId });
  draft.record({ requestId: cmd.requestId, command: 'transfer', actorId: cmd.actorId, taskId: task.id, detail: cmd.toUserId, at: cmd.now });
  return draft.finish();
}
