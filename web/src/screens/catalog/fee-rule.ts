// 收费规则 as the form holds it: for each part (前期服务费, 成功服务费) a kind and its fields as typed text (yuan,
// percent), turned into the rule the server takes (fen, percent texts). A 'share' rule, which the form does not
// edit, is kept as it was read.
import type { FeeBase, FeeFormula, FeeRule, TierReading } from '@core/fees/index.js';
import { formatYuanGrouped, yuanToFen } from '../../lib/money.js';

export type PartKind = 'none' | 'fixed' | 'rate' | 'tiered';
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
export interface FeeRuleDraft { upFront: PartDraft; success: PartDraft }

const yuan = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '' : formatYuanGrouped(fen));

export function blankPart(kind: PartKind = 'none', base: FeeBase = 'disbursed'): PartDraft {
  return { kind, amount: '', base, rate: '', min: '', max: '', reading: 'marginal', tiers: [{ upTo: '', rate: '' }, { upTo: '', rate: '' }] };
}

function partOf(f: FeeFormula | null): PartDraft {
  if (f === null) return blankPart();
  if (f.kind === 'fixed') return { ...blankPart('fixed'), amount: yuan(f.amountFen) };
  const bounds = { min: yuan(f.minFen), max: yuan(f.maxFen), base: f.base };
  if (f.kind === 'rate') return { ...blankPart('rate'), ...bounds, rate: f.ratePercent };
  return { ...blankPart('tiered'), ...bounds, reading: f.reading, tiers: f.tiers.map((t) => ({ upTo: yuan(t.upToFen), rate: t.ratePercent })) };
}

/** The form of a rule; null for a 'share' rule (shown, not edited here). */
export function draftOf(rule: FeeRule): FeeRuleDraft | null {
  if (rule.split !== 'parts') return null;
  return { upFront: partOf(rule.upFront), success: partOf(rule.success) };
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

export function ruleBody(d: FeeRuleDraft, bad: (path: string) => void): unknown {
  return { split: 'parts', upFront: formulaOf(d.upFront, '/upFront', bad), success: formulaOf(d.success, '/success', bad) };
}
