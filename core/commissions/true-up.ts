// 月末调档: tiers recomputed on the month's final total. During the month each receipt is accrued at the tier the
// person had reached at its confirmation (the running rate); when the statement is drawn up, every surviving
// accrual is recomputed on the month's final collected total and the difference becomes one true-up line per
// role and rule. 全额累进: every line at the rate of the tier the final total reaches (a later receipt that lifts
// the person into a higher tier lifts the whole month). 超额累进: the surviving lines in confirmation order fill
// the bands again (only a reversal within the month moves them). Each recomputed line is rounded half-up on its own.
import { creditedInMonth, survivingAccruals, trueUpId } from './lines.js';
import { lastDayOf } from './month.js';
import { rateRuleFor, versionNumbered } from './scheme.js';
import { tierIndex, tieredAmount } from './tiers.js';
import type { CommissionLine, RateRule, SchemeVersion, Tier } from './types.js';

const ROLE_ORDER = { owner: 0, source: 1, head: 2 } as const;

function ruleOf(history: readonly SchemeVersion[], l: CommissionLine): RateRule {
  const v = versionNumbered(history, l.schemeVersion);
  const rule = v ? rateRuleFor(v, l.roleCode, l.categoryCode) : null;
  if (!rule) throw new Error(`scheme version ${l.schemeVersion} has no rule for ${l.roleCode}/${l.categoryCode} that line ${l.id} used`);
  return rule;
}

/** The lines that bring a person's month to its final tiers; none when nothing changes. */
export function monthEndTrueUp(lines: readonly CommissionLine[], personId: string, month: string, history: readonly SchemeVersion[]): CommissionLine[] {
  // In the order they were accrued: by the total the person had before each (then day, receipt and role).
  const surviving = survivingAccruals(lines, personId, month).sort((a, b) =>
    a.priorFen - b.priorFen || (a.on < b.on ? -1 : a.on > b.on ? 1 : 0) || (a.receiptId ?? '').localeCompare(b.receiptId ?? '') || ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  const total = creditedInMonth(lines, personId, month);
  const groups = new Map<string, { first: CommissionLine; last: CommissionLine; rule: RateRule; tiers: readonly Tier[]; baseFen: number; finalFen: number; accruedFen: number; shares: Set<string> }>();
  let before = 0;
  for (const l of surviving) {
    const rule = ruleOf(history, l);
    const tiers = rule.tiers;
    const finalFen = l.tierMode === 'whole' ? tieredAmount('whole', tiers, total - l.baseFen, l.baseFen).amountFen : tieredAmount('marginal', tiers, before, l.baseFen).amountFen;
    before += l.baseFen;
    const key = trueUpId(month, personId, l.role, l.schemeVersion, rule.roleCode, rule.categoryCode);
    const g = groups.get(key) ?? { first: l, last: l, rule, tiers, baseFen: 0, finalFen: 0, accruedFen: 0, shares: new Set<string>() };
    groups.set(key, { ...g, last: l, baseFen: g.baseFen + l.baseFen, finalFen: g.finalFen + finalFen, accruedFen: g.accruedFen + l.amountFen, shares: g.shares.add(l.share) });
  }
  const out: CommissionLine[] = [];
  for (const [id, g] of groups) {
    const diff = g.finalFen - g.accruedFen;
    if (diff === 0) continue;
    const index = tierIndex(g.tiers, total);
    out.push({
      id, kind: 'true_up', receiptId: null, orderId: null, personId, role: g.first.role, roleCode: g.rule.roleCode, categoryCode: g.rule.categoryCode,
      departmentId: g.last.departmentId, on: lastDayOf(month), month, schemeVersion: g.first.schemeVersion, tierMode: g.first.tierMode, receiptFen: 0,
      priorFen: total, share: g.shares.size === 1 ? g.first.share : '', baseFen: g.baseFen, rate: g.tiers[index]?.rate ?? '0', tier: index + 1, amountFen: diff,
    });
  }
  return out;
}
