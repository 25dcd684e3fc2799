// Whose targets a person sees and may set: the same data scope as the briefing's figures. A tenant-wide viewer
// sees every person and department; a department viewer those of the departments it sees (and itself); a
// viewer who sees only its own records, only its own targets.
import type { Actor } from '../organisation/index.js';
import type { TargetSubjectKind } from './types.js';

export interface TargetSubject {
  readonly kind: TargetSubjectKind;
  readonly id: string;
  /** A person's department; a department's own id. */
  readonly departmentId: string | null;
}

export function seesSubject(actor: Actor, subject: TargetSubject): boolean {
  if (actor.dataScope === 'tenant') return true;
  if (subject.kind === 'person' && subject.id === actor.userId) return true;
  if (actor.dataScope === 'self') return false;
  return subject.departmentId !== null && actor.visibleDepartmentIds.includes(subject.departmentId);
}
