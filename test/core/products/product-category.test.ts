import test from 'ava';
import { DEFAULT_PRODUCT_CATEGORIES, validateProductCategory } from '../../../core/products/product-category.js';
import { DomainError } from '../../../core/shared/domain-error.js';

test('a new tenant starts with the brochure\'s eight categories in its order, with unique codes', (t) => {
  t.deepEqual(DEFAULT_PRODUCT_CATEGORIES.map((c) => c.name), ['个人信贷', '税贷', '票贷', '诺诺票贷', '企业经营性抵押贷', '企业信贷', '个人房抵押', '车辆抵押贷']);
  t.is(new Set(DEFAULT_PRODUCT_CATEGORIES.map((c) => c.code)).size, 8);
  t.deepEqual(DEFAULT_PRODUCT_CATEGORIES.map((c) => c.sortOrder), [1, 2, 3, 4, 5, 6, 7, 8]);
  for (const c of DEFAULT_PRODUCT_CATEGORIES) t.deepEqual(validateProductCategory(c), c);
});

test('a category with a bad code or an empty name is refused at its paths', (t) => {
  const r = validateProductCategory({ code: '税贷', name: '', sortOrder: 1 }) as DomainError;
  t.is(r.code, 'validation.failed');
  t.deepEqual(r.fieldErrors.map((f) => [f.path, f.code]), [['/code', 'invalid_code'], ['/name', 'empty']]);
});
