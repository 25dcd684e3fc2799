import test, { type ExecutionContext } from 'ava';
import fc from 'fast-check';
import { repaymentSchedule, type RepaymentSchedule } from '../../../core/loans/repayment-schedule.js';
import type { RepaymentMethod } from '../../../core/loans/loan-terms.js';
import { DomainError } from '../../../core/shared/domain-error.js';

function holds(t: ExecutionContext, property: fc.IProperty<any>, numRuns: number): void {
  const run = fc.check(property, { numRuns });
  t.false(run.failed, fc.defaultReportMessage(run) ?? '');
}

// ---- An independent oracle, written from the conventions without the implementation's helpers ----------
// annual rate a/10^k → monthly rate a / (12·10^k) = a / D.
function monthly(annualRate: string): { a: bigint; D: bigint } {
  const [, frac = ''] = annualRate.split('.');
  return { a: BigInt(annualRate.replace('.', '')), D: 12n * 10n ** BigInt(frac.length) };
}
// round(x / y) for x ≥ 0, y > 0, ties up.
const roundPos = (x: bigint, y: bigint): bigint => (2n * x + y) / (2n * y);
// 等额本息 payment: P·r·(1+r)^n / ((1+r)^n − 1) with r = a/D is P·a·(D+a)^n / (D·((D+a)^n − D^n)).
function installmentOracle(P: bigint, annualRate: string, n: number): bigint {
  const { a, D } = monthly(annualRate);
  if (a === 0n) return roundPos(P, BigInt(n));
  const g = (D + a) ** BigInt(n);
  return roundPos(P * a * g, D * (g - D ** BigInt(n)));
}

const yuan = (fen: number): string => (fen / 100).toFixed(2); // display only

// ---- Published figures -------------------------------------------------------------------------------
// Rates: the People's Bank of China benchmark lending rates in force from 2015-10-24 (4.35% up to one year,
// 4.90% above five years), which the common 房贷计算器 figures below use. Every expected value here was
// worked out independently with Python's fractions.Fraction under the same conventions before it was
// asserted; the published figure is asserted where the conventions reproduce it.

test('100万 yuan, 30 years, 4.90%, 等额本息: 5307.27 a month, as published', (t) => {
  // Widely published: monthly 5307.27, total interest 910,616.19.
  const s = repaymentSchedule({ principalFen: 100_000_000, annualRate: '0.049', months: 360, method: 'equal-installment' });
  t.is(s.rows.length, 360);
  t.true(s.rows.slice(0, 359).every((r) => r.paymentFen === 530727));
  t.is(s.rows[0]?.interestFen, 408333); // 1,000,000 × 0.049 / 12 = 4083.333…
  t.is(s.rows[0]?.principalFen, 122394);
  t.deepEqual(s.rows[359], { period: 360, paymentFen: 530519, principalFen: 528362, interestFen: 2157, balanceFen: 0 });
  t.is(s.totalInterestFen, 91061512);
  t.is(s.totalPaymentFen, 191061512);
  // The published 910,616.19 is 360 × the unrounded payment (5307.2672…) − P. Check that reading:
  const P = 100_000_000n;
  const g = 12049n ** 360n; // (1 + 0.049/12)^360 = (12000 + 49)^360 / 12000^360
  const exactTotalInterest = roundPos(360n * P * 49n * g, 12000n * (g - 12000n ** 360n)) - P;
  t.is(exactTotalInterest, 91061619n);
  // This schedule charges 107 fen less than that, i.e. 7 fen outside the ±100 first expected: the payment
  // is rounded up from 5307.2672… to 5307.27, so 0.28 fen a month more principal is repaid early for 359
  // months; that overpayment compounds to 2.08 yuan, taken off the last payment (5305.19), and the interest
  // it saves is the difference. (Rounding the first 359 payments at 5307.27 and charging 360 × 5307.27 − P
  // would give 910,617.20 instead: also not the published figure.)
  t.is(91061619 - s.totalInterestFen, 107);
});

test('100万 yuan, 30 years, 4.90%, 等额本金: 6861.11 first month, 11.34 less each month, as published', (t) => {
  // Widely published: first month 6861.11, decreasing by 11.34 a month, total interest 737,041.67.
  const s = repaymentSchedule({ principalFen: 100_000_000, annualRate: '0.049', months: 360, method: 'equal-principal' });
  t.is(s.rows[0]?.paymentFen, 686111);
  t.is(s.rows[0]?.principalFen, 277778); // 1,000,000 / 360 = 2777.777… → 2777.78
  t.is((s.rows[0]?.paymentFen ?? 0) - (s.rows[1]?.paymentFen ?? 0), 1134);
  // The decrease is 2777.78 × 0.049/12 = 11.3426… yuan; each month's interest is rounded on its own, so a
  // step is 11.34 or 11.35.
  for (let i = 1; i < 359; i++) {
    const step = (s.rows[i - 1]?.paymentFen ?? 0) - (s.rows[i]?.paymentFen ?? 0);
    t.true(step === 1134 || step === 1135, `step ${i}: ${step}`);
  }
  t.deepEqual(s.rows[359], { period: 360, paymentFen: 278832, principalFen: 277698, interestFen: 1134, balanceFen: 0 });
  // The published 737,041.67 is P·r·(n+1)/2 with unrounded principal parts (73,704,166.67 fen). Paying
  // 2777.78 instead of 2777.777… for 359 months repays slightly faster, so this schedule is 59 fen less.
  t.is(s.totalInterestFen, 73704108);
  t.true(Math.abs(s.totalInterestFen - 73704167) <= 100, yuan(s.totalInterestFen));
});

test('10万 yuan, 12 months, 4.35%, 等额本息: 8530.99 a month', (t) => {
  // Exact payment 853,099.0036… fen → 8530.99 yuan, the published figure; the last month is 8531.01.
  const s = repaymentSchedule({ principalFen: 10_000_000, annualRate: '0.0435', months: 12, method: 'equal-installment' });
  t.true(s.rows.slice(0, 11).every((r) => r.paymentFen === 853099));
  t.deepEqual(s.rows[11], { period: 12, paymentFen: 853101, principalFen: 850020, interestFen: 3081, balanceFen: 0 });
  t.is(s.totalInterestFen, 237190); // published 2371.88 is 12 × 8530.9900… − P; the last-month adjustment adds 2 fen
});

test('10万 yuan, 12 months, 4.35%, 等额本金: 8695.83 first month', (t) => {
  const s = repaymentSchedule({ principalFen: 10_000_000, annualRate: '0.0435', months: 12, method: 'equal-principal' });
  t.is(s.rows[0]?.paymentFen, 869583); // 8333.33 + 362.50
  t.is(s.rows[11]?.paymentFen, 836358);
  t.is(s.totalInterestFen, 235626);
});

test('63万 and 30万 over 30 years at 4.90% match the calculator figures quoted on Q&A pages', (t) => {
  // http://vdgb.cn/wenda/220578.html — 63万, 30年, 4.90%: 等额本息 月供 3343.58; 等额本金 首期 4322.50, 每期递减 7.15.
  // https://13l.net/index.php/l/1771868819402209700.html — 30万, 30年, 4.90%: 等额本息 月供 1592.18.
  // http://wwwbz417.com/wenda/242703.html — 51万, 240期, 5.30%: 等额本息 每月还款 3450.87.
  const a = repaymentSchedule({ principalFen: 63_000_000, annualRate: '0.049', months: 360, method: 'equal-installment' });
  t.is(a.rows[0]?.paymentFen, 334358);
  const b = repaymentSchedule({ principalFen: 63_000_000, annualRate: '0.049', months: 360, method: 'equal-principal' });
  t.is(b.rows[0]?.paymentFen, 432250);
  t.is((b.rows[0]?.paymentFen ?? 0) - (b.rows[1]?.paymentFen ?? 0), 715);
  const c = repaymentSchedule({ principalFen: 30_000_000, annualRate: '0.049', months: 360, method: 'equal-installment' });
  t.is(c.rows[0]?.paymentFen, 159218);
  const d = repaymentSchedule({ principalFen: 51_000_000, annualRate: '0.053', months: 240, method: 'equal-installment' });
  t.is(d.rows[0]?.paymentFen, 345087);
});

// ---- Small schedules worked by hand ------------------------------------------------------------------
// 1000 yuan, 3 months, 12% a year → 1% a month.
const small = { principalFen: 100_000, annualRate: '0.12', months: 3 } as const;
const row = (period: number, paymentFen: number, principalFen: number, interestFen: number, balanceFen: number) =>
  ({ period, paymentFen, principalFen, interestFen, balanceFen });

const worked: readonly (readonly [RepaymentMethod, RepaymentSchedule])[] = [
  // M = 1000 × 0.01 × 1.01³ / (1.01³ − 1) = 340.022… yuan → 34002 fen.
  ['equal-installment', { method: 'equal-installment', rows: [
    row(1, 34002, 33002, 1000, 66998),
    row(2, 34002, 33332, 670, 33666), // 669.98 → 670
    row(3, 34003, 33666, 337, 0), // 336.66 → 337; the last repays the rest
  ], totalInterestFen: 2007, totalPaymentFen: 102007 }],
  ['equal-principal', { method: 'equal-principal', rows: [
    row(1, 34333, 33333, 1000, 66667),
    row(2, 34000, 33333, 667, 33334), // 666.67 → 667
    row(3, 33667, 33334, 333, 0), // 333.34 → 333
  ], totalInterestFen: 2000, totalPaymentFen: 102000 }],
  ['interest-first', { method: 'interest-first', rows: [
    row(1, 1000, 0, 1000, 100_000),
    row(2, 1000, 0, 1000, 100_000),
    row(3, 101_000, 100_000, 1000, 0),
  ], totalInterestFen: 3000, totalPaymentFen: 103_000 }],
  ['bullet', { method: 'bullet', rows: [row(3, 103_000, 100_000, 3000, 0)], totalInterestFen: 3000, totalPaymentFen: 103_000 }],
];
for (const [method, expected] of worked) {
  test(`${method}: 1000 yuan over 3 months at 12% gives the hand-worked schedule`, (t) => {
    t.deepEqual(repaymentSchedule({ ...small, method }), expected);
  });
}

test('a half fen of interest rounds up, not to even (2.50 fen → 3, where banker\'s rounding gives 2)', (t) => {
  // 250 fen at 1% a month: 2.5 fen of interest.
  t.deepEqual(repaymentSchedule({ principalFen: 250, annualRate: '0.12', months: 2, method: 'interest-first' }).rows, [
    row(1, 3, 0, 3, 250),
    row(2, 253, 250, 3, 0),
  ]);
  t.is(repaymentSchedule({ principalFen: 250, annualRate: '0.12', months: 1, method: 'bullet' }).totalInterestFen, 3);
});

test('at rate 0, 等额本息 pays round(P/n) and puts the remainder on the last month', (t) => {
  const a = repaymentSchedule({ principalFen: 1000, annualRate: '0', months: 3, method: 'equal-installment' });
  t.deepEqual(a.rows.map((r) => r.paymentFen), [333, 333, 334]);
  t.is(a.totalInterestFen, 0);
  const b = repaymentSchedule({ principalFen: 1001, annualRate: '0', months: 2, method: 'equal-installment' });
  t.deepEqual(b.rows.map((r) => r.paymentFen), [501, 500]); // 500.5 → 501
});

test('a one-month loan repays everything in its single row, whatever the method', (t) => {
  for (const method of ['equal-installment', 'equal-principal', 'interest-first', 'bullet'] as const) {
    const s = repaymentSchedule({ principalFen: 100_000, annualRate: '0.12', months: 1, method });
    t.deepEqual(s.rows, [row(1, 101_000, 100_000, 1000, 0)], method);
  }
});

// ---- Validation --------------------------------------------------------------------------------------
const good = { principalFen: 100_000, annualRate: '0.0435', months: 12, method: 'equal-installment' } as const;
const bad: readonly (readonly [string, Record<string, unknown>, readonly string[]])[] = [
  ['zero principal', { principalFen: 0 }, ['principalFen']],
  ['negative principal', { principalFen: -100 }, ['principalFen']],
  ['fractional fen', { principalFen: 100.5 }, ['principalFen']],
  ['principal as text', { principalFen: '100000' }, ['principalFen']],
  ['principal over 1000亿', { principalFen: 10_000_000_000_001 }, ['principalFen']],
  ['zero months', { months: 0 }, ['months']],
  ['361 months', { months: 361 }, ['months']],
  ['fractional months', { months: 1.5 }, ['months']],
  ['rate 1', { annualRate: '1' }, ['annualRate']],
  ['rate with 9 decimals', { annualRate: '0.123456789' }, ['annualRate']],
  ['negative rate', { annualRate: '-0.01' }, ['annualRate']],
  ['rate as a percentage', { annualRate: '4.35' }, ['annualRate']],
  ['rate as a number', { annualRate: 0.0435 }, ['annualRate']],
  ['rate without leading zero', { annualRate: '.0435' }, ['annualRate']],
  ['unknown method', { method: 'annuity' }, ['method']],
  ['everything wrong', { principalFen: -1, annualRate: 'x', months: 0, method: '' }, ['principalFen', 'annualRate', 'months', 'method']],
];
for (const [what, change, fields] of bad) {
  test(`${what} is refused with loan.invalid_terms naming ${fields.join(', ')}`, (t) => {
    const e = t.throws(() => repaymentSchedule({ ...good, ...change } as never), { instanceOf: DomainError });
    t.is(e.code, 'loan.invalid_terms');
    t.is(e.kind, 'invalid');
    t.deepEqual(e.details.fields, fields);
    t.deepEqual(e.fieldErrors.map((f) => f.path), fields.map((f) => `/${f}`));
  });
}

test('the edges of the terms are accepted: 1 fen, 1 and 360 months, rate 0 and 0.99999999', (t) => {
  t.is(repaymentSchedule({ ...good, principalFen: 1, months: 1 }).rows[0]?.paymentFen, 1); // 1 fen at 0.3625% → 0 interest
  t.is(repaymentSchedule({ ...good, months: 360 }).rows.length, 360);
  t.is(repaymentSchedule({ ...good, annualRate: '0' }).totalInterestFen, 0);
  t.is(repaymentSchedule({ ...good, annualRate: '0.99999999', method: 'bullet' }).totalInterestFen, 100_000);
});

test('a principal too small to spread over the term is refused instead of going below zero', (t) => {
  // 5.40 yuan over 360 months: round(1.5) = 2 fen a month would be repaid by month 270.
  const e = t.throws(() => repaymentSchedule({ principalFen: 540, annualRate: '0', months: 360, method: 'equal-principal' }), { instanceOf: DomainError });
  t.is(e.code, 'loan.invalid_terms');
  t.deepEqual(e.details, { fields: ['principalFen'], period: 270 });
  t.is(e.fieldErrors[0]?.code, 'loan.principal_too_small_for_term');
});

// ---- Properties --------------------------------------------------------------------------------------
const methodArb = fc.constantFrom<RepaymentMethod>('equal-installment', 'equal-principal', 'interest-first', 'bullet');
const monthsArb = fc.oneof(fc.integer({ min: 1, max: 360 }), fc.constantFrom(1, 2, 12, 36, 120, 240, 360));
const rateArb = fc.oneof(
  fc.constantFrom('0', '0.0435', '0.049', '0.0365', '0.12', '0.24', '0.36', '0.99999999'),
  fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 99_999_999 })).map(
    ([places, n]) => `0.${String(n).padStart(8, '0').slice(0, places)}`,
  ),
);
const principalArb = fc.oneof(
  fc.integer({ min: 1, max: 1_000_000 }),
  fc.integer({ min: 1_000_000, max: 2_000_000_000 }),
  fc.bigInt({ min: 1n, max: 10n ** 13n }).map(Number),
);

// Every invariant of a schedule, checked against the oracle above; returns the first broken one.
function brokenInvariant(s: RepaymentSchedule, P: number, annualRate: string, n: number, method: RepaymentMethod): string | null {
  const { a, D } = monthly(annualRate);
  const rows = s.rows;
  if (s.method !== method) return 'method';
  if (method === 'bullet') {
    const i = Number(roundPos(BigInt(P) * a * BigInt(n), D));
    const only = rows[0];
    return rows.length === 1 && only?.period === n && only.principalFen === P && only.interestFen === i &&
      only.paymentFen === P + i && only.balanceFen === 0 && s.totalInterestFen === i && s.totalPaymentFen === P + i ? null : 'bullet row';
  }
  if (rows.length !== n) return 'row count';
  const M = Number(installmentOracle(BigInt(P), annualRate, n));
  const part = Number(roundPos(BigInt(P), BigInt(n)));
  let opening = P;
  let principalSum = 0;
  let interestSum = 0;
  let paymentSum = 0;
  for (const [i, r] of rows.entries()) {
    const last = i === n - 1;
    if (r.period !== i + 1) return `period ${i}`;
    if (r.interestFen !== Number(roundPos(BigInt(opening) * a, D))) return `interest of ${r.period}`;
    if (r.paymentFen !== r.principalFen + r.interestFen) return `payment of ${r.period}`;
    if (r.balanceFen !== opening - r.principalFen || r.balanceFen < 0) return `balance of ${r.period}`;
    if (!last && method === 'equal-installment' && r.paymentFen !== M) return `installment of ${r.period}`;
    if (!last && method === 'equal-principal' && r.principalFen !== part) return `principal part of ${r.period}`;
    if (!last && method === 'interest-first' && r.principalFen !== 0) return `principal part of ${r.period}`;
    principalSum += r.principalFen;
    interestSum += r.interestFen;
    paymentSum += r.paymentFen;
    opening = r.balanceFen;
  }
  if (opening !== 0) return 'last balance';
  if (principalSum !== P) return 'principal sum';
  if (s.totalInterestFen !== interestSum) return 'total interest';
  if (s.totalPaymentFen !== paymentSum || paymentSum !== P + interestSum) return 'total payment';
  return null;
}

test('every schedule keeps its invariants, or is refused only for a principal too small for its term', (t) => {
  holds(t, fc.property(principalArb, rateArb, monthsArb, methodArb, (P, annualRate, n, method) => {
    let s: RepaymentSchedule;
    try {
      s = repaymentSchedule({ principalFen: P, annualRate, months: n, method });
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'loan.invalid_terms') throw e;
      if (JSON.stringify(e.details.fields) !== '["principalFen"]') return false;
      if (method === 'equal-principal') {
        // Refused exactly when n−1 rounded parts already repay everything.
        const part = roundPos(BigInt(P), BigInt(n));
        return part * BigInt(n - 1) >= BigInt(P);
      }
      return method === 'equal-installment';
    }
    const broken = brokenInvariant(s, P, annualRate, n, method);
    if (broken) throw new Error(`${broken} broken for ${JSON.stringify({ P, annualRate, n, method })}`);
    return true;
  }), 1_500);
});

test('a loan of 40,000 yuan or more at up to 24% a year is never refused, whatever its term', (t) => {
  // Rounding the payment moves the balance from the exact amortisation by at most ((1+r)^(n−1) − 1)/r fen
  // before the last month, while the exact balance then is M/(1+r). At 24% a year over 360 months the first
  // is below the second for any P ≥ about 3.2 million fen, so 4 million fen leaves room.
  const rate24 = fc.integer({ min: 0, max: 24_000_000 }).map((n) => `0.${String(n).padStart(8, '0')}`);
  holds(t, fc.property(fc.integer({ min: 4_000_000, max: 2_000_000_000 }), rate24, monthsArb, methodArb, (P, annualRate, n, method) =>
    brokenInvariant(repaymentSchedule({ principalFen: P, annualRate, months: n, method }), P, annualRate, n, method) === null), 1_000);
});
