import test, { type ExecutionContext } from 'ava';
import fc from 'fast-check';
import {
  attainment, compareAttainment, formatTenths, monthsOfQuarter, periodKindOf, quarterOfMonth, quarterShares, rankByAttainment, targetFor, validateTarget,
  validateTargets, withAttainment, type Target,
} from '../../../core/targets/index.js';
import { DomainError } from '../../../core/shared/domain-error.js';

function holds(t: ExecutionContext, property: fc.IProperty<any>, numRuns = 2_000): void {
  const run = fc.check(property, { numRuns });
  t.false(run.failed, fc.defaultReportMessage(run) ?? '');
}
const YUAN = 100;
const target = (period: string, amountFen: number, more: Partial<Target> = {}): Target => ({ subjectKind: 'person', subjectId: 'u-sun', metric: 'collected', period, amountFen, ...more });
const SUN_COLLECTED = { subjectKind: 'person', subjectId: 'u-sun', metric: 'collected' } as const;

test('periods: a month YYYY-MM or a quarter YYYY-Qn', (t) => {
  t.is(periodKindOf('2026-04'), 'month');
  t.is(periodKindOf('2026-Q2'), 'quarter');
  for (const bad of ['2026-13', '2026-00', '2026-Q5', '2026-Q0', '2026', '26-04', '2026-4', 7, null]) t.is(periodKindOf(bad), null, String(bad));
  t.is(quarterOfMonth('2026-05'), '2026-Q2');
  t.is(quarterOfMonth('2026-12'), '2026-Q4');
  t.deepEqual(monthsOfQuarter('2026-Q1'), ['2026-01', '2026-02', '2026-03']);
  t.deepEqual(monthsOfQuarter('2026-Q4'), ['2026-10', '2026-11', '2026-12']);
});

test('a target is checked field by field, with stable codes in Chinese and English', (t) => {
  t.deepEqual(validateTarget(target('2026-04', 0, { subjectId: ' u-sun ' })), target('2026-04', 0));
  const bad = validateTarget({ subjectKind: 'team', subjectId: ' ', metric: 'profit', period: '2026-Q5', amountFen: -1 } as unknown as Target) as DomainError;
  t.true(bad instanceof DomainError);
  t.is(bad.code, 'validation.failed');
  t.deepEqual(bad.fieldErrors.map((f) => [f.path, f.code]), [
    ['/subjectKind', 'invalid_subject'], ['/subjectId', 'required'], ['/metric', 'invalid_metric'], ['/period', 'invalid_period'], ['/amountFen', 'invalid_amount'],
  ]);
  t.regex(bad.fieldErrors[4]!.zh, /不小于 0 的整数分/);
  t.is((validateTarget(target('2026-04', 1.5)) as DomainError).fieldErrors[0]?.code, 'invalid_amount');
});

test('a list holds one target per subject, figure and period', (t) => {
  const r = validateTargets([target('2026-04', 100), target('2026-04', 200, { metric: 'contract' }), target('2026-04', 300, { subjectId: 'u-sun ' }), target('2026-Q2', 300)]) as DomainError;
  t.deepEqual(r.fieldErrors.map((f) => [f.path, f.code]), [['/2', 'duplicate_target']]);
  const okList = validateTargets([target('2026-04', 100), target('2026-Q2', 300), target('2026-04', 100, { subjectKind: 'department', subjectId: 'u-sun' })]);
  t.false(okList instanceof DomainError);
});

// Attainment worked by hand: figure / target in percent, one decimal, 四舍五入.
const table: readonly (readonly [number, number, string, number])[] = [
  [130_000 * YUAN, 100_000 * YUAN, '130.0%', 0],
  [1, 3, '33.3%', 2], // 33.333…
  [2, 3, '66.7%', 1], // 66.666…
  [1, 2_000, '0.1%', 1_999], // 0.05 % exactly: a tie goes up
  [1, 2_001, '0.0%', 2_000], // 0.049975 %
  [0, 500, '0.0%', 500],
  [123_456, 100_000, '123.5%', 0], // 123.456
  [-1, 2_000, '-0.1%', 2_001], // a month of net clawbacks: ties away from zero
];
for (const [figure, goal, text, remaining] of table) {
  test(`${figure} fen against a target of ${goal} fen is ${text}`, (t) => {
    const a = attainment(figure, goal);
    t.is(a?.text, text);
    t.is(a?.remainingFen, remaining);
    t.is(a?.reached, figure >= goal);
  });
}

test('a target of 0, or none, has no percentage (never a division by zero)', (t) => {
  t.is(attainment(100, 0), null);
  t.is(attainment(0, 0), null);
  t.is(attainment(100, null), null);
  t.is(formatTenths(1234), '123.4%');
  t.is(formatTenths(5), '0.5%');
  t.is(formatTenths(-15), '-1.5%');
});

test('a month without its own target is compared with its third of the quarter (the odd fen to the first months)', (t) => {
  t.deepEqual(quarterShares(100_000_000), [33_333_334, 33_333_333, 33_333_333]);
  t.deepEqual(quarterShares(100_000_001), [33_333_334, 33_333_334, 33_333_333]);
  t.deepEqual(quarterShares(0), [0, 0, 0]);
  const targets = [target('2026-Q2', 1_000_000 * YUAN)];
  t.deepEqual(targetFor(targets, SUN_COLLECTED, '2026-04'), { amountFen: 33_333_334, source: 'quarter_share' });
  t.deepEqual(targetFor(targets, SUN_COLLECTED, '2026-06'), { amountFen: 33_333_333, source: 'quarter_share' });
  t.deepEqual(targetFor(targets, SUN_COLLECTED, '2026-Q2'), { amountFen: 100_000_000, source: 'quarter' });
  t.is(targetFor(targets, SUN_COLLECTED, '2026-07'), null);
  t.is(targetFor(targets, { ...SUN_COLLECTED, metric: 'contract' }, '2026-04'), null);
  t.is(targetFor(targets, { ...SUN_COLLECTED, subjectKind: 'department' }, '2026-04'), null);
});

test('a month\'s own target wins over the quarter\'s share; a quarter without one sums its months; a year sums its quarters', (t) => {
  const targets = [target('2026-Q2', 900), target('2026-04', 500), target('2026-07', 100), target('2026-08', 200)];
  t.deepEqual(targetFor(targets, SUN_COLLECTED, '2026-04'), { amountFen: 500, source: 'month' });
  t.deepEqual(targetFor(targets, SUN_COLLECTED, '2026-05'), { amountFen: 300, source: 'quarter_share' });
  t.deepEqual(targetFor(targets, SUN_COLLECTED, '2026-Q2'), { amountFen: 900, source: 'quarter' });
  t.deepEqual(targetFor(targets, SUN_COLLECTED, '2026-Q3'), { amountFen: 300, source: 'months_sum' });
  t.deepEqual(targetFor(targets, SUN_COLLECTED, '2026'), { amountFen: 1_200, source: 'year_sum' });
  t.is(targetFor(targets, SUN_COLLECTED, '2027'), null);
  t.is(targetFor(targets, SUN_COLLECTED, '2026-W14'), null, 'a week has no target');
});

test('ranking by attainment: with a target first by exact attainment, ties share a rank, then those without one by amount', (t) => {
  const rows = [
    { id: 'a', name: '张三', amountFen: 50, targetFen: 100 }, // 50 %
    { id: 'b', name: '李四', amountFen: 200, targetFen: 100 }, // 200 %
    { id: 'c', name: '王五', amountFen: 1, targetFen: 2 }, // 50 %, ties with a
    { id: 'd', name: '赵六', amountFen: 999, targetFen: null },
    { id: 'e', name: '钱七', amountFen: 5, targetFen: 0 }, // a 0 target ranks with those without one
    { id: 'f', name: '孙八', amountFen: 2, targetFen: 3 }, // 66.7 %
  ];
  const ranked = rankByAttainment(rows, 10);
  t.deepEqual(ranked.map((r) => [r.id, r.rank, r.attainment?.text ?? '—']), [
    ['b', 1, '200.0%'], ['f', 2, '66.7%'], ['c', 3, '50.0%'], ['a', 3, '50.0%'], ['d', 5, '—'], ['e', 6, '—'],
  ]);
  t.is(rankByAttainment(rows, 2).length, 2);
});

test('the ranking by amount gets each row\'s attainment beside it, in its own order', (t) => {
  const goals: Record<string, number> = { a: 1_000 };
  const rows = withAttainment([{ id: 'a', amountFen: 1_500, rank: 1 }, { id: 'b', amountFen: 900, rank: 2 }], (r) => goals[r.id] ?? null);
  t.deepEqual(rows.map((r) => [r.id, r.rank, r.attainment?.text ?? null]), [['a', 1, '150.0%'], ['b', 2, null]]);
});

const fen = fc.integer({ min: -1_000_000_000, max: 1_000_000_000_000 });
const goal = fc.integer({ min: 1, max: 1_000_000_000_000 });

test('attainment is monotone in the figure: more collected never shows a lower percentage', (t) => {
  holds(t, fc.property(fen, fen, goal, (x, y, g) => {
    const [lo, hi] = x <= y ? [x, y] : [y, x];
    const a = attainment(lo, g)!;
    const b = attainment(hi, g)!;
    return a.tenths <= b.tenths && compareAttainment(a, b) <= 0;
  }));
});

test('the shown percentage is the exact ratio rounded half-up to a tenth', (t) => {
  holds(t, fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), goal, (x, g) => {
    const a = attainment(x, g)!;
    // |exact × 10 − tenths| ≤ ½, with a half going up: tenths − ½ < exact × 10 ≤ tenths + ½ … in whole numbers:
    const scaled = BigInt(x) * 2000n; // exact tenths × 2g
    const low = (2n * BigInt(a.tenths) - 1n) * BigInt(g);
    const high = (2n * BigInt(a.tenths) + 1n) * BigInt(g);
    return scaled >= low && scaled < high && a.text === formatTenths(a.tenths);
  }));
});

test('a quarter\'s three monthly parts always sum to the quarter and differ by at most a fen', (t) => {
  holds(t, fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (q) => {
    const parts = quarterShares(q);
    return parts[0] + parts[1] + parts[2] === q && parts[0] - parts[2] <= 1 && parts[0] >= parts[1] && parts[1] >= parts[2];
  }));
});
