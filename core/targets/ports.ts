// What the targets need from storage: the targets of a firm for some periods, set (replacing what was there)
// and removed, one row per subject, figure and period.
import type { Tx } from '../shared/index.js';
import type { Target, TargetMetric, TargetSubjectKind } from './types.js';

export interface TargetKey {
  readonly subjectKind: TargetSubjectKind;
  readonly subjectId: string;
  readonly metric: TargetMetric;
  readonly period: string;
}

export interface TargetRepository {
  /** Every target set for any of the periods ('YYYY-MM' or 'YYYY-Qn'), for the subjects given (all when omitted). */
  list(tx: Tx, tenantId: string, periods: readonly string[], subjectIds?: readonly string[]): Promise<Target[]>;
  /** Sets each target, replacing the amount already set for its subject, figure and period. */
  save(tx: Tx, tenantId: string, targets: readonly Target[], by: string, at: Date): Promise<void>;
  /** Removes one target; false when none was set. */
  remove(tx: Tx, tenantId: string, key: TargetKey): Promise<boolean>;
}
export const TargetRepository = Symbol.for('yunzhou.TargetRepository');
