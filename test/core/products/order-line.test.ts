import test from 'ava';
import fc from 'fast-check';
import { lineFromProduct, lineTotal, linesReceivable, selectionCounts, validateOrderLines, type OrderLine } from '../../../core/products/order-line.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { aProduct } from './builders.js';

const line = (o: Partial<OrderLine> = {}): OrderLine => ({ productId: 'p-1', serviceFeeFen: 1_000_000, discountFen: 0, quantity: 1, ...o });

function refusal(r: unknown): { code: string; fields: [string, string][] } {
  if (!(r instanceof DomainError)) throw new Error('expected a DomainError');
  return { code: r.code, fields: r.fieldErrors.map((f) => [f.path, f.code]) };
}

test('a line totals fee × quantity − discount (税E贷: 10000 元 × 1 − 0)', (t) => {
  t.is(lineTotal(line()), 1_000_000);
  t.is(lineTotal(line({ serviceFeeFen: 300_000, quantity: 3, discountFen: 50_000 })), 850_000);
  t.is(lineTotal(line({ serviceFeeFen: 300_000, quantity: 2, discountFen: 600_000 })), 0);
});

// [what is wrong, the line, the field errors expected]
const BAD: [string, Partial<OrderLine>, [string, string][]][] = [
  ['a discount above fee × quantity', { serviceFeeFen: 300_000, quantity: 2, discountFen: 600_001 }, [['/discountFen', 'discount_above_gross']]],
  ['a negative fee', { serviceFeeFen: -1 }, [['/serviceFeeFen', 'negative']]],
  ['a negative discount', { discountFen: -100 }, [['/discountFen', 'negative']]],
  ['a fee with a fraction of a fen', { serviceFeeFen: 100.5 }, [['/serviceFeeFen', 'not_integer']]],
  ['quantity zero', { quantity: 0 }, [['/quantity', 'too_small']]],
  ['a fractional quantity', { quantity: 1.5 }, [['/quantity', 'not_integer']]],
  ['a missing product', { productId: '' }, [['/productId', 'empty']]],
  ['fees too large to add up', { serviceFeeFen: Number.MAX_SAFE_INTEGER, quantity: 2 }, [['/quantity', 'too_large']]],
];

for (const [what, o, fields] of BAD) {
  test(`a line with ${what} is refused with product.invalid_line at its field`, (t) => {
    t.deepEqual(refusal(lineTotal(line(o))), { code: 'product.invalid_line', fields });
  });
}

test('the order\'s lines are checked together, with paths under /lines, and a product is chosen once', (t) => {
  const r = validateOrderLines([line(), line({ productId: 'p-2', discountFen: 2_000_000 }), line({ quantity: 2 })]);
  t.deepEqual(refusal(r), { code: 'product.invalid_line', fields: [['/lines/1/discountFen', 'discount_above_gross'], ['/lines/2/productId', 'duplicate']] });
  t.is((r as DomainError).kind, 'invalid');
  t.true((r as DomainError).text.zh.includes('/lines/1/discountFen 优惠折扣不能大于服务费乘以数量'));
});

test('the receivable is the sum of the line totals, 0 for no lines, and refused when a line is bad', (t) => {
  t.is(linesReceivable([]), 0);
  t.is(linesReceivable([line(), line({ productId: 'p-2', serviceFeeFen: 500_000, quantity: 2, discountFen: 100_000 })]), 1_900_000);
  t.deepEqual(refusal(linesReceivable([line({ quantity: -1 })])).fields, [['/lines/0/quantity', 'too_small']]);
});

const arbLine = fc.record({
  productId: fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim().length > 0),
  serviceFeeFen: fc.integer({ min: -1_000, max: 100_000_000 }),
  discountFen: fc.integer({ min: -1_000, max: 300_000_000 }),
  quantity: fc.integer({ min: -1, max: 5 }),
});

test('property: an accepted line never totals below zero, and a refused one breaks a stated rule', (t) => {
  t.notThrows(() => fc.assert(fc.property(arbLine, (l) => {
    const total = lineTotal(l);
    if (total instanceof DomainError) {
      return l.serviceFeeFen < 0 || l.discountFen < 0 || l.quantity < 1 || l.discountFen > l.serviceFeeFen * l.quantity;
    }
    return total >= 0 && total === l.serviceFeeFen * l.quantity - l.discountFen;
  })));
});

test('property: the receivable of accepted lines equals the sum of their totals', (t) => {
  const lines = fc.uniqueArray(arbLine, { selector: (l) => l.productId, maxLength: 20 })
    .map((ls) => ls.map((l) => ({ ...l, serviceFeeFen: Math.abs(l.serviceFeeFen), quantity: Math.max(1, l.quantity) }))
      .map((l) => ({ ...l, discountFen: Math.min(Math.abs(l.discountFen), l.serviceFeeFen * l.quantity) })));
  t.notThrows(() => fc.assert(fc.property(lines, (ls) => {
    const sum = ls.reduce((s, l) => s + (lineTotal(l) as number), 0);
    return linesReceivable(ls) === sum && sum >= 0;
  })));
});

test('a chosen product starts as one unit at its default fee with no discount', (t) => {
  t.deepEqual(lineFromProduct(aProduct({ id: 'p-9', defaultServiceFeeFen: 800_000 })), { productId: 'p-9', serviceFeeFen: 800_000, discountFen: 0, quantity: 1 });
});

test('the picker counts selected and unselected products (未选 19 已选 1)', (t) => {
  const all = Array.from({ length: 20 }, (_, i) => ({ id: `p-${i}` }));
  t.deepEqual(selectionCounts(all, ['p-3']), { unselected: 19, selected: 1 });
  t.deepEqual(selectionCounts(all, ['p-3', 'p-3', 'gone']), { unselected: 19, selected: 1 });
  t.deepEqual(selectionCounts(all, []), { unselected: 20, selected: 0 });
  t.deepEqual(selectionCounts([], ['p-1']), { unselected: 0, selected: 0 });
});
