// How long one collected file is good for one requirement: the last calendar day it counts (inclusive), or
// why it cannot count at all (the fact its validity is counted from is missing, or the period is too short).
import { addDays, addMonths } from './dates.js';
import type { CollectedDocument, DocumentValidity } from './document-requirement.js';

/** Why a file of the right document cannot count: it lacks the date its validity runs from, or covers too little. */
export type UnusableReason = 'date_missing' | 'coverage_missing' | 'coverage_too_short' | 'expiry_missing';

export type FileValidity =
  | { readonly usable: true; readonly validThrough: string | null }
  | { readonly usable: false; readonly reason: UnusableReason };

const unusable = (reason: UnusableReason): FileValidity => ({ usable: false, reason });

/** The last day (inclusive) the file is good for, null for "no end"; the file's dates must be validated. */
export function fileValidity(file: CollectedDocument, validity: DocumentValidity): FileValidity {
  switch (validity.kind) {
    case 'none':
      return { usable: true, validThrough: null };
    case 'days_from_document_date':
      // A report dated 11-01 and good for 30 days still counts on 12-01 (30 days old), not on 12-02.
      return file.documentDate ? { usable: true, validThrough: addDays(file.documentDate, validity.days) } : unusable('date_missing');
    case 'covers_last_months': {
      if (!file.coversFrom || !file.coversTo) return unusable('coverage_missing');
      // Both ends count: 05-01 to 10-31 is six whole months, as is 05-21 to 11-20.
      if (addMonths(file.coversFrom, validity.months) > addDays(file.coversTo, 1)) return unusable('coverage_too_short');
      return { usable: true, validThrough: addDays(file.coversTo, validity.endWithinDays) };
    }
    case 'until_expiry_date':
      if (file.longTerm) return { usable: true, validThrough: null };
      return file.expiresOn ? { usable: true, validThrough: file.expiresOn } : unusable('expiry_missing');
  }
}

export const UNUSABLE_REASON_TEXT: Readonly<Record<UnusableReason, { readonly zh: string; readonly en: string }>> = {
  date_missing: { zh: '未填出具日期', en: 'has no document date' },
  coverage_missing: { zh: '未填覆盖期间', en: 'has no period covered' },
  coverage_too_short: { zh: '覆盖期间不足', en: 'covers too short a period' },
  expiry_missing: { zh: '未填有效期', en: 'has no expiry date' },
};
