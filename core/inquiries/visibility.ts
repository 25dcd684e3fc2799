// Who sees what of an inquiry: records in the actor's data scope, and every record in a pool (so that it can
// be claimed); other people's mobiles masked unless the actor may see them.
import { maskMobile } from '../identity/index.js';
import { inScope, type Actor } from '../organisation/index.js';
import { maySeeCustomerMobile } from '../security/index.js';
import { levelLabel, type GradingPolicy } from '../grading/index.js';
import { poolOf } from './lifecycle.js';
import type { InquiryDetail, InquiryView } from './types.js';

/** A record is visible to an actor who owns it, has it in data scope, or when it sits in a pool. */
export function canSee(actor: Actor, record: Pick<InquiryDetail, 'ownerId' | 'departmentId'>): boolean {
  return record.ownerId === null || inScope(actor, record);
}

/** A mobile shows in full to the record's owner and to holders of inquiry.view_mobile; others see 138****5678. */
export function maySeeMobile(actor: Actor, record: Pick<InquiryDetail, 'ownerId'>): boolean {
  return maySeeCustomerMobile(actor, record.ownerId);
}

/** A name shown to someone outside the record's scope: the family name and a star per other character (郑*). */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : (chars[0] as string) + '*'.repeat(chars.length - 1);
}

/** The record as the actor may see it, with its level's label and its pool. */
export function presentInquiry(actor: Actor, record: InquiryDetail, policy: Pick<GradingPolicy, 'levels'>): InquiryView {
  const full = maySeeMobile(actor, record);
  return {
    ...record,
    mobile: full ? record.mobile : maskMobile(record.mobile),
    mobileMasked: !full,
    levelLabel: levelLabel(record.level, policy),
    pool: record.ownerId === null ? poolOf(record.lifecycle) : null,
  };
}
