import test from 'ava';
import { compareMethods } from '../../../core/loans/compare-methods.js';
import { repaymentSchedule } from '../../../core/loans/repayment-schedule.js';
import { DomainError } from '../../../core/shared/domain-error.js';

const terms = { principalFen: 100_000_000, annualRate: '0.049', months: 360 } as const;

test('100万 yuan over 30 years at 4.90%: the four methods side by side', (t) => {
  // Worked independently (Python fractions) under the conventions of repayment-schedule.ts.
  t.deepEqual(compareMethods(terms), [
    { method: 'equal-installment', firstPaymentFen: 530727, lastPaymentFen: 530519, totalInterestFen: 91061512, totalPaymentFen: 191061512 },
    { method: 'equal-principal', firstPaymentFen: 686111, lastPaymentFen: 278832, totalInterestFen: 73704108, totalPaymentFen: 173704108 },
    // 4083.33 a month (4083.333… rounded) × 360, then the principal with the last.
    { method: 'interest-first', firstPaymentFen: 408333, lastPaymentFen: 100408333, totalInterestFen: 146999880, totalPaymentFen: 246999880 },
    // 1,000,000 × 4.9% × 30 years, exact.
    { method: 'bullet', firstPaymentFen: 247000000, lastPaymentFen: 247000000, totalInterestFen: 147000000, totalPaymentFen: 247000000 },
  ]);
});

test('each summary is the first row, last row and totals of that method\'s schedule', (t) => {
  const loan = { principalFen: 10_000_000, annualRate: '0.0435', months: 12 };
  for (const summary of compareMethods(loan)) {
    const s = repaymentSchedule({ ...loan, method: summary.method });
    t.deepEqual([summary.firstPaymentFen, summary.lastPaymentFen], [s.rows[0]?.paymentFen, s.rows.at(-1)?.paymentFen]);
    t.is(summary.totalInterestFen, s.totalInterestFen);
    t.is(summary.totalPaymentFen, s.totalPaymentFen);
  }
});

test('bad terms are refused once, naming the bad fields and no method', (t) => {
  const e = t.throws(() => compareMethods({ principalFen: 0, annualRate: '0.049', months: 400 }), { instanceOf: DomainError });
  t.is(e.code, 'loan.invalid_terms');
  t.deepEqual(e.details.fields, ['principalFen', 'months']);
});
