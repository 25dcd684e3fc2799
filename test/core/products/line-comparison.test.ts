import test from 'ava';
import { repaymentSchedule } from '../../../core/loans/index.js';
import { compareForProduct, comparisonTerms, loanMethodOf, percentToAnnualRate } from '../../../core/products/line-comparison.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { aProduct } from './builders.js';

const NOTHING_APPROVED = { approvedAmountFen: null, approvedAnnualRatePercent: null, approvedTermMonths: null };
const product = aProduct({
  amountFen: { min: 10_000_000, max: 300_000_000 }, termMonths: { min: 6, max: 12 }, annualRatePercent: { min: '3.65', max: '4.35' },
  repaymentMethods: ['interest_first', 'equal_installment'],
});

// [percent text, annual rate text]
const RATES: [string, string | null][] = [['3.65', '0.0365'], ['4.35', '0.0435'], ['18', '0.18'], ['0', '0'], ['4.3500', '0.0435'], ['0.0001', '0.000001'], ['abc', null]];
for (const [percent, rate] of RATES) {
  test(`${percent}% a year is the calculator's annual rate ${String(rate)}`, (t) => {
    t.is(percentToAnnualRate(percent), rate);
  });
}

test('product method names map onto the calculator’s', (t) => {
  t.deepEqual((['equal_installment', 'equal_principal', 'interest_first', 'bullet'] as const).map(loanMethodOf), ['equal-installment', 'equal-principal', 'interest-first', 'bullet']);
});

test('without approval or input: the requested amount, the product’s highest rate and longest term', (t) => {
  const terms = comparisonTerms(product, NOTHING_APPROVED, {}, 50_000_000);
  t.deepEqual(terms, { principalFen: 50_000_000, annualRatePercent: '4.35', months: 12, sources: { principal: 'requested', rate: 'product', months: 'product' } });
});

test('a requested amount outside the product’s range is brought into it; none requested takes the minimum', (t) => {
  t.is((comparisonTerms(product, NOTHING_APPROVED, {}, 999_000_000) as { principalFen: number }).principalFen, 300_000_000);
  t.is((comparisonTerms(product, NOTHING_APPROVED, {}, null) as { principalFen: number }).principalFen, 10_000_000);
});

test('the bank’s approved terms come before the product’s, and given terms before both', (t) => {
  const approved = { approvedAmountFen: 80_000_000, approvedAnnualRatePercent: '3.85', approvedTermMonths: 12 };
  t.deepEqual(comparisonTerms(product, approved, {}, null), { principalFen: 80_000_000, annualRatePercent: '3.85', months: 12, sources: { principal: 'approved', rate: 'approved', months: 'approved' } });
  t.deepEqual(comparisonTerms(product, approved, { months: 6, annualRatePercent: '4' }, null), { principalFen: 80_000_000, annualRatePercent: '4', months: 6, sources: { principal: 'approved', rate: 'given', months: 'given' } });
});

test('given terms outside the product’s ranges are refused with their paths', (t) => {
  const r = comparisonTerms(product, NOTHING_APPROVED, { principalFen: 1, months: 24, annualRatePercent: '9' }, null);
  t.true(r instanceof DomainError);
  t.deepEqual((r as DomainError).fieldErrors.map((f) => [f.path, f.code]), [
    ['/principalFen', 'outside_product_range'], ['/months', 'outside_product_range'], ['/annualRatePercent', 'outside_product_range'],
  ]);
});

test('the comparison equals the calculator’s schedules and flags the methods the product offers', (t) => {
  const terms = comparisonTerms(product, NOTHING_APPROVED, { principalFen: 100_000_000 }, null);
  if (terms instanceof DomainError) throw terms;
  const c = compareForProduct(product, terms);
  t.deepEqual(c.methods.map((m) => [m.method, m.offered]), [['equal-installment', true], ['equal-principal', false], ['interest-first', true], ['bullet', false]]);
  const s = repaymentSchedule({ principalFen: 100_000_000, annualRate: '0.0435', months: 12, method: 'equal-installment' });
  const ei = c.methods[0];
  t.is(ei?.totalInterestFen, s.totalInterestFen);
  t.is(ei?.firstPaymentFen, s.rows[0]?.paymentFen);
  // 100万元, 4.35%, 12 months, 等额本息: 85,309.90 yuan a month, ten times the widely published 8,530.99 for 10万元.
  t.is(ei?.firstPaymentFen, 8_530_990);
});
