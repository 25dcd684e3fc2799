// Writes what an engine step leaves behind, in the step's transaction: the business object's timeline, the
// outbox events, and the business object's reaction to an end (ApprovalSubject.onOutcome).
import type { EventSink, Timeline, Tx } from '../shared/index.js';
import type { ApprovalEvent, ApprovalStep } from './effects.js';
import type { ApprovalInstance } from './instance.js';
import type { ApprovalDirectoryLoader } from './ports.js';
import { namedUsers, stepRecords } from './step-records.js';
import type { ApprovalOutcome, ApprovalSubject, ApprovalSubjects } from './subjects.js';
import type { BusinessType } from './flow-definition.js';

export interface RecordDeps {
  readonly directory: ApprovalDirectoryLoader;
  readonly timeline: Timeline;
  readonly events: EventSink;
}

function isOutcome(e: ApprovalEvent): e is ApprovalOutcome {
  return e.type === 'approval.approved' || e.type === 'approval.rejected' || e.type === 'approval.withdrawn';
}

/** The registered subject of a business type, or null once its area is gone (instances still finish). */
export function subjectOf(subjects: ApprovalSubjects, businessType: BusinessType): ApprovalSubject | null {
  return subjects.has(businessType) ? subjects.get(businessType) : null;
}

/** Timeline entries, outbox events and the outcome reaction of one step; nothing for a replayed retry. */
export async function recordStep(
  d: RecordDeps, tx: Tx, before: ApprovalInstance | null, step: ApprovalStep, subject: ApprovalSubject | null, actorId: string | null,
): Promise<void> {
  if (step.replayed) return;
  const instance = step.instance;
  const names = await d.directory.names(tx, instance.tenantId, namedUsers(instance));
  const { entries, events } = stepRecords(before, step, subject?.timelineSubjectType ?? instance.businessType, (id) => names.get(id) ?? id, actorId);
  await d.timeline.record(tx, entries);
  await d.events.publish(tx, events);
  for (const e of step.effects.events) if (isOutcome(e) && subject?.onOutcome) await subject.onOutcome(tx, e, instance);
}
