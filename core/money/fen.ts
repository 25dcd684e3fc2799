// Money is integer fen (分): a safe integer, never a float. This file parses and prints yuan text exactly,
// by string arithmetic, so that no amount ever passes through binary floating point.
import { domainError } from '../shared/index.js';

/** An amount in fen must be a safe integer; anything else is a bug in the caller, not bad user input. */
export function assertFen(n: number, field = 'amount'): number {
  if (!Number.isSafeInteger(n)) {
    throw new Error(`${field} must be a safe integer number of fen, got ${String(n)}`);
  }
  return n;
}

// Optional minus, then either plain digits or digits grouped by commas in threes, then at most 2 decimals.
const YUAN_TEXT = /^(-)?(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/;

/** Yuan text ('200000', '1680.32', '1,680.3', '-5.05') to fen, exactly; more than 2 decimals or junk is refused. */
export function yuanToFen(text: string): number {
  const m = YUAN_TEXT.exec(text.trim());
  if (!m) throw invalidAmount(text);
  const sign = m[1] ? -1 : 1;
  const yuan = (m[2] ?? '').replaceAll(',', '');
  const decimals = (m[3] ?? '').padEnd(2, '0');
  const magnitude = Number((yuan + decimals).replace(/^0+(?=\d)/, ''));
  if (!Number.isSafeInteger(magnitude)) throw invalidAmount(text);
  return magnitude === 0 ? 0 : sign * magnitude;
}

export interface FormatYuanOptions {
  /** 2 (default): always two decimals; 0: whole yuan, rounded half away from zero; 'auto': no decimals when the amount is whole yuan, else two. */
  readonly decimals?: 'auto' | 2 | 0;
}

/** Fen as plain yuan text without grouping: 20000000 → '200000.00' (or '200000' with decimals 0 or 'auto'). */
export function formatYuan(fen: number, opts: FormatYuanOptions = {}): string {
  return format(fen, opts, false);
}

/** Fen as yuan text with thousands separators and no currency sign: 168032 → '1,680.32'. */
export function formatYuanGrouped(fen: number, opts: FormatYuanOptions = {}): string {
  return format(fen, opts, true);
}

function format(fen: number, opts: FormatYuanOptions, grouped: boolean): string {
  assertFen(fen, 'fen');
  const decimals = opts.decimals ?? 2;
  const negative = fen < 0;
  let abs = Math.abs(fen); // exact: safe integers are symmetric
  const showDecimals = decimals === 2 || (decimals === 'auto' && abs % 100 !== 0);
  if (!showDecimals && abs % 100 !== 0) abs = abs - (abs % 100) + (abs % 100 >= 50 ? 100 : 0);
  const yuanDigits = String((abs - (abs % 100)) / 100);
  const yuan = grouped ? yuanDigits.replace(/\B(?=(\d{3})+$)/g, ',') : yuanDigits;
  const text = showDecimals ? `${yuan}.${String(abs % 100).padStart(2, '0')}` : yuan;
  return negative && abs !== 0 ? `-${text}` : text;
}

function invalidAmount(text: string) {
  return domainError(
    'money.invalid_amount',
    'invalid',
    `金额“${text}”无效：请填写以元为单位的数字，最多两位小数（例如 1680.32）`,
    `"${text}" is not a valid amount: write yuan as digits with at most two decimals (e.g. 1680.32)`,
    { text },
  );
}
