// The facts products are matched on, from two places: what the order's enterprise profile and customer
// already say (legal representative's birth date from the ID number, the inquiry's property type, the tax id),
// and what the sales person records for matching only (成立日期, 纳税信用等级, 年纳税额, 年开票额, 地区, 车辆,
// 负债, 申请金额), which the profile has no field for. A fact nobody recorded stays missing, so the
// requirement that needs it is "unknown", never guessed.
import { validationFailed, isLocalDateText, localDate, type DomainError, type FieldError } from '../shared/index.js';
import { checkFen, checkKnownFields, fieldError, isRecord } from './field-checks.js';
import { propertyOwnership, type MatchSubject } from './match-subject.js';
import { TAX_CREDIT_RATINGS, type TaxCreditRating } from './requirement.js';

/** What the sales person records on an order for matching; every field is optional. */
export interface MatchFacts {
  /** 成立日期 of the company, 'YYYY-MM-DD'. */
  readonly companyRegisteredOn?: string | null;
  readonly taxCreditRating?: TaxCreditRating | null;
  readonly annualTaxPaidFen?: number | null;
  readonly annualInvoicingFen?: number | null;
  /** 6-digit administrative division code of where the company operates; by default from the tax id. */
  readonly regionCode?: string | null;
  /** Region name from the province down: 江苏省苏州市吴中区. */
  readonly regionName?: string | null;
  /** Overrides what the inquiry's property type (客户房产) says. */
  readonly ownsProperty?: boolean | null;
  readonly ownsVehicle?: boolean | null;
  readonly existingDebtFen?: number | null;
  /** The loan amount the customer asks for. */
  readonly requestedAmountFen?: number | null;
}

/** What the orders and inquiries areas know about the order's company and customer. */
export interface OrderProfileFacts {
  /** The legal representative's birth date, derived from the ID number: 'YYYY-MM-DD'. */
  readonly legalRepBirthDate?: string | null;
  /** The inquiry's 客户房产: 按揭房, 全款房, 无房 … */
  readonly propertyType?: string | null;
  /** 统一社会信用代码; characters 3–8 are the division code of the registering authority. */
  readonly taxId?: string | null;
}

export const MATCH_FACT_FIELDS = [
  'companyRegisteredOn', 'taxCreditRating', 'annualTaxPaidFen', 'annualInvoicingFen', 'regionCode', 'regionName',
  'ownsProperty', 'ownsVehicle', 'existingDebtFen', 'requestedAmountFen',
] as const;

const DIVISION = /^\d{6}$/;

function optional(v: unknown): boolean {
  return v === undefined || v === null;
}

/** Checks the facts a sales person records for matching: each present field must be well formed. */
export function validateMatchFacts(input: unknown, today: string): MatchFacts | DomainError {
  if (!isRecord(input)) return validationFailed([fieldError('', 'not_object', '须为对象', 'must be an object')]);
  const errors: FieldError[] = [];
  checkKnownFields(input, MATCH_FACT_FIELDS, '', errors);
  const v = input;
  if (!optional(v.companyRegisteredOn)) {
    if (typeof v.companyRegisteredOn !== 'string' || !isLocalDateText(v.companyRegisteredOn)) {
      errors.push(fieldError('/companyRegisteredOn', 'invalid_date', '成立日期须为 YYYY-MM-DD 格式的日期', 'must be a date written YYYY-MM-DD'));
    } else if (v.companyRegisteredOn > today) {
      errors.push(fieldError('/companyRegisteredOn', 'in_future', '成立日期不能晚于今天', 'must not be after today'));
    }
  }
  if (!optional(v.taxCreditRating) && !TAX_CREDIT_RATINGS.includes(v.taxCreditRating as TaxCreditRating)) {
    errors.push(fieldError('/taxCreditRating', 'invalid_rating', '纳税信用等级只能是 A、B、M、C、D', 'must be one of A, B, M, C, D'));
  }
  for (const f of ['annualTaxPaidFen', 'annualInvoicingFen', 'existingDebtFen', 'requestedAmountFen'] as const) {
    if (!optional(v[f])) checkFen(v[f], `/${f}`, errors);
  }
  if (!optional(v.regionCode) && (typeof v.regionCode !== 'string' || !DIVISION.test(v.regionCode))) {
    errors.push(fieldError('/regionCode', 'invalid_region', '行政区划代码须为 6 位数字', 'must be a 6-digit division code'));
  }
  if (!optional(v.regionName) && (typeof v.regionName !== 'string' || v.regionName.trim() === '' || [...v.regionName].length > 40)) {
    errors.push(fieldError('/regionName', 'invalid_region', '地区名称须为 1–40 个字', 'must be 1–40 characters'));
  }
  for (const f of ['ownsProperty', 'ownsVehicle'] as const) {
    if (!optional(v[f]) && typeof v[f] !== 'boolean') errors.push(fieldError(`/${f}`, 'not_boolean', '须为是或否', 'must be true or false'));
  }
  if (errors.length > 0) return validationFailed(errors);
  const out: Record<string, unknown> = {};
  for (const f of MATCH_FACT_FIELDS) out[f] = optional(v[f]) ? null : typeof v[f] === 'string' ? (v[f] as string).trim() : v[f];
  return out as MatchFacts;
}

/** Completed months from one calendar date to a later one: 2019-03-31 → 2021-03-30 is 23. */
export function completedMonths(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}

/** Completed years from a birth date to a day: the legal representative's age. */
export function completedYears(birth: string, on: string): number {
  return Math.floor(completedMonths(birth, on) / 12);
}

/** The division code in a tax id (统一社会信用代码 characters 3–8), or null when it has none. */
export function divisionOfTaxId(taxId: string | null | undefined): string | null {
  if (typeof taxId !== 'string' || taxId.length !== 18) return null;
  const code = taxId.slice(2, 8);
  return DIVISION.test(code) ? code : null;
}

/**
 * The subject automatic matching judges: ages worked out on today's date in the tenant's time zone, the region
 * from the recorded code or else the tax id, property from the recorded answer or else the inquiry's property
 * type. A fact neither source has is left out, so its requirement comes back "unknown".
 */
export function matchSubjectOf(profile: OrderProfileFacts, facts: MatchFacts, now: Date, timeZone: string): MatchSubject {
  const today = localDate(now, timeZone);
  const registered = facts.companyRegisteredOn ?? null;
  const birth = profile.legalRepBirthDate ?? null;
  const code = facts.regionCode ?? divisionOfTaxId(profile.taxId);
  const name = facts.regionName ?? null;
  return {
    companyAgeMonths: registered !== null && registered <= today ? completedMonths(registered, today) : null,
    taxCreditRating: facts.taxCreditRating ?? null,
    annualTaxPaidFen: facts.annualTaxPaidFen ?? null,
    annualInvoicingFen: facts.annualInvoicingFen ?? null,
    legalRepAge: birth !== null && birth <= today ? completedYears(birth, today) : null,
    region: code === null && name === null ? null : { code, name },
    hasProperty: facts.ownsProperty ?? propertyOwnership(profile.propertyType) ?? null,
    hasVehicle: facts.ownsVehicle ?? null,
    existingDebtFen: facts.existingDebtFen ?? null,
    requestedAmountFen: facts.requestedAmountFen ?? null,
  };
}
