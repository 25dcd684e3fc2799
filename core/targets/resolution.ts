// Which target a figure is compared with. A month uses its monthly target; without one, its third of the quarter's
// target (the quarter split into three equal parts, the fen left over going to the earliest months, so the three
// parts sum to the quarter exactly: ¥1,000,000.00 → 333,333.34 + 333,333.33 + 333,333.33). A quarter uses its
// quarterly target; without one, the sum of the monthly targets set for its months. A year sums its four quarters.
// When both a month's and its quarter's targets are set, each period keeps its own: they are never mixed.
import { isYearText, monthsOfQuarter, periodKindOf, quarterOfMonth, quartersOfYear } from './period.js';
import type { Target, TargetMetric, TargetSubjectKind } from './types.js';

/** Where a period's target came from. */
export type TargetSource = 'month' | 'quarter_share' | 'quarter' | 'months_sum' | 'year_sum';

export interface ResolvedTarget {
  readonly amountFen: number;
  readonly source: TargetSource;
}

export interface TargetQuery {
  readonly subjectKind: TargetSubjectKind;
  readonly subjectId: string;
  readonly metric: TargetMetric;
}

/** A quarter's target in three monthly parts: equal thirds, the 1 or 2 fen left over to the first months. */
export function quarterShares(quarterFen: number): [number, number, number] {
  const third = Math.floor(quarterFen / 3);
  const left = quarterFen - third * 3;
  return [third + (left > 0 ? 1 : 0), third + (left > 1 ? 1 : 0), third];
}

function setFor(targets: readonly Target[], q: TargetQuery, period: string): number | null {
  const t = targets.find((x) => x.subjectKind === q.subjectKind && x.subjectId === q.subjectId && x.metric === q.metric && x.period === period);
  return t ? t.amountFen : null;
}

/**
 * The target for a period 'YYYY-MM', 'YYYY-Qn' or 'YYYY' by the rules above; null when none is set, or for any
 * other text (a week, a day or a custom range has no target).
 */
export function targetFor(targets: readonly Target[], q: TargetQuery, period: string): ResolvedTarget | null {
  const kind = periodKindOf(period);
  if (kind === 'month') {
    const own = setFor(targets, q, period);
    if (own !== null) return { amountFen: own, source: 'month' };
    const quarter = quarterOfMonth(period);
    const quarterFen = setFor(targets, q, quarter);
    if (quarterFen === null) return null;
    return { amountFen: quarterShares(quarterFen)[monthsOfQuarter(quarter).indexOf(period)] ?? 0, source: 'quarter_share' };
  }
  if (kind === 'quarter') {
    const own = setFor(targets, q, period);
    if (own !== null) return { amountFen: own, source: 'quarter' };
    const months = monthsOfQuarter(period).map((m) => setFor(targets, q, m)).filter((x): x is number => x !== null);
    return months.length ? { amountFen: months.reduce((a, b) => a + b, 0), source: 'months_sum' } : null;
  }
  if (isYearText(period)) {
    const quarters = quartersOfYear(period).map((x) => targetFor(targets, q, x)).filter((x): x is ResolvedTarget => x !== null);
    return quarters.length ? { amountFen: quarters.reduce((a, b) => a + b.amountFen, 0), source: 'year_sum' } : null;
  }
  return null;
}
