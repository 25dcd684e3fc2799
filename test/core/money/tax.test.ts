import test, { type ExecutionContext } from 'ava';
import fc from 'fast-check';
import { separateTax, DEFAULT_TAX_RATES } from '../../../core/money/tax.js';
import { DomainError } from '../../../core/shared/domain-error.js';

function holds(t: ExecutionContext, property: fc.IProperty<any>, numRuns = 5_000): void {
  const run = fc.check(property, { numRuns });
  t.false(run.failed, fc.defaultReportMessage(run) ?? '');
}

// total fen, rate %, excluding, tax: worked by hand (excluding = total / (1 + rate), 四舍五入 to the fen).
const table: readonly (readonly [number, string, number, number])[] = [
  [10600, '6', 10000, 600], // exact
  [10000, '6', 9434, 566], // 9433.96… → 9434
  [100, '3', 97, 3], // 97.087… → 97
  [103, '3', 100, 3],
  [1, '6', 1, 0], // 0.943… → 1: one fen carries no tax
  [20100, '0.5', 20000, 100],
  [100, '1', 99, 1], // 99.0099… → 99
  [11300, '13', 10000, 1300],
  [12345, '0', 12345, 0],
  [0, '6', 0, 0],
  [1, '100', 1, 0], // 0.5 → 1: a tie goes up
  [3, '100', 2, 1], // 1.5 → 2
  [4, '60', 3, 1], // 2.5 → 3
  [-10000, '6', -9434, -566], // red letter: symmetric
  [-10600, '6', -10000, -600],
  [-3, '100', -2, -1], // −1.5 → −2: ties away from zero
  [-4, '60', -3, -1],
];
for (const [total, rate, excluding, tax] of table) {
  test(`${total} fen at ${rate}% separates into ${excluding} + ${tax}`, (t) => {
    t.deepEqual(separateTax(total, rate), { excludingFen: excluding, taxFen: tax, totalFen: total });
  });
}

test('the default rates are 6% (general taxpayer, services) and 3% (small scale), as decimal strings', (t) => {
  t.deepEqual(DEFAULT_TAX_RATES, { generalTaxpayerService: '6', smallScale: '3' });
  t.is(separateTax(10600, DEFAULT_TAX_RATES.generalTaxpayerService).taxFen, 600);
});

for (const bad of ['', '6%', '-1', '100.000001', '101', '0.1234567', 'abc', '.5', '6.', ' 6']) {
  test(`tax rate "${bad}" is refused with money.invalid_tax_rate`, (t) => {
    const e = t.throws(() => separateTax(10000, bad), { instanceOf: DomainError });
    t.is(e.code, 'money.invalid_tax_rate');
    t.deepEqual(e.details, { ratePercent: bad });
  });
}

test('a non-integer total is a bug (plain Error)', (t) => {
  const e = t.throws(() => separateTax(100.5, '6'));
  t.false(e instanceof DomainError);
});

// Rates as a tenant could write them: 0 to 100 with up to 6 decimals, e.g. '6', '0.5', '13.25'.
const rate = fc
  .tuple(fc.integer({ min: 0, max: 6 }), fc.bigInt({ min: 0n, max: 100n * 10n ** 6n }))
  .map(([places, scaled]) => {
    const value = scaled / 10n ** BigInt(6 - places); // 0 .. 100 × 10^places
    const s = value.toString().padStart(places + 1, '0');
    return places === 0 ? s : `${s.slice(0, -places)}.${s.slice(-places)}`;
  });
const total = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map(Number));

// Independent of the implementation: round half away from zero on a decimal string rate.
function roundTaxOn(excludingFen: number, ratePercent: string): number {
  const [whole = '', frac = ''] = ratePercent.split('.');
  const num = BigInt(excludingFen) * BigInt(whole + frac);
  const den = 100n * 10n ** BigInt(frac.length);
  const abs = num < 0n ? -num : num;
  const q = abs / den + (2n * (abs % den) >= den ? 1n : 0n);
  return Number(num < 0n ? -q : q);
}

test('excluding + tax is always the total', (t) => {
  holds(t, fc.property(total, rate, (tot, r) => {
    const s = separateTax(tot, r);
    return s.excludingFen + s.taxFen === tot && s.totalFen === tot;
  }));
});

test('tax differs from round(excluding × rate) by at most one fen', (t) => {
  holds(t, fc.property(total, rate, (tot, r) => {
    const s = separateTax(tot, r);
    return Math.abs(s.taxFen - roundTaxOn(s.excludingFen, r)) <= 1;
  }));
});

test('a red-letter total separates into the exact negatives of the blue one', (t) => {
  holds(t, fc.property(total, rate, (tot, r) => {
    const blue = separateTax(tot, r);
    const red = separateTax(-tot, r);
    return red.excludingFen === -blue.excludingFen && red.taxFen === -blue.taxFen;
  }));
});
