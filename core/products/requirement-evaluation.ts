// Whether one requirement holds for what is known about a company and customer: met, unmet, or unknown
// when the fact it needs is missing (or too coarse, such as a province where a city is required).
import { amountEn, amountZh } from './amount-text.js';
import type { MatchSubject } from './match-subject.js';
import { normaliseRegionPrefix, type Requirement, type RequirementKind } from './requirement.js';

export type ReasonStatus = 'met' | 'unmet' | 'unknown';

/** One requirement's verdict, with a sentence a sales person can read to the customer. */
export interface MatchReason {
  readonly kind: RequirementKind;
  readonly status: ReasonStatus;
  readonly zh: string;
  readonly en: string;
}

type Verdict = Omit<MatchReason, 'kind'>;
type Evaluator<K extends RequirementKind> = (rule: Extract<Requirement, { kind: K }>, s: MatchSubject) => Verdict;

function known<T>(v: T | null | undefined): v is T {
  return v !== null && v !== undefined;
}

function verdict(status: ReasonStatus, zh: string, en: string): Verdict {
  return { status, zh, en };
}

function atLeast(value: number | null | undefined, min: number, zh: (v: number) => string, en: (v: number) => string, missing: Verdict): Verdict {
  if (!known(value)) return missing;
  return verdict(value >= min ? 'met' : 'unmet', zh(value), en(value));
}

function ownership(value: boolean | null | undefined, thing: { zh: string; en: string }): Verdict {
  if (!known(value)) return verdict('unknown', `不清楚客户名下是否有${thing.zh}（要求有${thing.zh}）`, `Unknown whether the customer owns a ${thing.en} (required)`);
  return value
    ? verdict('met', `客户名下有${thing.zh}`, `The customer owns a ${thing.en}`)
    : verdict('unmet', `客户名下无${thing.zh}，该产品要求有${thing.zh}`, `The customer owns no ${thing.en}; the product requires one`);
}

/**
 * A region prefix against the subject's code or name: 'met', 'unmet', or 'unknown' when that fact is missing
 * or names only a larger area than the prefix (province known, city required).
 */
function regionStatus(prefix: string, code: string | null, name: string | null): ReasonStatus {
  const value = /^\d+$/.test(prefix) ? code : name;
  if (value === null) return 'unknown';
  if (value.startsWith(prefix)) return 'met';
  return prefix.startsWith(value) ? 'unknown' : 'unmet';
}

const EVALUATORS: { readonly [K in RequirementKind]: Evaluator<K> } = {
  companyAgeMonths: (r, s) => atLeast(s.companyAgeMonths, r.min,
    (v) => `企业成立 ${v} 个月，要求至少 ${r.min} 个月`,
    (v) => `Company is ${v} months old; at least ${r.min} required`,
    verdict('unknown', `缺少企业成立时间（要求至少 ${r.min} 个月）`, `Company age unknown (at least ${r.min} months required)`)),

  taxCreditRating: (r, s) => {
    const allowed = r.ratings.join('/');
    if (!known(s.taxCreditRating)) return verdict('unknown', `缺少纳税信用等级（要求 ${allowed} 级）`, `Tax credit rating unknown (${allowed} required)`);
    return verdict(r.ratings.includes(s.taxCreditRating) ? 'met' : 'unmet',
      `纳税信用等级 ${s.taxCreditRating} 级，要求 ${allowed} 级`, `Tax credit rating ${s.taxCreditRating}; ${allowed} required`);
  },

  annualTaxPaid: (r, s) => atLeast(s.annualTaxPaidFen, r.minFen,
    (v) => `年纳税 ${amountZh(v)}，要求至少 ${amountZh(r.minFen)}`,
    (v) => `Annual tax paid ${amountEn(v)}; at least ${amountEn(r.minFen)} required`,
    verdict('unknown', `缺少年纳税额（要求至少 ${amountZh(r.minFen)}）`, `Annual tax paid unknown (at least ${amountEn(r.minFen)} required)`)),

  annualInvoicing: (r, s) => atLeast(s.annualInvoicingFen, r.minFen,
    (v) => `年开票 ${amountZh(v)}，要求至少 ${amountZh(r.minFen)}`,
    (v) => `Annual invoicing ${amountEn(v)}; at least ${amountEn(r.minFen)} required`,
    verdict('unknown', `缺少年开票额（要求至少 ${amountZh(r.minFen)}）`, `Annual invoicing unknown (at least ${amountEn(r.minFen)} required)`)),

  legalRepAge: (r, s) => {
    if (!known(s.legalRepAge)) return verdict('unknown', `缺少法人年龄（要求 ${r.min}–${r.max} 岁）`, `Legal representative's age unknown (${r.min}–${r.max} required)`);
    const ok = s.legalRepAge >= r.min && s.legalRepAge <= r.max;
    return verdict(ok ? 'met' : 'unmet', `法人 ${s.legalRepAge} 岁，要求 ${r.min}–${r.max} 岁`, `Legal representative is ${s.legalRepAge}; ${r.min}–${r.max} required`);
  },

  region: (r, s) => {
    const code = known(s.region?.code) && s.region.code.trim() !== '' ? normaliseRegionPrefix(s.region.code) : null;
    const name = known(s.region?.name) && s.region.name.trim() !== '' ? s.region.name.trim() : null;
    const statuses = r.prefixes.map((p) => regionStatus(p, code, name));
    const list = r.prefixes.join('、');
    const where = name ?? code ?? '';
    if (statuses.includes('met')) return verdict('met', `企业所在地区「${where}」在准入范围（${list}）内`, `Region "${where}" is within ${r.prefixes.join(', ')}`);
    if (statuses.includes('unknown')) return verdict('unknown', `企业所在地区不明，无法判断是否在 ${list} 内`, `Region unknown or too coarse to tell whether it is within ${r.prefixes.join(', ')}`);
    return verdict('unmet', `企业所在地区「${where}」不在准入范围（${list}）内`, `Region "${where}" is not within ${r.prefixes.join(', ')}`);
  },

  needsProperty: (_r, s) => ownership(s.hasProperty, { zh: '房产', en: 'property' }),

  needsVehicle: (_r, s) => ownership(s.hasVehicle, { zh: '车辆', en: 'vehicle' }),

  maxExistingDebt: (r, s) => {
    if (!known(s.existingDebtFen)) return verdict('unknown', `缺少现有负债（要求不超过 ${amountZh(r.maxFen)}）`, `Existing debt unknown (at most ${amountEn(r.maxFen)} allowed)`);
    return verdict(s.existingDebtFen <= r.maxFen ? 'met' : 'unmet',
      `现有负债 ${amountZh(s.existingDebtFen)}，要求不超过 ${amountZh(r.maxFen)}`,
      `Existing debt ${amountEn(s.existingDebtFen)}; at most ${amountEn(r.maxFen)} allowed`);
  },
};

/** Judges one requirement against the known facts: met, unmet, or unknown when the needed fact is missing. */
export function evaluateRequirement(rule: Requirement, subject: MatchSubject): MatchReason {
  const evaluate = EVALUATORS[rule.kind] as Evaluator<RequirementKind>;
  return { kind: rule.kind, ...evaluate(rule as never, subject) };
}
