// How much of an order may still be invoiced: the cap (money received, or the confirmed contract amount by
// tenant rule) less what issued invoices bill net of their red-letter reversals, less what drafts and
// pending requests already hold. Issuing checks again against issued invoices only.
import { domainError, type DomainError } from '../shared/index.js';
import { formatYuanGrouped } from '../money/index.js';
import type { InvoiceCapBasis } from './types.js';

/** An order's money as far as invoicing is concerned, loaded beforehand. */
export interface OrderInvoicingFacts {
  /** 已回款: approved receipts. */
  readonly receivedFen: number;
  /** 合同金额 of the confirmed contract; null before confirmation. */
  readonly contractFen: number | null;
  /** Issued invoices net: blue totals (reversed ones included) plus issued red-letter totals (negative). */
  readonly issuedNetFen: number;
  /** Blue drafts and pending requests, which hold their amount until they are issued or given up. */
  readonly reservedFen: number;
}

export interface InvoiceableAmounts {
  readonly capBasis: InvoiceCapBasis;
  readonly capFen: number;
  /** 已开票 (net of red-letter invoices). */
  readonly invoicedFen: number;
  readonly reservedFen: number;
  /** 可开票: cap − invoiced − reserved, never shown below zero. */
  readonly invoiceableFen: number;
}

/** The cap on an order's invoiced total: what was received, or the confirmed contract amount when the tenant says so. */
export function invoiceCap(basis: InvoiceCapBasis, facts: Pick<OrderInvoicingFacts, 'receivedFen' | 'contractFen'>): number {
  return basis === 'received' ? facts.receivedFen : (facts.contractFen ?? 0);
}

/** What the order may still be invoiced for, with the figures it comes from. */
export function invoiceableAmounts(basis: InvoiceCapBasis, facts: OrderInvoicingFacts): InvoiceableAmounts {
  const capFen = invoiceCap(basis, facts);
  return {
    capBasis: basis, capFen, invoicedFen: facts.issuedNetFen, reservedFen: facts.reservedFen,
    invoiceableFen: Math.max(capFen - facts.issuedNetFen - facts.reservedFen, 0),
  };
}

/** What is left for issuing one more invoice: cap − issued net (the invoice being issued is one of the reserved). */
export function issuableFen(basis: InvoiceCapBasis, facts: OrderInvoicingFacts): number {
  return invoiceCap(basis, facts) - facts.issuedNetFen;
}

/** A request (draft) for more than the order may still be invoiced for is refused, naming the figures. */
export function requestProblem(totalFen: number, amounts: InvoiceableAmounts): DomainError | null {
  if (totalFen <= amounts.invoiceableFen) return null;
  const basisZh = amounts.capBasis === 'received' ? '已回款' : '合同金额';
  const basisEn = amounts.capBasis === 'received' ? 'received' : 'the contract amount';
  return domainError(
    'invoice.exceeds_invoiceable',
    'rule',
    `开票金额 ¥${formatYuanGrouped(totalFen)} 超过可开票金额 ¥${formatYuanGrouped(amounts.invoiceableFen)}（${basisZh} ¥${formatYuanGrouped(amounts.capFen)}，已开票 ¥${formatYuanGrouped(amounts.invoicedFen)}，申请中 ¥${formatYuanGrouped(amounts.reservedFen)}）`,
    `The invoice total ${formatYuanGrouped(totalFen)} exceeds what may still be invoiced, ${formatYuanGrouped(amounts.invoiceableFen)} (${basisEn} ${formatYuanGrouped(amounts.capFen)}, invoiced ${formatYuanGrouped(amounts.invoicedFen)}, requested ${formatYuanGrouped(amounts.reservedFen)})`,
    { ...amounts, totalFen },
  );
}
