// 价税分离: splitting a tax-inclusive total (what the customer paid) into the amount excluding VAT and the VAT.
import { domainError } from '../shared/index.js';
import { assertFen } from './fen.js';
import { divRoundHalfUp, toSafeFen } from './rounding.js';

export interface TaxSeparation {
  readonly excludingFen: number;
  readonly taxFen: number;
  readonly totalFen: number;
}

/**
 * Default VAT rates in percent. Rates are tenant settings (a firm may be a small-scale taxpayer, or enjoy a
 * reduced rate); these are only what a new tenant starts with: 6% for a general taxpayer's financial/
 * consulting service, 3% for a small-scale taxpayer.
 */
export const DEFAULT_TAX_RATES = { generalTaxpayerService: '6', smallScale: '3' } as const;

// A percentage as written on a tax setting: '6', '3', '0.5', '13'; up to 100 with at most 6 decimals.
const RATE_TEXT = /^(\d{1,3})(?:\.(\d{1,6}))?$/;

/**
 * Splits a tax-inclusive total: excluding = round half-up (total / (1 + rate)), tax = total − excluding, so
 * the two always add up to the total (tax is never computed as round(excluding × rate)). Negative totals
 * (red-letter invoices) round symmetrically, ties away from zero.
 */
export function separateTax(totalFen: number, ratePercent: string): TaxSeparation {
  assertFen(totalFen, 'totalFen');
  const { num, den } = parseRatePercent(ratePercent);
  // total / (1 + num/den/100) = total × 100·den / (100·den + num)
  const excluding = divRoundHalfUp(BigInt(totalFen) * 100n * den, 100n * den + num);
  const excludingFen = toSafeFen(excluding, 'excludingFen');
  const taxFen = totalFen - excludingFen;
  // Keep −0 out of the results: a zero total or a zero rate gives plain zeros.
  return { excludingFen: excludingFen + 0, taxFen: taxFen + 0, totalFen };
}

function parseRatePercent(text: string): { num: bigint; den: bigint } {
  const m = RATE_TEXT.exec(text);
  const decimals = m?.[2] ?? '';
  const num = m ? BigInt((m[1] ?? '') + decimals) : -1n;
  const den = 10n ** BigInt(decimals.length);
  if (!m || num > 100n * den) {
    throw domainError(
      'money.invalid_tax_rate',
      'invalid',
      `税率“${text}”无效：请填写 0 到 100 之间的百分数，例如 6、3 或 0.5`,
      `Tax rate "${text}" is not valid: give a percentage from 0 to 100, e.g. 6, 3 or 0.5`,
      { ratePercent: text },
    );
  }
  return { num, den };
}
