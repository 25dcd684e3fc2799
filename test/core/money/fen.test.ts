import test, { type ExecutionContext } from 'ava';
import fc from 'fast-check';
import { assertFen, yuanToFen, formatYuan, formatYuanGrouped } from '../../../core/money/fen.js';
import { DomainError } from '../../../core/shared/domain-error.js';

function holds(t: ExecutionContext, property: fc.IProperty<any>, numRuns = 2_000): void {
  const run = fc.check(property, { numRuns });
  t.false(run.failed, fc.defaultReportMessage(run) ?? '');
}

test('assertFen passes safe integers through and calls anything else a bug (plain Error naming the field)', (t) => {
  t.is(assertFen(168032), 168032);
  t.is(assertFen(-5), -5);
  for (const bad of [1.5, Number.NaN, Infinity, Number.MAX_SAFE_INTEGER + 1]) {
    const e = t.throws(() => assertFen(bad, 'receivedFen'));
    t.false(e instanceof DomainError);
    t.regex(e.message, /receivedFen/);
  }
});

const parsed: readonly (readonly [string, number])[] = [
  ['200000', 20000000],
  ['1680.32', 168032],
  ['1,680.3', 168030],
  ['-5.05', -505],
  ['0.5', 50],
  ['0.05', 5],
  ['007', 700],
  [' 12 ', 1200],
  ['1,234,567.89', 123456789],
  ['90071992547409.91', Number.MAX_SAFE_INTEGER],
];
for (const [text, fen] of parsed) {
  test(`yuan text "${text}" is ${fen} fen`, (t) => {
    t.is(yuanToFen(text), fen);
  });
}

test('"-0" and "-0.00" are plain zero, not negative zero', (t) => {
  t.true(Object.is(yuanToFen('-0'), 0));
  t.true(Object.is(yuanToFen('-0.00'), 0));
});

const refused = ['', ' ', '1.234', 'abc', '1e5', '+5', '.5', '5.', '1,68', '12,3456', '¥5', '1 000', '--5', '5.0.0',
  '１２', 'NaN', 'Infinity', '0x10', '90071992547409.92', '99999999999999999'];
for (const text of refused) {
  test(`yuan text "${text}" is refused with money.invalid_amount`, (t) => {
    const e = t.throws(() => yuanToFen(text), { instanceOf: DomainError });
    t.is(e.code, 'money.invalid_amount');
    t.is(e.kind, 'invalid');
    t.deepEqual(e.details, { text });
  });
}

const formatted: readonly (readonly [number, 'auto' | 2 | 0 | undefined, string, string])[] = [
  // fen, decimals, plain, grouped
  [20000000, undefined, '200000.00', '200,000.00'],
  [20000000, 2, '200000.00', '200,000.00'],
  [20000000, 0, '200000', '200,000'],
  [20000000, 'auto', '200000', '200,000'],
  [168032, 'auto', '1680.32', '1,680.32'],
  [168030, 'auto', '1680.30', '1,680.30'],
  [168032, 2, '1680.32', '1,680.32'],
  [0, 2, '0.00', '0.00'],
  [0, 'auto', '0', '0'],
  [5, 2, '0.05', '0.05'],
  [-505, 2, '-5.05', '-5.05'],
  [99999, 2, '999.99', '999.99'],
  [100000, 2, '1000.00', '1,000.00'],
  [123456789, 2, '1234567.89', '1,234,567.89'],
  [-123456789, 2, '-1234567.89', '-1,234,567.89'],
  [168050, 0, '1681', '1,681'], // whole yuan: half away from zero
  [168049, 0, '1680', '1,680'],
  [-168050, 0, '-1681', '-1,681'],
  [-49, 0, '0', '0'], // no "-0"
  [Number.MAX_SAFE_INTEGER, 2, '90071992547409.91', '90,071,992,547,409.91'],
];
for (const [fen, decimals, plain, grouped] of formatted) {
  test(`${fen} fen with decimals ${String(decimals)} prints as ${plain} and ${grouped}`, (t) => {
    const opts = decimals === undefined ? {} : { decimals };
    t.is(formatYuan(fen, opts), plain);
    t.is(formatYuanGrouped(fen, opts), grouped);
  });
}

test('formatting a non-integer fen is a bug (plain Error)', (t) => {
  const e = t.throws(() => formatYuan(1.5));
  t.false(e instanceof DomainError);
});

test('every safe fen survives format → parse, plain, grouped and auto', (t) => {
  holds(
    t,
    fc.property(fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -1_000_000, max: 1_000_000 })), (fen) =>
      yuanToFen(formatYuan(fen)) === fen &&
      yuanToFen(formatYuanGrouped(fen)) === fen &&
      yuanToFen(formatYuan(fen, { decimals: 'auto' })) === fen &&
      yuanToFen(formatYuanGrouped(fen, { decimals: 'auto' })) === fen),
    5_000,
  );
});

test('whole-yuan printing rounds to the nearest yuan, ties away from zero', (t) => {
  holds(
    t,
    fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (fen) => {
      const back = yuanToFen(formatYuan(fen, { decimals: 0 }));
      const diff = back - fen;
      const away = Math.abs(fen % 100) === 50 ? Math.sign(diff) === Math.sign(fen) : true;
      return back % 100 === 0 && Math.abs(diff) <= 50 && away;
    }),
  );
});

test('any written yuan text with at most two decimals parses to the same fen as its digits say', (t) => {
  holds(
    t,
    fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.integer({ min: 0, max: 2 }), fc.boolean(), (n, places, neg) => {
      const digits = n.toString().padStart(places + 1, '0');
      const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
      const fen = n * 10n ** BigInt(2 - places);
      return yuanToFen(neg ? `-${text}` : text) === Number(neg ? -fen : fen);
    }),
  );
});
