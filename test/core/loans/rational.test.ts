import test from 'ava';
import { parseDecimal, ratio, add, sub, mul, div, pow, roundHalfUp, isZero } from '../../../core/loans/rational.js';

test('a decimal string becomes the exact fraction it writes', (t) => {
  t.deepEqual(parseDecimal('0.0435'), { num: 435n, den: 10000n });
  t.deepEqual(parseDecimal('0'), { num: 0n, den: 1n });
  t.deepEqual(parseDecimal('12.5'), { num: 125n, den: 10n });
  for (const junk of ['', '.5', '5.', '-1', '1e-3', '0,5', ' 0.1']) t.is(parseDecimal(junk), null, junk);
});

test('arithmetic is exact: 0.1 + 0.2 is 3/10, not 0.30000000000000004', (t) => {
  const sum = add(ratio(1n, 10n), ratio(2n, 10n));
  t.is(sum.num * 10n, sum.den * 3n);
  t.deepEqual(sub(ratio(1n, 2n), ratio(1n, 3n)), { num: 1n, den: 6n });
  t.deepEqual(mul(ratio(2n, 3n), ratio(3n, 4n)), { num: 6n, den: 12n });
  t.deepEqual(div(ratio(1n, 2n), ratio(-1n, 4n)), { num: -4n, den: 2n });
  t.deepEqual(pow(ratio(3n, 2n), 3), { num: 27n, den: 8n });
  t.true(isZero(ratio(0n, 7n)));
});

test('rounding is half-up with ties away from zero, never to even', (t) => {
  const cases: readonly (readonly [bigint, bigint, bigint])[] = [
    [5n, 2n, 3n], [7n, 2n, 4n], [-5n, 2n, -3n], [-7n, 2n, -4n], [4n, 3n, 1n], [5n, 3n, 2n], [-4n, 3n, -1n], [1n, 3n, 0n], [-1n, 3n, 0n], [5n, -2n, -3n],
  ];
  for (const [num, den, expected] of cases) t.is(roundHalfUp(ratio(num, den)), expected, `${num}/${den}`);
});

test('a zero denominator or a division by zero is a bug', (t) => {
  t.throws(() => ratio(1n, 0n));
  t.throws(() => div(ratio(1n), ratio(0n)));
});
