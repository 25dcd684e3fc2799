// The fields of a receipt (回款单) as a person enters them, checked against the tenant's dictionaries and
// calendar, and the fingerprint that tells a retried request from a different one under the same key.
import { isLocalDateText, type FieldError } from '../shared/index.js';
import { activeNames } from './settings.js';
import { INVOICE_KINDS, type CollectionSettings, type InvoiceKind, type Receipt } from './types.js';

export interface ReceiptInput {
  readonly orderId: string;
  /** 回款日期, 'YYYY-MM-DD'. */
  readonly receivedOn: string;
  readonly amountFen: number;
  /** 期次: the instalment this pays; absent for oldest first. */
  readonly instalmentId?: string | null | undefined;
  readonly paymentMethod: string;
  readonly payer: string;
  /** 收款人员; absent: the person recording the receipt. */
  readonly receivedBy?: string | undefined;
  readonly type: string;
  readonly invoiceWanted: boolean;
  readonly invoiceKind?: InvoiceKind | null | undefined;
  readonly remark?: string | null | undefined;
  /** 超额回款: the person confirms the receipt is more than is owed (the tenant must allow it). */
  readonly overpayment?: boolean | undefined;
}

/** The input with defaults applied and text trimmed, as it is stored. */
export type NormalizedReceiptInput = Pick<
  Receipt,
  'orderId' | 'receivedOn' | 'amountFen' | 'instalmentId' | 'paymentMethod' | 'payer' | 'receivedBy' | 'type' | 'invoiceWanted' | 'invoiceKind' | 'remark' | 'overpayment'
>;

export function normalizeReceiptInput(input: ReceiptInput, actorId: string): NormalizedReceiptInput {
  return {
    orderId: input.orderId,
    receivedOn: input.receivedOn,
    amountFen: input.amountFen,
    instalmentId: input.instalmentId ?? null,
    paymentMethod: input.paymentMethod.trim(),
    payer: input.payer.trim(),
    receivedBy: input.receivedBy ?? actorId,
    type: input.type.trim(),
    invoiceWanted: input.invoiceWanted,
    invoiceKind: input.invoiceWanted ? (input.invoiceKind ?? null) : null,
    remark: input.remark?.trim() || null,
    overpayment: input.overpayment === true,
  };
}

const err = (path: string, code: string, zh: string, en: string): FieldError => ({ path, code, zh, en });

/**
 * A receipt needs a real date not after today (in the tenant's calendar), a positive amount in fen, a payment
 * method and a type from the tenant's active dictionaries, a payer, and an invoice type when an invoice is wanted.
 */
export function checkReceiptInput(r: NormalizedReceiptInput, settings: CollectionSettings, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!isLocalDateText(r.receivedOn)) errors.push(err('/receivedOn', 'invalid_date', '回款日期须为 YYYY-MM-DD 格式的日期', 'must be a date written YYYY-MM-DD'));
  else if (r.receivedOn > today) errors.push(err('/receivedOn', 'in_future', '回款日期不能晚于今天', 'cannot be later than today'));
  if (!Number.isSafeInteger(r.amountFen) || r.amountFen <= 0) errors.push(err('/amountFen', 'not_positive', '回款金额须大于 0', 'must be a positive whole number of fen'));
  const methods = activeNames(settings.paymentMethods);
  if (!methods.includes(r.paymentMethod)) {
    errors.push(err('/paymentMethod', 'not_in_dictionary', `付款方式须为：${methods.join('、')}`, `must be one of: ${methods.join(', ')}`));
  }
  const types = activeNames(settings.receiptTypes);
  if (!types.includes(r.type)) errors.push(err('/type', 'not_in_dictionary', `回款类型须为：${types.join('、')}`, `must be one of: ${types.join(', ')}`));
  if (r.payer === '' || r.payer.length > 100) errors.push(err('/payer', 'required', '请填写付款人（1 到 100 字）', 'give the payer (1 to 100 characters)'));
  if (r.invoiceWanted && (r.invoiceKind === null || !INVOICE_KINDS.includes(r.invoiceKind))) {
    errors.push(err('/invoiceKind', 'required', '需要开票时请选择发票类型：普通或专用', 'choose the invoice type (normal or special) when an invoice is wanted'));
  }
  if (r.remark !== null && r.remark.length > 500) errors.push(err('/remark', 'too_long', '备注最多 500 字', 'at most 500 characters'));
  return errors;
}

/** The request as canonical text: a retry under the same Idempotency-Key must say exactly the same. */
export function receiptFingerprint(r: NormalizedReceiptInput): string {
  const keys = Object.keys(r).sort() as (keyof NormalizedReceiptInput)[];
  return JSON.stringify(keys.map((k) => [k, r[k]]));
}
