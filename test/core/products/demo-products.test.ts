import test from 'ava';
import { DEMO_PRODUCTS } from '../../../core/products/demo-products.js';
import { DEFAULT_PRODUCT_CATEGORIES } from '../../../core/products/product-category.js';
import { validateProduct } from '../../../core/products/product.js';
import { REQUIREMENT_KINDS } from '../../../core/products/requirement.js';
import { autoMatch } from '../../../core/products/matching.js';

const CODES = DEFAULT_PRODUCT_CATEGORIES.map((c) => c.code);

test('every demo product passes validation unchanged against the default categories', (t) => {
  for (const p of DEMO_PRODUCTS) t.deepEqual(validateProduct(p, CODES), p, `${p.number} ${p.name}`);
});

test('the demo catalogue has at least 32 products with unique numbers and names, in all eight categories', (t) => {
  t.true(DEMO_PRODUCTS.length >= 32);
  t.is(new Set(DEMO_PRODUCTS.map((p) => p.number)).size, DEMO_PRODUCTS.length);
  t.is(new Set(DEMO_PRODUCTS.map((p) => p.name)).size, DEMO_PRODUCTS.length);
  t.deepEqual([...new Set(DEMO_PRODUCTS.map((p) => p.categoryCode))].sort(), [...CODES].sort());
});

test('the brochure\'s products are there with their numbers and categories (税E贷 at 10000 元)', (t) => {
  const byNumber = (n: number) => DEMO_PRODUCTS.find((p) => p.number === n);
  t.like(byNumber(1), { name: '税E贷', categoryCode: 'tax_loan', defaultServiceFeeFen: 1_000_000 });
  t.like(byNumber(2), { name: '快贷', categoryCode: 'tax_loan' });
  t.like(byNumber(11), { name: 'e商助梦贷', categoryCode: 'invoice_loan' });
  t.like(byNumber(24), { name: '浦发-银税贷', categoryCode: 'nuonuo_invoice_loan', institution: '浦发银行' });
});

test('the demo requirements use every kind, so matching has something to show', (t) => {
  const used = new Set(DEMO_PRODUCTS.flatMap((p) => p.requirements.map((r) => r.kind)));
  t.deepEqual([...used].sort(), [...REQUIREMENT_KINDS].sort());
});

test('the brochure\'s 盛博科技 (B rating, mortgaged home, owner 51) fully meets 税E贷, and a fully met product leads', (t) => {
  const products = DEMO_PRODUCTS.map((p) => ({ ...p, id: `p-${p.number}` }));
  const ranked = autoMatch(products, {
    companyAgeMonths: 36, taxCreditRating: 'B', annualTaxPaidFen: 5_000_000, legalRepAge: 51, hasProperty: true, existingDebtFen: 0,
    region: { code: '320506', name: '江苏省苏州市吴中区' }, requestedAmountFen: 20_000_000,
  });
  t.is(ranked.length, DEMO_PRODUCTS.filter((p) => p.active).length);
  const fullyMet = ranked.filter((m) => m.evaluation.matched).map((m) => m.product.name);
  t.true(fullyMet.includes('税E贷'));
  t.true(ranked[0]?.evaluation.matched);
});
