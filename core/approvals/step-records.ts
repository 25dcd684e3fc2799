// What a step of the engine leaves behind besides the instance: the business object's timeline (订单动态:
// 提交审批, 通过, 否决, 转交, 撤回) and the outbox events (notifications for the work center, decisions and ends
// for other areas). Derived by comparing the instance before and after, so a person's decision and the
// timer's automatic one are told the same way.
import type { ActivityEntry, DomainEvent } from '../shared/index.js';
import type { ApprovalStep } from './effects.js';
import { toDomainEvents } from './effects.js';
import type { ApprovalInstance, ApprovalTask } from './instance.js';

export interface StepRecords {
  readonly entries: ActivityEntry[];
  readonly events: DomainEvent[];
}

/** Who did what, in words: names come from the caller (the engine knows only ids). */
export type NameOf = (userId: string) => string;

const INSTANCE_SUBJECT = 'approval_instance';

function changedTasks(before: ApprovalInstance | null, after: ApprovalInstance): { task: ApprovalTask; was: ApprovalTask | undefined }[] {
  const old = new Map((before?.tasks ?? []).map((t) => [t.id, t]));
  return after.tasks.map((task) => ({ task, was: old.get(task.id) })).filter(({ task, was }) => was?.status !== task.status);
}

function decisionText(task: ApprovalTask): string {
  return task.status === 'approved' ? '通过' : '否决';
}

function byWhom(task: ApprovalTask, nameOf: NameOf): string {
  const actual = task.actualApproverId === null ? '系统' : nameOf(task.actualApproverId);
  return task.onBehalf && task.appointedApproverId !== null ? `${actual}（代${nameOf(task.appointedApproverId)}）` : actual;
}

/** Timeline entries for the business object and outbox events of one engine step (none for a replayed retry). */
export function stepRecords(before: ApprovalInstance | null, step: ApprovalStep, timelineSubjectType: string, nameOf: NameOf, actorId: string | null): StepRecords {
  if (step.replayed) return { entries: [], events: [] };
  const after = step.instance;
  const flowName = after.flow.name;
  const entries: ActivityEntry[] = [];
  const events: DomainEvent[] = [];
  const base = { businessType: after.businessType, businessId: after.businessId };
  const entry = (action: string, summary: string, who: string | null, data: Record<string, unknown>): void => {
    entries.push({ tenantId: after.tenantId, subjectType: timelineSubjectType, subjectId: after.businessId, actorId: who, action, summary, data: { instanceId: after.id, ...data } });
  };
  const event = (type: string, who: string | null, data: Record<string, unknown>): void => {
    events.push({ type, tenantId: after.tenantId, subjectType: INSTANCE_SUBJECT, subjectId: after.id, actorId: who, data: { ...base, ...data } });
  };
  const instanceEvents = toDomainEvents(step.effects.events);
  const starts = instanceEvents.filter((e) => e.type === 'approval.submitted');
  const ends = instanceEvents.filter((e) => e.type !== 'approval.submitted');

  events.push(...starts);
  for (const e of step.effects.events.filter((x) => x.type === 'approval.submitted')) {
    entry('approval.submitted', `提交审批「${flowName}」`, e.actorId, { flowId: after.flow.id, flowVersion: after.flow.version });
  }
  for (const { task } of changedTasks(before, after)) {
    const common = { taskId: task.id, nodeName: task.nodeName, appointedApproverId: task.appointedApproverId, actualApproverId: task.actualApproverId, onBehalf: task.onBehalf, automatic: task.automatic };
    if (task.status === 'approved' || task.status === 'rejected') {
      const decision = task.status === 'approved' ? 'approve' : 'reject';
      const summary = task.actualApproverId === null
        ? `${task.nodeName}：超时自动${decisionText(task)}`
        : `${task.nodeName}：${byWhom(task, nameOf)}${decisionText(task)}${task.opinion ? `，意见：${task.opinion}` : ''}`;
      entry('approval.decided', summary, task.actualApproverId, { ...common, decision, opinion: task.opinion });
      event('approval.decided', task.actualApproverId, { ...common, decision, opinion: task.opinion });
    } else if (task.status === 'transferred' && task.transferredToUserId !== null) {
      const to = nameOf(task.transferredToUserId);
      const escalated = task.reason === 'escalated';
      const from = task.appointedApproverId === null ? '' : nameOf(task.appointedApproverId);
      const summary = escalated ? `${task.nodeName}：${from}超时未处理，转交管理员${to}` : `${task.nodeName}：${byWhom(task, nameOf)}转交给${to}`;
      entry('approval.transferred', summary, task.actualApproverId, { ...common, toUserId: task.transferredToUserId, escalated });
      event('approval.transferred', task.actualApproverId, { ...common, toUserId: task.transferredToUserId, escalated });
    }
  }
  for (const n of step.effects.notifications) {
    event(`approval.${n.kind}`, actorId, { userId: n.userId, taskId: n.taskId, nodeName: n.nodeName });
  }
  for (const e of step.effects.events) {
    if (e.type === 'approval.approved') entry('approval.approved', `审批通过「${flowName}」`, e.actorId, { outcome: 'approved' });
    if (e.type === 'approval.rejected') entry('approval.rejected', `审批被否决「${flowName}」`, e.actorId, { outcome: 'rejected' });
    if (e.type === 'approval.withdrawn') entry('approval.withdrawn', `撤回审批「${flowName}」`, e.actorId, { outcome: 'withdrawn' });
  }
  events.push(...ends);
  return { entries, events };
}

/** The users a step's records name, so the caller loads their names once. */
export function namedUsers(instance: ApprovalInstance): string[] {
  const ids = new Set<string>([instance.submitterId]);
  for (const t of instance.tasks) {
    for (const id of [t.appointedApproverId, t.actualApproverId, t.transferredToUserId]) if (id !== null) ids.add(id);
  }
  return [...ids];
}
