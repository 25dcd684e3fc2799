// A product's fee rule (收费规则): how the firm's service fee for one unit of an order line is worked out,
// and how it splits into an up-front part (前期费, due on the contract) and a success part (成功费, due on
// the disbursement). Plain data, as validated by validateFeeRule; rates stay percent texts ('1.5').
import type { LocalizedText } from '../shared/index.js';

/** The amount a rate is taken on: the bank's approved amount (批复金额) or what it paid out (放款金额). */
export type FeeBase = 'approved' | 'disbursed';
export const FEE_BASES: readonly FeeBase[] = ['approved', 'disbursed'];
export const FEE_BASE_LABELS: Readonly<Record<FeeBase, LocalizedText>> = {
  approved: { zh: '批复金额', en: 'approved amount' },
  disbursed: { zh: '放款金额', en: 'disbursed amount' },
};

/**
 * How tiers read an amount. 'marginal' (超额累进, the default): each band of the amount at its own rate, so the
 * fee grows smoothly with the amount. 'whole' (全额累进): the tier the amount falls in applies to all of it.
 */
export type TierReading = 'marginal' | 'whole';
export const TIER_READINGS: readonly TierReading[] = ['marginal', 'whole'];
export const DEFAULT_TIER_READING: TierReading = 'marginal';

/** One tier: its rate applies up to and including `upToFen`; the last tier is open (`upToFen` null). */
export interface FeeTier {
  readonly upToFen: number | null;
  readonly ratePercent: string;
}

export interface FixedFee {
  readonly kind: 'fixed';
  readonly amountFen: number;
}

/** Optional bounds of a computed fee, in fen; null when there is none. */
export interface FeeBounds {
  readonly minFen: number | null;
  readonly maxFen: number | null;
}

export interface RateFee extends FeeBounds {
  readonly kind: 'rate';
  readonly base: FeeBase;
  readonly ratePercent: string;
}

export interface TieredFee extends FeeBounds {
  readonly kind: 'tiered';
  readonly base: FeeBase;
  readonly reading: TierReading;
  readonly tiers: readonly FeeTier[];
}

/** One computed amount of the rule: a fixed amount, a rate on a base, or tiers on a base. */
export type FeeFormula = FixedFee | RateFee | TieredFee;
export type FeeFormulaKind = FeeFormula['kind'];

/**
 * The two ways a rule splits. 'parts': an up-front formula and a success formula, each optional (at least
 * one), the total being their sum (前期 2,000 元 + 放款金额的 1.5 %). 'share': one formula for the total, of which
 * `upFrontSharePercent` is due up front and the rest on success (总服务费的 30 % 前期收取).
 */
export type FeeRule =
  | { readonly split: 'parts'; readonly upFront: FeeFormula | null; readonly success: FeeFormula | null }
  | { readonly split: 'share'; readonly total: FeeFormula; readonly upFrontSharePercent: string };

/** The part of the fee: 前期服务费 due on the contract, 成功服务费 due on the disbursement. */
export type FeePartName = 'upFront' | 'success';
export const FEE_PART_LABELS: Readonly<Record<FeePartName, LocalizedText>> = {
  upFront: { zh: '前期服务费', en: 'up-front fee' },
  success: { zh: '成功服务费', en: 'success fee' },
};

/** The amounts a rule may be taken on, as known now: null until the bank has approved or disbursed. */
export interface FeeBases {
  readonly approvedFen: number | null;
  readonly disbursedFen: number | null;
}

/** Today's rule of a product line: one fixed amount due on the contract (the product's default service fee). */
export function fixedFeeRule(amountFen: number): FeeRule {
  return { split: 'parts', upFront: { kind: 'fixed', amountFen }, success: null };
}
