// 收费规则: a product's fee rule (fixed, a rate on the approved or disbursed amount, tiers), split into an
// up-front and a success part, worked out exactly for an order line with its explanation; what a rejected
// application does to its up-front fee; what a changed success fee does to the collection plan. Pure.
export {
  FEE_BASES, FEE_BASE_LABELS, TIER_READINGS, DEFAULT_TIER_READING, FEE_PART_LABELS, fixedFeeRule,
  type FeeBase, type TierReading, type FeeTier, type FixedFee, type FeeBounds, type RateFee, type TieredFee, type FeeFormula,
  type FeeFormulaKind, type FeeRule, type FeePartName, type FeeBases,
} from './fee-rule.js';
export { parsePercent, percentText, MAX_PERCENT_DECIMALS, type Percent } from './percent.js';
export { validateFeeRule, MAX_FEE_TIERS } from './fee-rule-validation.js';
export { computeFormula, tierOf, marginalBands, exactYuanText, type FormulaResult, type FeeBand, type BoundApplied } from './formula.js';
export { lineFee, MAX_LINE_QUANTITY, type LineFee, type LineFeeInput, type PartFee, type PartStatus } from './line-fee.js';
export {
  rejectionRefund, REJECTION_REFUND_POLICIES, REJECTION_REFUND_POLICY_LABELS,
  type RejectionRefundPolicy, type RejectionFacts, type RejectionAction, type RejectionOutcome,
} from './rejection-refund.js';
export { successFeeDecision, type SuccessFeeChange, type SuccessFeeDecision } from './success-fee-change.js';
