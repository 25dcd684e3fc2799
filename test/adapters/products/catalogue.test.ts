// The catalogue (产品管理) against the database: default categories, numbering per tenant, filters and counts,
// requirements refused with field paths, optimistic concurrency, deletion rules, tenant isolation, permissions.
import test from 'ava';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import { DEMO_PRODUCTS } from '../../../core/products/demo-products.js';
import { DEFAULT_PRODUCT_CATEGORIES } from '../../../core/products/product-category.js';
import { isDomainError } from '../../../core/shared/domain-error.js';
import { backends } from '../../support/database.js';
import { testCrm } from '../../support/crm.js';
import { aFirm } from '../../support/tenant.js';
import { aProductInput } from '../../core/products/builders.js';
import { aCatalogue, anOrderWithProfile, outcome } from './product-builders.js';

for (const backend of backends()) {
  let crm: Crm;
  test.before(async () => {
    crm = await testCrm(backend);
  });
  test.after.always(async () => {
    await crm?.close();
  });

  test.serial(`[${backend}] a new tenant's categories are the brochure's eight, in tab order, with product counts`, async (t) => {
    const firm = await aFirm(crm);
    const list = await crm.products.listCategories(firm.admin);
    t.deepEqual(list.map((c) => c.name), ['个人信贷', '税贷', '票贷', '诺诺票贷', '企业经营性抵押贷', '企业信贷', '个人房抵押', '车辆抵押贷']);
    t.deepEqual(list.map((c) => c.productCount), [0, 0, 0, 0, 0, 0, 0, 0]);
    await crm.products.createProduct(firm.admin, aProductInput({ number: undefined }));
    t.is((await crm.products.listCategories(firm.admin)).find((c) => c.code === 'tax_loan')?.productCount, 1);
  });

  test.serial(`[${backend}] product numbers count per tenant: each tenant's first product is number 1`, async (t) => {
    const a = await aFirm(crm);
    const b = await aFirm(crm);
    const input = aProductInput();
    delete input.number;
    t.is((await crm.products.createProduct(a.admin, input)).number, 1);
    t.is((await crm.products.createProduct(a.admin, input)).number, 2);
    t.is((await crm.products.createProduct(b.admin, input)).number, 1);
    const taken = await crm.products.createProduct(a.admin, { ...input, number: 2 }).catch((e: unknown) => e);
    t.true(isDomainError(taken));
    t.deepEqual(isDomainError(taken) ? taken.fieldErrors.map((f) => [f.path, f.code]) : [], [['/number', 'number_taken']]);
  });

  test.serial(`[${backend}] lists filter by category, institution, active and keyword and count every match (共N条)`, async (t) => {
    const firm = await aFirm(crm);
    await aCatalogue(crm, firm.admin);
    const count = async (f: Record<string, unknown>) => (await crm.products.listProducts(firm.admin, f, { limit: 5, withTotal: true })).total;
    t.is(await count({}), DEMO_PRODUCTS.length);
    t.is(await count({ categoryCode: 'tax_loan' }), DEMO_PRODUCTS.filter((p) => p.categoryCode === 'tax_loan').length);
    t.is(await count({ institution: '工商银行' }), DEMO_PRODUCTS.filter((p) => p.institution === '工商银行').length);
    t.is(await count({ active: false }), 1);
    t.is(await count({ keyword: '税' }), DEMO_PRODUCTS.filter((p) => p.name.includes('税') || p.institution.includes('税')).length);
    t.is(await count({ keyword: '24' }), 1);
    t.is(await count({ keyword: '%' }), 0);
    // Pages follow the tabs' order (category, then number) without gaps or repeats.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await crm.products.listProducts(firm.admin, {}, { limit: 8, cursor });
      seen.push(...page.items.map((p) => p.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const order = new Map(DEFAULT_PRODUCT_CATEGORIES.map((c) => [c.code, c.sortOrder]));
    const expected = [...DEMO_PRODUCTS].sort((x, y) => (order.get(x.categoryCode) ?? 0) - (order.get(y.categoryCode) ?? 0) || x.number - y.number).map((p) => p.name);
    t.deepEqual(seen, expected);
    t.true((await crm.products.institutions(firm.admin)).includes('浦发银行'));
  });

  test.serial(`[${backend}] a product with a bad rule is refused with every field path and nothing is saved`, async (t) => {
    const firm = await aFirm(crm);
    const bad = aProductInput({
      categoryCode: 'no_such_category',
      requirements: [{ kind: 'legalRepAge', min: 60, max: 22 }, { kind: 'taxCreditRating', ratings: ['A', 'E'] }, { kind: 'companyAge' }],
    });
    const e = await crm.products.createProduct(firm.admin, bad).catch((x: unknown) => x);
    t.true(isDomainError(e));
    t.deepEqual(isDomainError(e) ? e.fieldErrors.map((f) => f.path) : [], ['/categoryCode', '/requirements/0/min', '/requirements/1/ratings/1', '/requirements/2/kind']);
    t.is((await crm.products.listProducts(firm.admin, {}, { limit: 5, withTotal: true })).total, 0);
  });

  test.serial(`[${backend}] an edit at a stale version is refused; the current version saves`, async (t) => {
    const firm = await aFirm(crm);
    const p = await crm.products.createProduct(firm.admin, aProductInput());
    const saved = await crm.products.updateProduct(firm.admin, p.id, p.version, { ...aProductInput(), name: '税E贷（新）', active: false });
    t.is(saved.version, 2);
    t.is(saved.name, '税E贷（新）');
    t.false(saved.active);
    t.is(await outcome(crm.products.updateProduct(firm.admin, p.id, p.version, aProductInput())), 'product.version_conflict');
  });

  test.serial(`[${backend}] a product on an order cannot be deleted (deactivate it); an unused one can`, async (t) => {
    const firm = await aFirm(crm);
    const sales = await firm.person(['sales']);
    const used = await crm.products.createProduct(firm.admin, aProductInput());
    const unused = await crm.products.createProduct(firm.admin, aProductInput({ number: 2, name: '快贷' }));
    const { order } = await anOrderWithProfile(crm, sales.actor);
    await crm.orderProducts.saveLines(sales.actor, order.id, 0, [{ productId: used.id }]);
    t.is(await outcome(crm.products.deleteProduct(firm.admin, used.id)), 'product.in_use');
    t.is(await outcome(crm.products.deleteProduct(firm.admin, unused.id)), 'ok');
    t.is(await outcome(crm.products.getProduct(firm.admin, unused.id)), 'product.not_found');
  });

  test.serial(`[${backend}] another tenant's products and categories are not found by id and never listed`, async (t) => {
    const a = await aFirm(crm);
    const b = await aFirm(crm);
    const p = await crm.products.createProduct(a.admin, aProductInput());
    t.is(await outcome(crm.products.getProduct(b.admin, p.id)), 'product.not_found');
    t.is(await outcome(crm.products.updateProduct(b.admin, p.id, 1, aProductInput())), 'product.not_found');
    t.is(await outcome(crm.products.deleteProduct(b.admin, p.id)), 'product.not_found');
    t.is((await crm.products.listProducts(b.admin, {}, { limit: 10, withTotal: true })).total, 0);
    t.deepEqual(await crm.products.institutions(b.admin), []);
    await crm.products.createCategory(a.admin, { code: 'gold', name: '黄金贷', sortOrder: 9 });
    t.false((await crm.products.listCategories(b.admin)).some((c) => c.code === 'gold'));
    t.is(await outcome(crm.products.updateCategory(b.admin, 'gold', { name: '偷改' })), 'product_category.not_found');
    t.is((await crm.products.listCategories(b.admin)).find((c) => c.code === 'tax_loan')?.productCount, 0);
  });

  test.serial(`[${backend}] sales read the catalogue but only product managers (运营, admin) change it`, async (t) => {
    const firm = await aFirm(crm);
    const sales = await firm.person(['sales']);
    const ops = await firm.person(['operations']);
    t.is(await outcome(crm.products.createProduct(sales.actor, aProductInput())), 'auth.forbidden');
    t.is(await outcome(crm.products.createCategory(sales.actor, { code: 'gold', name: '黄金贷', sortOrder: 9 })), 'auth.forbidden');
    const p = await crm.products.createProduct(ops.actor, aProductInput());
    t.is((await crm.products.getProduct(sales.actor, p.id)).name, '税E贷');
    await crm.products.createCategory(ops.actor, { code: 'gold', name: '黄金贷', sortOrder: 9 });
    t.is(await outcome(crm.products.createCategory(ops.actor, { code: 'gold', name: '黄金贷', sortOrder: 9 })), 'product.category_exists');
    const renamed = await crm.products.updateCategory(ops.actor, 'tax_loan', { name: '税务贷' });
    t.deepEqual(renamed, { code: 'tax_loan', name: '税务贷', sortOrder: 2 });
    t.is((await crm.products.listCategories(sales.actor)).length, 9);
  });
}
