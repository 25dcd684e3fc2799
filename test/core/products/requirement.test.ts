import test from 'ava';
import { validateRequirements, normaliseRegionPrefix, type Requirement } from '../../../core/products/requirement.js';
import { DomainError } from '../../../core/shared/domain-error.js';

function errorsOf(input: unknown): { path: string; code: string }[] {
  const r = validateRequirements(input);
  if (!(r instanceof DomainError)) throw new Error('expected a DomainError');
  return r.fieldErrors.map(({ path, code }) => ({ path, code }));
}

test('a list with one rule of every kind is accepted as it is', (t) => {
  const rules: Requirement[] = [
    { kind: 'companyAgeMonths', min: 24 },
    { kind: 'taxCreditRating', ratings: ['A', 'B', 'M'] },
    { kind: 'annualTaxPaid', minFen: 2_000_000 },
    { kind: 'annualInvoicing', minFen: 0 },
    { kind: 'legalRepAge', min: 22, max: 60 },
    { kind: 'region', prefixes: ['32', '江苏省苏州市'] },
    { kind: 'needsProperty' },
    { kind: 'needsVehicle' },
    { kind: 'maxExistingDebt', maxFen: 500_000_000 },
  ];
  t.deepEqual(validateRequirements(rules), rules);
  t.deepEqual(validateRequirements([]), []);
});

// [what is wrong, the requirements, the field errors expected]
const BAD: [string, unknown, { path: string; code: string }[]][] = [
  ['not a list', { kind: 'needsProperty' }, [{ path: '/requirements', code: 'not_array' }]],
  ['a rule that is not an object', ['needsProperty'], [{ path: '/requirements/0', code: 'not_object' }]],
  ['a missing kind', [{ min: 3 }], [{ path: '/requirements/0/kind', code: 'required' }]],
  ['an unknown kind', [{ kind: 'needsProperty' }, { kind: 'creditScore', min: 600 }], [{ path: '/requirements/1/kind', code: 'unknown_kind' }]],
  ['a field the kind does not have', [{ kind: 'needsVehicle', min: 1 }], [{ path: '/requirements/0/min', code: 'unknown_field' }]],
  ['a misspelt field', [{ kind: 'companyAgeMonths', mn: 24 }], [{ path: '/requirements/0/mn', code: 'unknown_field' }, { path: '/requirements/0/min', code: 'required' }]],
  ['a fractional company age', [{ kind: 'companyAgeMonths', min: 1.5 }], [{ path: '/requirements/0/min', code: 'not_integer' }]],
  ['a negative company age', [{ kind: 'companyAgeMonths', min: -1 }], [{ path: '/requirements/0/min', code: 'negative' }]],
  ['an empty rating set', [{ kind: 'taxCreditRating', ratings: [] }], [{ path: '/requirements/0/ratings', code: 'empty' }]],
  ['a rating outside A/B/M/C/D', [{ kind: 'taxCreditRating', ratings: ['A', 'AA', 'b'] }], [{ path: '/requirements/0/ratings/1', code: 'invalid_rating' }, { path: '/requirements/0/ratings/2', code: 'invalid_rating' }]],
  ['a rating listed twice', [{ kind: 'taxCreditRating', ratings: ['A', 'B', 'A'] }], [{ path: '/requirements/0/ratings/2', code: 'duplicate' }]],
  ['negative tax paid', [{ kind: 'annualTaxPaid', minFen: -100 }], [{ path: '/requirements/0/minFen', code: 'negative' }]],
  ['invoicing as a float', [{ kind: 'annualInvoicing', minFen: 100.5 }], [{ path: '/requirements/0/minFen', code: 'not_integer' }]],
  ['money as text', [{ kind: 'maxExistingDebt', maxFen: '100' }], [{ path: '/requirements/0/maxFen', code: 'not_integer' }]],
  ['negative debt ceiling', [{ kind: 'needsProperty' }, { kind: 'maxExistingDebt', maxFen: -1 }], [{ path: '/requirements/1/maxFen', code: 'negative' }]],
  ['an age range with min above max', [{ kind: 'needsProperty' }, { kind: 'needsVehicle' }, { kind: 'legalRepAge', min: 61, max: 60 }], [{ path: '/requirements/2/min', code: 'min_above_max' }]],
  ['an age range without max', [{ kind: 'legalRepAge', min: 18 }], [{ path: '/requirements/0/max', code: 'required' }]],
  ['an age over 120', [{ kind: 'legalRepAge', min: 18, max: 200 }], [{ path: '/requirements/0/max', code: 'too_large' }]],
  ['an empty region list', [{ kind: 'region', prefixes: [] }], [{ path: '/requirements/0/prefixes', code: 'empty' }]],
  ['a blank region', [{ kind: 'region', prefixes: ['32', '  '] }], [{ path: '/requirements/0/prefixes/1', code: 'empty' }]],
  ['a 3-digit division code', [{ kind: 'region', prefixes: ['320'] }], [{ path: '/requirements/0/prefixes/0', code: 'invalid_region' }]],
  ['a name mixed with digits', [{ kind: 'region', prefixes: ['江苏32'] }], [{ path: '/requirements/0/prefixes/0', code: 'invalid_region' }]],
  ['the same region twice once normalised', [{ kind: 'region', prefixes: ['32', '320000'] }], [{ path: '/requirements/0/prefixes/1', code: 'duplicate' }]],
  ['the same kind twice', [{ kind: 'companyAgeMonths', min: 12 }, { kind: 'companyAgeMonths', min: 24 }], [{ path: '/requirements/1/kind', code: 'duplicate' }]],
];

for (const [what, input, expected] of BAD) {
  test(`a requirement list with ${what} is refused with the exact field paths`, (t) => {
    const r = validateRequirements(input);
    t.true(r instanceof DomainError);
    t.is((r as DomainError).code, 'validation.failed');
    t.deepEqual(errorsOf(input), expected);
  });
}

test('every problem of every rule is reported in one pass', (t) => {
  t.deepEqual(errorsOf([{ kind: 'legalRepAge', min: 70, max: 60 }, { kind: 'nope' }, { kind: 'annualTaxPaid', minFen: -1 }]), [
    { path: '/requirements/0/min', code: 'min_above_max' },
    { path: '/requirements/1/kind', code: 'unknown_kind' },
    { path: '/requirements/2/minFen', code: 'negative' },
  ]);
});

test('refusal messages are in Chinese and English', (t) => {
  const r = validateRequirements([{ kind: 'legalRepAge', min: 61, max: 60 }]) as DomainError;
  t.is(r.fieldErrors[0]?.zh, '下限不能大于上限');
  t.is(r.fieldErrors[0]?.en, 'must not be above max');
  t.true(r.text.zh.includes('/requirements/0/min'));
});

test('full province and city division codes become prefixes that match their districts', (t) => {
  t.is(normaliseRegionPrefix('320000'), '32');
  t.is(normaliseRegionPrefix('320500'), '3205');
  t.is(normaliseRegionPrefix('320506'), '320506');
  t.is(normaliseRegionPrefix(' 江苏省 '), '江苏省');
  t.deepEqual(validateRequirements([{ kind: 'region', prefixes: ['320000', '320500'] }]), [{ kind: 'region', prefixes: ['32', '3205'] }]);
});
