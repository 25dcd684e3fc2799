// The PIPL audit trail as people read it: the operation log (changes to settings, roles, users, approval
// flows, and logins) and the log of unmasked reads of sensitive fields. The record itself is written through
// core/shared's OperationLog port (every area writes it; organisation too, which audit builds on).
import type { OperationRecord } from '../shared/index.js';

export type { OperationRecord };

export interface OperationEntry extends OperationRecord {
  readonly id: string;
  readonly at: Date;
  readonly actorName: string | null;
}

export interface SensitiveReadView {
  readonly id: string;
  readonly at: Date;
  readonly actorId: string;
  readonly actorName: string | null;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly field: string;
}

/** Filters shared by both logs; the time range is [from, to). */
export interface AuditFilter {
  readonly actorId?: string | undefined;
  readonly subjectType?: string | undefined;
  readonly subjectId?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
}

export interface OperationFilter extends AuditFilter {
  /** An exact kind ('role.saved') or a family ('login' matches login.succeeded and login.failed). */
  readonly kind?: string | undefined;
}

export interface SensitiveReadAuditFilter extends AuditFilter {
  readonly field?: string | undefined;
}

/** A firm's settings section changed: the whole section before and after. */
export function settingsChange(actor: { readonly tenantId: string; readonly userId: string }, section: string, before: unknown, after: unknown): OperationRecord {
  return { tenantId: actor.tenantId, actorId: actor.userId, kind: 'settings.changed', subjectType: 'settings', subjectId: section, before, after };
}
