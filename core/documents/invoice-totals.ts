// The invoice's 合计 and 价税合计, and the rules an invoice document must meet before it is printed.
import { domainError } from '../shared/index.js';
import type { InvoiceDocument, InvoiceLine } from './types.js';

export interface InvoiceTotals {
  /** 合计金额: the lines' amounts excluding VAT */
  readonly amountFen: number;
  /** 合计税额 */
  readonly taxFen: number;
  /** 价税合计 */
  readonly totalFen: number;
}

/** 合计 is the sum of the lines' 金额 and of their 税额; 价税合计 is the two added. */
export function invoiceTotals(lines: readonly InvoiceLine[]): InvoiceTotals {
  let amountFen = 0;
  let taxFen = 0;
  for (const line of lines) {
    amountFen += line.amountFen;
    taxFen += line.taxFen;
  }
  const totalFen = amountFen + taxFen;
  if (!Number.isSafeInteger(totalFen)) throw new Error(`invoice total ${totalFen} is not a safe integer of fen`);
  return { amountFen, taxFen, totalFen };
}

/** An invoice has at least one line; a red-letter invoice totals below zero, a blue one not; 免税/不征税 lines carry no tax. */
export function checkInvoiceDocument(doc: InvoiceDocument): InvoiceTotals {
  if (doc.lines.length === 0) {
    throw invalidInvoice('no_lines', '发票没有任何项目明细', 'The invoice has no lines');
  }
  for (const [i, line] of doc.lines.entries()) {
    if (!Number.isSafeInteger(line.amountFen) || !Number.isSafeInteger(line.taxFen)) {
      throw new Error(`invoice line ${i}: amounts must be safe integers of fen`);
    }
    if ((line.taxRate === 'exempt' || line.taxRate === 'not_taxable') && line.taxFen !== 0) {
      throw invalidInvoice('tax_on_exempt_line', `第 ${i + 1} 行为免税/不征税项目，税额必须为 0`, `Line ${i + 1} is exempt or not taxable, so its tax must be 0`);
    }
  }
  const totals = invoiceTotals(doc.lines);
  if (doc.redLetter && totals.totalFen >= 0) {
    throw invalidInvoice('red_letter_not_negative', '红字发票的价税合计必须为负数', 'A red-letter invoice must total below zero');
  }
  if (!doc.redLetter && totals.totalFen < 0) {
    throw invalidInvoice('blue_invoice_negative', '蓝字发票的价税合计不能为负数；冲销请开具红字发票', 'A blue invoice cannot total below zero; issue a red-letter invoice to reverse one');
  }
  return totals;
}

function invalidInvoice(reason: string, zh: string, en: string) {
  return domainError('document.invalid_invoice', 'invalid', zh, en, { reason });
}
