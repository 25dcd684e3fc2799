// The collections area's receipts (回款单) as invoicing reads them. Only an approved receipt (已确认) can be
// invoiced; the collections area spells the invoice kind 'normal' where documents say 'ordinary'.
import type { Tx } from '../../../core/shared/ports.js';
import type { ReceiptForInvoice, ReceiptSource } from '../../../core/invoices/ports.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

export class KnexInvoiceReceiptSource implements ReceiptSource {
  async ofOrder(tx: Tx, tenantId: string, orderId: string): Promise<ReceiptForInvoice[]> {
    const rows = (await sql(tx)('receipts')
      .where({ tenant_id: tenantId, order_id: orderId })
      .orderBy([{ column: 'received_on', order: 'asc' }, { column: 'created_at', order: 'asc' }, { column: 'id', order: 'asc' }])
      .select('id', 'order_id', 'amount_fen', 'received_on', 'state', 'invoice_wanted', 'invoice_kind')) as Row[];
    return rows.map((r) => ({
      id: r.id, orderId: r.order_id, amountFen: r.amount_fen, receivedOn: r.received_on, approved: r.state === 'approved',
      invoiceWanted: r.invoice_wanted === true, invoiceKind: r.invoice_kind === 'special' ? 'special' : r.invoice_kind === 'normal' ? 'ordinary' : null,
    }));
  }
}
