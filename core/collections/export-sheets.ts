// The exported lists of 账务管理 with their Chinese headers: receipts and instalments (the overdue list is the
// instalments list filtered to 逾期).
import { INSTALMENT_STATE_LABELS, INVOICE_KIND_LABELS } from './types.js';
import { RECEIPT_STATE_LABELS } from './receipt-machine.js';
import type { InstalmentListRow, ReceiptListRow } from './ports.js';
import type { SheetRow, SheetSpec } from '../documents/index.js';

export const RECEIPT_SHEET: SheetSpec = {
  name: '回款记录',
  columns: [
    { header: '回款日期', key: 'receivedOn', kind: 'date', width: 12 },
    { header: '关联客户', key: 'companyName', kind: 'text', width: 28 },
    { header: '订单', key: 'orderTitle', kind: 'text', width: 18 },
    { header: '回款金额（元）', key: 'amountFen', kind: 'money', width: 16 },
    { header: '期次', key: 'instalments', kind: 'text', width: 14 },
    { header: '付款方式', key: 'paymentMethod', kind: 'text', width: 10 },
    { header: '回款类型', key: 'type', kind: 'text', width: 10 },
    { header: '付款人', key: 'payer', kind: 'text', width: 20 },
    { header: '收款人员', key: 'receivedByName', kind: 'text', width: 10 },
    { header: '负责人', key: 'ownerName', kind: 'text', width: 10 },
    { header: '部门', key: 'departmentName', kind: 'text', width: 18 },
    { header: '状态', key: 'state', kind: 'text', width: 8 },
    { header: '是否开票', key: 'invoiceWanted', kind: 'text', width: 8 },
    { header: '发票类型', key: 'invoiceKind', kind: 'text', width: 10 },
    { header: '超额回款（元）', key: 'excessFen', kind: 'money', width: 14 },
    { header: '备注', key: 'remark', kind: 'text', width: 24 },
  ],
};

/** One receipt as a row of the export. */
export function receiptSheetRow(r: ReceiptListRow): SheetRow {
  return {
    receivedOn: r.receivedOn,
    companyName: r.companyName,
    orderTitle: r.orderTitle,
    amountFen: r.amountFen,
    instalments: r.instalmentNumbers.map((n) => `第${n}期`).join('、'),
    paymentMethod: r.paymentMethod,
    type: r.type,
    payer: r.payer,
    receivedByName: r.receivedByName,
    ownerName: r.ownerName,
    departmentName: r.departmentName,
    state: RECEIPT_STATE_LABELS[r.state],
    invoiceWanted: r.invoiceWanted ? '是' : '否',
    invoiceKind: r.invoiceKind ? INVOICE_KIND_LABELS[r.invoiceKind] : null,
    excessFen: r.excessFen,
    remark: r.remark,
  };
}

export const INSTALMENT_SHEET: SheetSpec = {
  name: '回款计划',
  columns: [
    { header: '关联客户', key: 'companyName', kind: 'text', width: 28 },
    { header: '订单', key: 'orderTitle', kind: 'text', width: 18 },
    { header: '期次', key: 'number', kind: 'text', width: 8 },
    { header: '到期日', key: 'dueOn', kind: 'date', width: 12 },
    { header: '应回款（元）', key: 'amountFen', kind: 'money', width: 14 },
    { header: '已回款（元）', key: 'collectedFen', kind: 'money', width: 14 },
    { header: '未回款（元）', key: 'outstandingFen', kind: 'money', width: 14 },
    { header: '状态', key: 'state', kind: 'text', width: 8 },
    { header: '负责人', key: 'ownerName', kind: 'text', width: 10 },
    { header: '部门', key: 'departmentName', kind: 'text', width: 18 },
  ],
};

export const OVERDUE_SHEET: SheetSpec = { ...INSTALMENT_SHEET, name: '逾期回款' };

/** One instalment as a row of the export. */
export function instalmentSheetRow(i: InstalmentListRow): SheetRow {
  return {
    companyName: i.companyName,
    orderTitle: i.orderTitle,
    number: `第${i.number}期`,
    dueOn: i.dueOn ?? (i.onDisbursement ? '放款后' : null),
    amountFen: i.amountFen,
    collectedFen: i.collectedFen,
    outstandingFen: i.outstandingFen,
    state: INSTALMENT_STATE_LABELS[i.state],
    ownerName: i.ownerName,
    departmentName: i.departmentName,
  };
}
