// A tenant's inquiry settings: grading, the two pools' rules, the dictionaries and 常用语, with the
// brochure's values as defaults, the policies the rules run on, and the checks made when an admin saves them.
import { validationFailed, type DomainError, type FieldError } from '../shared/index.js';
import {
  DEFAULT_GRADING_POLICY, DEFAULT_POOL_SETTINGS, poolPolicyFor, validatePoolPolicy, validateGradingPolicy,
  type GradingPolicy, type PoolPolicy,
} from '../grading/index.js';
import type { InquiryDictionaries, InquirySettings, PoolKind, PoolRules } from './types.js';

/** The brochure's lists (电销, 按揭房, 回访跟进 …) and a few every such firm uses, as a new tenant's dictionaries. */
export const DEFAULT_DICTIONARIES: InquiryDictionaries = {
  sources: ['电销', '网络推广', '新媒体', '转介绍', '老客户', '地推', '其他'],
  propertyTypes: ['按揭房', '全款房', '自建房', '无房产'],
  followUpTypes: ['回访跟进', '产品方案', '邀约面谈', '考虑结果'],
};

/** The brochure's four 常用语 (its picker wraps them over several lines). */
export const DEFAULT_CANNED_PHRASES: readonly string[] = [
  '需要额度高、随借随还',
  '还款方式：先息后本、等额本息',
  '考虑额度低、需要X万',
  '税贷、发票贷都能做',
];

/** What a new tenant starts with: A/B/C grading, the default pool rules for both pools, the brochure's lists. */
export const DEFAULT_INQUIRY_SETTINGS: InquirySettings = {
  grading: { levels: DEFAULT_GRADING_POLICY.levels, workingHours: null },
  pools: { inquiry: { ...DEFAULT_POOL_SETTINGS }, customer: { ...DEFAULT_POOL_SETTINGS } },
  dictionaries: DEFAULT_DICTIONARIES,
  cannedPhrases: DEFAULT_CANNED_PHRASES,
  allowDuplicateMobiles: false,
  version: 0,
};

/** The grading policy the 生成 button and re-grading use: the tenant's levels in the tenant's zone. */
export function gradingPolicyOf(settings: Pick<InquirySettings, 'grading'>, timeZone: string): GradingPolicy {
  const { levels, workingHours } = settings.grading;
  return workingHours ? { levels, workingHours, timeZone } : { levels, timeZone };
}

/** A pool's policy: per-level days from the grading levels unless the pool overrides them. */
export function poolPolicyOf(settings: Pick<InquirySettings, 'grading' | 'pools'>, pool: PoolKind): PoolPolicy {
  const rules = settings.pools[pool];
  const base = poolPolicyFor(settings.grading, {
    reminderDaysBefore: rules.reminderDaysBefore,
    reclaimBlockDays: rules.reclaimBlockDays,
    maxHoldings: rules.maxHoldings,
  });
  return {
    ...base,
    noFollowUpDays: { ...base.noFollowUpDays, ...(rules.noFollowUpDays ?? {}) },
    overdueDays: { ...base.overdueDays, ...(rules.overdueDays ?? {}) },
  };
}

const ITEM_MAX = 20;
const LIST_MAX = 50;
const PHRASE_MAX = 200;

function listProblems(path: string, list: readonly string[], itemMax: number, zhName: string): FieldError[] {
  const out: FieldError[] = [];
  if (list.length === 0) out.push({ path, code: 'empty', zh: `${zhName}至少需要一项`, en: 'needs at least one entry' });
  if (list.length > LIST_MAX) out.push({ path, code: 'too_many', zh: `${zhName}最多 ${LIST_MAX} 项`, en: `has more than ${LIST_MAX} entries` });
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const text = item.trim();
    if (text.length === 0 || text.length > itemMax) {
      out.push({ path: `${path}/${i}`, code: 'bad_length', zh: `不能为空，且不超过 ${itemMax} 个字`, en: `must be 1–${itemMax} characters` });
    } else if (seen.has(text)) {
      out.push({ path: `${path}/${i}`, code: 'duplicate', zh: `「${text}」重复`, en: `"${text}" is listed twice` });
    }
    seen.add(text);
  });
  return out;
}

function prefixed(e: DomainError | null, prefix: string): FieldError[] {
  return (e?.fieldErrors ?? []).map((f) => ({ ...f, path: `${prefix}${f.path}` }));
}

/**
 * Settings are saved only when the grading policy and both pools' rules are valid (core/grading's checks),
 * a pool overrides only levels that exist, and each dictionary and the 常用语 are non-empty lists of distinct,
 * short entries. Every problem is listed with its path (validation.failed).
 */
export function validateInquirySettings(settings: InquirySettings, timeZone: string): DomainError | null {
  const out: FieldError[] = [];
  out.push(...prefixed(validateGradingPolicy(gradingPolicyOf(settings, timeZone)), '/grading'));
  const codes = new Set(settings.grading.levels.map((l) => l.code));
  for (const pool of ['inquiry', 'customer'] as const) {
    const rules: PoolRules = settings.pools[pool];
    out.push(...prefixed(validatePoolPolicy(poolPolicyOf(settings, pool)), `/pools/${pool}`));
    for (const k of ['noFollowUpDays', 'overdueDays'] as const) {
      for (const level of Object.keys(rules[k] ?? {})) {
        if (!codes.has(level)) {
          out.push({ path: `/pools/${pool}/${k}/${level}`, code: 'unknown_level', zh: `没有客户级别「${level}」`, en: `there is no level "${level}"` });
        }
      }
    }
  }
  out.push(...listProblems('/dictionaries/sources', settings.dictionaries.sources, ITEM_MAX, '客户来源'));
  out.push(...listProblems('/dictionaries/propertyTypes', settings.dictionaries.propertyTypes, ITEM_MAX, '客户房产'));
  out.push(...listProblems('/dictionaries/followUpTypes', settings.dictionaries.followUpTypes, ITEM_MAX, '跟进类型'));
  out.push(...listProblems('/cannedPhrases', settings.cannedPhrases, PHRASE_MAX, '常用语'));
  return out.length ? validationFailed(out) : null;
}

/** Trims every dictionary entry and phrase, as they are stored. */
export function tidySettings(settings: InquirySettings): InquirySettings {
  const trim = (l: readonly string[]): string[] => l.map((x) => x.trim());
  return {
    ...settings,
    grading: { ...settings.grading, levels: settings.grading.levels.map((l) => ({ ...l, code: l.code.trim(), name: l.name.trim() })) },
    dictionaries: {
      sources: trim(settings.dictionaries.sources),
      propertyTypes: trim(settings.dictionaries.propertyTypes),
      followUpTypes: trim(settings.dictionaries.followUpTypes),
    },
    cannedPhrases: trim(settings.cannedPhrases),
  };
}
