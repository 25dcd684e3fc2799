import test from 'ava';
import { validateProduct, nextProductNumber } from '../../../core/products/product.js';
import { DEFAULT_PRODUCT_CATEGORIES } from '../../../core/products/product-category.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { aProductInput } from './builders.js';

const CODES = DEFAULT_PRODUCT_CATEGORIES.map((c) => c.code);

function errorsOf(input: unknown, codes?: readonly string[]): { path: string; code: string }[] {
  const r = validateProduct(input, codes);
  if (!(r instanceof DomainError) || r.code !== 'validation.failed') throw new Error('expected validation.failed');
  return r.fieldErrors.map(({ path, code }) => ({ path, code }));
}

test('a well-formed product is accepted with its text trimmed', (t) => {
  const r = validateProduct(aProductInput({ name: ' 税E贷 ', requirements: [{ kind: 'needsProperty' }] }), CODES);
  t.false(r instanceof DomainError);
  t.is((r as { name: string }).name, '税E贷');
  t.deepEqual((r as { requirements: unknown }).requirements, [{ kind: 'needsProperty' }]);
  t.deepEqual((r as { annualRatePercent: unknown }).annualRatePercent, { min: '3.65', max: '4.35' });
});

// [what is wrong, fields to override, field errors expected]
const BAD: [string, Record<string, unknown>, { path: string; code: string }[]][] = [
  ['number zero', { number: 0 }, [{ path: '/number', code: 'too_small' }]],
  ['a fractional number', { number: 1.5 }, [{ path: '/number', code: 'not_integer' }]],
  ['an empty name', { name: '  ' }, [{ path: '/name', code: 'empty' }]],
  ['a missing institution', { institution: undefined }, [{ path: '/institution', code: 'required' }]],
  ['a category code with capitals', { categoryCode: 'TaxLoan' }, [{ path: '/categoryCode', code: 'invalid_code' }]],
  ['a category the tenant does not have', { categoryCode: 'crypto_loan' }, [{ path: '/categoryCode', code: 'unknown_category' }]],
  ['a negative service fee', { defaultServiceFeeFen: -1 }, [{ path: '/defaultServiceFeeFen', code: 'negative' }]],
  ['a service fee in yuan with decimals', { defaultServiceFeeFen: 100.5 }, [{ path: '/defaultServiceFeeFen', code: 'not_integer' }]],
  ['an inverted amount range', { amountFen: { min: 300, max: 100 } }, [{ path: '/amountFen/min', code: 'min_above_max' }]],
  ['a negative amount', { amountFen: { min: -1, max: 100 } }, [{ path: '/amountFen/min', code: 'negative' }]],
  ['an amount range that is a number', { amountFen: 100 }, [{ path: '/amountFen', code: 'not_object' }]],
  ['an amount range with a stray field', { amountFen: { min: 1, max: 2, avg: 1 } }, [{ path: '/amountFen/avg', code: 'unknown_field' }]],
  ['a zero-month term', { termMonths: { min: 0, max: 12 } }, [{ path: '/termMonths/min', code: 'too_small' }]],
  ['an inverted term range', { termMonths: { min: 24, max: 12 } }, [{ path: '/termMonths/min', code: 'min_above_max' }]],
  ['a rate as a number', { annualRatePercent: { min: 3.65, max: '4' } }, [{ path: '/annualRatePercent/min', code: 'not_decimal' }]],
  ['a rate with a percent sign', { annualRatePercent: { min: '3.65%', max: '4' } }, [{ path: '/annualRatePercent/min', code: 'not_decimal' }]],
  ['a rate with five decimals', { annualRatePercent: { min: '3.65', max: '4.12345' } }, [{ path: '/annualRatePercent/max', code: 'not_decimal' }]],
  ['a rate above 100 %', { annualRatePercent: { min: '3', max: '100.5' } }, [{ path: '/annualRatePercent/max', code: 'not_decimal' }]],
  ['an inverted rate range (compared exactly, not as text)', { annualRatePercent: { min: '12', max: '4.5' } }, [{ path: '/annualRatePercent/min', code: 'min_above_max' }]],
  ['no repayment method', { repaymentMethods: [] }, [{ path: '/repaymentMethods', code: 'empty' }]],
  ['an unknown repayment method', { repaymentMethods: ['interest_first', 'balloon'] }, [{ path: '/repaymentMethods/1', code: 'unknown_method' }]],
  ['a repayment method twice', { repaymentMethods: ['bullet', 'bullet'] }, [{ path: '/repaymentMethods/1', code: 'duplicate' }]],
  ['a blank document', { requiredDocuments: ['营业执照', ''] }, [{ path: '/requiredDocuments/1', code: 'empty' }]],
  ['a document twice', { requiredDocuments: ['营业执照', '营业执照'] }, [{ path: '/requiredDocuments/1', code: 'duplicate' }]],
  ['active as text', { active: 'yes' }, [{ path: '/active', code: 'not_boolean' }]],
  ['a bad requirement', { requirements: [{ kind: 'needsProperty' }, { kind: 'needsVehicle' }, { kind: 'legalRepAge', min: 65, max: 18 }] }, [{ path: '/requirements/2/min', code: 'min_above_max' }]],
  ['an unknown field', { interestFree: true }, [{ path: '/interestFree', code: 'unknown_field' }]],
];

for (const [what, overrides, expected] of BAD) {
  test(`a product with ${what} is refused at its path`, (t) => {
    t.deepEqual(errorsOf(aProductInput(overrides), CODES), expected);
  });
}

test('without the tenant\'s category list only the code\'s form is checked', (t) => {
  t.false(validateProduct(aProductInput({ categoryCode: 'crypto_loan' })) instanceof DomainError);
});

test('all problems of a product are reported together', (t) => {
  t.deepEqual(errorsOf(aProductInput({ number: -3, amountFen: { min: 5, max: 1 }, requirements: [{ kind: 'x' }] })), [
    { path: '/number', code: 'too_small' },
    { path: '/amountFen/min', code: 'min_above_max' },
    { path: '/requirements/0/kind', code: 'unknown_kind' },
  ]);
});

test('a product that is not an object is refused at the root', (t) => {
  t.deepEqual(errorsOf('税E贷'), [{ path: '', code: 'not_object' }]);
});

test('a new product is numbered one above the tenant\'s highest', (t) => {
  t.is(nextProductNumber([]), 1);
  t.is(nextProductNumber([1, 24, 11, 2]), 25);
});
