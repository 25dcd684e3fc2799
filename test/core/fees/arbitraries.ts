// Random fee rules and inputs for the property tests: every rule generated here is valid as submitted.
import fc from 'fast-check';
import type { FeeBases, FeeFormula, FeeRule, FeeTier } from '../../../core/fees/index.js';
import { percentText } from '../../../core/fees/index.js';

/** A rate of 0–100 % with up to four decimals, as its text. */
export const arbRateText = fc.integer({ min: 0, max: 1_000_000 }).map((ppm) => percentText(BigInt(ppm)));
/** A usual fee rate (0–5 %), where most rounding happens. */
export const arbSmallRateText = fc.integer({ min: 0, max: 50_000 }).map((ppm) => percentText(BigInt(ppm)));

export const arbBase = fc.constantFrom('approved' as const, 'disbursed' as const);
export const arbFen = fc.integer({ min: 0, max: 100_000_000_000 }); // up to 10 亿元

export const arbBounds = fc
  .tuple(fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }), fc.option(fc.integer({ min: 0, max: 100_000_000 }), { nil: null }))
  .map(([a, b]) => (a !== null && b !== null && a > b ? { minFen: b, maxFen: a } : { minFen: a, maxFen: b }));

export const arbTiers = (rate = arbRateText): fc.Arbitrary<FeeTier[]> =>
  fc.tuple(fc.uniqueArray(fc.integer({ min: 1, max: 2_000_000_000 }), { maxLength: 4 }), fc.array(rate, { minLength: 5, maxLength: 5 })).map(([bounds, rates]) => {
    const sorted = [...bounds].sort((a, b) => a - b);
    return [...sorted.map((upToFen, i) => ({ upToFen, ratePercent: rates[i] ?? '1' })), { upToFen: null, ratePercent: rates[4] ?? '1' }];
  });

export const arbFormula: fc.Arbitrary<FeeFormula> = fc.oneof(
  arbFen.map((amountFen) => ({ kind: 'fixed' as const, amountFen: amountFen % 10_000_000 })),
  fc.tuple(arbBase, arbSmallRateText, arbBounds).map(([base, ratePercent, b]) => ({ kind: 'rate' as const, base, ratePercent, ...b })),
  fc.tuple(arbBase, fc.constantFrom('whole' as const, 'marginal' as const), arbTiers(arbSmallRateText), arbBounds)
    .map(([base, reading, tiers, b]) => ({ kind: 'tiered' as const, base, reading, tiers, ...b })),
);

export const arbRule: fc.Arbitrary<FeeRule> = fc.oneof(
  fc.tuple(fc.option(arbFormula, { nil: null }), fc.option(arbFormula, { nil: null }))
    .filter(([u, s]) => u !== null || s !== null)
    .map(([upFront, success]) => ({ split: 'parts' as const, upFront, success })),
  fc.tuple(arbFormula, arbRateText).map(([total, upFrontSharePercent]) => ({ split: 'share' as const, total, upFrontSharePercent })),
);

export const arbBases: fc.Arbitrary<FeeBases> = fc.record({
  approvedFen: fc.option(fc.oneof(fc.constant(0), arbFen), { nil: null }),
  disbursedFen: fc.option(fc.oneof(fc.constant(0), arbFen), { nil: null }),
});
