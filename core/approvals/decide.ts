// 审批通过 / 审批否决 on one task, by its approver or by an administrator on behalf (代审).
import type { Decision, ApprovalInstance } from './instance.js';
import type { ApprovalStep } from './effects.js';
import type { Directory } from './directory.js';
import { InstanceDraft } from './instance-draft.js';
import { authorise, cleanOpinion, findTask, replayOf } from './command-checks.js';
import { alreadyDecided, taskNotOpen } from './errors.js';
import { taskAllows } from './status-machines.js';

export interface DecideCommand {
  readonly taskId: string;
  readonly actorId: string;
  readonly decision: Decision;
  /** 审批意见; required when rejecting. */
  readonly opinion?: string | null;
  /** 代审: an administrator deciding for the appointed approver says so explicitly. */
  readonly onBehalf?: boolean;
  /** Chosen by the client per attempt; a retry with the same one returns the same result without effects. */
  readonly requestId: string;
  readonly now: Date;
  readonly directory: Directory;
  readonly ids: () => string;
}

/** Decides an open task; refuses a settled one (`approval.already_decided`) and anyone not allowed (`approval.not_your_task`). */
export function decide(instance: ApprovalInstance, cmd: DecideCommand): ApprovalStep {
  const replay = replayOf(instance, { requestId: cmd.requestId, command: 'decide', actorId: cmd.actorId, taskId: cmd.taskId, detail: cmd.decision });
  if (replay) return replay;
  const task = findTask(instance, cmd.taskId);
  const onBehalf = authorise(task, cmd.actorId, cmd.onBehalf === true, cmd.directory);
  if (!taskAllows(task.status, cmd.decision)) throw task.status === 'waiting' ? taskNotOpen(task) : alreadyDecided(task);
  const opinion = cleanOpinion(cmd.opinion, cmd.decision === 'reject');
  const draft = new InstanceDraft(instance, cmd);
  draft.decideTask(task.id, cmd.decision, { actorId: cmd.actorId, onBehalf, automatic: false, reason: null, opinion, requestId: cmd.requestId });
  draft.record({ requestId: cmd.requestId, command: 'decide', actorId: cmd.actorId, taskId: task.id, detail: cmd.decision, at: cmd.now });
  return draft.finish();
}
