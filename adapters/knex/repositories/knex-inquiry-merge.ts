// The timeline's part in a merge: the duplicate's 动态 lines move to the survivor (activities reference
// their record by subject_id, which the generic inquiry_id sweep does not see).
import type { Tx } from '../../../core/shared/ports.js';
import type { MergeParticipant } from '../../../core/inquiries/ports.js';
import { SUBJECT } from '../../../core/inquiries/records.js';
import { sql } from '../unit-of-work.js';

export class TimelineMergeParticipant implements MergeParticipant {
  readonly name = 'activities';

  reassign(tx: Tx, tenantId: string, fromInquiryId: string, toInquiryId: string): Promise<number> {
    return sql(tx)('activities').where({ tenant_id: tenantId, subject_type: SUBJECT, subject_id: fromInquiryId }).update({ subject_id: toInquiryId });
  }
}
