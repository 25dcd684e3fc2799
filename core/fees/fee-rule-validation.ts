// A fee rule as a person submits it (产品 → 收费规则), checked in one pass: every problem is reported at its
// field with a stable code, and nothing is accepted half-way. The valid rule comes back normalised (rates
// without needless zeros, the tier reading filled in).
import { DomainError, type FieldError } from '../shared/index.js';
import {
  DEFAULT_TIER_READING, FEE_BASES, TIER_READINGS, type FeeBase, type FeeFormula, type FeeRule, type FeeTier, type TierReading,
} from './fee-rule.js';
import { percentOrError } from './percent.js';

/** More tiers than this is a table no one can check by hand. */
export const MAX_FEE_TIERS = 20;

const fieldError = (path: string, code: string, zh: string, en: string): FieldError => ({ path, code, zh, en });

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function knownFields(obj: Record<string, unknown>, allowed: readonly string[], path: string, errors: FieldError[]): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) errors.push(fieldError(`${path}/${key}`, 'unknown_field', '未知字段', 'unknown field'));
  }
}

function fen(v: unknown, path: string, errors: FieldError[]): number | undefined {
  if (v === undefined || v === null) {
    errors.push(fieldError(path, 'required', '必填', 'is required'));
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
    errors.push(fieldError(path, 'not_integer', '须为整数（分）', 'must be a whole number of fen'));
    return undefined;
  }
  if (v < 0) {
    errors.push(fieldError(path, 'negative', '金额不能为负数', 'must not be negative'));
    return undefined;
  }
  return v;
}

function optionalFen(v: unknown, path: string, errors: FieldError[]): number | null | undefined {
  return v === undefined || v === null ? null : fen(v, path, errors);
}

function rate(v: unknown, path: string, errors: FieldError[]): string | undefined {
  const r = percentOrError(v, path);
  if ('ppm' in r) return r.text;
  errors.push(r);
  return undefined;
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string, code: string, errors: FieldError[]): T | undefined {
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  errors.push(v === undefined || v === null
    ? fieldError(path, 'required', '必填', 'is required')
    : fieldError(path, code, `须为 ${allowed.join('、')} 之一`, `must be one of ${allowed.join(', ')}`));
  return undefined;
}

function tiers(v: unknown, path: string, errors: FieldError[]): FeeTier[] | undefined {
  if (!Array.isArray(v)) {
    errors.push(fieldError(path, v === undefined || v === null ? 'required' : 'not_array', '须为档位列表', 'must be a list of tiers'));
    return undefined;
  }
  if (v.length === 0 || v.length > MAX_FEE_TIERS) {
    errors.push(fieldError(path, 'tier_count', `须有 1–${MAX_FEE_TIERS} 个档位`, `must have 1 to ${MAX_FEE_TIERS} tiers`));
    return undefined;
  }
  const before = errors.length;
  const out: FeeTier[] = [];
  let previous = 0;
  v.forEach((t: unknown, i) => {
    const at = `${path}/${i}`;
    if (!isRecord(t)) {
      errors.push(fieldError(at, 'not_object', '须为 { upToFen, ratePercent }', 'must be { upToFen, ratePercent }'));
      return;
    }
    knownFields(t, ['upToFen', 'ratePercent'], at, errors);
    const last = i === v.length - 1;
    const r = rate(t.ratePercent, `${at}/ratePercent`, errors);
    let upTo: number | null | undefined = null;
    if (t.upToFen === undefined || t.upToFen === null) {
      if (!last) errors.push(fieldError(`${at}/upToFen`, 'open_tier_not_last', '只有最后一档可以不设上限', 'only the last tier may be open-ended'));
    } else if (last) {
      errors.push(fieldError(`${at}/upToFen`, 'last_tier_bounded', '最后一档不设上限（适用于以上所有金额）', 'the last tier must be open-ended (it covers every amount above)'));
    } else {
      upTo = fen(t.upToFen, `${at}/upToFen`, errors);
      if (upTo !== undefined && upTo <= previous) {
        errors.push(fieldError(`${at}/upToFen`, 'tiers_not_ascending', '各档上限须逐档递增（且大于 0）', 'tier bounds must rise from tier to tier (and be above 0)'));
      }
      if (upTo !== undefined) previous = Math.max(previous, upTo);
    }
    if (r !== undefined && upTo !== undefined) out.push({ upToFen: upTo, ratePercent: r });
  });
  return errors.length > before ? undefined : out;
}

const FORMULA_FIELDS = {
  fixed: ['kind', 'amountFen'],
  rate: ['kind', 'base', 'ratePercent', 'minFen', 'maxFen'],
  tiered: ['kind', 'base', 'reading', 'tiers', 'minFen', 'maxFen'],
} as const;

function formula(v: unknown, path: string, errors: FieldError[]): FeeFormula | undefined {
  if (!isRecord(v)) {
    errors.push(fieldError(path, v === undefined || v === null ? 'required' : 'not_object', '须为收费公式', 'must be a fee formula'));
    return undefined;
  }
  const kind = oneOf(v.kind, ['fixed', 'rate', 'tiered'] as const, `${path}/kind`, 'unknown_kind', errors);
  if (kind === undefined) return undefined;
  const before = errors.length;
  if (kind === 'fixed') {
    for (const bound of ['minFen', 'maxFen'] as const) {
      if (v[bound] !== undefined && v[bound] !== null) {
        errors.push(fieldError(`${path}/${bound}`, 'not_applicable', '固定金额不设上下限', 'a fixed amount has no minimum or maximum'));
      }
    }
    knownFields(v, [...FORMULA_FIELDS.fixed, 'minFen', 'maxFen'], path, errors);
    const amountFen = fen(v.amountFen, `${path}/amountFen`, errors);
    return errors.length > before || amountFen === undefined ? undefined : { kind, amountFen };
  }
  knownFields(v, FORMULA_FIELDS[kind], path, errors);
  const base = oneOf<FeeBase>(v.base, FEE_BASES, `${path}/base`, 'unknown_base', errors);
  const minFen = optionalFen(v.minFen, `${path}/minFen`, errors);
  const maxFen = optionalFen(v.maxFen, `${path}/maxFen`, errors);
  if (minFen != null && maxFen != null && minFen > maxFen) {
    errors.push(fieldError(`${path}/minFen`, 'min_above_max', '最低收费不能高于最高收费', 'the minimum must not be above the maximum'));
  }
  if (kind === 'rate') {
    const ratePercent = rate(v.ratePercent, `${path}/ratePercent`, errors);
    if (errors.length > before || base === undefined || ratePercent === undefined || minFen === undefined || maxFen === undefined) return undefined;
    return { kind, base, ratePercent, minFen, maxFen };
  }
  const reading = v.reading === undefined || v.reading === null
    ? DEFAULT_TIER_READING
    : oneOf<TierReading>(v.reading, TIER_READINGS, `${path}/reading`, 'unknown_reading', errors);
  const list = tiers(v.tiers, `${path}/tiers`, errors);
  if (errors.length > before || base === undefined || reading === undefined || list === undefined || minFen === undefined || maxFen === undefined) return undefined;
  return { kind, base, reading, tiers: list, minFen, maxFen };
}

function optionalFormula(v: unknown, path: string, errors: FieldError[]): FeeFormula | null | undefined {
  return v === undefined || v === null ? null : formula(v, path, errors);
}

function invalidRule(errors: readonly FieldError[]): DomainError {
  return new DomainError('fee.invalid_rule', 'invalid', {
    zh: `收费规则有误：${errors.map((e) => `${e.path} ${e.zh}`).join('；')}`,
    en: `Invalid fee rule: ${errors.map((e) => `${e.path} ${e.en}`).join('; ')}`,
  }, {}, errors);
}

/** A submitted fee rule, normalised, or `fee.invalid_rule` listing every field's problem. */
export function validateFeeRule(input: unknown): FeeRule | DomainError {
  const errors: FieldError[] = [];
  if (!isRecord(input)) return invalidRule([fieldError('', 'not_object', '须为收费规则对象', 'must be a fee rule object')]);
  const split = oneOf(input.split, ['parts', 'share'] as const, '/split', 'unknown_split', errors);
  if (split === undefined) return invalidRule(errors);
  if (split === 'parts') {
    knownFields(input, ['split', 'upFront', 'success'], '', errors);
    const upFront = optionalFormula(input.upFront, '/upFront', errors);
    const success = optionalFormula(input.success, '/success', errors);
    if (upFront === null && success === null) {
      errors.push(fieldError('/upFront', 'no_part', '前期服务费与成功服务费至少设置一项', 'set an up-front fee, a success fee or both'));
    }
    if (errors.length > 0 || upFront === undefined || success === undefined) return invalidRule(errors);
    return { split, upFront, success };
  }
  knownFields(input, ['split', 'total', 'upFrontSharePercent'], '', errors);
  const total = formula(input.total, '/total', errors);
  const share = rate(input.upFrontSharePercent, '/upFrontSharePercent', errors);
  if (errors.length > 0 || total === undefined || share === undefined) return invalidRule(errors);
  return { split, total, upFrontSharePercent: share };
}
