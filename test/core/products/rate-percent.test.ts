import test from 'ava';
import fc from 'fast-check';
import { isRatePercent, rateUnits } from '../../../core/products/rate-percent.js';

const CASES: [string, number | null][] = [
  ['0', 0], ['3.65', 36_500], ['4.3500', 43_500], ['18', 180_000], ['100', 1_000_000], ['0.0001', 1],
  ['100.0001', null], ['3.65%', null], ['03.65', null], ['.5', null], ['3.', null], ['-1', null], ['1e2', null], ['3.12345', null], ['', null], [' 3', null],
];

for (const [text, units] of CASES) {
  test(`rate text "${text}" reads as ${String(units)} ten-thousandths of a percent`, (t) => {
    t.is(rateUnits(text), units);
    t.is(isRatePercent(text), units !== null);
  });
}

test('rate comparison follows the number, not the text', (t) => {
  t.notThrows(() => fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (a, b) => {
    const text = (u: number): string => `${Math.floor(u / 10_000)}.${String(u % 10_000).padStart(4, '0')}`;
    return Math.sign((rateUnits(text(a)) ?? -1) - (rateUnits(text(b)) ?? -1)) === Math.sign(a - b);
  })));
});
