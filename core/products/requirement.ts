// A product's eligibility requirements (准入条件) are data, not code: a list of typed rules a tenant edits.
// A rule that cannot be read exactly is refused with its path, never skipped, because a skipped rule would
// match customers the bank will turn down.
import { validationFailed, type DomainError, type FieldError, type LocalizedText } from '../shared/index.js';
import {
  checkArray, checkFen, checkInteger, checkKnownFields, checkNoDuplicates, checkOrdered, checkRequired, fieldError, isRecord,
} from './field-checks.js';

/** 纳税信用等级 as the tax bureau grades it. */
export type TaxCreditRating = 'A' | 'B' | 'M' | 'C' | 'D';
export const TAX_CREDIT_RATINGS: readonly TaxCreditRating[] = ['A', 'B', 'M', 'C', 'D'];

export type Requirement =
  /** The company has existed for at least `min` months (成立时间). */
  | { readonly kind: 'companyAgeMonths'; readonly min: number }
  /** The company's tax credit rating is one of these. */
  | { readonly kind: 'taxCreditRating'; readonly ratings: readonly TaxCreditRating[] }
  /** Tax paid over the last year is at least `minFen`. */
  | { readonly kind: 'annualTaxPaid'; readonly minFen: number }
  /** Invoices issued over the last year total at least `minFen`. */
  | { readonly kind: 'annualInvoicing'; readonly minFen: number }
  /** The legal representative is between `min` and `max` years old, both included. */
  | { readonly kind: 'legalRepAge'; readonly min: number; readonly max: number }
  /**
   * The company is in one of these regions: an administrative division code prefix ('32' 江苏, '3205' 苏州,
   * '320506' 吴中区) or a name prefix from the province down ('江苏省', '江苏省苏州市').
   */
  | { readonly kind: 'region'; readonly prefixes: readonly string[] }
  /** The customer owns a home (按揭房 or 全款房). */
  | { readonly kind: 'needsProperty' }
  /** The customer owns a vehicle. */
  | { readonly kind: 'needsVehicle' }
  /** Existing debt is at most `maxFen`. */
  | { readonly kind: 'maxExistingDebt'; readonly maxFen: number };

export type RequirementKind = Requirement['kind'];

/** What each kind of requirement is called, for the product editor and the match reasons. */
export const REQUIREMENT_LABELS: Readonly<Record<RequirementKind, LocalizedText>> = {
  companyAgeMonths: { zh: '企业成立时长', en: 'company age' },
  taxCreditRating: { zh: '纳税信用等级', en: 'tax credit rating' },
  annualTaxPaid: { zh: '年纳税额', en: 'annual tax paid' },
  annualInvoicing: { zh: '年开票额', en: 'annual invoicing' },
  legalRepAge: { zh: '法人年龄', en: "legal representative's age" },
  region: { zh: '经营地区', en: 'region' },
  needsProperty: { zh: '名下房产', en: 'owns a property' },
  needsVehicle: { zh: '名下车辆', en: 'owns a vehicle' },
  maxExistingDebt: { zh: '现有负债上限', en: 'maximum existing debt' },
};

export const REQUIREMENT_KINDS = Object.keys(REQUIREMENT_LABELS) as RequirementKind[];

const MAX_COMPANY_AGE_MONTHS = 1200;
const MAX_PERSON_AGE = 120;

type ShapeCheck = (r: Record<string, unknown>, path: string, errors: FieldError[]) => Requirement | undefined;

interface Shape {
  readonly fields: readonly string[];
  readonly check: ShapeCheck;
}

// One row per kind: the fields it may carry and how they are checked.
const SHAPES: Readonly<Record<RequirementKind, Shape>> = {
  companyAgeMonths: {
    fields: ['min'],
    check: (r, p, e) => {
      const min = checkInteger(r.min, `${p}/min`, e, 0, MAX_COMPANY_AGE_MONTHS);
      return min === undefined ? undefined : { kind: 'companyAgeMonths', min };
    },
  },
  taxCreditRating: { fields: ['ratings'], check: checkRatings },
  annualTaxPaid: {
    fields: ['minFen'],
    check: (r, p, e) => {
      const minFen = checkFen(r.minFen, `${p}/minFen`, e);
      return minFen === undefined ? undefined : { kind: 'annualTaxPaid', minFen };
    },
  },
  annualInvoicing: {
    fields: ['minFen'],
    check: (r, p, e) => {
      const minFen = checkFen(r.minFen, `${p}/minFen`, e);
      return minFen === undefined ? undefined : { kind: 'annualInvoicing', minFen };
    },
  },
  legalRepAge: {
    fields: ['min', 'max'],
    check: (r, p, e) => {
      const min = checkInteger(r.min, `${p}/min`, e, 0, MAX_PERSON_AGE);
      const max = checkInteger(r.max, `${p}/max`, e, 0, MAX_PERSON_AGE);
      const before = e.length;
      checkOrdered(min, max, p, e);
      return min === undefined || max === undefined || e.length > before ? undefined : { kind: 'legalRepAge', min, max };
    },
  },
  region: { fields: ['prefixes'], check: checkRegion },
  needsProperty: { fields: [], check: () => ({ kind: 'needsProperty' }) },
  needsVehicle: { fields: [], check: () => ({ kind: 'needsVehicle' }) },
  maxExistingDebt: {
    fields: ['maxFen'],
    check: (r, p, e) => {
      const maxFen = checkFen(r.maxFen, `${p}/maxFen`, e);
      return maxFen === undefined ? undefined : { kind: 'maxExistingDebt', maxFen };
    },
  },
};

function isKind(k: unknown): k is RequirementKind {
  return typeof k === 'string' && Object.hasOwn(SHAPES, k);
}

function checkRatings(r: Record<string, unknown>, p: string, e: FieldError[]): Requirement | undefined {
  const list = checkArray(r.ratings, `${p}/ratings`, e, true);
  if (list === undefined) return undefined;
  const before = e.length;
  list.forEach((x, i) => {
    if (!TAX_CREDIT_RATINGS.includes(x as TaxCreditRating)) {
      e.push(fieldError(`${p}/ratings/${i}`, 'invalid_rating', '纳税信用等级只能是 A、B、M、C、D', 'must be one of A, B, M, C, D'));
    }
  });
  checkNoDuplicates(list, `${p}/ratings`, e);
  return e.length > before ? undefined : { kind: 'taxCreditRating', ratings: list as TaxCreditRating[] };
}

const DIVISION_CODE = /^\d+$/;

/**
 * A division code prefix is 2, 4 or 6 digits. Trailing '00' pairs are dropped ('320000' → '32',
 * '320500' → '3205'), because a full province or city code written as a prefix would otherwise only
 * match that exact code and never its districts.
 */
export function normaliseRegionPrefix(prefix: string): string {
  const p = prefix.trim();
  if (!DIVISION_CODE.test(p) || p.length !== 6) return p;
  return p.endsWith('0000') ? p.slice(0, 2) : p.endsWith('00') ? p.slice(0, 4) : p;
}

function checkRegion(r: Record<string, unknown>, p: string, e: FieldError[]): Requirement | undefined {
  const list = checkArray(r.prefixes, `${p}/prefixes`, e, true);
  if (list === undefined) return undefined;
  const before = e.length;
  const prefixes: string[] = [];
  list.forEach((x, i) => {
    const path = `${p}/prefixes/${i}`;
    if (typeof x !== 'string' || x.trim().length === 0) {
      e.push(fieldError(path, 'empty', '地区不能为空', 'must be a region code or name'));
      return;
    }
    const t = normaliseRegionPrefix(x);
    if (DIVISION_CODE.test(t) && ![2, 4, 6].includes(t.length)) {
      e.push(fieldError(path, 'invalid_region', '行政区划代码须为 2、4 或 6 位数字', 'a division code has 2, 4 or 6 digits'));
    } else if (!DIVISION_CODE.test(t) && (/\d/.test(t) || [...t].length > 40)) {
      e.push(fieldError(path, 'invalid_region', '地区须为行政区划代码或地名（如“江苏省苏州市”）', 'must be a division code or a place name such as 江苏省苏州市'));
    }
    prefixes.push(t);
  });
  checkNoDuplicates(prefixes, `${p}/prefixes`, e);
  return e.length > before ? undefined : { kind: 'region', prefixes };
}

/** Collects every problem of one requirement at `path` and returns the clean rule when there are none. */
export function requirementErrors(input: unknown, path: string, errors: FieldError[]): Requirement | undefined {
  if (!isRecord(input)) {
    errors.push(fieldError(path, 'not_object', '须为对象', 'must be an object'));
    return undefined;
  }
  if (!checkRequired(input.kind, `${path}/kind`, errors)) return undefined;
  if (!isKind(input.kind)) {
    errors.push(fieldError(`${path}/kind`, 'unknown_kind', `未知的条件类型「${String(input.kind)}」`, `unknown requirement kind "${String(input.kind)}"`));
    return undefined;
  }
  const shape = SHAPES[input.kind];
  const before = errors.length;
  checkKnownFields(input, ['kind', ...shape.fields], path, errors);
  const rule = shape.check(input, path, errors);
  return errors.length > before ? undefined : rule;
}

/** Collects the problems of a requirement list at `path`; a kind may appear once, so rules never conflict. */
export function requirementListErrors(input: unknown, path: string, errors: FieldError[]): Requirement[] | undefined {
  const list = checkArray(input, path, errors, false);
  if (list === undefined) return undefined;
  const before = errors.length;
  const rules: Requirement[] = [];
  const kinds = new Set<string>();
  list.forEach((item, i) => {
    const rule = requirementErrors(item, `${path}/${i}`, errors);
    if (rule === undefined) return;
    if (kinds.has(rule.kind)) {
      errors.push(fieldError(`${path}/${i}/kind`, 'duplicate', '同一类条件只能设置一次', 'this kind of requirement is already set'));
    }
    kinds.add(rule.kind);
    rules.push(rule);
  });
  return errors.length > before ? undefined : rules;
}

/** Validates a product's requirements: every bad rule is refused with its path under /requirements. */
export function validateRequirements(input: unknown): Requirement[] | DomainError {
  const errors: FieldError[] = [];
  const rules = requirementListErrors(input, '/requirements', errors);
  return rules === undefined ? validationFailed(errors) : rules;
}
