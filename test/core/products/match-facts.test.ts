import test from 'ava';
import fc from 'fast-check';
import {
  completedMonths, completedYears, divisionOfTaxId, matchSubjectOf, validateMatchFacts, type MatchFacts,
} from '../../../core/products/match-facts.js';
import { autoMatch } from '../../../core/products/matching.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { aProduct } from './builders.js';

const NOW = new Date('2021-10-15T02:00:00Z'); // 2021-10-15 10:00 in Shanghai
const TZ = 'Asia/Shanghai';

function fields(r: unknown): [string, string][] {
  if (!(r instanceof DomainError)) throw new Error('expected a DomainError');
  return r.fieldErrors.map((f) => [f.path, f.code]);
}

// [from, to, completed months]
const MONTHS: [string, string, number][] = [
  ['2019-10-15', '2021-10-15', 24],
  ['2019-10-16', '2021-10-15', 23],
  ['2019-03-31', '2021-03-30', 23],
  ['2021-10-15', '2021-10-15', 0],
  ['2020-02-29', '2021-02-28', 11],
];
for (const [from, to, months] of MONTHS) {
  test(`a company registered ${from} is ${months} full months old on ${to}`, (t) => {
    t.is(completedMonths(from, to), months);
  });
}

test('the brochure legal representative born 1970-09-18 is 51 on 2021-10-15 and 50 the day before their birthday', (t) => {
  t.is(completedYears('1970-09-18', '2021-10-15'), 51);
  t.is(completedYears('1970-09-18', '2021-09-17'), 50);
});

test('completed months never go down as the day moves on', (t) => {
  const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  fc.assert(fc.property(day, day, day, (a, b, c) => {
    const [from, mid, to] = [a, b, c].sort();
    return completedMonths(from as string, mid as string) <= completedMonths(from as string, to as string);
  }));
  t.pass();
});

test('the tax id carries the registering authority’s division code (characters 3–8)', (t) => {
  t.is(divisionOfTaxId('91320506MA1XYZ1234'), '320506');
  t.is(divisionOfTaxId('12345'), null);
  t.is(divisionOfTaxId(null), null);
});

test('well-formed facts are kept, empty ones become null', (t) => {
  const r = validateMatchFacts({ companyRegisteredOn: '2018-05-02', taxCreditRating: 'A', annualTaxPaidFen: 5_000_000, regionName: ' 江苏省苏州市 ', ownsVehicle: false }, '2021-10-15');
  t.deepEqual(r, {
    companyRegisteredOn: '2018-05-02', taxCreditRating: 'A', annualTaxPaidFen: 5_000_000, annualInvoicingFen: null, regionCode: null, regionName: '江苏省苏州市',
    ownsProperty: null, ownsVehicle: false, existingDebtFen: null, requestedAmountFen: null,
  });
});

// [what is wrong, input, field errors]
const BAD: [string, Record<string, unknown>, [string, string][]][] = [
  ['a registration date after today', { companyRegisteredOn: '2021-10-16' }, [['/companyRegisteredOn', 'in_future']]],
  ['a date that is not a date', { companyRegisteredOn: '2021-02-30' }, [['/companyRegisteredOn', 'invalid_date']]],
  ['a rating the tax bureau does not give', { taxCreditRating: 'E' }, [['/taxCreditRating', 'invalid_rating']]],
  ['negative tax paid', { annualTaxPaidFen: -1 }, [['/annualTaxPaidFen', 'negative']]],
  ['a fraction of a fen of debt', { existingDebtFen: 1.5 }, [['/existingDebtFen', 'not_integer']]],
  ['a division code of four digits', { regionCode: '3205' }, [['/regionCode', 'invalid_region']]],
  ['a yes/no as text', { ownsProperty: 'yes' }, [['/ownsProperty', 'not_boolean']]],
  ['a misspelt field', { ownsCar: true }, [['/ownsCar', 'unknown_field']]],
];
for (const [what, input, expected] of BAD) {
  test(`matching facts with ${what} are refused with the field path`, (t) => {
    t.deepEqual(fields(validateMatchFacts(input, '2021-10-15')), expected);
  });
}

test('the subject combines recorded facts with the profile: ages from dates, region from the tax id, property from the inquiry', (t) => {
  const facts: MatchFacts = { companyRegisteredOn: '2018-05-02', taxCreditRating: 'B', annualTaxPaidFen: 3_000_000 };
  const s = matchSubjectOf({ legalRepBirthDate: '1970-09-18', propertyType: '按揭房', taxId: '91320506MA1XYZ1234' }, facts, NOW, TZ);
  t.is(s.companyAgeMonths, 41);
  t.is(s.legalRepAge, 51);
  t.deepEqual(s.region, { code: '320506', name: null });
  t.true(s.hasProperty);
  t.is(s.hasVehicle, null);
  t.is(s.existingDebtFen, null);
});

test('a recorded answer overrides the inquiry’s property type, and a recorded region code the tax id’s', (t) => {
  const s = matchSubjectOf({ propertyType: '按揭房', taxId: '91320506MA1XYZ1234' }, { ownsProperty: false, regionCode: '310115' }, NOW, TZ);
  t.false(s.hasProperty);
  t.deepEqual(s.region, { code: '310115', name: null });
});

test('a fact nobody recorded makes its requirement unknown, never met or unmet', (t) => {
  const product = aProduct({
    requirements: [{ kind: 'companyAgeMonths', min: 24 }, { kind: 'legalRepAge', min: 22, max: 60 }, { kind: 'needsVehicle' }, { kind: 'maxExistingDebt', maxFen: 1 }],
  });
  const subject = matchSubjectOf({ propertyType: '其他' }, {}, NOW, TZ);
  const [m] = autoMatch([product], subject);
  t.deepEqual(m?.evaluation.reasons.map((r) => r.status), ['unknown', 'unknown', 'unknown', 'unknown']);
  t.is(subject.hasProperty, null);
});
