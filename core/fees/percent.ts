// A fee rate is a decimal text of percent ('1.5' is 1.5 %), kept exactly: parsed into parts per million of
// the amount (1.5 % = 15,000 ppm), so that every fee is an exact BigInt fraction before it is rounded once.
import { DomainError, type FieldError } from '../shared/index.js';

/** A rate of 0–100 % with at most four decimals of percent, as text and as exact parts per million. */
export interface Percent {
  /** The rate as written, without needless zeros ('1.50' → '1.5', '02' → '2'). */
  readonly text: string;
  /** The rate as parts per million of the base (1.5 % → 15000n; 100 % → 1000000n). */
  readonly ppm: bigint;
}

export const PPM = 1_000_000n;
/** Four decimals of percent are the finest rate any bank or firm quotes (0.0001 % = 1 ppm). */
export const MAX_PERCENT_DECIMALS = 4;

const PERCENT_TEXT = /^(\d+)(?:\.(\d+))?$/;

function problem(path: string, code: string, zh: string, en: string): FieldError {
  return { path, code, zh, en };
}

/** The rate of a percent text, or the field error that says why it is not one (reported at `path`). */
export function percentOrError(text: unknown, path: string): Percent | FieldError {
  if (text === undefined || text === null) return problem(path, 'required', '必填', 'is required');
  if (typeof text !== 'string') return problem(path, 'not_rate', '费率须写成百分数文本，例如 "1.5"', 'must be a percent written as text, e.g. "1.5"');
  const trimmed = text.trim();
  if (trimmed.startsWith('-')) return problem(path, 'negative', '费率不能为负数', 'must not be negative');
  const m = PERCENT_TEXT.exec(trimmed);
  if (!m) return problem(path, 'not_rate', `“${text}”不是百分数，请写成例如 "1.5"（表示 1.5%）`, `"${text}" is not a percent; write e.g. "1.5" for 1.5 %`);
  const decimals = m[2] ?? '';
  if (decimals.length > MAX_PERCENT_DECIMALS) {
    return problem(path, 'too_many_decimals', `费率最多 ${MAX_PERCENT_DECIMALS} 位小数（“${text}”）`, `a rate has at most ${MAX_PERCENT_DECIMALS} decimals ("${text}")`);
  }
  const ppm = BigInt(m[1] ?? '0') * 10_000n + BigInt(decimals.padEnd(MAX_PERCENT_DECIMALS, '0'));
  if (ppm > PPM) return problem(path, 'above_100_percent', '费率不能超过 100%', 'must not be above 100 %');
  return { text: percentText(ppm), ppm };
}

/** Parses a percent text ('1.5', '0.35', '2'); refuses anything else with `fee.invalid_rate`. */
export function parsePercent(text: string): Percent | DomainError {
  const r = percentOrError(text, '');
  if ('ppm' in r) return r;
  return new DomainError('fee.invalid_rate', 'invalid', { zh: `费率有误：${r.zh}`, en: `Invalid rate: ${r.en}` }, { text }, [r]);
}

/** The shortest text of a rate in ppm: 15000n → '1.5', 20000n → '2', 3500n → '0.35'. */
export function percentText(ppm: bigint): string {
  const whole = ppm / 10_000n;
  const fraction = (ppm % 10_000n).toString().padStart(MAX_PERCENT_DECIMALS, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/** The rate of a text already validated (a stored rule); a bad one here is a bug, not bad input. */
export function percentOf(text: string): Percent {
  const r = percentOrError(text, '');
  if (!('ppm' in r)) throw new Error(`not a validated percent: ${text}`);
  return r;
}
