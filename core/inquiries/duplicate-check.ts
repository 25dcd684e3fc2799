// 查重: which keys a duplicate check compares, and how each match is shown.
import { validationFailed, type FieldError } from '../shared/index.js';
import { maskMobile, normalizeCompanyName, normalizeMobile, normalizeUscc } from '../identity/index.js';
import { inScope, type Actor } from '../organisation/index.js';
import { levelLabel, type GradingPolicy } from '../grading/index.js';
import { identityField } from './field-checks.js';
import { poolOf, stageLabel } from './lifecycle.js';
import { maskName, maySeeMobile } from './visibility.js';
import type { DuplicateField, DuplicateMatch, InquiryDetail } from './types.js';

/** The normalised keys a check looks for; at least one is present. */
export interface DuplicateKeys {
  readonly mobile?: string;
  readonly companyKey?: string;
  readonly taxId?: string;
}

/**
 * A check needs at least one of mobile, company name and tax id; each is normalised as it is stored (the
 * mobile's +86 and spaces, the company's full-width letters and 有限公司 suffix, the tax id's case), and a
 * malformed mobile or tax id is reported by field.
 */
export function duplicateKeys(input: { mobile?: string | undefined; companyName?: string | undefined; taxId?: string | undefined }): DuplicateKeys {
  const errors: FieldError[] = [];
  const keys: { mobile?: string; companyKey?: string; taxId?: string } = {};
  if (input.mobile?.trim()) {
    const m = identityField(input.mobile, '/mobile', normalizeMobile, errors);
    if (m) keys.mobile = m;
  }
  if (input.companyName?.trim()) {
    const k = normalizeCompanyName(input.companyName);
    if (k) keys.companyKey = k;
  }
  if (input.taxId?.trim()) {
    const t = identityField(input.taxId, '/taxId', normalizeUscc, errors);
    if (t) keys.taxId = t;
  }
  if (errors.length) throw validationFailed(errors);
  if (!keys.mobile && !keys.companyKey && !keys.taxId) {
    throw validationFailed([{ path: '/', code: 'nothing_to_check', zh: '请至少填写手机号、企业名称或税号之一', en: 'give a mobile, a company name or a tax id' }]);
  }
  return keys;
}

/** Which of the keys a record matches. */
export function matchedOn(record: Pick<InquiryDetail, 'mobile' | 'companyKey' | 'taxId'>, keys: DuplicateKeys): DuplicateField[] {
  const out: DuplicateField[] = [];
  if (keys.mobile !== undefined && record.mobile === keys.mobile) out.push('mobile');
  if (keys.companyKey !== undefined && record.companyKey === keys.companyKey) out.push('companyName');
  if (keys.taxId !== undefined && record.taxId === keys.taxId) out.push('taxId');
  return out;
}

/**
 * A match shows its owner, stage and matched fields to everyone; the contact's name only to those who have
 * the record in scope (others see 郑*), the mobile only as maySeeMobile allows.
 */
export function presentMatch(actor: Actor, record: InquiryDetail, keys: DuplicateKeys, policy: Pick<GradingPolicy, 'levels'>): DuplicateMatch {
  const nameVisible = inScope(actor, record);
  const mobileVisible = maySeeMobile(actor, record);
  return {
    id: record.id,
    matchedOn: matchedOn(record, keys),
    companyName: record.companyName,
    contactName: nameVisible ? record.contactName : maskName(record.contactName),
    mobile: mobileVisible ? record.mobile : maskMobile(record.mobile),
    level: record.level,
    levelLabel: levelLabel(record.level, policy),
    lifecycle: record.lifecycle,
    stage: stageLabel(record),
    pool: record.ownerId === null ? poolOf(record.lifecycle) : null,
    ownerId: record.ownerId,
    ownerName: record.ownerName,
    masked: !nameVisible || !mobileVisible,
  };
}
