// 结单: finance or operations close an order once the customer has paid everything owed (and, by tenant rule,
// every invoice asked for has been issued). The close itself goes through the order_close approval flow.
import { domainError, type DomainError, type UnmetCondition } from '../shared/index.js';
import { formatYuanGrouped } from '../money/index.js';

export interface CloseFacts {
  readonly receivableFen: number;
  /** Approved receipts only. */
  readonly receivedFen: number;
  /** What the invoices area issued (0 until it exists). */
  readonly invoicedFen: number;
  /** Approved receipts whose payer asked for an invoice (需要开票). */
  readonly invoiceWantedFen: number;
  /** The tenant's rule 结单须开票完毕. */
  readonly requireInvoiced: boolean;
}

const yuan = (fen: number): string => `¥${formatYuanGrouped(fen)}`;

/**
 * What stops a close: nothing receivable yet, money still outstanding, or (when the tenant requires it)
 * invoices asked for on received money and not yet issued. Empty when the order may be closed.
 */
export function closeProblems(f: CloseFacts): UnmetCondition[] {
  const unmet: UnmetCondition[] = [];
  if (f.receivableFen <= 0) {
    unmet.push({ code: 'no_receivable', zh: '订单尚无应回款金额', en: 'the order has nothing receivable' });
  } else if (f.receivedFen < f.receivableFen) {
    const left = f.receivableFen - f.receivedFen;
    unmet.push({ code: 'fully_collected', zh: `尚有未回款 ${yuan(left)}，全部回款后才能结单`, en: `${left} fen is still outstanding; close once everything is collected` });
  }
  if (f.requireInvoiced && f.invoicedFen < f.invoiceWantedFen) {
    const left = f.invoiceWantedFen - f.invoicedFen;
    unmet.push({ code: 'fully_invoiced', zh: `尚有 ${yuan(left)} 的回款未开票，开票完毕后才能结单`, en: `${left} fen of received money still awaits its invoice` });
  }
  return unmet;
}

/** The refusal listing every unmet condition of the close. */
export function closeNotReady(orderId: string, unmet: readonly UnmetCondition[]): DomainError {
  return domainError(
    'collection.close_not_ready',
    'rule',
    `还不能结单：${unmet.map((u) => u.zh).join('；')}`,
    `The order cannot be closed yet: ${unmet.map((u) => u.en).join('; ')}`,
    { orderId, unmet },
  );
}
