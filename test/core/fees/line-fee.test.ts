// Worked examples a finance person can check by hand (amounts in 元 in the names, in fen in the code), and
// the invariants of the fee computation as properties.
import test from 'ava';
import fc from 'fast-check';
import {
  computeFormula, lineFee, type FeeBases, type FeeFormula, type FeeRule, type FeeTier, type LineFee,
} from '../../../core/fees/index.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { arbBases, arbFen, arbRateText, arbRule, arbSmallRateText, arbTiers } from './arbitraries.js';

const yuan = (n: number): number => Math.round(n * 100);
const wan = (n: number): number => n * 1_000_000;
const disbursed = (fen: number | null): FeeBases => ({ approvedFen: fen, disbursedFen: fen });
const approvedOnly = (fen: number): FeeBases => ({ approvedFen: fen, disbursedFen: null });

function ok(r: LineFee | DomainError): LineFee {
  if (r instanceof DomainError) throw new Error(r.message);
  return r;
}

const rateOn = (base: 'approved' | 'disbursed', ratePercent: string, minFen: number | null = null, maxFen: number | null = null): FeeFormula =>
  ({ kind: 'rate', base, ratePercent, minFen, maxFen });
const fixed = (amountFen: number): FeeFormula => ({ kind: 'fixed', amountFen });
const success = (f: FeeFormula, upFront: FeeFormula | null = null): FeeRule => ({ split: 'parts', upFront, success: f });
const TIERS: FeeTier[] = [{ upToFen: wan(100), ratePercent: '2' }, { upToFen: null, ratePercent: '1.5' }];
const tiered = (reading: 'whole' | 'marginal', minFen: number | null = null, maxFen: number | null = null): FeeFormula =>
  ({ kind: 'tiered', base: 'disbursed', reading, tiers: TIERS, minFen, maxFen });

// [example, rule, bases, quantity, discount, up-front due, success due, total]
const EXAMPLES: [string, FeeRule, FeeBases, number, number, number, number, number][] = [
  ['前期 2,000 + 放款 1,000,000 × 1.5% = 2,000 + 15,000', success(rateOn('disbursed', '1.5'), fixed(yuan(2000))), disbursed(wan(100)), 1, 0, yuan(2000), yuan(15_000), yuan(17_000)],
  ['批复 2,345,678.91 × 0.35% = 8,209.876185 → 8,209.88', success(rateOn('approved', '0.35')), approvedOnly(yuan(2_345_678.91)), 1, 0, 0, yuan(8209.88), yuan(8209.88)],
  ['放款 1,234,567.89 × 1.5% = 18,518.51835 → 18,518.52', success(rateOn('disbursed', '1.5')), disbursed(yuan(1_234_567.89)), 1, 0, 0, yuan(18_518.52), yuan(18_518.52)],
  ['a tie rounds up: 0.03 × 50% = 0.015 → 0.02', success(rateOn('disbursed', '50')), disbursed(3), 1, 0, 0, 2, 2],
  ['放款 100,000 × 1.5% = 1,500, below the minimum 2,000 → 2,000', success(rateOn('disbursed', '1.5', yuan(2000))), disbursed(yuan(100_000)), 1, 0, 0, yuan(2000), yuan(2000)],
  ['放款 5,000,000 × 1.5% = 75,000, above the maximum 50,000 → 50,000', success(rateOn('disbursed', '1.5', null, yuan(50_000))), disbursed(wan(500)), 1, 0, 0, yuan(50_000), yuan(50_000)],
  ['放款 0 with a minimum of 2,000 → 0 (nothing disbursed, nothing charged)', success(rateOn('disbursed', '1.5', yuan(2000))), disbursed(0), 1, 0, 0, 0, 0],
  ['tiers, whole: 800,000 × 2% = 16,000', success(tiered('whole')), disbursed(wan(80)), 1, 0, 0, yuan(16_000), yuan(16_000)],
  ['tiers, marginal: 800,000 × 2% = 16,000', success(tiered('marginal')), disbursed(wan(80)), 1, 0, 0, yuan(16_000), yuan(16_000)],
  ['tiers, whole: exactly 1,000,000 is in the first tier: × 2% = 20,000', success(tiered('whole')), disbursed(wan(100)), 1, 0, 0, yuan(20_000), yuan(20_000)],
  ['tiers, whole: 1,200,000 × 1.5% = 18,000', success(tiered('whole')), disbursed(wan(120)), 1, 0, 0, yuan(18_000), yuan(18_000)],
  ['tiers, marginal: 1,000,000 × 2% + 200,000 × 1.5% = 23,000', success(tiered('marginal')), disbursed(wan(120)), 1, 0, 0, yuan(23_000), yuan(23_000)],
  ['tiers, whole: 1,000,000.01 × 1.5% = 15,000.00015 → 15,000.00 (the cliff)', success(tiered('whole')), disbursed(wan(100) + 1), 1, 0, 0, yuan(15_000), yuan(15_000)],
  ['tiers, marginal: 1,000,000 × 2% + 0.01 × 1.5% = 20,000.00015 → 20,000.00', success(tiered('marginal')), disbursed(wan(100) + 1), 1, 0, 0, yuan(20_000), yuan(20_000)],
  ['tiers, marginal, max 20,000: 5,000,000 → 20,000', success(tiered('marginal', null, yuan(20_000))), disbursed(wan(500)), 1, 0, 0, yuan(20_000), yuan(20_000)],
  ['30% of a fixed 10,000 up front: 3,000 + 7,000', { split: 'share', total: fixed(yuan(10_000)), upFrontSharePercent: '30' }, disbursed(null), 1, 0, yuan(3000), yuan(7000), yuan(10_000)],
  ['30% of 3,333.33 = 999.999 → 1,000.00 up front, 2,333.33 on success', { split: 'share', total: fixed(yuan(3333.33)), upFrontSharePercent: '30' }, disbursed(null), 1, 0, yuan(1000), yuan(2333.33), yuan(3333.33)],
  ['20% of 1.5% of 1,000,000 up front: 3,000 + 12,000', { split: 'share', total: rateOn('disbursed', '1.5'), upFrontSharePercent: '20' }, disbursed(wan(100)), 1, 0, yuan(3000), yuan(12_000), yuan(15_000)],
  ['quantity 2, discount 5,000: (2,000 + 15,000) × 2 − 5,000; the up-front 4,000 first, then 1,000 off the success part', success(rateOn('disbursed', '1.5'), fixed(yuan(2000))), disbursed(wan(100)), 2, yuan(5000), 0, yuan(29_000), yuan(29_000)],
  ['discount 1,500 on a fixed 1,000 → 0 (500 of the discount unused)', success(fixed(0), fixed(yuan(1000))), disbursed(null), 1, yuan(1500), 0, 0, 0],
  ['today\'s fixed fee: 10,000 × 3 − 500 = 29,500', { split: 'parts', upFront: fixed(yuan(10_000)), success: null }, disbursed(null), 3, yuan(500), yuan(29_500), 0, yuan(29_500)],
];

for (const [example, rule, bases, quantity, discountFen, upFront, successFen, total] of EXAMPLES) {
  test(`worked example: ${example}`, (t) => {
    const r = ok(lineFee({ rule, bases, quantity, discountFen }));
    t.deepEqual([r.upFront.dueFen, r.success.dueFen, r.totalFen], [upFront, successFen, total]);
  });
}

test('the explanation says rule, base, rate and result: 按放款金额 1,000,000.00 元 × 1.5% = 15,000.00 元', (t) => {
  const r = ok(lineFee({ rule: success(rateOn('disbursed', '1.5'), fixed(yuan(2000))), bases: disbursed(wan(100)), quantity: 1, discountFen: 0 }));
  t.is(r.success.text.zh, '成功服务费：按放款金额 1,000,000.00 元 × 1.5% = 15,000.00 元');
  t.is(r.success.text.en, 'success fee: disbursed amount 1,000,000.00 yuan × 1.5% = 15,000.00 yuan');
  t.is(r.upFront.text.zh, '前期服务费：固定金额 2,000.00 元');
  t.is(r.text.zh, '前期服务费：固定金额 2,000.00 元\n成功服务费：按放款金额 1,000,000.00 元 × 1.5% = 15,000.00 元\n合计应收 17,000.00 元');
  t.like(r.success.formula, { kind: 'rate', base: 'disbursed', baseFen: wan(100), ratePercent: '1.5', exactYuan: '15,000.00', rounded: false, boundApplied: null, fen: yuan(15_000) });
});

test('the explanation states the rounding, the minimum and the maximum when they change the amount', (t) => {
  const rounded = computeFormula(rateOn('disbursed', '1.5'), disbursed(yuan(1_234_567.89)));
  t.is(rounded.text.zh, '按放款金额 1,234,567.89 元 × 1.5% = 18,518.51835 元，四舍五入到分为 18,518.52 元');
  t.like(rounded, { exactYuan: '18,518.51835', roundedFen: 1_851_852, rounded: true });
  const min = computeFormula(rateOn('disbursed', '1.5', yuan(2000)), disbursed(yuan(100_000)));
  t.is(min.text.zh, '按放款金额 100,000.00 元 × 1.5% = 1,500.00 元，低于最低收费 2,000.00 元，按最低收费 2,000.00 元');
  t.is(min.boundApplied, 'min');
  const max = computeFormula(rateOn('approved', '1.5', null, yuan(50_000)), approvedOnly(wan(500)));
  t.is(max.text.en, 'approved amount 5,000,000.00 yuan × 1.5% = 75,000.00 yuan, above the maximum: charged the maximum 50,000.00 yuan');
  const zero = computeFormula(rateOn('disbursed', '1.5', yuan(2000)), disbursed(0));
  t.like(zero, { fen: 0, boundApplied: 'zero_base' });
  t.regex(zero.text.zh, /放款金额为 0，不收最低收费/);
});

test('tiers explain which tier applied (whole) or each band (marginal)', (t) => {
  const whole = computeFormula(tiered('whole'), disbursed(wan(120)));
  t.is(whole.text.zh, '按放款金额 1,200,000.00 元 × 1.5%（第 2 档，全额适用）= 18,000.00 元');
  t.like(whole, { tier: 1, ratePercent: '1.5', reading: 'whole' });
  const marginal = computeFormula(tiered('marginal'), disbursed(wan(120)));
  t.is(marginal.text.zh, '按放款金额 1,200,000.00 元分段（超额累进）：1,000,000.00 元 × 2% + 200,000.00 元 × 1.5% = 23,000.00 元');
  t.deepEqual(marginal.bands, [
    { tier: 0, fromFen: 0, toFen: wan(100), ratePercent: '2' },
    { tier: 1, fromFen: wan(100), toFen: wan(120), ratePercent: '1.5' },
  ]);
});

test('a part whose base is not known yet is pending, and so is the total', (t) => {
  const r = ok(lineFee({ rule: success(rateOn('disbursed', '1.5'), fixed(yuan(2000))), bases: approvedOnly(wan(100)), quantity: 1, discountFen: yuan(100) }));
  t.like(r.upFront, { status: 'due', dueFen: yuan(1900), discountFen: yuan(100) });
  t.like(r.success, { status: 'pending', dueFen: null, unitFen: null });
  t.is(r.totalFen, null);
  t.is(r.success.text.zh, '成功服务费：待放款金额确定后计算');
  t.is(r.success.text.en, 'success fee: to be computed once the disbursed amount is known');
});

test('while the up-front part is pending, the success part waits for its share of the discount', (t) => {
  const rule = success(rateOn('disbursed', '1'), rateOn('approved', '1'));
  const r = ok(lineFee({ rule, bases: { approvedFen: null, disbursedFen: wan(100) }, quantity: 1, discountFen: yuan(100) }));
  t.like(r.upFront, { status: 'pending' });
  t.like(r.success, { status: 'pending', unitFen: yuan(10_000), dueFen: null });
  t.regex(r.success.text.zh, /优惠待前期服务费确定后分摊/);
  const none = ok(lineFee({ rule, bases: { approvedFen: null, disbursedFen: wan(100) }, quantity: 1, discountFen: 0 }));
  t.like(none.success, { status: 'due', dueFen: yuan(10_000) });
});

test('quantity and discount are shown on the part they change', (t) => {
  const r = ok(lineFee({ rule: success(rateOn('disbursed', '1.5'), fixed(yuan(2000))), bases: disbursed(wan(100)), quantity: 2, discountFen: yuan(5000) }));
  t.is(r.upFront.text.zh, '前期服务费：固定金额 2,000.00 元；× 数量 2 = 4,000.00 元；减优惠 4,000.00 元，应收 0.00 元');
  t.is(r.success.text.zh, '成功服务费：按放款金额 1,000,000.00 元 × 1.5% = 15,000.00 元；× 数量 2 = 30,000.00 元；减优惠 1,000.00 元，应收 29,000.00 元');
  const over = ok(lineFee({ rule: success(fixed(0), fixed(yuan(1000))), bases: disbursed(null), quantity: 1, discountFen: yuan(1500) }));
  t.is(over.discountUnusedFen, yuan(500));
  t.regex(over.text.zh, /优惠超出服务费 500\.00 元，不再抵扣/);
});

// [what, input change, field errors]
const BAD_INPUT: [string, { quantity?: number; discountFen?: number; bases?: FeeBases }, [string, string][]][] = [
  ['quantity 0', { quantity: 0 }, [['/quantity', 'out_of_range']]],
  ['quantity 1.5', { quantity: 1.5 }, [['/quantity', 'out_of_range']]],
  ['a negative discount', { discountFen: -1 }, [['/discountFen', 'negative']]],
  ['a negative disbursed amount', { bases: { approvedFen: 1, disbursedFen: -1 } }, [['/disbursedFen', 'negative']]],
  ['a fractional approved amount', { bases: { approvedFen: 0.5, disbursedFen: null } }, [['/approvedFen', 'not_integer']]],
];

for (const [what, change, fields] of BAD_INPUT) {
  test(`a line with ${what} is refused as fee.invalid_input`, (t) => {
    const r = lineFee({ rule: success(rateOn('disbursed', '1.5')), bases: disbursed(100), quantity: 1, discountFen: 0, ...change });
    t.true(r instanceof DomainError);
    t.is((r as DomainError).code, 'fee.invalid_input');
    t.deepEqual((r as DomainError).fieldErrors.map((f) => [f.path, f.code]), fields);
  });
}

test('a fee too large once multiplied by the quantity is refused, not rounded into nonsense', (t) => {
  const r = lineFee({ rule: success(fixed(Number.MAX_SAFE_INTEGER)), bases: disbursed(null), quantity: 2, discountFen: 0 });
  t.deepEqual((r as DomainError).fieldErrors.map((f) => [f.path, f.code]), [['/quantity', 'too_large']]);
});

// Properties.

const arbLine = fc.record({ rule: arbRule, bases: arbBases, quantity: fc.integer({ min: 1, max: 20 }), discountFen: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50_000_000 })) });

function boundsOf(f: FeeFormula | null): { minFen: number | null; maxFen: number | null } {
  return f === null || f.kind === 'fixed' ? { minFen: null, maxFen: null } : { minFen: f.minFen, maxFen: f.maxFen };
}

test('property: a fee is never negative, never above its maximum, never below its minimum unless its base is 0', (t) => {
  t.notThrows(() => fc.assert(fc.property(arbLine, ({ rule, bases, quantity, discountFen }) => {
    const r = ok(lineFee({ rule, bases, quantity, discountFen }));
    for (const p of [r.upFront, r.success]) {
      for (const v of [p.unitFen, p.grossFen, p.dueFen, p.discountFen]) if (v !== null && v < 0) return false;
    }
    const formulas = rule.split === 'parts' ? [[rule.upFront, r.upFront.formula], [rule.success, r.success.formula]] as const : [[rule.total, r.total]] as const;
    for (const [f, res] of formulas) {
      if (res === null || res.fen === null) continue;
      const { minFen, maxFen } = boundsOf(f);
      if (maxFen !== null && res.fen > maxFen) return false;
      if (minFen !== null && res.fen < minFen && res.baseFen !== 0) return false;
      if (res.baseFen === 0 && res.fen !== 0) return false;
    }
    return true;
  })));
});

test('property: up-front + success = total = max(0, fee × quantity − discount), the discount off the up-front part first', (t) => {
  t.notThrows(() => fc.assert(fc.property(arbLine, ({ rule, bases, quantity, discountFen }) => {
    const r = ok(lineFee({ rule, bases, quantity, discountFen }));
    if (r.totalFen === null) return r.upFront.dueFen === null || r.success.dueFen === null;
    const gross = (r.upFront.unitFen ?? 0) * quantity + (r.success.unitFen ?? 0) * quantity;
    const upFrontFirst = r.upFront.discountFen === Math.min(discountFen, r.upFront.grossFen ?? 0);
    const shareAdds = r.total === null || (r.upFront.unitFen ?? 0) + (r.success.unitFen ?? 0) === r.total.fen;
    return r.totalFen === (r.upFront.dueFen ?? 0) + (r.success.dueFen ?? 0)
      && r.totalFen === Math.max(0, gross - discountFen)
      && r.discountUnusedFen === Math.max(0, discountFen - gross)
      && upFrontFirst && shareAdds;
  })));
});

// The reference rounds by looking at the remainder, written independently of divRoundHalfUp and of the parser.
function reference(baseFen: number, ratePercent: string): { fen: bigint; exact: boolean } {
  const [whole = '0', decimals = ''] = ratePercent.split('.');
  const ppm = BigInt(whole) * 10_000n + BigInt(decimals.padEnd(4, '0'));
  const product = BigInt(baseFen) * ppm;
  const q = product / 1_000_000n;
  const r = product % 1_000_000n;
  return { fen: r >= 500_000n ? q + 1n : q, exact: r === 0n };
}

test('property: a rate is rounded half-up to the fen, exactly as a BigInt reference does', (t) => {
  t.notThrows(() => fc.assert(fc.property(arbFen, arbRateText, (base, rate) => {
    const r = computeFormula(rateOn('disbursed', rate), disbursed(base));
    const ref = reference(base, rate);
    return BigInt(r.fen ?? -1) === ref.fen && r.rounded === !ref.exact;
  }), { numRuns: 2000 }));
});

test('property: marginal tiers are continuous: one more fen of base adds at most one fen of fee, never less than 0', (t) => {
  t.notThrows(() => fc.assert(fc.property(arbTiers(), fc.nat({ max: 10 }), fc.integer({ min: -3, max: 3 }), arbFen, (tiers, pick, offset, random) => {
    const bounds = tiers.flatMap((x) => (x.upToFen === null ? [] : [x.upToFen]));
    // Around a boundary most of the time, anywhere otherwise.
    const at = pick < bounds.length ? Math.max(0, (bounds[pick] ?? 0) + offset) : random;
    const f: FeeFormula = { kind: 'tiered', base: 'disbursed', reading: 'marginal', tiers, minFen: null, maxFen: null };
    const a = computeFormula(f, disbursed(at)).fen ?? -1;
    const b = computeFormula(f, disbursed(at + 1)).fen ?? -1;
    return b - a >= 0 && b - a <= 1;
  }), { numRuns: 2000 }));
});

test('property: marginal tiers equal a single rate when every tier has that rate', (t) => {
  t.notThrows(() => fc.assert(fc.property(arbTiers(), arbRateText, arbFen, (tiers, rate, base) => {
    const same = tiers.map((x) => ({ ...x, ratePercent: rate }));
    const m = computeFormula({ kind: 'tiered', base: 'disbursed', reading: 'marginal', tiers: same, minFen: null, maxFen: null }, disbursed(base));
    const w = computeFormula({ kind: 'tiered', base: 'disbursed', reading: 'whole', tiers: same, minFen: null, maxFen: null }, disbursed(base));
    const r = computeFormula(rateOn('disbursed', rate), disbursed(base));
    return m.fen === r.fen && w.fen === r.fen;
  })));
});

test('property: whole-amount tiers are monotone when the rates do not fall from tier to tier', (t) => {
  t.notThrows(() => fc.assert(fc.property(arbTiers(arbSmallRateText), arbFen, arbFen, (tiers, x, y) => {
    const rising = [...tiers.map((tier) => tier.ratePercent)].sort((a, b) => Number(a) - Number(b));
    const f: FeeFormula = { kind: 'tiered', base: 'disbursed', reading: 'whole', tiers: tiers.map((tier, i) => ({ ...tier, ratePercent: rising[i] ?? '0' })), minFen: null, maxFen: null };
    const [lo, hi] = x <= y ? [x, y] : [y, x];
    return (computeFormula(f, disbursed(lo)).fen ?? 0) <= (computeFormula(f, disbursed(hi)).fen ?? 0);
  })));
});

test('property: whole-amount tiers with a falling rate drop at the boundary (the cliff the marginal default avoids)', (t) => {
  const f = tiered('whole');
  t.true((computeFormula(f, disbursed(wan(100) + 1)).fen ?? 0) < (computeFormula(f, disbursed(wan(100))).fen ?? 0));
});
