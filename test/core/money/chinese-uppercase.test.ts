import test, { type ExecutionContext } from 'ava';
import fc from 'fast-check';
import { toChineseUppercase, MAX_UPPERCASE_FEN } from '../../../core/money/chinese-uppercase.js';
import { DomainError } from '../../../core/shared/domain-error.js';

// [yuan as written on paper, fen, 大写金额]: the PBOC examples (正确填写票据和结算凭证的基本规定) and the rules of
// core/money/chinese-uppercase.ts, one row per rule or edge.
const table: readonly (readonly [string, number, string])[] = [
  ['0.00', 0, '零元整'],
  ['0.01', 1, '壹分'],
  ['0.05', 5, '伍分'],
  ['0.10', 10, '壹角整'],
  ['0.50', 50, '伍角整'],
  ['0.32', 32, '叁角贰分'],
  ['1.00', 100, '壹元整'],
  ['10.00', 1000, '壹拾元整'],
  ['11.00', 1100, '壹拾壹元整'],
  ['15.09', 1509, '壹拾伍元零玖分'],
  ['20.00', 2000, '贰拾元整'],
  ['100.00', 10000, '壹佰元整'],
  ['101.00', 10100, '壹佰零壹元整'],
  ['110.00', 11000, '壹佰壹拾元整'],
  ['325.04', 32504, '叁佰贰拾伍元零肆分'],
  ['1000.01', 100001, '壹仟元零壹分'],
  ['1001.00', 100100, '壹仟零壹元整'],
  ['1409.50', 140950, '壹仟肆佰零玖元伍角整'],
  ['1680.32', 168032, '壹仟陆佰捌拾元零叁角贰分'],
  ['1680.30', 168030, '壹仟陆佰捌拾元零叁角整'],
  ['1680.05', 168005, '壹仟陆佰捌拾元零伍分'],
  ['1681.32', 168132, '壹仟陆佰捌拾壹元叁角贰分'],
  ['6007.14', 600714, '陆仟零柒元壹角肆分'],
  ['10000.00', 1000000, '壹万元整'],
  ['10100.00', 1010000, '壹万零壹佰元整'],
  ['16409.02', 1640902, '壹万陆仟肆佰零玖元零贰分'],
  ['100000.00', 10000000, '壹拾万元整'],
  ['100010.00', 10001000, '壹拾万零壹拾元整'],
  ['100100.00', 10010000, '壹拾万零壹佰元整'],
  ['107000.00', 10700000, '壹拾万柒仟元整'],
  ['107000.53', 10700053, '壹拾万柒仟元零伍角叁分'],
  ['200000.00', 20000000, '贰拾万元整'],
  ['1000000.00', 100000000, '壹佰万元整'],
  ['10000000.00', 1000000000, '壹仟万元整'],
  ['60003000.40', 6000300040, '陆仟万叁仟元零肆角整'],
  ['60000300.00', 6000030000, '陆仟万零叁佰元整'],
  ['100000000.00', 10000000000, '壹亿元整'],
  ['100000001.00', 10000000100, '壹亿零壹元整'],
  ['100001000.00', 10000100000, '壹亿零壹仟元整'],
  ['110000000.00', 11000000000, '壹亿壹仟万元整'],
  ['101000000.00', 10100000000, '壹亿零壹佰万元整'],
  ['1000000010.00', 100000001000, '壹拾亿零壹拾元整'],
  ['1010000000.00', 101000000000, '壹拾亿壹仟万元整'],
  ['1000010000.00', 100001000000, '壹拾亿零壹万元整'],
  ['123456789012.34', 12345678901234, '壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元叁角肆分'],
  ['999999999999.99', 99999999999999, '玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  ['-1680.32', -168032, '负壹仟陆佰捌拾元零叁角贰分'],
  ['-0.50', -50, '负伍角整'],
  ['-200000.00', -20000000, '负贰拾万元整'],
];

for (const [yuan, fen, expected] of table) {
  test(`¥${yuan} is written ${expected}`, (t) => {
    t.is(toChineseUppercase(fen), expected);
  });
}

// An independent reader of 大写金额 back to fen: a plain left-to-right accumulator that knows nothing of the
// writer's zero rules, but refuses what the rules forbid (a bare 拾, doubled 零, a missing ending).
const DIGIT: Readonly<Record<string, number>> = { 零: 0, 壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9 };
const SMALL_UNIT: Readonly<Record<string, bigint>> = { 拾: 10n, 佰: 100n, 仟: 1000n };

function readUppercase(text: string): bigint {
  let s = text;
  let sign = 1n;
  if (s.startsWith('负')) {
    sign = -1n;
    s = s.slice(1);
  }
  if (s.includes('零零')) throw new Error(`doubled 零 in ${text}`);
  if (!s.endsWith('整') && !s.endsWith('分')) throw new Error(`no ending in ${text}`);
  if (s.endsWith('分整')) throw new Error(`整 after 分 in ${text}`);
  let total = 0n; // fen
  let yi = 0n; // yuan above 亿, already multiplied
  let wan = 0n;
  let section = 0n;
  let digit: bigint | null = null;
  for (const ch of s) {
    if (ch in DIGIT) {
      if (digit !== null && digit !== 0n) throw new Error(`two digits in a row in ${text}`);
      digit = BigInt(DIGIT[ch] ?? 0);
      continue;
    }
    const unit = SMALL_UNIT[ch];
    if (unit !== undefined) {
      if (digit === null || digit === 0n) throw new Error(`bare ${ch} in ${text}`);
      section += digit * unit;
      digit = null;
    } else if (ch === '万') {
      wan = (section + (digit ?? 0n)) * 10_000n;
      section = 0n;
      digit = null;
    } else if (ch === '亿') {
      // Above 9999亿 the 亿 count carries its own 万 (玖拾万零柒佰壹拾玖亿).
      yi = (wan + section + (digit ?? 0n)) * 100_000_000n;
      wan = 0n;
      section = 0n;
      digit = null;
    } else if (ch === '元') {
      total += (yi + wan + section + (digit ?? 0n)) * 100n;
      yi = wan = section = 0n;
      digit = null;
    } else if (ch === '角' || ch === '分') {
      if (digit === null || digit === 0n) throw new Error(`bare ${ch} in ${text}`);
      total += digit * (ch === '角' ? 10n : 1n);
      digit = null;
    } else if (ch === '整') {
      digit = null;
    } else {
      throw new Error(`unexpected ${ch} in ${text}`);
    }
  }
  return sign * total;
}

// Runs a fast-check property and fails the test with fast-check's report (counterexample, seed) if it does not hold.
function holds(t: ExecutionContext, property: fc.IProperty<any>, numRuns: number): void {
  const run = fc.check(property, { numRuns });
  t.false(run.failed, fc.defaultReportMessage(run) ?? '');
}

test('the test reader reads the PBOC examples', (t) => {
  t.is(readUppercase('壹仟陆佰捌拾元零叁角贰分'), 168032n);
  t.is(readUppercase('壹拾万零柒仟元伍角叁分'), 10700053n);
  t.throws(() => readUppercase('拾元整'));
});

const anyFen = fc.bigInt({ min: 0n, max: BigInt(MAX_UPPERCASE_FEN) }).map(Number);
// Amounts rich in zeros, where the 零 rules bite.
const zeroRichFen = fc
  .array(fc.constantFrom(0, 0, 0, 0, 1, 5, 9), { minLength: 1, maxLength: 14 })
  .map((ds) => Number(ds.join('')));

test('reading the written amount back gives the same fen (random amounts)', (t) => {
  holds(
    t,
    fc.property(fc.oneof(anyFen, zeroRichFen), fc.boolean(), (abs, negative) => {
      const fen = negative && abs !== 0 ? -abs : abs;
      return readUppercase(toChineseUppercase(fen)) === BigInt(fen);
    }),
    20_000,
  );
});

test('only the characters of the rules ever appear, and no 拾 stands bare', (t) => {
  holds(
    t,
    fc.property(fc.oneof(anyFen, zeroRichFen), (fen) => {
      const text = toChineseUppercase(fen);
      return /^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/.test(text) && !/(^|[^壹贰叁肆伍陆柒捌玖])拾/.test(text);
    }),
    5_000,
  );
});

test('amounts beyond the safe integers of fen and non-integer fen are bugs (plain Error), not domain errors', (t) => {
  for (const bad of [MAX_UPPERCASE_FEN + 1, -(MAX_UPPERCASE_FEN + 1), 1.5, Number.NaN, Infinity]) {
    const e = t.throws(() => toChineseUppercase(bad));
    t.false(e instanceof DomainError, String(bad));
  }
  t.is(toChineseUppercase(-99_999_999_999_999), '负玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分');
});

test('above 9999亿 the 亿 count is read with 万, up to the largest amount the schemas allow (Number.MAX_SAFE_INTEGER fen)', (t) => {
  t.is(MAX_UPPERCASE_FEN, Number.MAX_SAFE_INTEGER);
  t.is(toChineseUppercase(Number.MAX_SAFE_INTEGER), '玖拾万零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分');
  t.is(toChineseUppercase(-Number.MAX_SAFE_INTEGER), '负玖拾万零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分');
  t.is(toChineseUppercase(1_0000_0000_0000_00), '壹万亿元整');
  t.is(toChineseUppercase(90_0000_0000_0000_00), '玖拾万亿元整');
  t.is(toChineseUppercase(1_0001_0000_0000_00), '壹万零壹亿元整');
  t.is(toChineseUppercase(1_0000_1000_0000_00), '壹万亿零壹仟万元整');
  t.is(toChineseUppercase(1_0000_0000_0001_00), '壹万亿零壹元整');
  t.is(toChineseUppercase(1000_0000_0000_00), '壹仟亿元整');
});

test('reading the written amount back gives the same fen, above 9999亿 too', (t) => {
  const large = fc.bigInt({ min: 100_000_000_000_000n, max: BigInt(Number.MAX_SAFE_INTEGER) }).map(Number);
  const zeroRichLarge = fc.array(fc.constantFrom(0, 0, 0, 0, 1, 5, 9), { minLength: 15, maxLength: 15 }).map((ds) => Number(`8${ds.join('')}`));
  holds(t, fc.property(fc.oneof(large, zeroRichLarge), (fen) => readUppercase(toChineseUppercase(fen)) === BigInt(fen)), 5_000);
});
