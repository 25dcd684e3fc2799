// One formula of a fee rule worked out for one unit, with its explanation: the exact amount as a BigInt
// fraction of a fen (base × ppm / 1,000,000), rounded once, half-up to the fen, then held between the rule's
// minimum and maximum. A base of 0 gives 0: the minimum is charged only on something approved or disbursed.
import { divRoundHalfUp, formatYuanGrouped, toSafeFen } from '../money/index.js';
import type { LocalizedText } from '../shared/index.js';
import { FEE_BASE_LABELS, type FeeBase, type FeeBases, type FeeFormula, type FeeFormulaKind, type TierReading } from './fee-rule.js';
import { percentOf, PPM } from './percent.js';

/** One band of a marginal (超额累进) computation: the part of the base in (fromFen, toFen] at its rate. */
export interface FeeBand {
  readonly tier: number;
  readonly fromFen: number;
  readonly toFen: number;
  readonly ratePercent: string;
}

/** Which bound changed the rounded amount, or 'zero_base' when a minimum was set but the base was 0. */
export type BoundApplied = 'min' | 'max' | 'zero_base' | null;

/** The formula worked out; `fen` is null while its base is not known yet (not approved or not disbursed). */
export interface FormulaResult {
  readonly kind: FeeFormulaKind;
  readonly base: FeeBase | null;
  readonly baseFen: number | null;
  /** The rate applied: the rate, or the tier's rate when whole tiers apply; null for fixed and marginal. */
  readonly ratePercent: string | null;
  readonly reading: TierReading | null;
  /** The tier (0-based) the base falls in, for tiers of either reading. */
  readonly tier: number | null;
  /** The bands a marginal computation added up; empty otherwise. */
  readonly bands: readonly FeeBand[];
  /** The exact amount before rounding, in yuan ('18,518.5185'); null while pending. */
  readonly exactYuan: string | null;
  /** The amount rounded half-up to the fen, before the bounds. */
  readonly roundedFen: number | null;
  readonly rounded: boolean;
  readonly minFen: number | null;
  readonly maxFen: number | null;
  readonly boundApplied: BoundApplied;
  /** The fee for one unit. */
  readonly fen: number | null;
  readonly text: LocalizedText;
}

const yuan = (fen: number): string => formatYuanGrouped(fen);

/** An exact amount in millionths of a fen as yuan text, with as many decimals as it needs (at least two). */
export function exactYuanText(micros: bigint): string {
  const perYuan = PPM * 100n;
  const whole = (micros / perYuan).toString().replace(/\B(?=(\d{3})+$)/g, ',');
  const fraction = (micros % perYuan).toString().padStart(8, '0').replace(/0+$/, '').padEnd(2, '0');
  return `${whole}.${fraction}`;
}

function baseOf(bases: FeeBases, base: FeeBase): number | null {
  return base === 'approved' ? bases.approvedFen : bases.disbursedFen;
}

/** The tier (0-based) whose band holds the amount: the first whose upper bound is at or above it. */
export function tierOf(tiers: readonly { readonly upToFen: number | null }[], amountFen: number): number {
  const i = tiers.findIndex((t) => t.upToFen === null || amountFen <= t.upToFen);
  return i === -1 ? tiers.length - 1 : i;
}

/** The bands of a marginal computation: the base cut at each tier's upper bound. */
export function marginalBands(tiers: readonly { readonly upToFen: number | null; readonly ratePercent: string }[], baseFen: number): FeeBand[] {
  const bands: FeeBand[] = [];
  let from = 0;
  for (const [i, t] of tiers.entries()) {
    if (from >= baseFen) break;
    const to = t.upToFen === null ? baseFen : Math.min(t.upToFen, baseFen);
    if (to > from) bands.push({ tier: i, fromFen: from, toFen: to, ratePercent: t.ratePercent });
    from = to;
  }
  return bands;
}

interface Exact {
  readonly micros: bigint; // millionths of a fen
  readonly ratePercent: string | null;
  readonly tier: number | null;
  readonly bands: readonly FeeBand[];
  readonly zh: string;
  readonly en: string;
}

function exactOf(formula: Exclude<FeeFormula, { kind: 'fixed' }>, baseFen: number): Exact {
  const label = FEE_BASE_LABELS[formula.base];
  const base = BigInt(baseFen);
  if (formula.kind === 'rate') {
    const micros = base * percentOf(formula.ratePercent).ppm;
    return {
      micros, ratePercent: formula.ratePercent, tier: null, bands: [],
      zh: `按${label.zh} ${yuan(baseFen)} 元 × ${formula.ratePercent}% = ${exactYuanText(micros)} 元`,
      en: `${label.en} ${yuan(baseFen)} yuan × ${formula.ratePercent}% = ${exactYuanText(micros)} yuan`,
    };
  }
  const tier = tierOf(formula.tiers, baseFen);
  if (formula.reading === 'whole') {
    const rate = formula.tiers[tier]?.ratePercent ?? '0';
    const micros = base * percentOf(rate).ppm;
    return {
      micros, ratePercent: rate, tier, bands: [],
      zh: `按${label.zh} ${yuan(baseFen)} 元 × ${rate}%（第 ${tier + 1} 档，全额适用）= ${exactYuanText(micros)} 元`,
      en: `${label.en} ${yuan(baseFen)} yuan × ${rate}% (tier ${tier + 1}, on the whole amount) = ${exactYuanText(micros)} yuan`,
    };
  }
  const bands = marginalBands(formula.tiers, baseFen);
  const micros = bands.reduce((s, b) => s + BigInt(b.toFen - b.fromFen) * percentOf(b.ratePercent).ppm, 0n);
  const terms = (unit: string): string => bands.map((b) => `${yuan(b.toFen - b.fromFen)} ${unit} × ${b.ratePercent}%`).join(' + ') || '0.00';
  return {
    micros, ratePercent: null, tier, bands,
    zh: `按${label.zh} ${yuan(baseFen)} 元分段（超额累进）：${terms('元')} = ${exactYuanText(micros)} 元`,
    en: `${label.en} ${yuan(baseFen)} yuan in bands (marginal): ${terms('yuan')} = ${exactYuanText(micros)} yuan`,
  };
}

/** Holds the rounded amount between the bounds; a base of 0 is never raised to the minimum. */
function bounded(roundedFen: number, baseFen: number, minFen: number | null, maxFen: number | null): { fen: number; applied: BoundApplied } {
  if (maxFen !== null && roundedFen > maxFen) return { fen: maxFen, applied: 'max' };
  if (minFen !== null && roundedFen < minFen) return baseFen === 0 ? { fen: 0, applied: 'zero_base' } : { fen: minFen, applied: 'min' };
  return { fen: roundedFen, applied: null };
}

const NONE = { ratePercent: null, reading: null, tier: null, bands: [], rounded: false, minFen: null, maxFen: null, boundApplied: null } as const;

/** Works out one formula for one unit at the bases known now. The formula must be validated. */
export function computeFormula(formula: FeeFormula, bases: FeeBases): FormulaResult {
  if (formula.kind === 'fixed') {
    const f = yuan(formula.amountFen);
    return {
      ...NONE, kind: 'fixed', base: null, baseFen: null, exactYuan: f, roundedFen: formula.amountFen, fen: formula.amountFen,
      text: { zh: `固定金额 ${f} 元`, en: `fixed amount ${f} yuan` },
    };
  }
  const { minFen, maxFen } = formula;
  const reading = formula.kind === 'tiered' ? formula.reading : null;
  const baseFen = baseOf(bases, formula.base);
  if (baseFen === null) {
    const label = FEE_BASE_LABELS[formula.base];
    return {
      ...NONE, kind: formula.kind, base: formula.base, baseFen: null, reading, minFen, maxFen, exactYuan: null, roundedFen: null, fen: null,
      text: { zh: `待${label.zh}确定后计算`, en: `to be computed once the ${label.en} is known` },
    };
  }
  const exact = exactOf(formula, baseFen);
  const roundedFen = toSafeFen(divRoundHalfUp(exact.micros, PPM), 'fee');
  const rounded = BigInt(roundedFen) * PPM !== exact.micros;
  const { fen, applied } = bounded(roundedFen, baseFen, minFen, maxFen);
  let zh = exact.zh;
  let en = exact.en;
  if (rounded) {
    zh += `，四舍五入到分为 ${yuan(roundedFen)} 元`;
    en += `, rounded half-up to the fen: ${yuan(roundedFen)} yuan`;
  }
  if (applied === 'min') {
    zh += `，低于最低收费 ${yuan(fen)} 元，按最低收费 ${yuan(fen)} 元`;
    en += `, below the minimum: charged the minimum ${yuan(fen)} yuan`;
  } else if (applied === 'max') {
    zh += `，高于最高收费 ${yuan(fen)} 元，按最高收费 ${yuan(fen)} 元`;
    en += `, above the maximum: charged the maximum ${yuan(fen)} yuan`;
  } else if (applied === 'zero_base') {
    zh += `（${FEE_BASE_LABELS[formula.base].zh}为 0，不收最低收费）`;
    en += ` (the ${FEE_BASE_LABELS[formula.base].en} is 0: no minimum charged)`;
  }
  return {
    kind: formula.kind, base: formula.base, baseFen, ratePercent: exact.ratePercent, reading, tier: exact.tier, bands: exact.bands,
    exactYuan: exactYuanText(exact.micros), roundedFen, rounded, minFen, maxFen, boundApplied: applied, fen, text: { zh, en },
  };
}
