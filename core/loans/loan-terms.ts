// What a repayment calculation needs, and the checks that keep it inside the conventions.
import { DomainError, type FieldError } from '../shared/index.js';
import { parseDecimal, ratio, type Rational } from './rational.js';

/** 等额本息, 等额本金, 先息后本, 一次性还本付息. */
export type RepaymentMethod = 'equal-installment' | 'equal-principal' | 'interest-first' | 'bullet';

export const REPAYMENT_METHODS: readonly RepaymentMethod[] = ['equal-installment', 'equal-principal', 'interest-first', 'bullet'];

export interface LoanTerms {
  /** Amount borrowed, integer fen. */
  readonly principalFen: number;
  /** Nominal annual rate as an exact decimal string: '0.0435' is 4.35%. */
  readonly annualRate: string;
  /** Term in months, 1..360. */
  readonly months: number;
}

/** The largest principal accepted: 1000亿 yuan, so that every figure of any schedule stays a safe integer. */
export const MAX_PRINCIPAL_FEN = 10_000_000_000_000;
export const MAX_MONTHS = 360;

const RATE_TEXT = /^0(?:\.\d{1,8})?$/;

export interface CheckedTerms {
  readonly principal: bigint;
  readonly annualRate: Rational;
  readonly months: number;
}

/**
 * Checks loan terms (principal a positive whole number of fen, 1..360 months, a rate 0 ≤ r < 1 with at most 8
 * decimals) and, when one is asked for, the repayment method; every bad field is named in one error.
 */
export function checkLoanTerms(terms: LoanTerms, method?: { readonly method: unknown }): CheckedTerms {
  const { principalFen, annualRate, months } = terms;
  const errors: FieldError[] = [];
  if (typeof principalFen !== 'number' || !Number.isSafeInteger(principalFen) || principalFen <= 0 || principalFen > MAX_PRINCIPAL_FEN) {
    errors.push({
      path: '/principalFen',
      code: 'loan.invalid_principal',
      zh: '本金须为大于 0 的整数（单位：分），且不超过 1000 亿元',
      en: 'principal must be a positive whole number of fen, at most 100 billion yuan',
    });
  }
  const rate = typeof annualRate === 'string' && RATE_TEXT.test(annualRate) ? parseDecimal(annualRate) : null;
  if (rate === null) {
    errors.push({
      path: '/annualRate',
      code: 'loan.invalid_rate',
      zh: '年利率须写成小数，0 ≤ 利率 < 1，最多 8 位小数（例如 0.0435 表示 4.35%）',
      en: 'annual rate must be a decimal 0 ≤ rate < 1 with at most 8 decimals (0.0435 means 4.35%)',
    });
  }
  if (typeof months !== 'number' || !Number.isInteger(months) || months < 1 || months > MAX_MONTHS) {
    errors.push({
      path: '/months',
      code: 'loan.invalid_months',
      zh: `期数须为 1 到 ${MAX_MONTHS} 之间的整数（月）`,
      en: `months must be a whole number from 1 to ${MAX_MONTHS}`,
    });
  }
  if (method && !REPAYMENT_METHODS.includes(method.method as RepaymentMethod)) {
    errors.push({
      path: '/method',
      code: 'loan.invalid_method',
      zh: '还款方式须为等额本息、等额本金、先息后本或一次性还本付息之一',
      en: `method must be one of ${REPAYMENT_METHODS.join(', ')}`,
    });
  }
  if (errors.length > 0) throw invalidTerms(errors);
  return { principal: BigInt(principalFen), annualRate: rate ?? ratio(0n), months };
}

/** `loan.invalid_terms`, naming every bad field in details.fields and in the field errors. */
export function invalidTerms(errors: readonly FieldError[], details: Record<string, unknown> = {}): DomainError {
  return new DomainError(
    'loan.invalid_terms',
    'invalid',
    { zh: `贷款条件有误：${errors.map((e) => e.zh).join('；')}`, en: `Invalid loan terms: ${errors.map((e) => e.en).join('; ')}` },
    { fields: errors.map((e) => e.path.slice(1)), ...details },
    errors,
  );
}
