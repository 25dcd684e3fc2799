// Lines by 价税分离: the rate comes from the tenant; 单价 from the quantity; every problem listed.
import test, { type ExecutionContext } from 'ava';
import fc from 'fast-check';
import { buildBlueLines, parseQuantity, separateLine, unitPriceText } from '../../../core/invoices/invoice-lines.js';
import { invoiceTotals } from '../../../core/invoices/index.js';

function holds(t: ExecutionContext, property: fc.IProperty<any>, numRuns = 2_000): void {
  const run = fc.check(property, { numRuns });
  t.false(run.failed, fc.defaultReportMessage(run) ?? '');
}

// total, rate, quantity → amount, tax, unit price
const table: readonly (readonly [number, string, string | null, number, number, string | null])[] = [
  [1_000_000, '6', '1', 943_396, 56_604, '9433.96'],
  [1_060_000, '6', '1', 1_000_000, 60_000, '10000.00'],
  [1_000_000, '6', '3', 943_396, 56_604, '3144.65333333'],
  [1_000_000, '3', '1', 970_874, 29_126, '9708.74'],
  [1_000_000, '1', null, 990_099, 9_901, null],
  [100, '6', '0.5', 94, 6, '1.88'],
  [1, '6', '1', 1, 0, '0.01'],
];
for (const [total, rate, qty, amount, tax, price] of table) {
  test(`¥${total / 100} at ${rate}% × ${qty ?? '—'} → 金额 ${amount} 税额 ${tax} 单价 ${price ?? '—'}`, (t) => {
    const l = separateLine(1, '*经纪代理服务*融资服务费', qty, total, rate);
    t.deepEqual([l.amountFen, l.taxFen, l.totalFen, l.unitPrice, l.taxRate], [amount, tax, total, price, rate]);
  });
}

test('单价 keeps up to 8 decimals, rounded half-up, and a red-letter line\'s is negative', (t) => {
  t.is(unitPriceText(943_396, '1'), '9433.96');
  t.is(unitPriceText(100, '3'), '0.33333333');
  t.is(unitPriceText(200, '3'), '0.66666667');
  t.is(unitPriceText(-943_396, '1'), '-9433.96');
  t.is(unitPriceText(1_000_000, '0.125'), '80000.00');
});

test('a quantity is a positive number with at most 6 decimals', (t) => {
  t.deepEqual(parseQuantity('2.5'), { units: 25n, decimals: 1 });
  for (const bad of ['0', '-1', '1.1234567', 'abc', '', '1e3']) t.is(parseQuantity(bad), null, bad);
});

test('lines take the tenant\'s rate and service name unless given, and a line may name its own', (t) => {
  const { lines, problems } = buildBlueLines([{ totalFen: 103_00 }, { name: '咨询费', totalFen: 106_00, taxRate: '6', quantity: '2' }], { rate: '3', serviceName: '*经纪代理服务*服务费' });
  t.deepEqual(problems, []);
  t.deepEqual(lines.map((l) => [l.lineNo, l.name, l.taxRate, l.amountFen, l.taxFen, l.unitPrice]), [
    [1, '*经纪代理服务*服务费', '3', 100_00, 3_00, null],
    [2, '咨询费', '6', 100_00, 6_00, '50.00'],
  ]);
  t.deepEqual(invoiceTotals(lines), { amountFen: 200_00, taxFen: 9_00, totalFen: 209_00 });
});

test('every bad line field is reported with its path', (t) => {
  const { problems } = buildBlueLines(
    [{ totalFen: 0 }, { totalFen: 100, quantity: '-2' }, { totalFen: 100, taxRate: '101' }, { totalFen: 1.5 }, { totalFen: 100, name: '项'.repeat(101) }],
    { rate: '6', serviceName: 'x' },
  );
  t.deepEqual(problems.map((p) => [p.path, p.code]), [
    ['/lines/0/totalFen', 'invalid'],
    ['/lines/1/quantity', 'invalid'],
    ['/lines/2/taxRate', 'money.invalid_tax_rate'],
    ['/lines/3/totalFen', 'invalid'],
    ['/lines/4/name', 'too_long'],
  ]);
  t.deepEqual(buildBlueLines([], { rate: '6', serviceName: 'x' }).problems.map((p) => p.code), ['required']);
});

test('property: excluding + tax = total on every line, and on the invoice', (t) => {
  const rate = fc.constantFrom('0', '0.5', '1', '3', '5', '6', '9', '13');
  holds(t, fc.property(fc.array(fc.record({ totalFen: fc.integer({ min: 1, max: 10 ** 12 }), taxRate: rate }), { minLength: 1, maxLength: 8 }), (inputs) => {
    const { lines, problems } = buildBlueLines(inputs, { rate: '6', serviceName: 's' });
    const totals = invoiceTotals(lines);
    return problems.length === 0 && lines.every((l, i) => l.amountFen + l.taxFen === l.totalFen && l.totalFen === inputs[i]?.totalFen && l.taxFen >= 0)
      && totals.amountFen + totals.taxFen === totals.totalFen;
  }));
});
