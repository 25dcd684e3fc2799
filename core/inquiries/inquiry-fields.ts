// The fields of step 1 (新建咨询): which are required, how each is cleaned, which lists they must come from.
import { validationFailed, type FieldError } from '../shared/index.js';
import { normalizeCompanyName, normalizeMobile, normalizeUscc } from '../identity/index.js';
import { fieldError, futureInstant, identityField, requiredChoice, requiredText } from './field-checks.js';
import type { Gender, InquirySettings } from './types.js';

/** What a person types on the 新建咨询 form (JSON from HTTP, or a host's call). */
export interface InquiryInput {
  readonly companyName?: string | undefined;
  readonly mobile?: string | undefined;
  readonly contactName?: string | undefined;
  readonly gender?: string | undefined;
  readonly level?: string | undefined;
  readonly nextFollowUpAt?: Date | string | undefined;
  readonly source?: string | undefined;
  readonly propertyType?: string | undefined;
  readonly remark?: string | undefined;
  readonly taxId?: string | null | undefined;
}

/** The cleaned fields of an inquiry. */
export interface InquiryFields {
  readonly companyName: string;
  readonly companyKey: string;
  readonly contactName: string;
  readonly mobile: string;
  readonly gender: Gender;
  readonly level: string;
  readonly nextFollowUpAt: Date;
  readonly source: string;
  readonly propertyType: string;
  readonly remark: string;
  readonly taxId: string | null;
}

export const COMPANY_NAME_MAX = 100;
export const CONTACT_NAME_MAX = 50;
export const REMARK_MAX = 500;

const GENDERS: readonly Gender[] = ['male', 'female'];

interface Context {
  readonly settings: Pick<InquirySettings, 'grading' | 'dictionaries'>;
  readonly now: Date;
}

type Checks = { [K in keyof InquiryFields]?: (input: InquiryInput, ctx: Context, errors: FieldError[]) => InquiryFields[K] | undefined };

const CHECKS: Checks = {
  companyName: (i, _c, e) => requiredText(i.companyName, '/companyName', COMPANY_NAME_MAX, e),
  mobile: (i, _c, e) => identityField(i.mobile, '/mobile', normalizeMobile, e),
  contactName: (i, _c, e) => requiredText(i.contactName, '/contactName', CONTACT_NAME_MAX, e),
  gender: (i, _c, e) => {
    const g = requiredText(i.gender, '/gender', 10, e);
    if (g === undefined) return undefined;
    if (!GENDERS.includes(g as Gender)) {
      e.push(fieldError('/gender', 'not_in_list', '性别应为 male（男）或 female（女）', 'must be male or female'));
      return undefined;
    }
    return g as Gender;
  },
  level: (i, c, e) => requiredChoice(i.level, '/level', c.settings.grading.levels.map((l) => l.code), '客户级别', e),
  nextFollowUpAt: (i, c, e) => futureInstant(i.nextFollowUpAt, '/nextFollowUpAt', c.now, e),
  source: (i, c, e) => requiredChoice(i.source, '/source', c.settings.dictionaries.sources, '客户来源', e),
  propertyType: (i, c, e) => requiredChoice(i.propertyType, '/propertyType', c.settings.dictionaries.propertyTypes, '客户房产', e),
  remark: (i, _c, e) => requiredText(i.remark, '/remark', REMARK_MAX, e),
  taxId: (i, _c, e) => (i.taxId === undefined || i.taxId === null || i.taxId.trim() === '' ? null : identityField(i.taxId, '/taxId', normalizeUscc, e)),
};

/**
 * Step 1's rules: company name, mobile, contact name, gender, level, next follow-up time, source, property
 * type and remark are all required (the form's *); the mobile must be a mainland mobile; level, source and
 * property come from the tenant's lists; the next follow-up is not in the past; a tax id, when given, passes
 * GB 32100. Every problem is reported at once as validation.failed with its field path.
 */
export function checkInquiryFields(input: InquiryInput, ctx: Context): InquiryFields {
  const errors: FieldError[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(CHECKS)) out[key] = check(input, ctx, errors);
  if (errors.length) throw validationFailed(errors);
  out.companyKey = normalizeCompanyName(out.companyName as string);
  return out as unknown as InquiryFields;
}

/**
 * An edit checks only the fields it carries, by the same rules; the company key follows the company name.
 * A field sent as undefined is left alone; taxId null clears it.
 */
export function checkInquiryChanges(input: InquiryInput, ctx: Context): Partial<InquiryFields> {
  const errors: FieldError[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(CHECKS)) {
    if ((input as Record<string, unknown>)[key] === undefined) continue;
    out[key] = check(input, ctx, errors);
  }
  if (errors.length) throw validationFailed(errors);
  if (typeof out.companyName === 'string') out.companyKey = normalizeCompanyName(out.companyName);
  return out as Partial<InquiryFields>;
}
