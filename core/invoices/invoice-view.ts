// An invoice as screens and the API show it: the stored row with its state and kind in words and its
// 价税合计 in 大写 (toChineseUppercase), beside the figures.
import { toChineseUppercase } from '../money/index.js';
import { invoiceStateLabel } from './invoice-machine.js';
import type { InvoiceRow } from './ports.js';
import { INVOICE_KIND_LABELS } from './types.js';

export interface InvoiceView extends InvoiceRow {
  readonly stateLabel: string;
  /** 增值税专用发票 / 普通发票, with 红字 in front of a red-letter invoice's. */
  readonly kindLabel: string;
  /** 价税合计（大写）, e.g. 壹万元整 (负… on a red-letter invoice). */
  readonly totalUppercase: string;
}

/** The row with its labels and 大写 total. */
export function invoiceView(row: InvoiceRow): InvoiceView {
  return {
    ...row,
    stateLabel: invoiceStateLabel(row.state),
    kindLabel: `${row.direction === 'red' ? '红字' : ''}${INVOICE_KIND_LABELS[row.kind]}`,
    totalUppercase: toChineseUppercase(row.totalFen),
  };
}
