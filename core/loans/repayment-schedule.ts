// Loan repayment schedules (还款计划) for the four methods a broker explains to a customer. Conventions,
// the same as the mainstream bank calculators: integer fen; monthly rate = annual rate / 12, kept exact;
// every rounding half-up (ties away from zero), never banker's rounding; the interest of a period is
// round(opening balance × monthly rate); the last period repays whatever balance remains.
import { toSafeFen } from '../money/index.js';
import { checkLoanTerms, invalidTerms, type LoanTerms, type RepaymentMethod } from './loan-terms.js';
import { add, div, isZero, mul, pow, ratio, roundHalfUp, sub, type Rational } from './rational.js';

export interface RepaymentRow {
  readonly period: number;
  readonly paymentFen: number;
  readonly principalFen: number;
  readonly interestFen: number;
  /** What is still owed after this period's payment. */
  readonly balanceFen: number;
}

export interface RepaymentSchedule {
  readonly method: RepaymentMethod;
  readonly rows: readonly RepaymentRow[];
  /** The sum of the interest column. */
  readonly totalInterestFen: number;
  /** The sum of the payment column: principal + total interest. */
  readonly totalPaymentFen: number;
}

export interface RepaymentScheduleInput extends LoanTerms {
  readonly method: RepaymentMethod;
}

/**
 * The month-by-month schedule of a loan under one repayment method:
 *  - equal-installment 等额本息: a fixed payment M = round(P·r·(1+r)^n / ((1+r)^n − 1)), rounded once
 *    (rate 0: round(P/n)); principal part = M − interest; the last period repays the rest;
 *  - equal-principal 等额本金: principal part round(P/n), the rest in the last period, plus interest;
 *  - interest-first 先息后本: round(P·r) every month, the principal with the last;
 *  - bullet 一次性还本付息: one payment at month n of P + round(P × annual rate × n / 12).
 * Throws DomainError `loan.invalid_terms` naming the bad fields; also when the principal is so small for
 * the term that the rounded payments would repay it before the last period (the conventions above would
 * then give a negative balance), e.g. 5.40 yuan over 360 months.
 */
export function repaymentSchedule(input: RepaymentScheduleInput): RepaymentSchedule {
  const terms = checkLoanTerms(input, { method: input.method });
  const { principal: P, annualRate, months: n } = terms;
  const r = div(annualRate, ratio(12n));
  switch (input.method) {
    case 'equal-installment': {
      const M = installment(P, r, n);
      return amortize('equal-installment', P, r, n, (interest) => M - interest);
    }
    case 'equal-principal': {
      const part = roundHalfUp(ratio(P, BigInt(n)));
      return amortize('equal-principal', P, r, n, () => part);
    }
    case 'interest-first':
      return amortize('interest-first', P, r, n, () => 0n);
    case 'bullet': {
      const interest = roundHalfUp(mul(mul(ratio(P), annualRate), ratio(BigInt(n), 12n)));
      return summarise('bullet', [row(n, P, interest, 0n)]);
    }
  }
}

/** The fixed monthly payment of 等额本息, computed as an exact fraction and rounded once. */
function installment(P: bigint, r: Rational, n: number): bigint {
  if (isZero(r)) return roundHalfUp(ratio(P, BigInt(n)));
  const growth = pow(add(ratio(1n), r), n); // (1+r)^n
  return roundHalfUp(div(mul(mul(ratio(P), r), growth), sub(growth, ratio(1n))));
}

// Runs the balance down period by period; `principalPart` decides the principal of every period but the last.
function amortize(
  method: RepaymentMethod,
  P: bigint,
  r: Rational,
  n: number,
  principalPart: (interest: bigint) => bigint,
): RepaymentSchedule {
  const rows: RepaymentRow[] = [];
  let balance = P;
  for (let period = 1; period <= n; period++) {
    const interest = roundHalfUp(mul(ratio(balance), r));
    const last = period === n;
    const principal = last ? balance : principalPart(interest);
    if (!last && principal >= balance) throw principalTooSmall(period);
    if (principal < 0n) throw new Error(`${method}: negative principal part in period ${period}`);
    balance -= principal;
    rows.push(row(period, principal, interest, balance));
  }
  return summarise(method, rows);
}

function row(period: number, principal: bigint, interest: bigint, balance: bigint): RepaymentRow {
  return {
    period,
    paymentFen: toSafeFen(principal + interest, 'payment'),
    principalFen: toSafeFen(principal, 'principal part'),
    interestFen: toSafeFen(interest, 'interest'),
    balanceFen: toSafeFen(balance, 'balance'),
  };
}

function summarise(method: RepaymentMethod, rows: readonly RepaymentRow[]): RepaymentSchedule {
  let totalInterestFen = 0;
  let totalPaymentFen = 0;
  for (const r of rows) {
    totalInterestFen += r.interestFen;
    totalPaymentFen += r.paymentFen;
  }
  return { method, rows, totalInterestFen, totalPaymentFen };
}

function principalTooSmall(period: number) {
  return invalidTerms(
    [{
      path: '/principalFen',
      code: 'loan.principal_too_small_for_term',
      zh: `本金相对期数和利率过小：每期还款取整到分后，第 ${period} 期即已还清，早于最后一期；请增加本金或缩短期数`,
      en: `principal too small for this term and rate: with payments rounded to the fen it is repaid by period ${period}, before the last; borrow more or shorten the term`,
    }],
    { period },
  );
}
