// Time limits (审批时限): the scheduler calls onTimer; nextTimerAt tells it when the instance next needs a call.
import type { ApprovalInstance, ApprovalTask } from './instance.js';
import type { ApprovalStep } from './effects.js';
import type { NodeDef, TimeoutAction } from './flow-definition.js';
import { pickAdministrator } from './directory.js';
import { InstanceDraft, type StepContext } from './instance-draft.js';

const HOUR_MS = 3_600_000;

interface TimerPlan {
  readonly action: TimeoutAction;
  /** When the approver is reminded (null: already reminded, or no reminder for this action). */
  readonly remindAt: Date | null;
  /** When the timeout action runs (null for a reminder-only node). */
  readonly actAt: Date | null;
}

/** At the time limit the approver is reminded once; escalation or an automatic decision follows `graceHours`
 * later (with no reminder when the grace is 0). */
function planFor(task: ApprovalTask, node: NodeDef | undefined): TimerPlan | null {
  if (!node || task.status !== 'pending' || task.dueAt === null || task.timedOutAt !== null) return null;
  const action = node.onTimeout ?? 'remind';
  const grace = node.graceHours ?? 0;
  return {
    action,
    remindAt: task.remindedAt === null && (action === 'remind' || grace > 0) ? task.dueAt : null,
    actAt: action === 'remind' ? null : new Date(task.dueAt.getTime() + grace * HOUR_MS),
  };
}

/** The earliest time onTimer has something to do for this instance; null when nothing is timed. */
export function nextTimerAt(instance: ApprovalInstance): Date | null {
  if (instance.status !== 'pending') return null;
  let next: number | null = null;
  for (const t of instance.tasks) {
    const plan = planFor(t, instance.flow.nodes[t.nodeIndex]);
    for (const at of [plan?.remindAt, plan?.actAt]) if (at && (next === null || at.getTime() < next)) next = at.getTime();
  }
  return next === null ? null : new Date(next);
}

/**
 * The scheduler's step: reminds overdue approvers, escalates to an administrator (the new task has no limit,
 * so escalation never loops; with nobody to escalate to, the approver is reminded instead), or decides
 * automatically as the node says. Settled tasks show `automatic` with reason 'timeout' or 'escalated'.
 */
export function onTimer(instance: ApprovalInstance, ctx: StepContext): ApprovalStep {
  const draft = new InstanceDraft(instance, ctx);
  if (instance.status !== 'pending') return draft.finish();
  const now = ctx.now.getTime();
  for (const { id } of instance.tasks) {
    const task = draft.task(id);
    const plan = planFor(task, instance.flow.nodes[task.nodeIndex]);
    if (!plan) continue;
    if (plan.actAt && now >= plan.actAt.getTime()) {
      const system = { actorId: null, onBehalf: false, automatic: true, opinion: null, requestId: null } as const;
      if (plan.action === 'auto_approve' || plan.action === 'auto_reject') {
        draft.decideTask(id, plan.action === 'auto_approve' ? 'approve' : 'reject', { ...system, reason: 'timeout' });
        continue;
      }
      const admin = pickAdministrator(ctx.directory, task.appointedApproverId);
      if (admin !== null) {
        draft.transferTask(id, admin, { ...system, reason: 'escalated' });
        continue;
      }
      draft.markTimedOut(id);
      if (task.remindedAt === null) draft.remind(id);
      continue;
    }
    if (plan.remindAt && now >= plan.remindAt.getTime()) draft.remind(id);
  }
  return draft.finish();
}
