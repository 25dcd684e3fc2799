// The invoice's 合计 and 价税合计 — the one sum of an invoice's lines, used by the invoice use cases (a
// request's, a red-letter invoice's and the reversed sums) and the printed document alike — and the rules an
// invoice document must meet before it is printed.
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

/** What is summed: an invoice's lines, or whole invoices (the red-letter invoices of an original). */
export type Taxed = Pick<InvoiceLine, 'amountFen' | 'taxFen'>;

/**
 * 合计 is the sum of the lines' 金额 and of their 税额; 价税合计 is the two added, so excluding + tax = total
 * holds for the invoice as it does for each line (whose 价税合计 is split into 金额 and 税额 by 价税分离).
 */
export function invoiceTotals(lines: readonly Taxed[]): InvoiceTotals {
  let amountFen = 0;
  let taxFen = 0;
  for (const line of lines) {
    amountFen += line.amountFen;
    taxFen += line.taxFen;
  }
  const totalFen = amountFen + taxFen;
  if (![amountFen, taxFen, totalFen].every(Number.isSafeInteger)) throw new Error(`invoice totals ${amountFen} + ${taxFen} are not safe integers of fen`);
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
