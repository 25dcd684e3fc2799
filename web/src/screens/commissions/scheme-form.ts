// 提成方案 as the editor holds it: amounts as the yuan a person types, rates as the percent text the server
// takes; turned into the version the server checks (it reports every problem at its path, /rules/0/tiers/1/rate).
import { ANY } from '@core/commissions/scheme.js';
import { percentUnits } from '@core/commissions/percent.js';
import type { SchemeVersion, TierMode } from '@core/commissions/types.js';
import { formatYuanGrouped, yuanToFen } from '../../lib/money.js';
import type { Json } from '../../api/json.js';
import type { VersionBody } from './commission-api.js';
import { dayAfter } from './month.js';

export interface TierDraft { from: string; rate: string }
export interface RuleDraft { roleCode: string; categoryCode: string; tiers: TierDraft[] }
export interface OverrideDraft { categoryCode: string; rate: string }
export interface SchemeDraft {
  version: number;
  effectiveFrom: string;
  tierMode: TierMode;
  ownerShare: string;
  sourceShare: string;
  rules: RuleDraft[];
  overrides: OverrideDraft[];
}

export const blankTier = (): TierDraft => ({ from: '', rate: '' });
export const blankRule = (): RuleDraft => ({ roleCode: ANY, categoryCode: ANY, tiers: [{ from: '0', rate: '' }] });
export const blankOverride = (): OverrideDraft => ({ categoryCode: ANY, rate: '' });

/**
 * The next version's draft: the latest version copied (so a change is a small edit), effective tomorrow; or a
 * plain start effective today (the very first version may start at once: nothing was accrued before it).
 */
export function nextDraft(latest: Json<SchemeVersion> | null, version: number, today: string): SchemeDraft {
  const tomorrow = dayAfter(today);
  if (!latest) {
    return { version, effectiveFrom: today, tierMode: 'whole', ownerShare: '100', sourceShare: '0', rules: [blankRule()], overrides: [] };
  }
  return {
    version,
    effectiveFrom: tomorrow > latest.effectiveFrom ? tomorrow : '',
    tierMode: latest.tierMode,
    ownerShare: latest.split.ownerShare,
    sourceShare: latest.split.sourceShare,
    rules: latest.rules.map((r) => ({ roleCode: r.roleCode, categoryCode: r.categoryCode, tiers: r.tiers.map((t) => ({ from: formatYuanGrouped(t.fromFen, { decimals: 'auto' }), rate: t.rate })) })),
    overrides: latest.overrides.map((o) => ({ categoryCode: o.categoryCode, rate: o.rate })),
  };
}

/** The two shares' sum as percent text, exact (core's own reading of a percent), or null while one is unreadable. */
export function shareSum(a: string, b: string): string | null {
  const x = percentUnits(a.trim());
  const y = percentUnits(b.trim());
  if (x === null || y === null) return null;
  const sum = x + y;
  const part = sum % 10_000n;
  return part ? `${sum / 10_000n}.${String(part).padStart(4, '0').replace(/0+$/, '')}` : String(sum / 10_000n);
}

export interface BadAmount { readonly path: string }

/** The version as the server takes it; a tier start that is not yuan is named by its path instead. */
export function versionBody(d: SchemeDraft): VersionBody | BadAmount[] {
  const bad: BadAmount[] = [];
  const rules = d.rules.map((r, i) => ({
    roleCode: r.roleCode.trim(),
    categoryCode: r.categoryCode.trim(),
    tiers: r.tiers.map((t, k) => {
      let fromFen = 0;
      try {
        fromFen = yuanToFen(t.from === '' && k === 0 ? '0' : t.from);
      } catch {
        bad.push({ path: `/rules/${i}/tiers/${k}/fromFen` });
      }
      return { fromFen, rate: t.rate.trim() };
    }),
  }));
  if (bad.length) return bad;
  return {
    version: d.version,
    effectiveFrom: d.effectiveFrom,
    tierMode: d.tierMode,
    split: { ownerShare: d.ownerShare.trim(), sourceShare: d.sourceShare.trim() },
    rules,
    overrides: d.overrides.map((o) => ({ categoryCode: o.categoryCode.trim(), rate: o.rate.trim() })),
  };
}
