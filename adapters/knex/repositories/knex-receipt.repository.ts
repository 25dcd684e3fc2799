// Receipts (回款单) and their allocations in PostgreSQL/PGlite. Every query names the tenant.
import type { Knex } from 'knex';
import type { Tx } from '../../../core/shared/ports.js';
import type { ReceiptRepository } from '../../../core/collections/ports.js';
import type { Allocation, Receipt } from '../../../core/collections/types.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

const num = (v: unknown): number => Number(v ?? 0);
// knex-pglite answers a delete with the driver's result rather than the row count.
const affected = (r: unknown): number => (typeof r === 'number' ? r : Number((r as { rowCount?: number }).rowCount ?? 0));

export const toReceipt = (r: Row, allocations: readonly Allocation[]): Receipt => ({
  tenantId: r.tenant_id, id: r.id, orderId: r.order_id, receivedOn: r.received_on, amountFen: num(r.amount_fen), instalmentId: r.instalment_id ?? null,
  paymentMethod: r.payment_method, payer: r.payer, receivedBy: r.received_by, type: r.type, invoiceWanted: r.invoice_wanted === true,
  invoiceKind: r.invoice_kind ?? null, remark: r.remark ?? null, overpayment: r.overpayment === true, excessFen: num(r.excess_fen), allocations,
  state: r.state, idempotencyKey: r.idempotency_key ?? null, fingerprint: r.fingerprint ?? null, submittedAt: r.submitted_at ?? null,
  confirmedAt: r.confirmed_at ?? null, confirmedBy: r.confirmed_by ?? null, reversalReason: r.reversal_reason ?? null,
  reversalRequestedBy: r.reversal_requested_by ?? null, reversedAt: r.reversed_at ?? null, createdBy: r.created_by, createdAt: r.created_at,
  updatedAt: r.updated_at, version: r.version,
});

const receiptRow = (r: Receipt): Row => ({
  tenant_id: r.tenantId, id: r.id, order_id: r.orderId, received_on: r.receivedOn, amount_fen: r.amountFen, instalment_id: r.instalmentId,
  payment_method: r.paymentMethod, payer: r.payer, received_by: r.receivedBy, type: r.type, invoice_wanted: r.invoiceWanted, invoice_kind: r.invoiceKind,
  remark: r.remark, overpayment: r.overpayment, excess_fen: r.excessFen, state: r.state, idempotency_key: r.idempotencyKey, fingerprint: r.fingerprint,
  submitted_at: r.submittedAt, confirmed_at: r.confirmedAt, confirmed_by: r.confirmedBy, reversal_reason: r.reversalReason,
  reversal_requested_by: r.reversalRequestedBy, reversed_at: r.reversedAt, created_by: r.createdBy, created_at: r.createdAt, updated_at: r.updatedAt,
  version: r.version,
});

async function allocationsOf(db: Knex, tenantId: string, receiptIds: readonly string[]): Promise<Map<string, Allocation[]>> {
  const out = new Map<string, Allocation[]>();
  if (receiptIds.length === 0) return out;
  const rows = await db('receipt_allocations').where('tenant_id', tenantId).whereIn('receipt_id', [...receiptIds]).orderBy([{ column: 'receipt_id' }, { column: 'position' }]);
  for (const a of rows) out.set(a.receipt_id, [...(out.get(a.receipt_id) ?? []), { instalmentId: a.instalment_id, amountFen: num(a.amount_fen) }]);
  return out;
}

async function withAllocations(db: Knex, tenantId: string, row: Row | undefined): Promise<Receipt | null> {
  if (!row) return null;
  return toReceipt(row, (await allocationsOf(db, tenantId, [row.id])).get(row.id) ?? []);
}

async function writeAllocations(db: Knex, r: Receipt): Promise<void> {
  if (r.allocations.length === 0) return;
  await db('receipt_allocations').insert(r.allocations.map((a, position) => ({
    tenant_id: r.tenantId, receipt_id: r.id, instalment_id: a.instalmentId, position, amount_fen: a.amountFen,
  })));
}

export class KnexReceiptRepository implements ReceiptRepository {
  async insert(tx: Tx, receipt: Receipt): Promise<boolean> {
    const db = sql(tx);
    // Any unique clash (the idempotency key) leaves the transaction usable: the caller reads the other receipt.
    const inserted = await db('receipts').insert(receiptRow(receipt)).onConflict().ignore().returning('id');
    if (inserted.length !== 1) return false;
    await writeAllocations(db, receipt);
    return true;
  }

  async get(tx: Tx, tenantId: string, id: string): Promise<Receipt | null> {
    const db = sql(tx);
    return withAllocations(db, tenantId, await db('receipts').where({ tenant_id: tenantId, id }).first());
  }

  async getForUpdate(tx: Tx, tenantId: string, id: string): Promise<Receipt | null> {
    const db = sql(tx);
    return withAllocations(db, tenantId, await db('receipts').where({ tenant_id: tenantId, id }).forUpdate().first());
  }

  async findByKey(tx: Tx, tenantId: string, key: string): Promise<Receipt | null> {
    const db = sql(tx);
    return withAllocations(db, tenantId, await db('receipts').where({ tenant_id: tenantId, idempotency_key: key }).first());
  }

  async update(tx: Tx, receipt: Receipt, options: { allocations?: boolean } = {}): Promise<boolean> {
    const db = sql(tx);
    const { tenant_id: _t, id: _i, created_at: _c, created_by: _b, idempotency_key: _k, fingerprint: _f, ...changes } = receiptRow(receipt);
    const n = await db('receipts').where({ tenant_id: receipt.tenantId, id: receipt.id, version: receipt.version - 1 }).update(changes);
    if (n !== 1) return false;
    if (options.allocations === false) return true;
    await db('receipt_allocations').where({ tenant_id: receipt.tenantId, receipt_id: receipt.id }).del();
    await writeAllocations(db, receipt);
    return true;
  }

  async deleteDraft(tx: Tx, tenantId: string, id: string): Promise<boolean> {
    return affected(await sql(tx)('receipts').where({ tenant_id: tenantId, id, state: 'draft' }).del()) === 1;
  }

  async listForOrder(tx: Tx, tenantId: string, orderId: string): Promise<Receipt[]> {
    const db = sql(tx);
    const rows = await db('receipts').where({ tenant_id: tenantId, order_id: orderId }).orderBy([{ column: 'received_on', order: 'desc' }, { column: 'created_at', order: 'desc' }]);
    const allocations = await allocationsOf(db, tenantId, rows.map((r: Row) => r.id));
    return rows.map((r: Row) => toReceipt(r, allocations.get(r.id) ?? []));
  }
}
