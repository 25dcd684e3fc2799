// The side-by-side comparison of repayment methods shown to the customer for one matched product: the loan
// terms come from what the bank approved, else from what is given, else from the product's ranges, and the
// schedules from core/loans.
import { compareMethods, type MethodSummary, type RepaymentMethod as LoanMethod } from '../loans/index.js';
import { validationFailed, type DomainError, type FieldError } from '../shared/index.js';
import { fieldError } from './field-checks.js';
import type { Product, RepaymentMethod } from './product.js';
import { rateUnits } from './rate-percent.js';

/** A product's method names as the loan calculator spells them. */
const LOAN_METHOD: Readonly<Record<RepaymentMethod, LoanMethod>> = {
  equal_installment: 'equal-installment',
  equal_principal: 'equal-principal',
  interest_first: 'interest-first',
  bullet: 'bullet',
};

/** The calculator's name of a product's repayment method. */
export function loanMethodOf(method: RepaymentMethod): LoanMethod {
  return LOAN_METHOD[method];
}

/** A rate in percent a year ('3.65') as the calculator's exact annual fraction ('0.0365'); null when it is not a rate. */
export function percentToAnnualRate(percent: string): string | null {
  const units = rateUnits(percent); // ten-thousandths of a percent = millionths of the whole
  if (units === null) return null;
  if (units >= 1_000_000) return String(units / 1_000_000);
  const decimals = String(units).padStart(6, '0').replace(/0+$/, '');
  return decimals === '' ? '0' : `0.${decimals}`;
}

export interface ComparisonRequest {
  readonly principalFen?: number | undefined;
  readonly annualRatePercent?: string | undefined;
  readonly months?: number | undefined;
}

/** What the bank approved for the line's application, when it has. */
export interface ApprovedTerms {
  readonly approvedAmountFen: number | null;
  readonly approvedAnnualRatePercent: string | null;
  readonly approvedTermMonths: number | null;
}

export type TermSource = 'given' | 'approved' | 'requested' | 'product';

export interface ComparisonTerms {
  readonly principalFen: number;
  readonly annualRatePercent: string;
  readonly months: number;
  readonly sources: { readonly principal: TermSource; readonly rate: TermSource; readonly months: TermSource };
}

export interface MethodComparison extends MethodSummary {
  /** The product offers this repayment method. */
  readonly offered: boolean;
}

export interface LineComparison {
  readonly terms: ComparisonTerms;
  readonly methods: readonly MethodComparison[];
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/**
 * The terms to compare: a given value must lie in the product's range; otherwise the bank's approved terms;
 * otherwise the requested amount (brought into the product's range), the product's highest rate (the customer
 * is never shown a cheaper loan than the bank may grant) and its longest term.
 */
export function comparisonTerms(product: Product, approved: ApprovedTerms, request: ComparisonRequest, requestedAmountFen: number | null): ComparisonTerms | DomainError {
  const errors: FieldError[] = [];
  const { amountFen, termMonths, annualRatePercent: rates } = product;
  if (request.principalFen !== undefined && (request.principalFen < amountFen.min || request.principalFen > amountFen.max)) {
    errors.push(fieldError('/principalFen', 'outside_product_range', '贷款金额不在该产品的额度范围内', "is outside the product's amount range"));
  }
  if (request.months !== undefined && (request.months < termMonths.min || request.months > termMonths.max)) {
    errors.push(fieldError('/months', 'outside_product_range', `期限须在 ${termMonths.min}–${termMonths.max} 个月之间`, `must be ${termMonths.min}–${termMonths.max} months`));
  }
  if (request.annualRatePercent !== undefined) {
    const u = rateUnits(request.annualRatePercent);
    const lo = rateUnits(rates.min) ?? 0;
    const hi = rateUnits(rates.max) ?? 0;
    if (u === null) errors.push(fieldError('/annualRatePercent', 'not_decimal', '年化利率须为百分比小数文本，如 "3.65"', 'must be a percent as decimal text, e.g. "3.65"'));
    else if (u < lo || u > hi) errors.push(fieldError('/annualRatePercent', 'outside_product_range', `年化利率须在 ${rates.min}%–${rates.max}% 之间`, `must be ${rates.min}%–${rates.max}%`));
  }
  if (errors.length > 0) return validationFailed(errors);
  const pick = <T>(given: T | undefined, fromBank: T | null, fallback: T, fallbackSource: TermSource): [T, TermSource] =>
    given !== undefined ? [given, 'given'] : fromBank !== null ? [fromBank, 'approved'] : [fallback, fallbackSource];
  const [principalFen, principal] = pick(
    request.principalFen, approved.approvedAmountFen,
    requestedAmountFen !== null ? clamp(requestedAmountFen, amountFen.min, amountFen.max) : Math.max(amountFen.min, 1),
    requestedAmountFen !== null ? 'requested' : 'product',
  );
  const [annualRatePercent, rate] = pick(request.annualRatePercent, approved.approvedAnnualRatePercent, rates.max, 'product');
  const [months, term] = pick(request.months, approved.approvedTermMonths, termMonths.max, 'product');
  return { principalFen, annualRatePercent, months, sources: { principal, rate, months: term } };
}

/** The four methods' first and last payments and totals for the terms, each flagged when the product offers it. */
export function compareForProduct(product: Product, terms: ComparisonTerms): LineComparison {
  const annualRate = percentToAnnualRate(terms.annualRatePercent) ?? terms.annualRatePercent;
  const offered = new Set(product.repaymentMethods.map(loanMethodOf));
  const methods = compareMethods({ principalFen: terms.principalFen, annualRate, months: terms.months });
  return { terms, methods: methods.map((m) => ({ ...m, offered: offered.has(m.method) })) };
}
