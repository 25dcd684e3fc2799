// 收费规则 as the form holds it, either way a rule splits: 'parts' (a formula for 前期服务费 and one for 成功服务费)
// or 'share' (one formula for the total, of which a percent is due up front). Each formula is a kind and its
// fields as typed text (yuan, percent), turned into the rule the server takes (fen, percent texts).
import type { FeeBase, FeeFormula, FeeRule, TierReading } from '@core/fees/index.js';
import { formatYuanGrouped, yuanToFen } from '../../lib/money.js';

export type PartKind = 'none' | 'fixed' | 'rate' | 'tiered';
export type Split = FeeRule['split'];
/** The formulas the form edits: the two parts of a 'parts' rule, the total of a 'share' rule. */
export type PartName = 'upFront' | 'success' | 'total';
export interface TierDraft { upTo: string; rate: string }
export interface PartDraft {
  kind: PartKind;
  amount: string;
  base: FeeBase;
  rate: string;
  min: string;
  max: string;
  reading: TierReading;
  tiers: TierDraft[];
}
/** Both ways are held at once, so switching the split back and forth loses nothing typed. */
export interface FeeRuleDraft {
  split: Split;
  upFront: PartDraft;
  success: PartDraft;
  total: PartDraft;
  /** 前期收取比例 of a 'share' rule, percent text. */
  upFrontShare: string;
}

/** The formulas shown for a split, in order. */
export const PARTS_OF: Readonly<Record<Split, readonly PartName[]>> = { parts: ['upFront', 'success'], share: ['total'] };
/** A part of a 'parts' rule may be left out; the total of a 'share' rule may not. */
export const KINDS_OF: Readonly<Record<PartName, readonly PartKind[]>> = {
  upFront: ['none', 'fixed', 'rate', 'tiered'], success: ['none', 'fixed', 'rate', 'tiered'], total: ['fixed', 'rate', 'tiered'],
};

const yuan = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '' : formatYuanGrouped(fen));

export function blankPart(kind: PartKind = 'none', base: FeeBase = 'disbursed'): PartDraft {
  return { kind, amount: '', base, rate: '', min: '', max: '', reading: 'marginal', tiers: [{ upTo: '', rate: '' }, { upTo: '', rate: '' }] };
}

/** The form before any rule is read: 前期 a fixed amount; a share rule would start as a rate on the disbursed amount. */
export function blankDraft(): FeeRuleDraft {
  return { split: 'parts', upFront: blankPart('fixed'), success: blankPart(), total: blankPart('rate'), upFrontShare: '' };
}

function partOf(f: FeeFormula | null): PartDraft {
  if (f === null) return blankPart();
  if (f.kind === 'fixed') return { ...blankPart('fixed'), amount: yuan(f.amountFen) };
  const bounds = { min: yuan(f.minFen), max: yuan(f.maxFen), base: f.base };
  if (f.kind === 'rate') return { ...blankPart('rate'), ...bounds, rate: f.ratePercent };
  return { ...blankPart('tiered'), ...bounds, reading: f.reading, tiers: f.tiers.map((t) => ({ upTo: yuan(t.upToFen), rate: t.ratePercent })) };
}

/** The form of a stored rule; the other split keeps its blank start. */
export function draftOf(rule: FeeRule): FeeRuleDraft {
  const blank = blankDraft();
  if (rule.split === 'share') return { ...blank, split: 'share', total: partOf(rule.total), upFrontShare: rule.upFrontSharePercent };
  return { ...blank, upFront: partOf(rule.upFront), success: partOf(rule.success) };
}

/** Yuan that cannot be read goes to `bad` with its path; the server checks everything else. */
function formulaOf(p: PartDraft, path: string, bad: (path: string) => void): unknown {
  const fen = (text: string, at: string): number | null => {
    if (text.trim() === '') return null;
    try {
      return yuanToFen(text);
    } catch {
      bad(at);
      return 0;
    }
  };
  switch (p.kind) {
    case 'none': return null;
    case 'fixed': return { kind: 'fixed', amountFen: fen(p.amount, `${path}/amountFen`) };
    case 'rate': return { kind: 'rate', base: p.base, ratePercent: p.rate.trim(), minFen: fen(p.min, `${path}/minFen`), maxFen: fen(p.max, `${path}/maxFen`) };
    case 'tiered': return {
      kind: 'tiered', base: p.base, reading: p.reading, minFen: fen(p.min, `${path}/minFen`), maxFen: fen(p.max, `${path}/maxFen`),
      tiers: p.tiers.map((t, i) => ({ upToFen: i === p.tiers.length - 1 ? null : fen(t.upTo, `${path}/tiers/${i}/upToFen`), ratePercent: t.rate.trim() })),
    };
  }
}

/** The rule the server takes, for the split chosen (only that split's fields are sent). */
export function ruleBody(d: FeeRuleDraft, bad: (path: string) => void): unknown {
  if (d.split === 'share') return { split: 'share', total: formulaOf(d.total, '/total', bad), upFrontSharePercent: d.upFrontShare.trim() };
  return { split: 'parts', upFront: formulaOf(d.upFront, '/upFront', bad), success: formulaOf(d.success, '/success', bad) };
}
