// What a step of the engine asks the world to do, as data: notifications to people and events for the
// business object (an order leaves 内部审核 on 'approval.approved'). The use case writes them to the outbox.
import type { DomainEvent } from '../shared/index.js';
import type { BusinessType } from './flow-definition.js';
import type { ApprovalInstance } from './instance.js';

export type NotificationKind =
  | 'task_assigned' // a task waits on you (待审批)
  | 'task_reminder' // its time limit has passed
  | 'task_withdrawn' // the submitter withdrew; nothing waits on you any more
  | 'instance_approved' // to the submitter
  | 'instance_rejected'; // to the submitter

export interface ApprovalNotification {
  readonly userId: string;
  readonly kind: NotificationKind;
  readonly instanceId: string;
  readonly businessType: BusinessType;
  readonly businessId: string;
  readonly taskId: string | null;
  readonly nodeName: string | null;
}

export type ApprovalEventType = 'approval.submitted' | 'approval.approved' | 'approval.rejected' | 'approval.withdrawn';

export interface ApprovalEvent {
  readonly type: ApprovalEventType;
  readonly tenantId: string;
  readonly instanceId: string;
  readonly businessType: BusinessType;
  readonly businessId: string;
  /** Who caused it; null when the system did (a timeout, a node nobody could approve). */
  readonly actorId: string | null;
  readonly at: Date;
}

export interface ApprovalEffects {
  readonly notifications: readonly ApprovalNotification[];
  readonly events: readonly ApprovalEvent[];
}

/** The result of every engine step. `replayed`: a repeated requestId, nothing changed, nothing to send. */
export interface ApprovalStep {
  readonly instance: ApprovalInstance;
  readonly effects: ApprovalEffects;
  readonly replayed: boolean;
}

export const NO_EFFECTS: ApprovalEffects = { notifications: [], events: [] };

/** Approval events in the shape of the outbox port, subject 'approval_instance'. */
export function toDomainEvents(events: readonly ApprovalEvent[]): DomainEvent[] {
  return events.map((e) => ({
    type: e.type,
    tenantId: e.tenantId,
    subjectType: 'approval_instance',
    subjectId: e.instanceId,
    actorId: e.actorId,
    data: { businessType: e.businessType, businessId: e.businessId, at: e.at.toISOString() },
  }));
}
