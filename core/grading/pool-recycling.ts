// When an owned record goes back to the public pool (公海), and when its owner is warned beforehand.
// Days are 24-hour periods (see pool-policy.ts).
import type { PoolPolicy } from './pool-policy.js';

const DAY_MS = 86_400_000;

/** What the recycling rules need to know about an inquiry or customer. */
export interface RecyclableRecord {
  readonly level: string;
  /** null: already in the pool. */
  readonly ownerId: string | null;
  readonly lastFollowUpAt: Date | null;
  readonly nextFollowUpAt: Date | null;
  readonly createdAt: Date;
  /** When the current owner got it (created, assigned, claimed); null: owned since creation. */
  readonly assignedAt: Date | null;
}

export type RecycleReason = 'no_follow_up' | 'overdue';

export type RecycleDecision = { readonly recycle: false } | { readonly recycle: true; readonly reason: RecycleReason; readonly since: Date };

/** When a record will go back to the pool, and why. */
export interface ScheduledRecycle {
  readonly reason: RecycleReason;
  readonly at: Date;
}

export type RecycleReminder = { readonly due: false } | { readonly due: true; readonly reason: RecycleReason; readonly recycleAt: Date };

function later(a: Date | null, b: Date): Date {
  return a !== null && a > b ? a : b;
}

function plusDays(t: Date, days: number): Date {
  return new Date(t.getTime() + days * DAY_MS);
}

/**
 * When an owned record will be recycled and why, or null when no rule of its level applies (or it is in the
 * pool already). No follow-up: counted from the later of the last follow-up and the current owner's
 * assignment, so that a record just claimed is not lost for its previous owner's silence. Overdue: counted
 * from the later of the planned next follow-up and the assignment, for the same reason. A level the policy
 * does not know has no rule. When both rules apply, the earlier one wins (a tie counts as no follow-up).
 */
export function nextRecycle(record: RecyclableRecord, policy: PoolPolicy): ScheduledRecycle | null {
  if (record.ownerId === null) return null;
  const assigned = record.assignedAt ?? record.createdAt;
  const noFollowUpDays = policy.noFollowUpDays[record.level] ?? null;
  const overdueDays = policy.overdueDays[record.level] ?? null;
  const candidates: ScheduledRecycle[] = [];
  if (noFollowUpDays !== null) candidates.push({ reason: 'no_follow_up', at: plusDays(later(record.lastFollowUpAt, assigned), noFollowUpDays) });
  if (overdueDays !== null && record.nextFollowUpAt !== null) {
    candidates.push({ reason: 'overdue', at: plusDays(later(record.nextFollowUpAt, assigned), overdueDays) });
  }
  return candidates.reduce<ScheduledRecycle | null>((best, c) => (best === null || c.at < best.at ? c : best), null);
}

/** An owned record goes back to the pool once N days have passed without follow-up, or M days overdue. */
export function recycleDecision(record: RecyclableRecord, now: Date, policy: PoolPolicy): RecycleDecision {
  const next = nextRecycle(record, policy);
  return next !== null && now >= next.at ? { recycle: true, reason: next.reason, since: next.at } : { recycle: false };
}

/** The owner is warned during the last `reminderDaysBefore` days before a record would be recycled. */
export function recycleReminderDue(record: RecyclableRecord, now: Date, policy: PoolPolicy): RecycleReminder {
  const next = nextRecycle(record, policy);
  if (next === null || policy.reminderDaysBefore === null) return { due: false };
  const opens = plusDays(next.at, -policy.reminderDaysBefore);
  return now >= opens && now < next.at ? { due: true, reason: next.reason, recycleAt: next.at } : { due: false };
}
