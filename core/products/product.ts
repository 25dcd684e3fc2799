// A product (产品) is a bank loan product the firm can place: its number, category, lending institution,
// the firm's default service fee, the loan's amount, term and rate ranges, repayment methods, the documents
// it needs and its eligibility requirements.
import { validationFailed, type DomainError, type FieldError, type LocalizedText } from '../shared/index.js';
import {
  checkArray, checkFen, checkInteger, checkKnownFields, checkNoDuplicates, checkOrdered, checkRequired, checkText, fieldError, isRecord,
} from './field-checks.js';
import { isCategoryCode } from './product-category.js';
import { rateUnits } from './rate-percent.js';
import { requirementListErrors, type Requirement } from './requirement.js';

export type RepaymentMethod = 'equal_installment' | 'equal_principal' | 'interest_first' | 'bullet';

/** 还款方式 as the firm's staff name them. */
export const REPAYMENT_METHOD_LABELS: Readonly<Record<RepaymentMethod, LocalizedText>> = {
  equal_installment: { zh: '等额本息', en: 'equal instalments' },
  equal_principal: { zh: '等额本金', en: 'equal principal' },
  interest_first: { zh: '先息后本', en: 'interest first, principal at maturity' },
  bullet: { zh: '到期一次性还本付息', en: 'bullet: principal and interest at maturity' },
};
export const REPAYMENT_METHODS = Object.keys(REPAYMENT_METHOD_LABELS) as RepaymentMethod[];

export interface IntRange {
  readonly min: number;
  readonly max: number;
}

/** A rate range in percent a year, as decimal strings ('3.65'). */
export interface RateRange {
  readonly min: string;
  readonly max: string;
}

/** A product's content, as entered and validated; the repository gives it an id. */
export interface ProductData {
  /** 产品编号: a positive integer, unique within the tenant. */
  readonly number: number;
  readonly name: string;
  readonly categoryCode: string;
  /** 放款机构: the bank or lender. */
  readonly institution: string;
  /** The firm's service fee proposed on a new order line. */
  readonly defaultServiceFeeFen: number;
  readonly amountFen: IntRange;
  readonly termMonths: IntRange;
  readonly annualRatePercent: RateRange;
  readonly repaymentMethods: readonly RepaymentMethod[];
  readonly requiredDocuments: readonly string[];
  /** Inactive products stay on old orders but are not offered for new matches. */
  readonly active: boolean;
  readonly requirements: readonly Requirement[];
}

export interface Product extends ProductData {
  readonly id: string;
}

const FIELDS = [
  'number', 'name', 'categoryCode', 'institution', 'defaultServiceFeeFen', 'amountFen', 'termMonths',
  'annualRatePercent', 'repaymentMethods', 'requiredDocuments', 'active', 'requirements',
] as const;

const MAX_TERM_MONTHS = 360;

function checkRange(v: unknown, path: string, errors: FieldError[], min: number, max: number): IntRange | undefined {
  if (!checkRequired(v, path, errors)) return undefined;
  if (!isRecord(v)) {
    errors.push(fieldError(path, 'not_object', '须为 { min, max }', 'must be { min, max }'));
    return undefined;
  }
  const before = errors.length;
  checkKnownFields(v, ['min', 'max'], path, errors);
  const lo = checkInteger(v.min, `${path}/min`, errors, min, max);
  const hi = checkInteger(v.max, `${path}/max`, errors, min, max);
  checkOrdered(lo, hi, path, errors);
  return errors.length > before || lo === undefined || hi === undefined ? undefined : { min: lo, max: hi };
}

function checkRate(v: unknown, path: string, errors: FieldError[]): number | undefined {
  if (!checkRequired(v, path, errors)) return undefined;
  const units = typeof v === 'string' ? rateUnits(v) : null;
  if (units === null) {
    errors.push(fieldError(path, 'not_decimal', '年化利率须为 0–100 之间的小数文本（百分比，最多 4 位小数，如 "3.65"）', 'must be a decimal string of percent between 0 and 100 with at most 4 decimals, e.g. "3.65"'));
    return undefined;
  }
  return units;
}

function checkRateRange(v: unknown, path: string, errors: FieldError[]): RateRange | undefined {
  if (!checkRequired(v, path, errors)) return undefined;
  if (!isRecord(v)) {
    errors.push(fieldError(path, 'not_object', '须为 { min, max }', 'must be { min, max }'));
    return undefined;
  }
  const before = errors.length;
  checkKnownFields(v, ['min', 'max'], path, errors);
  checkOrdered(checkRate(v.min, `${path}/min`, errors), checkRate(v.max, `${path}/max`, errors), path, errors);
  return errors.length > before ? undefined : { min: v.min as string, max: v.max as string };
}

function checkMethods(v: unknown, path: string, errors: FieldError[]): RepaymentMethod[] | undefined {
  const list = checkArray(v, path, errors, true);
  if (list === undefined) return undefined;
  const before = errors.length;
  list.forEach((m, i) => {
    if (!REPAYMENT_METHODS.includes(m as RepaymentMethod)) {
      errors.push(fieldError(`${path}/${i}`, 'unknown_method', '还款方式只能是等额本息、等额本金、先息后本或到期一次性还本付息', `must be one of ${REPAYMENT_METHODS.join(', ')}`));
    }
  });
  checkNoDuplicates(list, path, errors);
  return errors.length > before ? undefined : (list as RepaymentMethod[]);
}

function checkDocuments(v: unknown, path: string, errors: FieldError[]): string[] | undefined {
  const list = checkArray(v, path, errors, false);
  if (list === undefined) return undefined;
  const before = errors.length;
  const docs = list.map((d, i) => checkText(d, `${path}/${i}`, errors, 50));
  if (errors.length > before) return undefined;
  return checkNoDuplicates(docs, path, errors) ? (docs as string[]) : undefined;
}

/**
 * Validates a product as entered: every field is checked and every problem reported with its path. When the
 * tenant's category codes are given, the category must be one of them.
 */
export function validateProduct(input: unknown, knownCategoryCodes?: readonly string[]): ProductData | DomainError {
  if (!isRecord(input)) return validationFailed([fieldError('', 'not_object', '须为对象', 'must be an object')]);
  const errors: FieldError[] = [];
  checkKnownFields(input, FIELDS, '', errors);
  const number = checkInteger(input.number, '/number', errors, 1, Number.MAX_SAFE_INTEGER);
  const name = checkText(input.name, '/name', errors, 60);
  if (checkRequired(input.categoryCode, '/categoryCode', errors)) {
    if (!isCategoryCode(input.categoryCode)) {
      errors.push(fieldError('/categoryCode', 'invalid_code', '产品分类编码无效', 'is not a category code'));
    } else if (knownCategoryCodes && !knownCategoryCodes.includes(input.categoryCode)) {
      errors.push(fieldError('/categoryCode', 'unknown_category', `没有产品分类「${input.categoryCode}」`, `there is no category "${input.categoryCode}"`));
    }
  }
  const institution = checkText(input.institution, '/institution', errors, 60);
  const defaultServiceFeeFen = checkFen(input.defaultServiceFeeFen, '/defaultServiceFeeFen', errors);
  const amountFen = checkRange(input.amountFen, '/amountFen', errors, 0, Number.MAX_SAFE_INTEGER);
  const termMonths = checkRange(input.termMonths, '/termMonths', errors, 1, MAX_TERM_MONTHS);
  const annualRatePercent = checkRateRange(input.annualRatePercent, '/annualRatePercent', errors);
  const repaymentMethods = checkMethods(input.repaymentMethods, '/repaymentMethods', errors);
  const requiredDocuments = checkDocuments(input.requiredDocuments, '/requiredDocuments', errors);
  if (checkRequired(input.active, '/active', errors) && typeof input.active !== 'boolean') {
    errors.push(fieldError('/active', 'not_boolean', '须为是或否', 'must be true or false'));
  }
  const requirements = requirementListErrors(input.requirements, '/requirements', errors);
  if (
    errors.length > 0 || number === undefined || name === undefined || institution === undefined ||
    defaultServiceFeeFen === undefined || amountFen === undefined || termMonths === undefined ||
    annualRatePercent === undefined || repaymentMethods === undefined || requiredDocuments === undefined ||
    requirements === undefined
  ) {
    return validationFailed(errors);
  }
  return {
    number, name, categoryCode: input.categoryCode as string, institution, defaultServiceFeeFen, amountFen, termMonths,
    annualRatePercent, repaymentMethods, requiredDocuments, active: input.active as boolean, requirements,
  };
}

/** The number a new product gets: one more than the highest in the tenant (1 for the first). */
export function nextProductNumber(existing: readonly number[]): number {
  return existing.reduce((max, n) => Math.max(max, n), 0) + 1;
}
