// What the invoice use cases need from the world: invoices and their lines, the per-tenant-and-year number
// counter, the tenant's invoice settings, what the order's receipts say, and the approval engine.
import type { Tx, Page, PageRequest } from '../shared/index.js';
import type { Actor, ScopeFilter } from '../organisation/index.js';
import type { Invoice, InvoiceDirection, InvoiceKind, InvoiceSettings, InvoiceState } from './types.js';

/** 账务管理 → 发票: filters of the list and the export. */
export interface InvoiceListFilter {
  readonly state?: InvoiceState | undefined;
  readonly kind?: InvoiceKind | undefined;
  readonly direction?: InvoiceDirection | undefined;
  readonly orderId?: string | undefined;
  /** Part of the buyer's name or its tax id. */
  readonly buyer?: string | undefined;
  /** 发票号码, exactly or its start. */
  readonly number?: string | undefined;
  /** 开票日期 from / to, inclusive, 'YYYY-MM-DD' in the tenant's calendar. */
  readonly issuedFrom?: string | undefined;
  readonly issuedTo?: string | undefined;
}

/** Which invoices a list may show: those of orders in the actor's data scope or handled by them (null: all). */
export interface InvoiceVisibility {
  readonly userId: string;
  readonly scope: ScopeFilter | null;
}

/** An invoice in lists: with its order's title and company, its reversal figures and who requested it. */
export interface InvoiceRow extends Invoice {
  readonly orderTitle: string;
  readonly companyName: string;
  readonly createdByName: string | null;
  /** The original's number on a red-letter invoice. */
  readonly originalNumber: string | null;
}

export interface InvoicePage extends Page<InvoiceRow> {
  /** Sums over every invoice the filter matches, with withTotal. */
  readonly totals?: { readonly count: number; readonly amountFen: number; readonly taxFen: number; readonly totalFen: number };
}

/** An order's invoice figures: issued net of red-letter invoices, and what drafts and pending requests hold. */
export interface OrderInvoiceSums {
  readonly issuedNetFen: number;
  readonly reservedFen: number;
}

export interface InvoiceRepository {
  insert(tx: Tx, invoice: Invoice): Promise<void>;
  get(tx: Tx, tenantId: string, id: string): Promise<Invoice | null>;
  /** Loads and locks the invoice for a change in this transaction. */
  getForUpdate(tx: Tx, tenantId: string, id: string): Promise<Invoice | null>;
  /** Saves when the stored version is invoice.version − 1 (lines replaced while a draft); false when stale. */
  update(tx: Tx, invoice: Invoice): Promise<boolean>;
  /** The order's sums (the order is locked first, so requests and issues for one order take turns). */
  orderSums(tx: Tx, tenantId: string, orderId: string): Promise<OrderInvoiceSums>;
  /** Red-letter invoices of an original that are not cancelled (drafts, pending and issued). */
  redLettersOf(tx: Tx, tenantId: string, originalId: string): Promise<Invoice[]>;
  /** Of these receipts, those already on an invoice that is not cancelled nor fully reversed, with that invoice. */
  receiptsInUse(tx: Tx, tenantId: string, receiptIds: readonly string[], exceptInvoiceId: string | null): Promise<Map<string, string>>;
  /** Releases an invoice's receipts (a cancelled draft, a fully reversed invoice): they can be invoiced again. */
  releaseReceipts(tx: Tx, tenantId: string, invoiceId: string): Promise<void>;
  list(tx: Tx, tenantId: string, filter: InvoiceListFilter, visibility: InvoiceVisibility, page: PageRequest): Promise<InvoicePage>;
  /** Rows for an export: the same filter, newest first, at most `limit`. */
  exportRows(tx: Tx, tenantId: string, filter: InvoiceListFilter, visibility: InvoiceVisibility, limit: number): Promise<InvoiceRow[]>;
  getRow(tx: Tx, tenantId: string, id: string): Promise<InvoiceRow | null>;
}
export const InvoiceRepository = Symbol.for('yunzhou.InvoiceRepository');

export interface InvoiceNumberCounter {
  /**
   * The next sequence of the tenant's year: the counter row is incremented (`… returning`) in the issuing
   * transaction and stays locked until it ends, so numbers are unique, and gapless since a rollback returns it.
   */
  next(tx: Tx, tenantId: string, year: number): Promise<number>;
}
export const InvoiceNumberCounter = Symbol.for('yunzhou.InvoiceNumberCounter');

export interface InvoiceSettingsRepository {
  /** The tenant's saved settings, or null while it runs on the defaults. */
  get(tx: Tx, tenantId: string): Promise<InvoiceSettings | null>;
  /** Saves when the stored version is settings.version − 1 (0: none stored yet); false when stale. */
  save(tx: Tx, tenantId: string, settings: InvoiceSettings, by: string, at: Date): Promise<boolean>;
}
export const InvoiceSettingsRepository = Symbol.for('yunzhou.InvoiceSettingsRepository');

/** A receipt (回款单) of an order as invoicing sees it. */
export interface ReceiptForInvoice {
  readonly id: string;
  readonly orderId: string;
  readonly amountFen: number;
  /** 回款日期 'YYYY-MM-DD'. */
  readonly receivedOn: string;
  /** Only an approved receipt counts as received, and only it can be invoiced. */
  readonly approved: boolean;
  /** 是否开票 and 发票类型 as the receipt recorded them. */
  readonly invoiceWanted: boolean;
  readonly invoiceKind: InvoiceKind | null;
}

/** The collections area's receipts, read for invoicing. */
export interface ReceiptSource {
  /** The order's receipts (all states), oldest first. */
  ofOrder(tx: Tx, tenantId: string, orderId: string): Promise<ReceiptForInvoice[]>;
}
export const ReceiptSource = Symbol.for('yunzhou.invoices.ReceiptSource');

/** The approval engine as invoices use it: submitting one invoice to its business type's flow. */
export interface InvoiceApprovals {
  /** Submits in the caller's transaction, so the invoice and its approval start together (ApprovalService.submitIn). */
  submitIn(tx: Tx, actor: Actor, input: {
    readonly businessType: 'invoice' | 'red_invoice';
    readonly businessId: string;
    readonly chosenApprovers?: Readonly<Record<string, readonly string[]>> | undefined;
    readonly requestId?: string | undefined;
  }): Promise<{ readonly id: string; readonly status: string }>;
}
export const InvoiceApprovals = Symbol.for('yunzhou.invoices.InvoiceApprovals');

