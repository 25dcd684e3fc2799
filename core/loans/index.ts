// core/loans: repayment schedules of the four methods and their comparison, in exact integer fen.
export {
  repaymentSchedule,
  type RepaymentRow,
  type RepaymentSchedule,
  type RepaymentScheduleInput,
} from './repayment-schedule.js';
export { compareMethods, type MethodSummary } from './compare-methods.js';
export {
  checkLoanTerms,
  REPAYMENT_METHODS,
  MAX_PRINCIPAL_FEN,
  MAX_MONTHS,
  type LoanTerms,
  type RepaymentMethod,
  type CheckedTerms,
} from './loan-terms.js';
export { type Rational } from './rational.js';
