// 账务管理 → 发票 exported to .xlsx with Chinese headers, through the collections area's SpreadsheetWriter port.
import type { SheetRow, SheetSpec } from '../documents/index.js';
import type { InvoiceView } from './invoice-view.js';

export const INVOICE_SHEET: SheetSpec = {
  name: '发票',
  columns: [
    { header: '发票号码', key: 'number', kind: 'text', width: 16 },
    { header: '开票日期', key: 'issueDate', kind: 'date', width: 12 },
    { header: '发票类型', key: 'kind', kind: 'text', width: 14 },
    { header: '状态', key: 'state', kind: 'text', width: 10 },
    { header: '购买方', key: 'buyerName', kind: 'text', width: 28 },
    { header: '纳税人识别号', key: 'buyerTaxId', kind: 'text', width: 22 },
    { header: '订单', key: 'orderTitle', kind: 'text', width: 18 },
    { header: '关联客户', key: 'companyName', kind: 'text', width: 28 },
    { header: '金额（元）', key: 'amountFen', kind: 'money', width: 14 },
    { header: '税额（元）', key: 'taxFen', kind: 'money', width: 12 },
    { header: '价税合计（元）', key: 'totalFen', kind: 'money', width: 14 },
    { header: '价税合计（大写）', key: 'totalUppercase', kind: 'text', width: 30 },
    { header: '被红冲发票号码', key: 'originalNumber', kind: 'text', width: 16 },
    { header: '红冲原因', key: 'reason', kind: 'text', width: 20 },
    { header: '开票人', key: 'drawer', kind: 'text', width: 10 },
    { header: '申请人', key: 'createdByName', kind: 'text', width: 10 },
    { header: '备注', key: 'remarks', kind: 'text', width: 24 },
  ],
};

/** One invoice as a row of the export. */
export function invoiceSheetRow(v: InvoiceView): SheetRow {
  return {
    number: v.number, issueDate: v.issueDate, kind: v.kindLabel, state: v.stateLabel, buyerName: v.buyer.name, buyerTaxId: v.buyer.taxId,
    orderTitle: v.orderTitle, companyName: v.companyName, amountFen: v.amountFen, taxFen: v.taxFen, totalFen: v.totalFen, totalUppercase: v.totalUppercase,
    originalNumber: v.originalNumber, reason: v.reason, drawer: v.drawer, createdByName: v.createdByName, remarks: v.remarks,
  };
}
