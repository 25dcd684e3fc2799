// Builders for invoices as plain data: a blue invoice of one or more lines, issued or not.
import { separateLine } from '../../../core/invoices/invoice-lines.js';
import { invoiceTotals } from '../../../core/invoices/index.js';
import type { Invoice, InvoiceLineRecord } from '../../../core/invoices/types.js';

export function aLine(lineNo: number, totalFen: number, rate = '6', quantity: string | null = '1'): InvoiceLineRecord {
  return separateLine(lineNo, '*经纪代理服务*融资服务费', quantity, totalFen, rate);
}

export function anInvoice(overrides: Partial<Invoice> = {}): Invoice {
  const lines = overrides.lines ?? [aLine(1, 1_060_000)];
  const at = new Date('2026-11-26T08:00:00Z');
  return {
    tenantId: 't1', id: 'inv-1', orderId: 'order-1', direction: 'blue', originalId: null, kind: 'special', state: 'issued',
    number: '202600000001', issueDate: '2026-11-26', issuedAt: at, issuedBy: 'u-fin',
    seller: { name: '大鑫金服（苏州）信息咨询有限公司', taxId: '91320594MA20ABCD1K', address: '苏州工业园区星湖街 328 号', phone: '0512-62880000', bank: '招商银行苏州分行', account: '512905678910888' },
    payee: '孙露露', reviewer: null, drawer: '张犇',
    buyer: { name: '盛博科技有限公司', taxId: '91320505MA1X2Y3Z4Q', address: '苏州市高新区狮山路 88 号', phone: '0512-66889900', bank: '建设银行苏州高新区支行', account: '6227000000000000008' },
    lines, ...invoiceTotals(lines), remarks: null, reason: null, receiptIds: [],
    createdBy: 'u-sales', createdAt: at, updatedBy: 'u-sales', updatedAt: at, version: 1,
    ...overrides,
  };
}
