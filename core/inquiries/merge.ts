// Merging two records found to be duplicates (合并): the survivor keeps its identity and owner, takes what
// the duplicate knew that it did not, and the duplicate stays, marked as merged into the survivor.
import { domainError, type DomainError } from '../shared/index.js';
import { advanceLifecycle } from './lifecycle.js';
import type { Inquiry } from './types.js';

/** Two different records, neither already merged, can be merged. */
export function checkMerge(survivor: Inquiry, duplicate: Inquiry): DomainError | null {
  if (survivor.id === duplicate.id) {
    return domainError('inquiry.merge_self', 'invalid', '不能把记录与它自己合并', 'A record cannot be merged with itself');
  }
  for (const r of [survivor, duplicate]) {
    if (r.mergedIntoId !== null) {
      return domainError(
        'inquiry.already_merged', 'conflict',
        `「${r.companyName}」已被合并到另一条记录，请在那条记录上操作`,
        `"${r.companyName}" was already merged into another record; work on that one`,
        { id: r.id, mergedIntoId: r.mergedIntoId },
      );
    }
  }
  return null;
}

const later = (a: Date | null, b: Date | null): Date | null => (a === null ? b : b === null ? a : a > b ? a : b);

/**
 * The survivor after a merge: its own fields stay; it takes the further lifecycle of the two (an order on
 * the duplicate makes it a 准客户), the later last follow-up, and the duplicate's tax id when it had none.
 */
export function mergedSurvivor(survivor: Inquiry, duplicate: Inquiry, now: Date): Inquiry {
  return {
    ...survivor,
    lifecycle: advanceLifecycle(survivor.lifecycle, duplicate.lifecycle),
    lastFollowUpAt: later(survivor.lastFollowUpAt, duplicate.lastFollowUpAt),
    taxId: survivor.taxId ?? duplicate.taxId,
    updatedAt: now,
    version: survivor.version + 1,
  };
}

/** The duplicate after a merge: kept (never deleted), pointing at the survivor, out of every list and pool. */
export function mergedDuplicate(duplicate: Inquiry, survivorId: string, now: Date): Inquiry {
  return { ...duplicate, mergedIntoId: survivorId, updatedAt: now, version: duplicate.version + 1 };
}
