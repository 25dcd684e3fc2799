// 本月提成: what a person sees on their home screen during the month — what the month's lines have earned so
// far at the running rates, and what the month-end true-up would add if the month ended today.
import { creditedInMonth } from './lines.js';
import { monthEndTrueUp } from './true-up.js';
import type { RunningTotal } from './ports.js';
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

/** 部门负责人提成 of the month: the override lines' part of the figure (all zero for someone who heads nobody). */
export interface OverrideSummary {
  readonly accruedFen: number;
  readonly clawbackFen: number;
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

const sumOf = (lines: readonly CommissionLine[], kind: CommissionLine['kind']) => lines.filter((l) => l.kind === kind).reduce((a, l) => a + l.amountFen, 0);

/**
 * The same figure as `runningCommission` of all the person's lines, read without the head's override lines: the
 * tiers and the true-up only ever read owner and source lines, and the running row kept with the lines (in the
 * transaction that records them) holds the month's accrued, clawed-back and counted totals of every line, so the
 * overrides are its remainder. A department head's month is thousands of override lines; this reads none of them.
 * Without a running row (nothing recorded for the person's month through the receipt flow) the lines alone count.
 */
export function runningCommissionOf(credited: readonly CommissionLine[], total: RunningTotal | null, personId: string, month: string, history: readonly SchemeVersion[]):
  RunningCommission & { readonly override: OverrideSummary } {
  const own = credited.filter((l) => l.personId === personId && l.month === month && l.kind !== 'true_up' && l.role !== 'head');
  const ownAccrued = sumOf(own, 'accrual');
  const ownClawback = sumOf(own, 'clawback');
  const accruedFen = total?.accruedFen ?? ownAccrued;
  const clawbackFen = total?.clawbackFen ?? ownClawback;
  const lineCount = total?.lineCount ?? own.length;
  const projectedTrueUpFen = monthEndTrueUp(own, personId, month, history).reduce((a, l) => a + l.amountFen, 0);
  const earnedFen = accruedFen + clawbackFen;
  return {
    personId, month, creditedFen: creditedInMonth(own, personId, month), accruedFen, clawbackFen, earnedFen,
    projectedTrueUpFen, projectedFen: earnedFen + projectedTrueUpFen, lineCount,
    override: { accruedFen: accruedFen - ownAccrued, clawbackFen: clawbackFen - ownClawback, lineCount: lineCount - own.length },
  };
}
