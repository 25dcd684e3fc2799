// 开具: an approved invoice takes its number and date in the deciding transaction. The number counter of the
// tenant's year is taken first, which also makes concurrent issues of the tenant take turns, so the cap
// check that follows sees every invoice issued before it. A red-letter invoice, once issued, moves its
// original to 部分红冲 or 已红冲; a fully reversed original gives its receipts back to be invoiced again.
import { localDate, type Tx } from '../shared/index.js';
import { formatYuanGrouped } from '../money/index.js';
import { invoiceTotals } from '../documents/index.js';
import { issuableFen } from './invoiceable.js';
import { formatInvoiceNumber, numberingYear } from './invoice-number.js';
import { fireInvoice, invoiceName, invoiceSettings, orderFacts, recordInvoiceChange, saveInvoice, type InvoiceRecordDeps } from './invoice-records.js';
import type { Invoice } from './types.js';
import { sellerMissing } from './invoice-document.js';

/** Issues a pending invoice on its approval: number (yyyy + 8 digits), date in the tenant's calendar, and the reversal of its original. */
export async function issueApproved(d: InvoiceRecordDeps, tx: Tx, tenantId: string, invoiceId: string, approverId: string | null): Promise<Invoice> {
  const tenant = await d.org.getTenant(tx, tenantId);
  const now = d.clock.now();
  const issueDate = localDate(now, tenant?.timeZone ?? 'Asia/Shanghai');
  const year = numberingYear(issueDate);
  const sequence = await d.counter.next(tx, tenantId, year);
  const invoice = await d.invoices.getForUpdate(tx, tenantId, invoiceId);
  if (!invoice) throw new Error(`invoice ${invoiceId} of an approval is missing`);
  const order = await d.orders.summary(tx, tenantId, invoice.orderId);
  if (!order) throw new Error(`order ${invoice.orderId} of invoice ${invoiceId} is missing`);
  const settings = await invoiceSettings(d, tx, tenantId);
  const facts = await orderFacts(d, tx, order);
  const state = fireInvoice(invoice, 'approve', { invoiceableFen: issuableFen(settings.capBasis, facts) });
  if (settings.seller === null) throw sellerMissing();
  // 开票人: the tenant's named drawer, else whoever approved the issue, else the requester.
  const approver = approverId ? await d.org.getUser(tx, tenantId, approverId) : null;
  const requester = await d.org.getUser(tx, tenantId, invoice.createdBy);
  const issued = await saveInvoice(d, tx, invoice, {
    state, number: formatInvoiceNumber(year, sequence), issueDate, issuedAt: now, issuedBy: approverId,
    seller: settings.seller, payee: settings.payee, reviewer: settings.reviewer, drawer: settings.drawer ?? approver?.name ?? requester?.name ?? null,
  }, approverId);
  await recordInvoiceChange(d, tx, issued, approverId, 'invoice.issued', `开具${invoiceName(issued)}`, { issueDate, sequence, year });
  if (issued.direction === 'red' && issued.originalId) await reverseOriginal(d, tx, issued, approverId);
  return issued;
}

// The original's state follows what its issued red-letter invoices take off: all of it, or a part.
async function reverseOriginal(d: InvoiceRecordDeps, tx: Tx, red: Invoice, actorId: string | null): Promise<void> {
  const original = await d.invoices.getForUpdate(tx, red.tenantId, red.originalId as string);
  if (!original) throw new Error(`original invoice ${red.originalId} of red-letter invoice ${red.id} is missing`);
  const issuedReds = (await d.invoices.redLettersOf(tx, red.tenantId, original.id)).filter((r) => r.number !== null);
  const reversedFen = 0 - invoiceTotals(issuedReds).totalFen;
  const full = reversedFen >= original.totalFen;
  const state = fireInvoice(original, full ? 'reverse_fully' : 'reverse_partially');
  const saved = await saveInvoice(d, tx, original, { state }, actorId);
  if (full) await d.invoices.releaseReceipts(tx, red.tenantId, original.id);
  await recordInvoiceChange(
    d, tx, saved, actorId, 'invoice.reversed',
    `${invoiceName(saved)}${full ? '已全额红冲' : `部分红冲，累计红冲 ¥${formatYuanGrouped(reversedFen)}`}（红字发票 ${red.number ?? ''}）`,
    { redInvoiceId: red.id, redNumber: red.number, reversedFen, full },
  );
}

/** A rejected or withdrawn request goes back to 草稿, to be corrected and submitted again (or given up). */
export async function returnToDraft(d: InvoiceRecordDeps, tx: Tx, tenantId: string, invoiceId: string, event: 'reject' | 'withdraw', actorId: string | null): Promise<Invoice> {
  const invoice = await d.invoices.getForUpdate(tx, tenantId, invoiceId);
  if (!invoice) throw new Error(`invoice ${invoiceId} of an approval is missing`);
  const saved = await saveInvoice(d, tx, invoice, { state: fireInvoice(invoice, event) }, actorId);
  await recordInvoiceChange(
    d, tx, saved, actorId, event === 'reject' ? 'invoice.rejected' : 'invoice.withdrawn',
    `${invoiceName(saved)}${event === 'reject' ? '审批未通过，退回草稿' : '已撤回审批，退回草稿'}`,
  );
  return saved;
}
