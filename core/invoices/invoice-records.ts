// What the invoice use cases and the approval subjects share: their ports, loading an invoice the actor may
// see, the order's invoicing facts, firing the state machine, and writing timeline and events with a change.
import {
  DomainError, notFound, fire, type DocumentCharset, type ActivityEntry, type Clock, type DomainEvent, type EventSink,
  type IdGenerator, type Timeline, type Tx, type UnitOfWork,
} from '../shared/index.js';
import type { OperationLog } from '../audit/index.js';
import { formatYuanGrouped } from '../money/index.js';
import { can, requirePermission, PERMISSIONS, type Actor, type OrganisationRepository } from '../organisation/index.js';
import { canSeeOrder, type OrderRepository, type ProfileRepository, type OrderSummary } from '../orders/index.js';
import { DEFAULT_INVOICE_SETTINGS } from './invoice-settings.js';
import { INVOICE_MACHINE, type InvoiceEvent, type InvoiceMachineContext } from './invoice-machine.js';
import type { OrderInvoicingFacts } from './invoiceable.js';
import type { InvoiceNumberCounter, InvoiceRepository, InvoiceSettingsRepository, ReceiptSource } from './ports.js';
import type { Invoice, InvoiceSettings, InvoiceState } from './types.js';

/** The ports of the invoices area; the service and the approval subjects use the ones they need. */
export interface InvoiceRecordDeps {
  readonly uow: UnitOfWork;
  readonly invoices: InvoiceRepository;
  readonly counter: InvoiceNumberCounter;
  readonly settings: InvoiceSettingsRepository;
  readonly receipts: ReceiptSource;
  readonly orders: OrderRepository;
  readonly profiles: ProfileRepository;
  readonly org: OrganisationRepository;
  readonly timeline: Timeline;
  readonly events: EventSink;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** What the invoice PDF can print: buyer, lines, remarks and the seller profile are checked when saved. */
  readonly charset: DocumentCharset;
  /** The operation log: changed settings are recorded before and after. */
  readonly operations?: OperationLog | undefined;
}

export const INVOICE_SUBJECT = 'invoice';

/** The tenant's invoice settings, or the defaults while it saved none. */
export async function invoiceSettings(d: Pick<InvoiceRecordDeps, 'settings'>, tx: Tx, tenantId: string): Promise<InvoiceSettings> {
  return (await d.settings.get(tx, tenantId)) ?? DEFAULT_INVOICE_SETTINGS;
}

/** Invoices are seen in 账务管理 (finance.read) for orders the actor sees; changing them needs invoice.write. */
export function requireInvoiceAccess(actor: Actor, purpose: 'read' | 'write'): void {
  requirePermission(actor, purpose === 'read' ? PERMISSIONS.financeRead : PERMISSIONS.invoiceWrite);
}

/** The order of an invoice, or `order.not_found` when the actor cannot see it (another tenant's, outside the scope). */
export async function visibleOrderSummary(d: Pick<InvoiceRecordDeps, 'orders'>, tx: Tx, actor: Actor, orderId: string): Promise<OrderSummary> {
  const order = await d.orders.summary(tx, actor.tenantId, orderId);
  if (!order || order.tenantId !== actor.tenantId || !canSeeOrder(actor, order)) throw notFound('order', '订单', orderId);
  return order;
}

/** An invoice whose order the actor may see, or `invoice.not_found` (never "forbidden": it is simply not there). */
export async function visibleInvoice(d: Pick<InvoiceRecordDeps, 'invoices' | 'orders'>, tx: Tx, actor: Actor, id: string, lock = false): Promise<{ invoice: Invoice; order: OrderSummary }> {
  const invoice = lock ? await d.invoices.getForUpdate(tx, actor.tenantId, id) : await d.invoices.get(tx, actor.tenantId, id);
  const order = invoice ? await d.orders.summary(tx, actor.tenantId, invoice.orderId) : null;
  if (!invoice || !order || !canSeeOrder(actor, order) || !(can(actor, PERMISSIONS.financeRead) || can(actor, PERMISSIONS.invoiceWrite))) {
    throw notFound('invoice', '发票', id);
  }
  return { invoice, order };
}

/** The order's invoicing facts: received and contract amounts, and its invoices' sums (the order's invoicing is locked). */
export async function orderFacts(d: Pick<InvoiceRecordDeps, 'invoices'>, tx: Tx, order: OrderSummary): Promise<OrderInvoicingFacts> {
  const sums = await d.invoices.orderSums(tx, order.tenantId, order.id);
  return { receivedFen: order.amounts.receivedFen, contractFen: order.amounts.contractFen, ...sums };
}

/** Fires an invoice event through the machine; a refused transition throws its DomainError. */
export function fireInvoice(invoice: Invoice, event: InvoiceEvent, context: Partial<InvoiceMachineContext> = {}): InvoiceState {
  const r = fire(INVOICE_MACHINE, invoice.state, event, { direction: invoice.direction, totalFen: invoice.totalFen, invoiceableFen: 0, ...context }, undefined);
  if (r instanceof DomainError) throw r;
  return r.to;
}

/** Saves the invoice as its next version; a stale one is a conflict the caller reports. */
export async function saveInvoice(d: Pick<InvoiceRecordDeps, 'invoices' | 'clock'>, tx: Tx, invoice: Invoice, changes: Partial<Invoice>, by: string | null): Promise<Invoice> {
  const next: Invoice = { ...invoice, ...changes, updatedAt: d.clock.now(), updatedBy: by ?? invoice.updatedBy, version: invoice.version + 1 };
  if (!(await d.invoices.update(tx, next))) throw invoiceChanged(invoice.id);
  return next;
}

export function invoiceChanged(id: string): DomainError {
  return new DomainError('invoice.version_conflict', 'conflict', { zh: '发票已被他人修改，请刷新后重试', en: 'Someone else changed this invoice first; reload and try again' }, { id });
}

/** What an invoice is called in timelines: 红字发票 or 发票, with its number once it has one. */
export function invoiceName(invoice: Pick<Invoice, 'direction' | 'number' | 'totalFen'>): string {
  return `${invoice.direction === 'red' ? '红字发票' : '发票'}${invoice.number ? ` ${invoice.number}` : ''}（¥${formatYuanGrouped(invoice.totalFen)}）`;
}

/** One change recorded on the invoice's and the order's timelines, and announced on the outbox, in the change's transaction. */
export async function recordInvoiceChange(
  d: Pick<InvoiceRecordDeps, 'timeline' | 'events'>, tx: Tx, invoice: Invoice, actorId: string | null, action: string, summary: string, data: Record<string, unknown> = {},
): Promise<void> {
  const payload = { invoiceId: invoice.id, orderId: invoice.orderId, direction: invoice.direction, state: invoice.state, totalFen: invoice.totalFen, number: invoice.number, ...data };
  const entry = (subjectType: string, subjectId: string): ActivityEntry => ({ tenantId: invoice.tenantId, subjectType, subjectId, actorId, action, summary, data: payload });
  await d.timeline.record(tx, [entry(INVOICE_SUBJECT, invoice.id), entry('order', invoice.orderId)]);
  const event: DomainEvent = { type: action, tenantId: invoice.tenantId, subjectType: INVOICE_SUBJECT, subjectId: invoice.id, actorId, data: payload };
  await d.events.publish(tx, [event]);
}
