// Which owned records a recycler run needs to look at: per level, those quiet or overdue long enough to be
// recycled now or to be warned about (the reminder opens `reminderDaysBefore` days early).
import type { PoolPolicy, RecyclableRecord } from '../grading/index.js';
import type { RecycleWindow } from './ports.js';
import type { Lifecycle } from './types.js';

const DAY_MS = 86_400_000;

/**
 * For each level with a recycling rule, the instants at or before which the last contact or the planned
 * follow-up must lie for the record to be due or within its reminder period. Days are 24-hour periods, as in
 * core/grading; levels without any rule are left out, and a policy without rules gives no levels at all.
 */
export function recycleWindow(policy: PoolPolicy, lifecycles: readonly Lifecycle[], now: Date): RecycleWindow {
  const lead = policy.reminderDaysBefore ?? 0;
  const since = (days: number | null | undefined): Date | null => (days === null || days === undefined ? null : new Date(now.getTime() - (days - lead) * DAY_MS));
  const codes = [...new Set([...Object.keys(policy.noFollowUpDays), ...Object.keys(policy.overdueDays)])].sort();
  const levels = codes
    .map((level) => ({ level, quietSince: since(policy.noFollowUpDays[level]), overdueSince: since(policy.overdueDays[level]) }))
    .filter((l) => l.quietSince !== null || l.overdueSince !== null);
  return { lifecycles, levels };
}

/**
 * The window's meaning, which a repository's query must match: an owned record of a listed lifecycle whose
 * level has a rule, quiet (the later of last follow-up and assignment, or creation) since at or before
 * quietSince, or planned (the later of next follow-up and assignment, or creation) at or before overdueSince.
 */
export function inRecycleWindow(record: RecyclableRecord & { readonly lifecycle: Lifecycle }, window: RecycleWindow): boolean {
  if (record.ownerId === null || !window.lifecycles.includes(record.lifecycle)) return false;
  const l = window.levels.find((x) => x.level === record.level);
  if (!l) return false;
  const assigned = (record.assignedAt ?? record.createdAt).getTime();
  const quiet = Math.max(record.lastFollowUpAt?.getTime() ?? -Infinity, assigned);
  const planned = Math.max(record.nextFollowUpAt?.getTime() ?? -Infinity, assigned);
  return (l.quietSince !== null && quiet <= l.quietSince.getTime()) || (l.overdueSince !== null && planned <= l.overdueSince.getTime());
}
