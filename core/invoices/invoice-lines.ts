// The lines of a blue invoice from what was received: each line's tax-inclusive total is split into 金额 and
// 税额 by 价税分离 (core/money separateTax) at the tenant's rate, with 单价 derived from the 数量 when one is given.
import { isDomainError, type FieldError } from '../shared/index.js';
import { separateTax, divRoundHalfUp } from '../money/index.js';
import type { InvoiceLineRecord } from './types.js';

/** One line as a request gives it: the money (tax included) it bills, and optionally its name, quantity and rate. */
export interface LineInput {
  /** 项目名称; the tenant's default service name when absent. */
  readonly name?: string | undefined;
  /** 数量 as text ('1', '2.5'); absent on a service line billed as one amount. */
  readonly quantity?: string | null | undefined;
  /** 价税合计 of the line in fen (what the customer pays, VAT included), above zero. */
  readonly totalFen: number;
  /** 税率 in percent; the tenant's rate when absent. */
  readonly taxRate?: string | undefined;
}

export const MAX_LINES = 20;
const MAX_NAME = 100;
// A positive quantity with at most 6 decimals: '1', '12', '2.5', '0.125'.
const QUANTITY = /^(\d{1,9})(?:\.(\d{1,6}))?$/;
const UNIT_PRICE_DECIMALS = 8n;

/** A quantity as (digits, decimals), or null when it is not a positive number with at most 6 decimals. */
export function parseQuantity(text: string): { units: bigint; decimals: number } | null {
  const m = QUANTITY.exec(text.trim());
  if (!m) return null;
  const decimals = m[2] ?? '';
  const units = BigInt((m[1] ?? '') + decimals);
  return units > 0n ? { units, decimals: decimals.length } : null;
}

/** 单价 (excluding VAT) in yuan: 金额 ÷ 数量, rounded half-up to 8 decimals, trailing zeros trimmed down to 2 ('10000.00', '9433.96226415'). */
export function unitPriceText(amountFen: number, quantity: string): string {
  const q = parseQuantity(quantity);
  if (!q) throw new Error(`unitPriceText: "${quantity}" is not a quantity`);
  // yuan = fen / 100 / (units / 10^decimals); scaled by 10^8 for the decimals printed.
  const scaled = divRoundHalfUp(BigInt(amountFen) * 10n ** BigInt(q.decimals) * 10n ** UNIT_PRICE_DECIMALS, q.units * 100n);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(Number(UNIT_PRICE_DECIMALS) + 1, '0');
  const whole = digits.slice(0, digits.length - Number(UNIT_PRICE_DECIMALS));
  const decimals = digits.slice(digits.length - Number(UNIT_PRICE_DECIMALS)).replace(/0+$/, '').padEnd(2, '0');
  return `${negative ? '-' : ''}${whole}.${decimals}`;
}

/** One line from its tax-inclusive total: excluding = round(total / (1 + rate)), tax = total − excluding. */
export function separateLine(lineNo: number, name: string, quantity: string | null, totalFen: number, taxRate: string, originalLineNo: number | null = null): InvoiceLineRecord {
  const { excludingFen, taxFen } = separateTax(totalFen, taxRate);
  return {
    lineNo, name, quantity, unitPrice: quantity === null ? null : unitPriceText(excludingFen, quantity),
    amountFen: excludingFen, taxRate, taxFen, totalFen, originalLineNo,
  };
}

/** The lines of a blue invoice at the tenant's default rate and name; every line's problem is listed (paths /lines/i/…). */
export function buildBlueLines(inputs: readonly LineInput[], defaults: { readonly rate: string; readonly serviceName: string }): { lines: InvoiceLineRecord[]; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const lines: InvoiceLineRecord[] = [];
  if (inputs.length === 0) problems.push({ path: '/lines', code: 'required', zh: '发票至少需要一行项目', en: 'an invoice needs at least one line' });
  if (inputs.length > MAX_LINES) problems.push({ path: '/lines', code: 'too_many', zh: `一张发票最多 ${MAX_LINES} 行`, en: `an invoice has at most ${MAX_LINES} lines` });
  inputs.forEach((input, i) => {
    const at = `/lines/${i}`;
    const name = input.name?.trim() || defaults.serviceName;
    if (name.length > MAX_NAME) problems.push({ path: `${at}/name`, code: 'too_long', zh: `项目名称最多 ${MAX_NAME} 个字`, en: `a line name has at most ${MAX_NAME} characters` });
    const quantity = input.quantity === null || input.quantity === undefined || input.quantity.trim() === '' ? null : input.quantity.trim();
    if (quantity !== null && !parseQuantity(quantity)) {
      problems.push({ path: `${at}/quantity`, code: 'invalid', zh: '数量应为大于 0 的数字，最多 6 位小数', en: 'the quantity is a number above 0 with at most 6 decimals' });
    }
    if (!Number.isSafeInteger(input.totalFen) || input.totalFen <= 0) {
      problems.push({ path: `${at}/totalFen`, code: 'invalid', zh: '价税合计应为大于 0 的整数（分）', en: 'the line total is a whole number of fen above 0' });
    }
    const rate = input.taxRate?.trim() || defaults.rate;
    let line: InvoiceLineRecord | null = null;
    try {
      if (problems.length === 0) line = separateLine(i + 1, name, quantity, input.totalFen, rate);
      else separateTax(0, rate); // still report a bad rate beside the other problems
    } catch (e) {
      if (!isDomainError(e)) throw e;
      problems.push({ path: `${at}/taxRate`, code: e.code, zh: e.text.zh, en: e.text.en });
    }
    if (line) lines.push(line);
  });
  return { lines, problems };
}
