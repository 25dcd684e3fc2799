// 撤回: the submitter takes the request back while no approver has decided yet.
import { domainError } from '../shared/index.js';
import type { ApprovalInstance } from './instance.js';
import type { ApprovalStep } from './effects.js';
import { InstanceDraft } from './instance-draft.js';
import { replayOf } from './command-checks.js';

const NOBODY = { users: [], submitterDepartmentHeads: [], administratorIds: [] };

export interface WithdrawCommand {
  readonly actorId: string;
  readonly requestId: string;
  readonly now: Date;
}

/** Only the submitter withdraws, and only before the first 通过/否决 (a transfer is not a decision). */
export function withdraw(instance: ApprovalInstance, cmd: WithdrawCommand): ApprovalStep {
  const replay = replayOf(instance, { requestId: cmd.requestId, command: 'withdraw', actorId: cmd.actorId, taskId: null, detail: null });
  if (replay) return replay;
  if (cmd.actorId !== instance.submitterId) {
    throw domainError('approval.not_submitter', 'forbidden', '只有提交人可以撤回审批', 'Only the submitter may withdraw this approval', { actorId: cmd.actorId });
  }
  const decided = instance.tasks.some((t) => t.status === 'approved' || t.status === 'rejected');
  if (instance.status !== 'pending' || decided) {
    throw domainError('approval.withdraw_not_allowed', 'conflict', '审批人已处理，不能再撤回', 'An approver has already decided; the approval can no longer be withdrawn',
      { status: instance.status });
  }
  // No task opens on withdrawal, so the step needs no people and no new ids.
  const draft = new InstanceDraft(instance, { now: cmd.now, directory: NOBODY, ids: noIds });
  draft.end('withdraw', cmd.actorId);
  draft.record({ requestId: cmd.requestId, command: 'withdraw', actorId: cmd.actorId, taskId: null, detail: null, at: cmd.now });
  return draft.finish();
}

function noIds(): string {
  throw new Error('approval engine bug: withdrawal created a task');
}
