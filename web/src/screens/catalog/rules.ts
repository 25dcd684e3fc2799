// 准入条件 as the editor holds them (texts as typed) and as the server takes them (core's Requirement). Each
// kind has its fixed comparison: 成立时长 ≥ months, 年纳税额 ≥ yuan, 负债 ≤ yuan, 法人年龄 between, 等级/地区 one of.
import type { Requirement, RequirementKind, TaxCreditRating } from '@core/products/requirement.js';
import { formatYuanGrouped, yuanToFen } from '../../lib/money.js';

export type Operator = 'atLeast' | 'atMost' | 'between' | 'oneOf' | 'has';

/** What each kind asks for: its comparison and the fields the editor shows. */
export const RULE_SHAPES: Readonly<Record<RequirementKind, { operator: Operator; fields: readonly ('min' | 'max' | 'minFen' | 'maxFen' | 'ratings' | 'prefixes')[] }>> = {
  companyAgeMonths: { operator: 'atLeast', fields: ['min'] },
  taxCreditRating: { operator: 'oneOf', fields: ['ratings'] },
  annualTaxPaid: { operator: 'atLeast', fields: ['minFen'] },
  annualInvoicing: { operator: 'atLeast', fields: ['minFen'] },
  legalRepAge: { operator: 'between', fields: ['min', 'max'] },
  region: { operator: 'oneOf', fields: ['prefixes'] },
  needsProperty: { operator: 'has', fields: [] },
  needsVehicle: { operator: 'has', fields: [] },
  maxExistingDebt: { operator: 'atMost', fields: ['maxFen'] },
};

export interface RuleDraft {
  kind: RequirementKind;
  min: string;
  max: string;
  /** minFen or maxFen, in yuan as typed. */
  yuan: string;
  ratings: TaxCreditRating[];
  /** Region prefixes, separated by commas or spaces. */
  prefixes: string;
}

export function blankRule(kind: RequirementKind): RuleDraft {
  return { kind, min: '', max: '', yuan: '', ratings: [], prefixes: '' };
}

export function draftOf(r: Requirement): RuleDraft {
  const d = blankRule(r.kind);
  if ('min' in r) d.min = String(r.min);
  if ('max' in r) d.max = String(r.max);
  if ('minFen' in r) d.yuan = formatYuanGrouped(r.minFen);
  if ('maxFen' in r) d.yuan = formatYuanGrouped(r.maxFen);
  if ('ratings' in r) d.ratings = [...r.ratings];
  if ('prefixes' in r) d.prefixes = r.prefixes.join('，');
  return d;
}

/** A whole number as typed, or the text itself so that the server names the field that is wrong. */
function integer(text: string): number | string | null {
  const s = text.trim();
  if (!s) return null;
  return /^-?\d+$/.test(s) ? Number(s) : s;
}

/** The rule as the server takes it; `bad` receives the fields whose yuan cannot be read (path under the rule). */
export function ruleBody(d: RuleDraft, bad: (field: string) => void): Record<string, unknown> {
  const body: Record<string, unknown> = { kind: d.kind };
  for (const f of RULE_SHAPES[d.kind].fields) {
    if (f === 'min' || f === 'max') {
      const n = integer(d[f]);
      if (n !== null) body[f] = n; // left out: the server says 必填 at the field
    }
    else if (f === 'ratings') body.ratings = d.ratings;
    else if (f === 'prefixes') body.prefixes = d.prefixes.split(/[,，、\s]+/).filter((x) => x.length > 0);
    else {
      try {
        if (d.yuan.trim()) body[f] = yuanToFen(d.yuan);
      } catch {
        bad(f);
      }
    }
  }
  return body;
}
