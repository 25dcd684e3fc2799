// Fixture builders for the approval engine tests: a flow, a node, the people, a submitted instance.
import {
  decide, submit, type ApprovalInstance, type ApprovalStep, type ApprovalTask, type Directory, type FlowDefinition,
  type NodeDef, type SubmitCommand,
} from '../../../core/approvals/index.js';

export const T0 = new Date('2024-03-01T02:00:00.000Z');

export function hoursAfter(hours: number, from: Date = T0): Date {
  return new Date(from.getTime() + hours * 3_600_000);
}

/** Deterministic ids: t1, t2 … (instance and tasks draw from the same counter). */
export function idSequence(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

export function aNode(over: Partial<NodeDef> & { key: string }): NodeDef {
  return { name: `节点 ${over.key}`, approvers: { kind: 'users', userIds: ['li'] }, mode: 'sequential', ...over };
}

export function aFlow(nodes: readonly NodeDef[], over: Partial<FlowDefinition> = {}): FlowDefinition {
  return { id: 'flow-1', tenantId: 'tenant-1', businessType: 'order_review', name: '订单内审', version: 1, nodes, noApproverRule: 'skip', ...over };
}

/**
 * sun 孙露露 submits; li is her department head, wang the head above; zhao and qian hold the finance role;
 * zhou left the firm (inactive, finance); admin administers approvals.
 */
export function aDirectory(over: Partial<Directory> = {}): Directory {
  return {
    users: [
      { id: 'sun', active: true, roles: ['sales'] },
      { id: 'li', active: true, roles: ['manager'] },
      { id: 'wang', active: true, roles: ['manager'] },
      { id: 'zhao', active: true, roles: ['finance'] },
      { id: 'qian', active: true, roles: ['finance'] },
      { id: 'zhou', active: false, roles: ['finance'] },
      { id: 'admin', active: true, roles: ['admin'] },
    ],
    submitterDepartmentHeads: ['li', 'wang'],
    administratorIds: ['admin'],
    ...over,
  };
}

export function submitted(flow: FlowDefinition, over: Partial<SubmitCommand> = {}): ApprovalStep {
  return submit({
    flow, businessType: flow.businessType, businessId: 'order-1', subject: { amountFen: 20_000_000 }, submitterId: 'sun',
    directory: aDirectory(), now: T0, ids: idSequence('t'), ...over,
  });
}

/** The open task of a person; fails the test by throwing when there is none. */
export function openTaskOf(instance: ApprovalInstance, userId: string): ApprovalTask {
  const t = instance.tasks.find((x) => x.status === 'pending' && x.appointedApproverId === userId);
  if (!t) throw new Error(`no open task for ${userId}: ${summary(instance).join(', ')}`);
  return t;
}

let requests = 0;
/** A person decides their open task (a fresh requestId each time). */
export function decideBy(instance: ApprovalInstance, userId: string, decision: 'approve' | 'reject', now: Date = hoursAfter(1)): ApprovalStep {
  return decide(instance, {
    taskId: openTaskOf(instance, userId).id, actorId: userId, decision, opinion: decision === 'reject' ? '资料不全' : '同意',
    requestId: `r${++requests}`, now, directory: aDirectory(), ids: idSequence(`x${requests}-`),
  });
}

/** Tasks as `node:appointed:status` (appointed '-' when nobody), in creation order: compact to assert. */
export function summary(instance: ApprovalInstance): string[] {
  return instance.tasks.map((t) => `${t.nodeKey}:${t.appointedApproverId ?? '-'}:${t.status}`);
}

/** Freezes an instance all the way down, so a test fails if the engine mutates its input. */
export function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !(value instanceof Date) && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) frozen(v);
    Object.freeze(value);
  }
  return value;
}
