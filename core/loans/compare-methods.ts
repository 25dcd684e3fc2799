// Side-by-side comparison of the four repayment methods for the same loan, as a broker shows a customer.
import { REPAYMENT_METHODS, checkLoanTerms, type LoanTerms, type RepaymentMethod } from './loan-terms.js';
import { repaymentSchedule } from './repayment-schedule.js';

export interface MethodSummary {
  readonly method: RepaymentMethod;
  readonly firstPaymentFen: number;
  readonly lastPaymentFen: number;
  readonly totalInterestFen: number;
  readonly totalPaymentFen: number;
}

/** The four methods' first payment, last payment, total interest and total payment for one loan, in a fixed order. */
export function compareMethods(terms: LoanTerms): readonly MethodSummary[] {
  checkLoanTerms(terms); // one error naming every bad field, before any schedule is worked out
  return REPAYMENT_METHODS.map((method) => {
    const s = repaymentSchedule({ principalFen: terms.principalFen, annualRate: terms.annualRate, months: terms.months, method });
    const first = s.rows[0];
    const last = s.rows[s.rows.length - 1];
    if (!first || !last) throw new Error(`${method}: a schedule without rows`);
    return {
      method,
      firstPaymentFen: first.paymentFen,
      lastPaymentFen: last.paymentFen,
      totalInterestFen: s.totalInterestFen,
      totalPaymentFen: s.totalPaymentFen,
    };
  });
}
