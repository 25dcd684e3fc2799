// 本月提成: what a person sees on their home screen during the month — what the month's lines have earned so
// far at the running rates, and what the month-end true-up would add if the month ended today.
import { creditedInMonth } from './lines.js';
import { monthEndTrueUp } from './true-up.js';
import type { CommissionLine, SchemeVersion } from './types.js';

export interface RunningCommission {
  readonly personId: string;
  readonly month: string;
  /** 本月业绩: the collected total that decides the tier. */
  readonly creditedFen: number;
  readonly accruedFen: number;
  readonly clawbackFen: number;
  /** 已计提: accruals and clawbacks of the month so far. */
  readonly earnedFen: number;
  /** What recomputing the tiers on today's total would add (or take off). */
  readonly projectedTrueUpFen: number;
  /** 预计本月提成: earned plus the projected true-up (adjustments come with the statement). */
  readonly projectedFen: number;
  readonly lineCount: number;
}

export function runningCommission(lines: readonly CommissionLine[], personId: string, month: string, history: readonly SchemeVersion[]): RunningCommission {
  const own = lines.filter((l) => l.personId === personId && l.month === month && l.kind !== 'true_up');
  const of = (kind: CommissionLine['kind']) => own.filter((l) => l.kind === kind).reduce((a, l) => a + l.amountFen, 0);
  const accruedFen = of('accrual');
  const clawbackFen = of('clawback');
  const projectedTrueUpFen = monthEndTrueUp(own, personId, month, history).reduce((a, l) => a + l.amountFen, 0);
  const earnedFen = accruedFen + clawbackFen;
  return {
    personId, month, creditedFen: creditedInMonth(own, personId, month), accruedFen, clawbackFen, earnedFen,
    projectedTrueUpFen, projectedFen: earnedFen + projectedTrueUpFen, lineCount: own.length,
  };
}
