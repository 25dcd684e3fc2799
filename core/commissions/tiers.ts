// 阶梯提成: tiers by a person's monthly collected total. A tier applies from its `fromFen` (inclusive: reaching
// 100万 exactly is the 100万 tier). 全额累进 ('whole') pays the credited amount at the rate of the tier the total
// reaches; 超额累进 ('marginal') pays each fen of the total at the rate of the band it falls in.
import { divRoundHalfUp, toSafeFen } from '../money/index.js';
import { PERCENT_DENOMINATOR, unitsOf } from './percent.js';
import type { Tier, TierMode } from './types.js';

/** 0-based index of the tier a monthly total reaches: the last whose start is at or below it. */
export function tierIndex(tiers: readonly Tier[], totalFen: number): number {
  let index = 0;
  tiers.forEach((t, i) => { if (t.fromFen <= totalFen) index = i; });
  return index;
}

/** Exact 超额累进 commission on a total, in units of fen / 1,000,000 (every band at its own rate). */
export function marginalUnits(tiers: readonly Tier[], totalFen: number): bigint {
  let sum = 0n;
  tiers.forEach((t, i) => {
    const end = tiers[i + 1]?.fromFen ?? Infinity;
    const portion = Math.min(totalFen, end) - t.fromFen;
    if (portion > 0) sum += BigInt(portion) * unitsOf(t.rate);
  });
  return sum;
}

export interface TieredAmount {
  readonly amountFen: number;
  /** 1-based tier reached by the total after this amount. */
  readonly tier: number;
  readonly rate: string;
}

/**
 * The commission on `baseFen` credited when the person's month already holds `beforeFen`: the whole amount at
 * the rate of the tier `before + base` reaches ('whole'), or the exact commission of the bands from `before` to
 * `before + base` ('marginal'), rounded half-up to the fen once. The tier shown is the one the total reaches.
 */
export function tieredAmount(mode: TierMode, tiers: readonly Tier[], beforeFen: number, baseFen: number): TieredAmount {
  const after = beforeFen + baseFen;
  const index = tierIndex(tiers, after);
  const rate = tiers[index]?.rate ?? '0';
  const units = mode === 'whole'
    ? BigInt(baseFen) * unitsOf(rate)
    : marginalUnits(tiers, after) - marginalUnits(tiers, beforeFen);
  return { amountFen: toSafeFen(divRoundHalfUp(units, PERCENT_DENOMINATOR), 'commission'), tier: index + 1, rate };
}
