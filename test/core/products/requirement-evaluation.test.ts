import test from 'ava';
import { evaluateRequirement, type ReasonStatus } from '../../../core/products/requirement-evaluation.js';
import type { MatchSubject } from '../../../core/products/match-subject.js';
import type { Requirement } from '../../../core/products/requirement.js';

const companyAge: Requirement = { kind: 'companyAgeMonths', min: 24 };
const rating: Requirement = { kind: 'taxCreditRating', ratings: ['A', 'B', 'M'] };
const taxPaid: Requirement = { kind: 'annualTaxPaid', minFen: 2_000_000 };
const invoicing: Requirement = { kind: 'annualInvoicing', minFen: 300_000_000 };
const repAge: Requirement = { kind: 'legalRepAge', min: 22, max: 60 };
const regionCode: Requirement = { kind: 'region', prefixes: ['32', '3301'] };
const regionName: Requirement = { kind: 'region', prefixes: ['江苏省苏州市'] };
const regionBoth: Requirement = { kind: 'region', prefixes: ['3205', '浙江省'] };
const property: Requirement = { kind: 'needsProperty' };
const vehicle: Requirement = { kind: 'needsVehicle' };
const debt: Requirement = { kind: 'maxExistingDebt', maxFen: 50_000_000 };

// [rule, what is known, expected verdict] — each kind at its boundary, just past it, and unknown.
const CASES: [Requirement, MatchSubject, ReasonStatus][] = [
  [companyAge, { companyAgeMonths: 24 }, 'met'],
  [companyAge, { companyAgeMonths: 23 }, 'unmet'],
  [companyAge, {}, 'unknown'],
  [companyAge, { companyAgeMonths: null }, 'unknown'],
  [rating, { taxCreditRating: 'M' }, 'met'],
  [rating, { taxCreditRating: 'C' }, 'unmet'],
  [rating, { taxCreditRating: 'D' }, 'unmet'],
  [rating, {}, 'unknown'],
  [taxPaid, { annualTaxPaidFen: 2_000_000 }, 'met'],
  [taxPaid, { annualTaxPaidFen: 1_999_999 }, 'unmet'],
  [taxPaid, { annualTaxPaidFen: 0 }, 'unmet'],
  [taxPaid, {}, 'unknown'],
  [invoicing, { annualInvoicingFen: 300_000_000 }, 'met'],
  [invoicing, { annualInvoicingFen: 299_999_999 }, 'unmet'],
  [invoicing, {}, 'unknown'],
  [repAge, { legalRepAge: 22 }, 'met'],
  [repAge, { legalRepAge: 60 }, 'met'],
  [repAge, { legalRepAge: 21 }, 'unmet'],
  [repAge, { legalRepAge: 61 }, 'unmet'],
  [repAge, {}, 'unknown'],
  [regionCode, { region: { code: '320506' } }, 'met'],
  [regionCode, { region: { code: '330106' } }, 'met'],
  [regionCode, { region: { code: '320500' } }, 'met'],
  [regionCode, { region: { code: '330203' } }, 'unmet'],
  [regionCode, { region: { code: '310104' } }, 'unmet'],
  [regionCode, { region: { code: '330000' } }, 'unknown'], // Zhejiang is known, the city is not
  [regionCode, { region: { name: '江苏省苏州市' } }, 'unknown'], // codes cannot be judged from a name
  [regionCode, {}, 'unknown'],
  [regionName, { region: { name: '江苏省苏州市吴中区' } }, 'met'],
  [regionName, { region: { name: '江苏省南京市' } }, 'unmet'],
  [regionName, { region: { name: '江苏省' } }, 'unknown'],
  [regionName, { region: { code: '320506' } }, 'unknown'],
  [regionBoth, { region: { code: '320506' } }, 'met'],
  [regionBoth, { region: { code: '320106' } }, 'unknown'], // not Suzhou, but could it be 浙江省? the name is missing
  [regionBoth, { region: { code: '320106', name: '江苏省南京市' } }, 'unmet'],
  [regionBoth, { region: { code: '330106', name: '浙江省杭州市' } }, 'met'],
  [property, { hasProperty: true }, 'met'],
  [property, { hasProperty: false }, 'unmet'],
  [property, {}, 'unknown'],
  [vehicle, { hasVehicle: true }, 'met'],
  [vehicle, { hasVehicle: false }, 'unmet'],
  [vehicle, { hasVehicle: null }, 'unknown'],
  [debt, { existingDebtFen: 50_000_000 }, 'met'],
  [debt, { existingDebtFen: 0 }, 'met'],
  [debt, { existingDebtFen: 50_000_001 }, 'unmet'],
  [debt, {}, 'unknown'],
];

for (const [rule, subject, status] of CASES) {
  test(`${JSON.stringify(rule)} with ${JSON.stringify(subject)} is ${status}`, (t) => {
    const r = evaluateRequirement(rule, subject);
    t.is(r.kind, rule.kind);
    t.is(r.status, status);
  });
}

test('each verdict explains itself in Chinese and English with the figures', (t) => {
  t.deepEqual(evaluateRequirement(companyAge, { companyAgeMonths: 23 }), {
    kind: 'companyAgeMonths', status: 'unmet', zh: '企业成立 23 个月，要求至少 24 个月', en: 'Company is 23 months old; at least 24 required',
  });
  t.deepEqual(evaluateRequirement(taxPaid, {}), {
    kind: 'annualTaxPaid', status: 'unknown', zh: '缺少年纳税额（要求至少 2万元）', en: 'Annual tax paid unknown (at least CNY 20,000 required)',
  });
  t.is(evaluateRequirement(debt, { existingDebtFen: 1_234_550 }).zh, '现有负债 12345.50元，要求不超过 50万元');
  t.is(evaluateRequirement(property, { hasProperty: false }).zh, '客户名下无房产，该产品要求有房产');
  t.is(evaluateRequirement(regionName, { region: { name: '江苏省苏州市吴中区' } }).zh, '企业所在地区「江苏省苏州市吴中区」在准入范围（江苏省苏州市）内');
});
