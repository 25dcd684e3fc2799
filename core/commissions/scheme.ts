// A firm's commission scheme (提成方案), checked field by field, and the version that applies on a day. Versions
// are kept for good: a line records the version it used, and a change applies only to receipts confirmed on or
// after its effective date, which must lie after today so no receipt already confirmed ever falls under it.
import { validationFailed, isLocalDateText, type DomainError, type FieldError } from '../shared/index.js';
import { percentUnits, PERCENT_DENOMINATOR } from './percent.js';
import { DEFAULT_TIER_MODE, TIER_MODES, type OverrideRule, type RateRule, type SchemeVersion, type Split, type Tier, type TierMode } from './types.js';

/** A version as a firm writes it; tierMode and overrides may be left out. */
export interface SchemeVersionInput {
  readonly version: number;
  readonly effectiveFrom: string;
  readonly tierMode?: TierMode | undefined;
  readonly split: Split;
  readonly rules: readonly RateRule[];
  readonly overrides?: readonly OverrideRule[] | undefined;
}

/** Any rule: '*' matches every role or category; otherwise a code as 组织架构 and 产品分类 write them. */
export const ANY = '*';
const CODE = /^(\*|[A-Za-z][A-Za-z0-9_-]{0,39})$/;
const MAX_TIERS = 20;
const MAX_RULES = 500;

const err = (path: string, code: string, zh: string, en: string): FieldError => ({ path, code, zh, en });
const rateError = (path: string): FieldError => err(path, 'invalid_rate', '比例须为 0 到 100 之间的百分数，最多四位小数（例如 3 或 1.5）', 'must be a percentage from 0 to 100 with at most 4 decimals (e.g. 3 or 1.5)');

function checkTiers(tiers: readonly Tier[] | undefined, path: string, errors: FieldError[]): void {
  if (!Array.isArray(tiers) || tiers.length === 0 || tiers.length > MAX_TIERS) {
    errors.push(err(path, 'tiers_required', `请设置 1 到 ${MAX_TIERS} 档比例`, `give 1 to ${MAX_TIERS} tiers`));
    return;
  }
  tiers.forEach((t, i) => {
    if (percentUnits(t?.rate) === null) errors.push(rateError(`${path}/${i}/rate`));
    const from = t?.fromFen;
    if (!Number.isSafeInteger(from) || from < 0) {
      errors.push(err(`${path}/${i}/fromFen`, 'invalid_amount', '起点金额须为不小于 0 的整数分', 'must be a whole, non-negative number of fen'));
    } else if (i === 0 && from !== 0) {
      errors.push(err(`${path}/0/fromFen`, 'first_tier_not_zero', '第一档须从 0 元起', 'the first tier starts at 0'));
    } else if (i > 0 && !(from > (tiers[i - 1]?.fromFen ?? Infinity))) {
      errors.push(err(`${path}/${i}/fromFen`, 'tiers_not_ascending', '各档起点金额须逐档递增', 'each tier must start above the one before'));
    }
  });
}

function checkSplit(split: Split | undefined, errors: FieldError[]): void {
  const owner = percentUnits(split?.ownerShare);
  const source = percentUnits(split?.sourceShare);
  if (owner === null) errors.push(rateError('/split/ownerShare'));
  if (source === null) errors.push(rateError('/split/sourceShare'));
  if (owner !== null && source !== null && owner + source !== PERCENT_DENOMINATOR) {
    errors.push(err('/split', 'split_not_100', '负责人与来源的分配比例之和须正好为 100%', 'the owner and source shares must add up to exactly 100 %'));
  }
}

function checkCode(code: unknown, path: string, errors: FieldError[]): void {
  if (typeof code !== 'string' || !CODE.test(code)) {
    errors.push(err(path, 'invalid_code', '须为 *（全部）或字母开头的编码（最多 40 个字符）', 'must be * (any) or a code starting with a letter, at most 40 characters'));
  }
}

/** Checks a version: every field's problem at once as `validation.failed`, or the version with its defaults. */
export function validateSchemeVersion(input: SchemeVersionInput): SchemeVersion | DomainError {
  const errors: FieldError[] = [];
  if (!Number.isSafeInteger(input.version) || input.version < 1) errors.push(err('/version', 'invalid_version', '版本号须为正整数', 'must be a positive whole number'));
  if (typeof input.effectiveFrom !== 'string' || !isLocalDateText(input.effectiveFrom)) {
    errors.push(err('/effectiveFrom', 'invalid_date', '生效日期须为 YYYY-MM-DD 格式的日期', 'must be a date written YYYY-MM-DD'));
  }
  const tierMode = input.tierMode ?? DEFAULT_TIER_MODE;
  if (!TIER_MODES.includes(tierMode)) errors.push(err('/tierMode', 'invalid_tier_mode', '阶梯方式须为 whole（全额累进）或 marginal（超额累进）', 'must be whole or marginal'));
  checkSplit(input.split, errors);
  const rules = Array.isArray(input.rules) ? input.rules : [];
  if (rules.length === 0 || rules.length > MAX_RULES) errors.push(err('/rules', 'rules_required', `请设置 1 到 ${MAX_RULES} 条提成比例`, `give 1 to ${MAX_RULES} rate rules`));
  const seen = new Set<string>();
  rules.forEach((r, i) => {
    checkCode(r?.roleCode, `/rules/${i}/roleCode`, errors);
    checkCode(r?.categoryCode, `/rules/${i}/categoryCode`, errors);
    checkTiers(r?.tiers, `/rules/${i}/tiers`, errors);
    const key = `${r?.roleCode}\u0000${r?.categoryCode}`;
    if (seen.has(key)) errors.push(err(`/rules/${i}`, 'duplicate_rule', '同一岗位和产品分类只能有一条比例', 'one rule per role and product category'));
    seen.add(key);
  });
  const overrides = input.overrides ?? [];
  const seenOverride = new Set<string>();
  overrides.forEach((o, i) => {
    checkCode(o?.categoryCode, `/overrides/${i}/categoryCode`, errors);
    if (percentUnits(o?.rate) === null) errors.push(rateError(`/overrides/${i}/rate`));
    if (seenOverride.has(o?.categoryCode)) errors.push(err(`/overrides/${i}`, 'duplicate_rule', '同一产品分类只能有一条部门负责人提成', 'one override per product category'));
    seenOverride.add(o?.categoryCode);
  });
  if (errors.length > 0) return validationFailed(errors);
  return { version: input.version, effectiveFrom: input.effectiveFrom, tierMode, split: input.split, rules, overrides };
}

/**
 * A new version may follow the history only as the next number, effective after today (a change never reaches
 * back over receipts already confirmed) and after the last version's effective date.
 */
export function checkNextVersion(history: readonly SchemeVersion[], next: SchemeVersion, today: string): DomainError | null {
  const errors: FieldError[] = [];
  const last = history.reduce<SchemeVersion | null>((a, v) => (a === null || v.version > a.version ? v : a), null);
  const expected = (last?.version ?? 0) + 1;
  if (next.version !== expected) errors.push(err('/version', 'not_next_version', `新版本号须为 ${expected}`, `the new version must be ${expected}`));
  if (history.length > 0 && next.effectiveFrom <= today) {
    errors.push(err('/effectiveFrom', 'not_after_today', '方案调整只能从明天或之后生效，已确认的回款不受影响', 'a change takes effect from tomorrow at the earliest, never over receipts already confirmed'));
  } else if (last !== null && next.effectiveFrom <= last.effectiveFrom) {
    errors.push(err('/effectiveFrom', 'not_after_previous', `生效日期须晚于上一版本的 ${last.effectiveFrom}`, `must be after the previous version's ${last.effectiveFrom}`));
  }
  return errors.length ? validationFailed(errors) : null;
}

/** The version in force on a day: the latest whose effective date is on or before it; null before the first. */
export function versionOn(history: readonly SchemeVersion[], date: string): SchemeVersion | null {
  let best: SchemeVersion | null = null;
  for (const v of history) if (v.effectiveFrom <= date && (best === null || v.effectiveFrom > best.effectiveFrom)) best = v;
  return best;
}

/** The version numbered `version`; null when the history does not hold it. */
export function versionNumbered(history: readonly SchemeVersion[], version: number): SchemeVersion | null {
  return history.find((v) => v.version === version) ?? null;
}

/** The rule for a role and category, most specific first: both named, role only, category only, then '*'/'*'. */
export function rateRuleFor(v: SchemeVersion, roleCode: string, categoryCode: string): RateRule | null {
  const candidates: [string, string][] = [[roleCode, categoryCode], [roleCode, ANY], [ANY, categoryCode], [ANY, ANY]];
  for (const [role, category] of candidates) {
    const rule = v.rules.find((r) => r.roleCode === role && r.categoryCode === category);
    if (rule) return rule;
  }
  return null;
}

/** The head's override rate for a category (named before '*'); null when the scheme pays none. */
export function overrideRateFor(v: SchemeVersion, categoryCode: string): string | null {
  return (v.overrides.find((o) => o.categoryCode === categoryCode) ?? v.overrides.find((o) => o.categoryCode === ANY))?.rate ?? null;
}
