// The engine's working copy of an instance during one step: every rule of how tasks open, close and move
// the instance from node to node lives here, so submit, decide, transfer, withdraw and onTimer share it.
// Internal to core/approvals: the input instance is never mutated; finish() returns a new one.
import type { AppliedRequest, ApprovalInstance, ApprovalTask, Decision, InstanceStatus, TaskReason } from './instance.js';
import type { ApprovalEvent, ApprovalEventType, ApprovalNotification, ApprovalStep, NotificationKind } from './effects.js';
import { NO_EFFECTS } from './effects.js';
import { type Directory, chosenFor, pickAdministrator, resolveApprovers } from './directory.js';
import { nextInstanceStatus, nextTaskStatus, type InstanceEvent, type ApprovalTaskEvent } from './status-machines.js';
import { noApprover } from './errors.js';
import type { NodeDef } from './flow-definition.js';

/** What every step needs besides the instance: the time, the people, and new ids. */
export interface StepContext {
  readonly now: Date;
  readonly directory: Directory;
  readonly ids: () => string;
}

/** Who settles a task: a person (actorId), perhaps on behalf, or the system (automatic, actorId null). */
export interface Settlement {
  readonly actorId: string | null;
  readonly onBehalf: boolean;
  readonly automatic: boolean;
  readonly reason: TaskReason | null;
  readonly opinion: string | null;
  readonly requestId: string | null;
}

const HOUR_MS = 3_600_000;
const OPEN: readonly string[] = ['waiting', 'pending'];

export class InstanceDraft {
  private tasks: ApprovalTask[];
  private status: InstanceStatus;
  private currentNodeIndex: number | null;
  private activations: number;
  private endedAt: Date | null;
  private readonly appliedRequests: AppliedRequest[];
  private readonly notifications: ApprovalNotification[] = [];
  private readonly events: ApprovalEvent[] = [];
  private changed = false;

  constructor(private readonly base: ApprovalInstance, private readonly ctx: StepContext) {
    this.tasks = [...base.tasks];
    this.status = base.status;
    this.currentNodeIndex = base.currentNodeIndex;
    this.activations = base.activations;
    this.endedAt = base.endedAt;
    this.appliedRequests = [...base.appliedRequests];
  }

  task(id: string): ApprovalTask {
    const t = this.tasks.find((x) => x.id === id);
    if (!t) throw new Error(`approval engine bug: no task ${id}`);
    return t;
  }

  private node(index: number): NodeDef {
    const n = this.base.flow.nodes[index];
    if (!n) throw new Error(`approval engine bug: no node ${index}`);
    return n;
  }

  private put(task: ApprovalTask): void {
    this.tasks = this.tasks.map((x) => (x.id === task.id ? task : x));
    this.changed = true;
  }

  private newTask(nodeIndex: number, activation: number, order: number, appointed: string | null, reason: TaskReason | null): ApprovalTask {
    const node = this.node(nodeIndex);
    const task: ApprovalTask = {
      id: this.ctx.ids(), nodeKey: node.key, nodeName: node.name, nodeIndex, activation, order,
      appointedApproverId: appointed, actualApproverId: null, status: 'waiting', onBehalf: false,
      automatic: reason !== null && appointed === null, reason, opinion: null, createdAt: this.ctx.now,
      openedAt: null, dueAt: null, remindedAt: null, timedOutAt: null, decidedAt: null,
      transferredFromTaskId: null, transferredToUserId: null, requestId: null,
    };
    this.tasks.push(task);
    this.changed = true;
    return task;
  }

  private notify(userId: string, kind: NotificationKind, task: ApprovalTask | null): void {
    const b = this.base;
    this.notifications.push({
      userId, kind, instanceId: b.id, businessType: b.businessType, businessId: b.businessId,
      taskId: task?.id ?? null, nodeName: task?.nodeName ?? null,
    });
  }

  emit(type: ApprovalEventType, actorId: string | null): void {
    const b = this.base;
    this.events.push({ type, tenantId: b.tenantId, instanceId: b.id, businessType: b.businessType, businessId: b.businessId, actorId, at: this.ctx.now });
    this.changed = true;
  }

  record(request: AppliedRequest): void {
    this.appliedRequests.push(request);
    this.changed = true;
  }

  /** A task's turn comes: it is open for decision, with a time limit unless escalated (no escalation loops). */
  private open(task: ApprovalTask, timed: boolean): void {
    const hours = this.node(task.nodeIndex).timeLimitHours;
    const now = this.ctx.now;
    const opened: ApprovalTask = {
      ...task, status: nextTaskStatus(task.status, 'open'), openedAt: now,
      dueAt: timed && hours !== undefined ? new Date(now.getTime() + hours * HOUR_MS) : null,
    };
    this.put(opened);
    if (opened.appointedApproverId !== null) this.notify(opened.appointedApproverId, 'task_assigned', opened);
  }

  /** The system closes a task nobody needs any more (skip), or the submitter's withdrawal does. */
  private close(task: ApprovalTask, event: Extract<ApprovalTaskEvent, 'skip' | 'withdraw'>): void {
    const system = event === 'skip';
    this.put({ ...task, status: nextTaskStatus(task.status, event), automatic: system, reason: system ? 'closed_by_decision' : null, decidedAt: this.ctx.now });
    if (event === 'withdraw' && task.status === 'pending' && task.appointedApproverId !== null) {
      this.notify(task.appointedApproverId, 'task_withdrawn', task);
    }
  }

  private openTasksOf(activation: number): ApprovalTask[] {
    return this.tasks.filter((x) => x.activation === activation && OPEN.includes(x.status));
  }

  /** 通过 or 否决 on an open task, then whatever follows from the node's mode. */
  decideTask(taskId: string, decision: Decision, by: Settlement): void {
    const t = this.task(taskId);
    this.put({
      ...t, status: nextTaskStatus(t.status, decision), actualApproverId: by.actorId, onBehalf: by.onBehalf,
      automatic: by.automatic, reason: by.reason ?? t.reason, opinion: by.opinion, decidedAt: this.ctx.now, requestId: by.requestId,
    });
    if (decision === 'approve') this.afterApproval(t, by.actorId);
    else this.afterRejection(t, by.actorId);
  }

  /** 转交: the task closes as transferred and the same turn opens for the new approver. */
  transferTask(taskId: string, toUserId: string, by: Settlement): void {
    const t = this.task(taskId);
    this.put({
      ...t, status: nextTaskStatus(t.status, 'transfer'), actualApproverId: by.actorId, onBehalf: by.onBehalf,
      automatic: by.automatic, reason: by.reason ?? t.reason, opinion: by.opinion, decidedAt: this.ctx.now,
      transferredToUserId: toUserId, requestId: by.requestId,
    });
    const next = { ...this.newTask(t.nodeIndex, t.activation, t.order, toUserId, by.reason), transferredFromTaskId: t.id };
    this.put(next);
    this.open(next, by.reason !== 'escalated');
  }

  remind(taskId: string): void {
    const t = this.task(taskId);
    this.put({ ...t, remindedAt: this.ctx.now });
    if (t.appointedApproverId !== null) this.notify(t.appointedApproverId, 'task_reminder', t);
  }

  /** The timeout action could not run (nobody to escalate to): remember it so the timer does not retry. */
  markTimedOut(taskId: string): void {
    this.put({ ...this.task(taskId), timedOutAt: this.ctx.now });
  }

  /** 依次 opens the next turn; 或签 needs one approval (the rest are skipped); 会签 needs every approval. */
  private afterApproval(decided: ApprovalTask, actorId: string | null): void {
    const mode = this.node(decided.nodeIndex).mode;
    const open = this.openTasksOf(decided.activation);
    if (mode === 'any') {
      for (const x of open) this.close(x, 'skip');
    } else if (mode === 'sequential') {
      const next = open.filter((x) => x.status === 'waiting').sort((a, b) => a.order - b.order)[0];
      if (next) return this.open(next, true);
    } else if (open.length > 0) {
      return;
    }
    this.advanceFrom(decided.nodeIndex + 1, actorId);
  }

  /** One 否决 decides the node in every mode: end the instance, or return to the previous applicable node. */
  private afterRejection(decided: ApprovalTask, actorId: string | null): void {
    for (const x of this.openTasksOf(decided.activation)) this.close(x, 'skip');
    if (this.node(decided.nodeIndex).onReject === 'previous') {
      for (let j = decided.nodeIndex - 1; j >= 0; j--) {
        if (this.base.nodeApplies[j]) return this.advanceFrom(j, actorId);
      }
    }
    this.end('reject', actorId);
  }

  /** Opens the first applicable node from `start` that has approvers; with none left, the instance is approved. */
  advanceFrom(start: number, actorId: string | null): void {
    const { flow, nodeApplies, chosenApprovers } = this.base;
    for (let i = start; i < flow.nodes.length; i++) {
      const node = this.node(i);
      if (!nodeApplies[i]) {
        if (!this.tasks.some((x) => x.nodeIndex === i && x.reason === 'condition_not_met')) this.placeholder(i, 'skip', 'condition_not_met');
        continue;
      }
      let approvers = resolveApprovers(node, this.ctx.directory, chosenFor(chosenApprovers, node.key));
      let reason: TaskReason | null = null;
      if (approvers.length === 0) {
        if (flow.noApproverRule === 'skip') {
          this.placeholder(i, 'auto_pass', 'no_approver');
          continue;
        }
        const admin = pickAdministrator(this.ctx.directory);
        if (admin === null) throw noApprover(node.name);
        approvers = [admin];
        reason = 'no_approver';
      }
      const activation = ++this.activations;
      const created = approvers.map((id, order) => this.newTask(i, activation, order, id, reason));
      this.currentNodeIndex = i;
      for (const t of created) if (node.mode !== 'sequential' || t.order === 0) this.open(t, true);
      return;
    }
    this.end('approve', actorId);
  }

  /** A node settled without anyone: its condition did not hold (已跳过), or nobody could approve it (自动). */
  private placeholder(nodeIndex: number, event: Extract<ApprovalTaskEvent, 'skip' | 'auto_pass'>, reason: TaskReason): void {
    const t = this.newTask(nodeIndex, ++this.activations, 0, null, reason);
    this.put({ ...t, status: nextTaskStatus(t.status, event), automatic: true, decidedAt: this.ctx.now });
  }

  /** The instance ends (exactly once: the table allows no move out of an end state). */
  end(event: InstanceEvent, actorId: string | null): void {
    this.status = nextInstanceStatus(this.status, event);
    this.endedAt = this.ctx.now;
    this.currentNodeIndex = null;
    for (const x of this.tasks.filter((t) => OPEN.includes(t.status))) this.close(x, event === 'withdraw' ? 'withdraw' : 'skip');
    const b = this.base;
    if (event === 'approve') {
      this.emit('approval.approved', actorId);
      this.notify(b.submitterId, 'instance_approved', null);
    } else if (event === 'reject') {
      this.emit('approval.rejected', actorId);
      this.notify(b.submitterId, 'instance_rejected', null);
    } else {
      this.emit('approval.withdrawn', actorId);
    }
  }

  finish(): ApprovalStep {
    if (!this.changed) return { instance: this.base, effects: NO_EFFECTS, replayed: false };
    const instance: ApprovalInstance = {
      ...this.base,
      status: this.status,
      currentNodeIndex: this.currentNodeIndex,
      activations: this.activations,
      tasks: this.tasks,
      version: this.base.version + 1,
      endedAt: this.endedAt,
      appliedRequests: this.appliedRequests,
    };
    return { instance, effects: { notifications: this.notifications, events: this.events }, replayed: false };
  }
}
