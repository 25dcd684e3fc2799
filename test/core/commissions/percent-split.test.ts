import test, { type ExecutionContext } from 'ava';
import fc from 'fast-check';
import { applyPercent, percentUnits, splitAmount } from '../../../core/commissions/index.js';

function holds(t: ExecutionContext, property: fc.IProperty<any>, numRuns = 2_000): void {
  const run = fc.check(property, { numRuns });
  t.false(run.failed, fc.defaultReportMessage(run) ?? '');
}

test('percent texts are exact ten-thousandths of a percent; anything else is not a percent', (t) => {
  t.is(percentUnits('3'), 30_000n);
  t.is(percentUnits('1.5'), 15_000n);
  t.is(percentUnits('0.25'), 2_500n);
  t.is(percentUnits('33.3333'), 333_333n);
  t.is(percentUnits('100'), 1_000_000n);
  t.is(percentUnits('0'), 0n);
  for (const bad of ['', '3%', '-1', '100.0001', '101', '0.12345', '03', '.5', '5.', ' 3', 3, null, '1e2']) t.is(percentUnits(bad), null, String(bad));
});

// amount fen, percent, commission fen — worked by hand, 四舍五入 to the fen (ties away from zero).
const table: readonly (readonly [number, string, number])[] = [
  [700_000, '3', 21_000], // ¥7,000 × 3 % = ¥210.00
  [23_333, '3', 700], // ¥233.33 × 3 % = 699.99 fen → 700
  [50, '3', 2], // 1.5 fen: a tie goes up
  [49, '3', 1], // 1.47 fen → 1
  [33_333, '0.5', 167], // 166.665 fen → 167
  [1, '0.5', 0], // 0.005 fen → 0
  [100, '0.5', 1], // 0.5 fen → 1
  [-50, '3', -2], // a clawback's base rounds the same way, away from zero
  [12_345_678, '1.2345', 152_407], // 152,407.39… → 152,407
];
for (const [amount, rate, expected] of table) {
  test(`${amount} fen at ${rate} % is ${expected} fen`, (t) => t.is(applyPercent(amount, rate), expected));
}

// amount, shares, parts — the fen left over by rounding down goes to the largest remainder, a tie to the first.
const splits: readonly (readonly [number, readonly string[], readonly number[]])[] = [
  [1_000_000, ['70', '30'], [700_000, 300_000]],
  [33_333, ['70', '30'], [23_333, 10_000]], // 23,333.1 + 9,999.9: the fen goes to the 0.9
  [1, ['50', '50'], [1, 0]], // a tie: the owner first
  [3, ['50', '50'], [2, 1]],
  [1, ['70', '30'], [1, 0]],
  [100, ['33.3333', '66.6667'], [33, 67]],
  [10, ['100'], [10]],
  [7, ['100', '0'], [7, 0]],
];
for (const [amount, shares, parts] of splits) {
  test(`${amount} fen split ${shares.join('/')} gives ${parts.join(' + ')}`, (t) => t.deepEqual(splitAmount(amount, shares), [...parts]));
}

/** Ten-thousandths of a percent as a percent text: 35000 → '3.5', 1000000 → '100'. */
function unitsText(units: number): string {
  const frac = String(units % 10_000).padStart(4, '0').replace(/0+$/, '');
  return `${Math.floor(units / 10_000)}${frac ? `.${frac}` : ''}`;
}

test('a split never makes or loses a fen, and each part is its exact share rounded down or up', (t) => {
  holds(t, fc.property(fc.integer({ min: 0, max: 9_000_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (amount, units) => {
    const shares = [units, 1_000_000 - units];
    const parts = splitAmount(amount, shares.map(unitsText));
    const within = parts.every((p, i) => {
      const exact = BigInt(amount) * BigInt(shares[i]!); // the part × 1,000,000
      const scaled = BigInt(p) * 1_000_000n;
      return scaled > exact - 1_000_000n && scaled < exact + 1_000_000n;
    });
    return parts[0]! + parts[1]! === amount && within;
  }));
});

test('three-way splits also sum to the amount', (t) => {
  holds(t, fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (amount, a, b) => {
    const [x, y] = a <= b ? [a, b] : [b, a];
    const parts = splitAmount(amount, [unitsText(x), unitsText(y - x), unitsText(1_000_000 - y)]);
    return parts.reduce((s, p) => s + p, 0) === amount;
  }));
});
