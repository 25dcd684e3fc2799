// Making the instalments of a collection plan (回款计划): an equal split, shares in percent, a deposit plus the
// rest on disbursement, or by hand. Amounts are integer fen and always add up exactly to the total: every
// instalment but the last is rounded down to the fen, and the last takes the remainder.
import { domainError, validationFailed, isLocalDateText, type DomainError, type FieldError } from '../shared/index.js';
import type { InstalmentDraft, PlanMethod } from './types.js';

export const MAX_INSTALMENTS = 120;

export type PlanSpec =
  | { readonly method: 'equal'; readonly count: number; readonly firstDueOn: string; readonly intervalMonths?: number | undefined }
  | { readonly method: 'percentages'; readonly shares: readonly { readonly percent: number; readonly dueOn: string }[] }
  | {
      readonly method: 'deposit';
      /** The deposit (定金) as an amount in fen or as a percentage of the total: exactly one of them. */
      readonly depositFen?: number | undefined;
      readonly depositPercent?: number | undefined;
      readonly depositDueOn: string;
    }
  | { readonly method: 'manual'; readonly instalments: readonly { readonly dueOn: string | null; readonly amountFen: number; readonly onDisbursement?: boolean | undefined }[] };

const fieldError = (path: string, code: string, zh: string, en: string): FieldError => ({ path, code, zh, en });

function checkDate(text: unknown, path: string, errors: FieldError[]): text is string {
  if (typeof text === 'string' && isLocalDateText(text)) return true;
  errors.push(fieldError(path, 'invalid_date', '须为 YYYY-MM-DD 格式的日期', 'must be a date written YYYY-MM-DD'));
  return false;
}

/** The same day `months` calendar months after a 'YYYY-MM-DD' date; the 31st becomes the month's last day. */
export function addMonthsToDate(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(2000, 0, 1));
  last.setUTCFullYear(year, month, 0); // day 0 of the next month: the target month's last day
  const day = Math.min(d, last.getUTCDate());
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An equal split: each instalment is the total divided by the count rounded down to the fen; the last takes the remainder. */
export function equalSplit(totalFen: number, count: number): number[] {
  const each = Math.floor(totalFen / count);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? totalFen - each * (count - 1) : each));
}

/**
 * A percentage to basis points (1% = 100), or null when it has more than two decimals or is not positive:
 * shares are kept as integers so that they add up to exactly 100%.
 */
export function toBasisPoints(percent: number): number | null {
  if (!Number.isFinite(percent) || percent <= 0 || percent > 100) return null;
  const bp = Math.round(percent * 100);
  return Math.abs(percent * 100 - bp) < 1e-6 ? bp : null;
}

/** Shares of a total by basis points summing to 10000: each rounded down to the fen, the last takes the remainder. */
export function shareSplit(totalFen: number, basisPoints: readonly number[]): number[] {
  const total = BigInt(totalFen);
  const out: number[] = [];
  let given = 0;
  basisPoints.forEach((bp, i) => {
    if (i === basisPoints.length - 1) out.push(totalFen - given);
    else {
      const amount = Number((total * BigInt(bp)) / 10000n);
      out.push(amount);
      given += amount;
    }
  });
  return out;
}

/** Every instalment must be a positive amount with a date, or due on disbursement; at most MAX_INSTALMENTS. */
export function checkDrafts(drafts: readonly InstalmentDraft[], path = '/instalments'): FieldError[] {
  const errors: FieldError[] = [];
  if (drafts.length === 0) errors.push(fieldError(path, 'required', '至少需要一期', 'needs at least one instalment'));
  if (drafts.length > MAX_INSTALMENTS) errors.push(fieldError(path, 'too_many', `最多 ${MAX_INSTALMENTS} 期`, `at most ${MAX_INSTALMENTS} instalments`));
  drafts.forEach((d, i) => {
    if (!Number.isSafeInteger(d.amountFen) || d.amountFen <= 0) {
      errors.push(fieldError(`${path}/${i}/amountFen`, 'not_positive', '每期金额须大于 0（以分计的整数）', 'each instalment must be a positive whole number of fen'));
    }
    if (d.dueOn === null && !d.onDisbursement) {
      errors.push(fieldError(`${path}/${i}/dueOn`, 'required', '请填写到期日，或设为放款后付清', 'give a due date, or make it due on disbursement'));
    }
    if (d.dueOn !== null) checkDate(d.dueOn, `${path}/${i}/dueOn`, errors);
  });
  return errors;
}

/**
 * The instalments of a plan spec for a total (the receivable, or what is left of it when a plan is revised
 * around instalments already collected), or a DomainError naming every problem of the spec.
 */
export function generateInstalments(spec: PlanSpec, totalFen: number): InstalmentDraft[] | DomainError {
  if (!Number.isSafeInteger(totalFen) || totalFen <= 0) {
    return domainError('collection.nothing_to_plan', 'rule', '没有待安排的回款金额', 'There is no amount left to plan', { totalFen });
  }
  const errors: FieldError[] = [];
  let drafts: InstalmentDraft[] = [];
  switch (spec.method) {
    case 'equal': {
      const interval = spec.intervalMonths ?? 1;
      if (!Number.isSafeInteger(spec.count) || spec.count < 1 || spec.count > MAX_INSTALMENTS) {
        errors.push(fieldError('/count', 'out_of_range', `期数须为 1 到 ${MAX_INSTALMENTS}`, `count must be 1 to ${MAX_INSTALMENTS}`));
      }
      if (!Number.isSafeInteger(interval) || interval < 0 || interval > 24) {
        errors.push(fieldError('/intervalMonths', 'out_of_range', '间隔月数须为 0 到 24', 'intervalMonths must be 0 to 24'));
      }
      if (!checkDate(spec.firstDueOn, '/firstDueOn', errors) || errors.length) break;
      if (spec.count > totalFen) {
        errors.push(fieldError('/count', 'too_many', '期数多于金额的分数，每期将不足 1 分', 'more instalments than fen in the total'));
        break;
      }
      drafts = equalSplit(totalFen, spec.count).map((amountFen, i) => ({ dueOn: addMonthsToDate(spec.firstDueOn, i * interval), amountFen, onDisbursement: false }));
      break;
    }
    case 'percentages': {
      const bps: number[] = [];
      const shares = spec.shares ?? []; // a spec from outside (an API body, a host's call) may leave the list out
      if (shares.length === 0 || shares.length > MAX_INSTALMENTS) {
        errors.push(fieldError('/shares', 'out_of_range', `须有 1 到 ${MAX_INSTALMENTS} 期`, `needs 1 to ${MAX_INSTALMENTS} shares`));
      }
      shares.forEach((s, i) => {
        const bp = toBasisPoints(s.percent);
        if (bp === null) errors.push(fieldError(`/shares/${i}/percent`, 'invalid_percent', '比例须大于 0、不超过 100，最多两位小数', 'percent must be above 0, at most 100, with at most two decimals'));
        else bps.push(bp);
        checkDate(s.dueOn, `/shares/${i}/dueOn`, errors);
      });
      if (errors.length) break;
      const sum = bps.reduce((a, b) => a + b, 0);
      if (sum !== 10000) {
        return domainError('collection.percentages_not_100', 'invalid', `各期比例合计须为 100%，现为 ${sum / 100}%`, `The shares must add up to 100%, not ${sum / 100}%`, { sumPercent: sum / 100 });
      }
      drafts = shareSplit(totalFen, bps).map((amountFen, i) => ({ dueOn: shares[i]?.dueOn ?? null, amountFen, onDisbursement: false }));
      break;
    }
    case 'deposit': {
      const hasFen = spec.depositFen !== undefined;
      const hasPercent = spec.depositPercent !== undefined;
      if (hasFen === hasPercent) {
        errors.push(fieldError('/depositFen', 'one_of', '定金请填写金额或比例其中一项', 'give the deposit as an amount or as a percent, not both'));
      }
      checkDate(spec.depositDueOn, '/depositDueOn', errors);
      if (errors.length) break;
      let deposit: number;
      if (hasFen) deposit = spec.depositFen as number;
      else {
        const bp = toBasisPoints(spec.depositPercent as number);
        if (bp === null || bp >= 10000) {
          errors.push(fieldError('/depositPercent', 'invalid_percent', '定金比例须大于 0、小于 100，最多两位小数', 'the deposit percent must be above 0 and below 100, with at most two decimals'));
          break;
        }
        deposit = shareSplit(totalFen, [bp, 10000 - bp])[0] as number;
      }
      if (!Number.isSafeInteger(deposit) || deposit <= 0 || deposit >= totalFen) {
        errors.push(fieldError(hasFen ? '/depositFen' : '/depositPercent', 'out_of_range', '定金须大于 0 且小于应回款', 'the deposit must be above 0 and below the total'));
        break;
      }
      drafts = [
        { dueOn: spec.depositDueOn, amountFen: deposit, onDisbursement: false },
        { dueOn: null, amountFen: totalFen - deposit, onDisbursement: true },
      ];
      break;
    }
    case 'manual':
      drafts = (spec.instalments ?? []).map((x) => ({ dueOn: x.dueOn, amountFen: x.amountFen, onDisbursement: x.onDisbursement === true }));
      errors.push(...checkDrafts(drafts));
      break;
  }
  if (errors.length) return validationFailed(errors);
  return drafts;
}

/** The method a spec names. */
export function methodOf(spec: PlanSpec): PlanMethod {
  return spec.method;
}
