// Invoices, their lines and receipts, the number counter and the invoice settings in PostgreSQL/PGlite.
// Every query names the tenant.
import type { Knex } from 'knex';
import type { Tx } from '../../../core/shared/ports.js';
import { decodeCursor, encodeCursor, type PageRequest } from '../../../core/shared/pagination.js';
import type {
  InvoiceListFilter, InvoiceNumberCounter, InvoicePage, InvoiceRepository, InvoiceRow, InvoiceSettingsRepository, InvoiceVisibility, OrderInvoiceSums,
} from '../../../core/invoices/ports.js';
import type { Invoice, InvoiceLineRecord, InvoiceSettings } from '../../../core/invoices/types.js';
import { DEFAULT_INVOICE_SETTINGS } from '../../../core/invoices/invoice-settings.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

const toLine = (r: Row): InvoiceLineRecord => ({
  lineNo: r.line_no, name: r.name, quantity: r.quantity, unitPrice: r.unit_price, amountFen: r.amount_fen, taxRate: r.tax_rate, taxFen: r.tax_fen,
  totalFen: r.total_fen, originalLineNo: r.original_line_no,
});

function toInvoice(r: Row, lines: InvoiceLineRecord[], receiptIds: string[]): Invoice {
  return {
    tenantId: r.tenant_id, id: r.id, orderId: r.order_id, direction: r.direction, originalId: r.original_id, kind: r.kind, state: r.state,
    number: r.number, issueDate: r.issue_date, issuedAt: r.issued_at, issuedBy: r.issued_by,
    seller: r.seller ?? null, payee: r.payee, reviewer: r.reviewer, drawer: r.drawer,
    buyer: { name: r.buyer_name, taxId: r.buyer_tax_id, address: r.buyer_address, phone: r.buyer_phone, bank: r.buyer_bank, account: r.buyer_account },
    lines, amountFen: r.amount_fen, taxFen: r.tax_fen, totalFen: r.total_fen, remarks: r.remarks, reason: r.reason, receiptIds,
    createdBy: r.created_by, createdAt: r.created_at, updatedBy: r.updated_by, updatedAt: r.updated_at, version: r.version,
  };
}

function columns(i: Invoice): Row {
  const seq = i.number ? /^(\d{4})(\d{8})$/.exec(i.number) : null;
  return {
    order_id: i.orderId, direction: i.direction, original_id: i.originalId, kind: i.kind, state: i.state,
    number: i.number, year: seq ? Number(seq[1]) : null, sequence: seq ? Number(seq[2]) : null,
    issue_date: i.issueDate, issued_at: i.issuedAt, issued_by: i.issuedBy, seller: i.seller ? JSON.stringify(i.seller) : null,
    payee: i.payee, reviewer: i.reviewer, drawer: i.drawer,
    buyer_name: i.buyer.name, buyer_tax_id: i.buyer.taxId, buyer_address: i.buyer.address, buyer_phone: i.buyer.phone, buyer_bank: i.buyer.bank,
    buyer_account: i.buyer.account, amount_fen: i.amountFen, tax_fen: i.taxFen, total_fen: i.totalFen, remarks: i.remarks, reason: i.reason,
    created_by: i.createdBy, created_at: i.createdAt, updated_by: i.updatedBy, updated_at: i.updatedAt, version: i.version,
  };
}

const lineRows = (i: Invoice): Row[] =>
  i.lines.map((l) => ({
    tenant_id: i.tenantId, invoice_id: i.id, line_no: l.lineNo, name: l.name, quantity: l.quantity, unit_price: l.unitPrice, amount_fen: l.amountFen,
    tax_rate: l.taxRate, tax_fen: l.taxFen, total_fen: l.totalFen, original_line_no: l.originalLineNo,
  }));

// Lines and receipts of many invoices in two queries.
async function hydrate(db: Knex, tenantId: string, rows: Row[]): Promise<Invoice[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id as string);
  const lines = await db('invoice_lines').where('tenant_id', tenantId).whereIn('invoice_id', ids).orderBy(['invoice_id', 'line_no']);
  const receipts = await db('invoice_receipts').where('tenant_id', tenantId).whereIn('invoice_id', ids).orderBy(['invoice_id', 'receipt_id']);
  const linesOf = new Map<string, InvoiceLineRecord[]>();
  for (const l of lines) linesOf.set(l.invoice_id, [...(linesOf.get(l.invoice_id) ?? []), toLine(l)]);
  const receiptsOf = new Map<string, string[]>();
  for (const r of receipts) receiptsOf.set(r.invoice_id, [...(receiptsOf.get(r.invoice_id) ?? []), r.receipt_id]);
  return rows.map((r) => toInvoice(r, linesOf.get(r.id) ?? [], receiptsOf.get(r.id) ?? []));
}

const ROW_COLUMNS = ['i.*', 'o.title as order_title', 'o.company_name', 'u.name as created_by_name', 'orig.number as original_number'];

function rowsQuery(db: Knex, tenantId: string): Knex.QueryBuilder {
  return db('invoices as i')
    .join('orders as o', (j) => j.on('o.tenant_id', 'i.tenant_id').andOn('o.id', 'i.order_id'))
    .leftJoin('users as u', (j) => j.on('u.tenant_id', 'i.tenant_id').andOn('u.id', 'i.created_by'))
    .leftJoin('invoices as orig', (j) => j.on('orig.tenant_id', 'i.tenant_id').andOn('orig.id', 'i.original_id'))
    .where('i.tenant_id', tenantId);
}

function applyFilter(q: Knex.QueryBuilder, f: InvoiceListFilter, v: InvoiceVisibility): Knex.QueryBuilder {
  const scope = v.scope;
  if (scope) {
    q.andWhere((w) => {
      w.where('o.owner_id', scope.ownerId).orWhere('o.handler_id', v.userId);
      if (scope.departmentIds && scope.departmentIds.length > 0) w.orWhereIn('o.department_id', [...scope.departmentIds]);
    });
  }
  if (f.state) q.andWhere('i.state', f.state);
  if (f.kind) q.andWhere('i.kind', f.kind);
  if (f.direction) q.andWhere('i.direction', f.direction);
  if (f.orderId) q.andWhere('i.order_id', f.orderId);
  if (f.number) q.andWhere('i.number', 'like', `${f.number.replace(/[\\%_]/g, '\\$&')}%`);
  if (f.buyer) {
    const like = `%${f.buyer.replace(/[\\%_]/g, '\\$&')}%`;
    q.andWhere((w) => w.where('i.buyer_name', 'like', like).orWhere('i.buyer_tax_id', 'like', like.toUpperCase()));
  }
  if (f.issuedFrom) q.andWhere('i.issue_date', '>=', f.issuedFrom);
  if (f.issuedTo) q.andWhere('i.issue_date', '<=', f.issuedTo);
  return q;
}

async function toRows(db: Knex, tenantId: string, rows: Row[]): Promise<InvoiceRow[]> {
  const invoices = await hydrate(db, tenantId, rows);
  return invoices.map((inv, k) => {
    const r = rows[k] as Row;
    return { ...inv, orderTitle: r.order_title, companyName: r.company_name, createdByName: r.created_by_name ?? null, originalNumber: r.original_number ?? null };
  });
}

export class KnexInvoiceRepository implements InvoiceRepository {
  async insert(tx: Tx, invoice: Invoice): Promise<void> {
    const db = sql(tx);
    await db('invoices').insert({ tenant_id: invoice.tenantId, id: invoice.id, ...columns(invoice) });
    await db('invoice_lines').insert(lineRows(invoice));
    if (invoice.receiptIds.length > 0) {
      await db('invoice_receipts').insert(invoice.receiptIds.map((rid) => ({ tenant_id: invoice.tenantId, invoice_id: invoice.id, receipt_id: rid, active: true })));
    }
  }

  async get(tx: Tx, tenantId: string, id: string): Promise<Invoice | null> {
    const db = sql(tx);
    const [invoice] = await hydrate(db, tenantId, await db('invoices').where({ tenant_id: tenantId, id }));
    return invoice ?? null;
  }

  async getForUpdate(tx: Tx, tenantId: string, id: string): Promise<Invoice | null> {
    const db = sql(tx);
    const [invoice] = await hydrate(db, tenantId, await db('invoices').where({ tenant_id: tenantId, id }).forUpdate());
    return invoice ?? null;
  }

  async update(tx: Tx, invoice: Invoice): Promise<boolean> {
    const db = sql(tx);
    const n = await db('invoices').where({ tenant_id: invoice.tenantId, id: invoice.id, version: invoice.version - 1 }).update(columns(invoice));
    if (n !== 1) return false;
    // Only a draft's lines and receipts change; an issued invoice's stay as they were issued.
    if (invoice.state === 'draft') {
      await db('invoice_lines').where({ tenant_id: invoice.tenantId, invoice_id: invoice.id }).delete();
      await db('invoice_lines').insert(lineRows(invoice));
      await db('invoice_receipts').where({ tenant_id: invoice.tenantId, invoice_id: invoice.id }).whereNotIn('receipt_id', [...invoice.receiptIds]).delete();
      const kept = new Set((await db('invoice_receipts').where({ tenant_id: invoice.tenantId, invoice_id: invoice.id }).select('receipt_id')).map((r: Row) => r.receipt_id));
      const added = invoice.receiptIds.filter((r) => !kept.has(r));
      if (added.length > 0) await db('invoice_receipts').insert(added.map((rid) => ({ tenant_id: invoice.tenantId, invoice_id: invoice.id, receipt_id: rid, active: true })));
    }
    return true;
  }

  async orderSums(tx: Tx, tenantId: string, orderId: string): Promise<OrderInvoiceSums> {
    const db = sql(tx);
    // Requests and issues for one order take turns (until the transaction ends), so the cap check holds.
    await db.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`invoice:${tenantId}:${orderId}`]);
    const r = (await db('invoices')
      .where({ tenant_id: tenantId, order_id: orderId })
      .first(
        db.raw('coalesce(sum(total_fen) filter (where number is not null), 0)::bigint as issued'),
        db.raw(`coalesce(sum(total_fen) filter (where direction = 'blue' and state in ('draft', 'pending')), 0)::bigint as reserved`),
      )) as Row;
    return { issuedNetFen: Number(r.issued), reservedFen: Number(r.reserved) };
  }

  async redLettersOf(tx: Tx, tenantId: string, originalId: string): Promise<Invoice[]> {
    const db = sql(tx);
    return hydrate(db, tenantId, await db('invoices').where({ tenant_id: tenantId, original_id: originalId }).whereNot('state', 'cancelled').orderBy(['created_at', 'id']));
  }

  async receiptsInUse(tx: Tx, tenantId: string, receiptIds: readonly string[], exceptInvoiceId: string | null): Promise<Map<string, string>> {
    if (receiptIds.length === 0) return new Map();
    const q = sql(tx)('invoice_receipts').where({ tenant_id: tenantId, active: true }).whereIn('receipt_id', [...receiptIds]);
    if (exceptInvoiceId) q.whereNot('invoice_id', exceptInvoiceId);
    return new Map((await q.select('receipt_id', 'invoice_id')).map((r: Row) => [r.receipt_id as string, r.invoice_id as string]));
  }

  async releaseReceipts(tx: Tx, tenantId: string, invoiceId: string): Promise<void> {
    await sql(tx)('invoice_receipts').where({ tenant_id: tenantId, invoice_id: invoiceId }).update({ active: false });
  }

  async list(tx: Tx, tenantId: string, filter: InvoiceListFilter, visibility: InvoiceVisibility, page: PageRequest): Promise<InvoicePage> {
    const db = sql(tx);
    const q = applyFilter(rowsQuery(db, tenantId), filter, visibility)
      .select(ROW_COLUMNS)
      .orderBy([{ column: 'i.created_at', order: 'desc' }, { column: 'i.id', order: 'desc' }])
      .limit(page.limit + 1);
    if (page.cursor) {
      const [at, id] = decodeCursor(page.cursor, 2);
      q.andWhereRaw('(i.created_at, i.id) < (?::timestamptz, ?::uuid)', [at ?? null, id ?? null]);
    }
    const rows = (await q) as Row[];
    const items = await toRows(db, tenantId, rows.slice(0, page.limit));
    const last = items[items.length - 1];
    const nextCursor = rows.length > page.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null;
    if (!page.withTotal) return { items, nextCursor };
    const t = (await applyFilter(rowsQuery(db, tenantId), filter, visibility).first(
      db.raw('count(*)::integer as count'),
      db.raw('coalesce(sum(i.amount_fen), 0)::bigint as amount_fen'),
      db.raw('coalesce(sum(i.tax_fen), 0)::bigint as tax_fen'),
      db.raw('coalesce(sum(i.total_fen), 0)::bigint as total_fen'),
    )) as Row;
    return {
      items, nextCursor, total: t.count,
      totals: { count: t.count, amountFen: Number(t.amount_fen), taxFen: Number(t.tax_fen), totalFen: Number(t.total_fen) },
    };
  }

  async exportRows(tx: Tx, tenantId: string, filter: InvoiceListFilter, visibility: InvoiceVisibility, limit: number): Promise<InvoiceRow[]> {
    const db = sql(tx);
    const rows = (await applyFilter(rowsQuery(db, tenantId), filter, visibility)
      .select(ROW_COLUMNS)
      .orderBy([{ column: 'i.created_at', order: 'desc' }, { column: 'i.id', order: 'desc' }])
      .limit(limit)) as Row[];
    return toRows(db, tenantId, rows);
  }

  async getRow(tx: Tx, tenantId: string, id: string): Promise<InvoiceRow | null> {
    const db = sql(tx);
    const rows = (await rowsQuery(db, tenantId).andWhere('i.id', id).select(ROW_COLUMNS)) as Row[];
    const [row] = await toRows(db, tenantId, rows);
    return row ?? null;
  }
}

export class KnexInvoiceNumberCounter implements InvoiceNumberCounter {
  async next(tx: Tx, tenantId: string, year: number): Promise<number> {
    const db = sql(tx);
    // The first issue of a year creates the row; a concurrent first issue waits on it and then increments it.
    await db.raw('insert into invoice_number_counters (tenant_id, year, last_value) values (?, ?, 0) on conflict (tenant_id, year) do nothing', [tenantId, year]);
    const r = await db.raw('update invoice_number_counters set last_value = last_value + 1 where tenant_id = ? and year = ? returning last_value', [tenantId, year]);
    const value = (r.rows as Row[])[0]?.last_value;
    if (typeof value !== 'number') throw new Error(`invoice number counter of ${tenantId}/${year} did not answer`);
    return value;
  }
}

export class KnexInvoiceSettingsRepository implements InvoiceSettingsRepository {
  async get(tx: Tx, tenantId: string): Promise<InvoiceSettings | null> {
    const r = await sql(tx)('invoice_settings').where({ tenant_id: tenantId }).first();
    // Fields added later fall back to the defaults.
    return r ? { ...DEFAULT_INVOICE_SETTINGS, ...(r.settings as Partial<InvoiceSettings>), version: r.version } : null;
  }

  async save(tx: Tx, tenantId: string, settings: InvoiceSettings, by: string, at: Date): Promise<boolean> {
    const db = sql(tx);
    const { version, ...data } = settings;
    const row = { settings: JSON.stringify(data), version, updated_by: by, updated_at: at };
    if (version === 1) {
      const inserted = await db('invoice_settings').insert({ tenant_id: tenantId, ...row }).onConflict('tenant_id').ignore().returning('tenant_id');
      return inserted.length === 1;
    }
    return (await db('invoice_settings').where({ tenant_id: tenantId, version: version - 1 }).update(row)) === 1;
  }
}
