import test from 'ava';
import { autoMatch, evaluateProduct, manualMatchWarnings, propertyOwnership } from '../../../core/products/matching.js';
import { aProduct } from './builders.js';

const needs24Months = { kind: 'companyAgeMonths', min: 24 } as const;
const needsRatingAB = { kind: 'taxCreditRating', ratings: ['A', 'B'] } as const;
const needsProperty = { kind: 'needsProperty' } as const;

test('a product matches only when every requirement is met, and scores the share met', (t) => {
  const p = aProduct({ id: 'p', requirements: [needs24Months, needsRatingAB, needsProperty] });
  const all = evaluateProduct(p, { companyAgeMonths: 30, taxCreditRating: 'A', hasProperty: true });
  t.true(all.matched);
  t.is(all.score, 100);
  const some = evaluateProduct(p, { companyAgeMonths: 30, taxCreditRating: 'C' });
  t.false(some.matched);
  t.is(some.score, 33);
  t.deepEqual(some.reasons.map((r) => [r.kind, r.status]), [['companyAgeMonths', 'met'], ['taxCreditRating', 'unmet'], ['needsProperty', 'unknown']]);
  t.is(some.productId, 'p');
});

test('a product without requirements matches anyone with score 100', (t) => {
  t.like(evaluateProduct(aProduct(), {}), { matched: true, score: 100, reasons: [] });
});

test('the requested amount fits when it is inside the amount range, bounds included; null when none was asked', (t) => {
  const p = aProduct({ amountFen: { min: 100, max: 200 } });
  t.is(evaluateProduct(p, { requestedAmountFen: 100 }).amountFits, true);
  t.is(evaluateProduct(p, { requestedAmountFen: 200 }).amountFits, true);
  t.is(evaluateProduct(p, { requestedAmountFen: 201 }).amountFits, false);
  t.is(evaluateProduct(p, { requestedAmountFen: 99 }).amountFits, false);
  t.is(evaluateProduct(p, {}).amountFits, null);
});

test('auto match ranks fully met, then fewer unknowns, then unmet; inactive products are left out', (t) => {
  const subject = { companyAgeMonths: 30, taxCreditRating: 'C' as const };
  const products = [
    aProduct({ id: 'unmet-rating', number: 1, requirements: [needsRatingAB] }),
    aProduct({ id: 'two-unknowns', number: 2, requirements: [needsProperty, { kind: 'needsVehicle' }] }),
    aProduct({ id: 'one-unknown', number: 3, requirements: [needs24Months, needsProperty] }),
    aProduct({ id: 'met', number: 4, requirements: [needs24Months] }),
    aProduct({ id: 'inactive-met', number: 5, requirements: [], active: false }),
    aProduct({ id: 'unmet-and-unknown', number: 6, requirements: [needsRatingAB, needsProperty] }),
    aProduct({ id: 'two-unmet', number: 7, requirements: [needsRatingAB, { kind: 'companyAgeMonths', min: 36 }] }),
  ];
  t.deepEqual(autoMatch(products, subject).map((m) => m.product.id), ['met', 'one-unknown', 'two-unknowns', 'unmet-rating', 'unmet-and-unknown', 'two-unmet']);
});

test('ties go to a fitting amount range, then the lower default fee, then the lower number', (t) => {
  const products = [
    aProduct({ id: 'too-small-range', number: 1, defaultServiceFeeFen: 100, amountFen: { min: 0, max: 999 } }),
    aProduct({ id: 'fee-300-n9', number: 9, defaultServiceFeeFen: 300 }),
    aProduct({ id: 'fee-300-n4', number: 4, defaultServiceFeeFen: 300 }),
    aProduct({ id: 'fee-200', number: 8, defaultServiceFeeFen: 200 }),
  ];
  const ranked = autoMatch(products, { requestedAmountFen: 50_000_000 }).map((m) => m.product.id);
  t.deepEqual(ranked, ['fee-200', 'fee-300-n4', 'fee-300-n9', 'too-small-range']);
  // Without a requested amount the range does not count: the lowest fee leads.
  t.deepEqual(autoMatch(products, {}).map((m) => m.product.id), ['too-small-range', 'fee-200', 'fee-300-n4', 'fee-300-n9']);
});

test('a tie-break never lifts a product above a better match group', (t) => {
  const products = [
    aProduct({ id: 'cheap-unknown', number: 1, defaultServiceFeeFen: 0, requirements: [needsProperty] }),
    aProduct({ id: 'dear-met', number: 2, defaultServiceFeeFen: 9_999_999, amountFen: { min: 0, max: 1 }, requirements: [] }),
  ];
  t.deepEqual(autoMatch(products, { requestedAmountFen: 50 }).map((m) => m.product.id), ['dear-met', 'cheap-unknown']);
});

test('manual matching warns of the unmet and unknown requirements only', (t) => {
  const p = aProduct({ requirements: [needs24Months, needsRatingAB, needsProperty] });
  const warnings = manualMatchWarnings(p, { companyAgeMonths: 12, taxCreditRating: 'A' });
  t.deepEqual(warnings.map((w) => [w.kind, w.status]), [['companyAgeMonths', 'unmet'], ['needsProperty', 'unknown']]);
  t.is(warnings[0]?.zh, '企业成立 12 个月，要求至少 24 个月');
  t.deepEqual(manualMatchWarnings(p, { companyAgeMonths: 24, taxCreditRating: 'B', hasProperty: true }), []);
});

const PROPERTY_TYPES: [string | null | undefined, boolean | undefined][] = [
  ['按揭房', true], ['全款房', true], ['无房', false], [' 无房 ', false], ['自建房', undefined], ['', undefined], ['toString', undefined], [null, undefined], [undefined, undefined],
];
for (const [type, owns] of PROPERTY_TYPES) {
  test(`property type ${JSON.stringify(type)} means owns a home: ${String(owns)}`, (t) => {
    t.is(propertyOwnership(type), owns);
  });
}
