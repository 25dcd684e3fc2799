// The invoice's states as a data table run by core/shared/state-machine.ts: 草稿 → 待审批 → 已开具 → 部分红冲 /
// 已红冲. An issued invoice never goes back: it is only reversed, by issuing red-letter invoices against it.
import type { Guard, MachineDef } from '../shared/index.js';
import { formatYuanGrouped } from '../money/index.js';
import type { InvoiceDirection, InvoiceState } from './types.js';

export type InvoiceEvent = 'submit' | 'approve' | 'reject' | 'withdraw' | 'cancel' | 'reverse_partially' | 'reverse_fully';
export const INVOICE_EVENTS: readonly InvoiceEvent[] = ['submit', 'approve', 'reject', 'withdraw', 'cancel', 'reverse_partially', 'reverse_fully'];

/** What the guards read, loaded before the event fires. */
export interface InvoiceMachineContext {
  readonly direction: InvoiceDirection;
  /** The invoice's 价税合计 (negative on a red-letter invoice). */
  readonly totalFen: number;
  /** For 'approve' of a blue invoice: how much of the order may still be invoiced (issued invoices only). */
  readonly invoiceableFen: number;
}

/** A blue invoice is issued only while its total fits what the order may still be invoiced for. */
export const withinCap: Guard<InvoiceMachineContext> = (c) =>
  c.direction === 'red' || c.totalFen <= c.invoiceableFen
    ? null
    : {
      code: 'invoice.exceeds_invoiceable',
      zh: `开票金额 ¥${formatYuanGrouped(c.totalFen)} 超过该订单可开票金额 ¥${formatYuanGrouped(Math.max(c.invoiceableFen, 0))}`,
      en: `The invoice total ${formatYuanGrouped(c.totalFen)} exceeds what the order may still be invoiced for (${formatYuanGrouped(Math.max(c.invoiceableFen, 0))})`,
    };

/** Only a blue invoice is reversed; a red-letter invoice is final once issued. */
export const blueOnly: Guard<InvoiceMachineContext> = (c) =>
  c.direction === 'blue' ? null : { code: 'invoice.red_letter_final', zh: '红字发票不能再被红冲', en: 'A red-letter invoice cannot itself be reversed' };

/** 草稿 → 待审批 (submitted to its approval flow) → 已开具 on approval, back to 草稿 on 否决 or 撤回; issued invoices are only reversed. */
export const INVOICE_MACHINE: MachineDef<InvoiceState, InvoiceEvent, InvoiceMachineContext> = {
  name: 'invoice',
  states: ['draft', 'pending', 'issued', 'partially_reversed', 'reversed', 'cancelled'],
  initial: 'draft',
  final: ['reversed', 'cancelled'],
  transitions: [
    { from: ['draft'], event: 'submit', to: 'pending' },
    { from: ['pending'], event: 'approve', to: 'issued', guards: [withinCap] },
    { from: ['pending'], event: 'reject', to: 'draft' },
    { from: ['pending'], event: 'withdraw', to: 'draft' },
    { from: ['draft'], event: 'cancel', to: 'cancelled' },
    { from: ['issued', 'partially_reversed'], event: 'reverse_partially', to: 'partially_reversed', guards: [blueOnly] },
    { from: ['issued', 'partially_reversed'], event: 'reverse_fully', to: 'reversed', guards: [blueOnly] },
  ],
  labels: {
    draft: '草稿', pending: '待审批', issued: '已开具', partially_reversed: '部分红冲', reversed: '已红冲', cancelled: '已作废',
    submit: '提交审批', approve: '审批通过开具', reject: '审批否决', withdraw: '撤回', cancel: '作废草稿', reverse_partially: '部分红冲', reverse_fully: '全额红冲',
  },
};

/** The Chinese name of a state, as lists show it. */
export function invoiceStateLabel(state: InvoiceState): string {
  return INVOICE_MACHINE.labels?.[state] ?? state;
}

/** Issued at some point (has a number): it counts in the order's invoiced total and is never edited again. */
export function wasIssued(state: InvoiceState): boolean {
  return state === 'issued' || state === 'partially_reversed' || state === 'reversed';
}
