// The five lists of 账务管理 (应收, 回款计划, 逾期, 回款单, 发票): for each, the API it reads, the filters that API
// takes, its columns, its .xlsx export and the screen a row opens. Sorting is on the rows loaded.
import type { RouteLocationRaw } from 'vue-router';
import { api, ok } from '../../api/client.js';
import type { Page } from '../../api/json.js';
import type { Column } from '../../lib/table.js';
import { yuanExact as yuan } from '../../lib/money.js';
import type { Filters, InstalmentRow, InvoiceRow, OrderRow, ReceiptRow } from './types.js';

export type ListKey = 'receivables' | 'instalments' | 'overdue' | 'receipts' | 'invoices';
export const LIST_KEYS: readonly ListKey[] = ['receivables', 'instalments', 'overdue', 'receipts', 'invoices'];

type T = (key: string, values?: Record<string, unknown>) => string;
/** A figure to show under the list: a label key and an amount in fen (or a count). */
export interface Figure { readonly label: string; readonly fen?: number; readonly count?: number }

export interface ListSpec<R> {
  readonly key: ListKey;
  /** Which filters the API behind the list takes. */
  readonly filters: readonly (keyof Filters)[];
  /** The state filter's choices (value → words key). */
  readonly states: readonly string[];
  readonly dateLabel: string;
  load(f: Filters, cursor: string | null): Promise<Page<R> & { figures?: Figure[] }>;
  columns(t: T): Column<R>[];
  /** The export's path and query (the same filters), or null when the list has none. */
  exportOf(f: Filters): string | null;
  rowKey(r: R): string;
  /** A narrowing the API has no filter for, applied to the rows loaded (on by default): its words key and rule. */
  readonly narrow?: { readonly label: string; keep(r: R): boolean };
  /** The screen a row opens: by route name, used only when that route exists. */
  target(r: R): { name: string; params: Record<string, string> } & RouteLocationRaw;
}

const LIMIT = 50;
const fenSort = (n: number | null | undefined): number | null => (n === null || n === undefined ? null : n);
const paging = (cursor: string | null) => (cursor ? { limit: LIMIT, cursor } : { limit: LIMIT, withTotal: true });

/** Only the filters the API takes, without the empty ones. */
function pick(f: Filters, keys: readonly (keyof Filters)[], rename: Partial<Record<keyof Filters, string>> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) if (f[k].trim()) out[rename[k] ?? k] = f[k].trim();
  return out;
}

function query(params: Record<string, string>): string {
  const s = new URLSearchParams(params).toString();
  return s ? `?${s}` : '';
}

const receivables: ListSpec<OrderRow> = {
  key: 'receivables',
  filters: ['from', 'to', 'keyword', 'ownerId'],
  states: [],
  dateLabel: 'accounts.wonOn',
  async load(f, cursor) {
    const q = pick(f, this.filters, { from: 'wonFrom', to: 'wonTo' });
    const p = await ok<Page<OrderRow> & { totals?: { contractFen: number; receivableFen: number; receivedFen: number; outstandingFen: number } }>(
      api.GET('/api/v1/orders', { params: { query: { ...q, ...paging(cursor) } } }));
    return { ...p, figures: p.totals ? [{ label: 'accounts.receivable', fen: p.totals.receivableFen }, { label: 'accounts.received', fen: p.totals.receivedFen }, { label: 'accounts.outstanding', fen: p.totals.outstandingFen }] : undefined };
  },
  columns: (t) => [
    { key: 'title', label: t('accounts.order'), sortable: true },
    { key: 'companyName', label: t('accounts.company'), sortable: true },
    { key: 'ownerName', label: t('accounts.owner'), sortable: true },
    { key: 'stageName', label: t('accounts.stage') },
    { key: 'receivable', label: t('accounts.receivable'), align: 'right', sortable: true, formatter: (r) => yuan(r.amounts.receivableFen), sortValue: (r) => r.amounts.receivableFen },
    { key: 'received', label: t('accounts.received'), align: 'right', sortable: true, formatter: (r) => yuan(r.amounts.receivedFen), sortValue: (r) => r.amounts.receivedFen },
    { key: 'outstanding', label: t('accounts.outstanding'), align: 'right', sortable: true, formatter: (r) => yuan(r.amounts.outstandingFen), sortValue: (r) => r.amounts.outstandingFen },
  ],
  exportOf: () => null,
  rowKey: (r) => r.id,
  // Cancelled and lost orders, and those with nothing to collect yet, are not receivables.
  narrow: { label: 'accounts.withReceivable', keep: (r) => r.amounts.receivableFen > 0 },
  target: (r) => ({ name: 'order', params: { id: r.id } }),
};

function instalmentColumns(t: T): Column<InstalmentRow>[] {
  return [
    { key: 'dueOn', label: t('accounts.dueOn'), sortable: true, formatter: (r) => r.dueOn ?? t('accounts.onDisbursement') },
    { key: 'orderTitle', label: t('accounts.order'), sortable: true },
    { key: 'companyName', label: t('accounts.company'), sortable: true },
    { key: 'number', label: t('accounts.instalment'), align: 'center', sortable: true, formatter: (r) => t('accounts.nth', { n: r.number }) },
    { key: 'amountFen', label: t('accounts.amount'), align: 'right', sortable: true, formatter: (r) => yuan(r.amountFen), sortValue: (r) => fenSort(r.amountFen) },
    { key: 'collectedFen', label: t('accounts.received'), align: 'right', sortable: true, formatter: (r) => yuan(r.collectedFen) },
    { key: 'outstandingFen', label: t('accounts.outstanding'), align: 'right', sortable: true, formatter: (r) => yuan(r.outstandingFen) },
    { key: 'state', label: t('accounts.state'), formatter: (r) => t(`accounts.instalmentStates.${r.state}`) },
    { key: 'ownerName', label: t('accounts.owner'), sortable: true },
    { key: 'departmentName', label: t('accounts.department') },
  ];
}

type InstalmentPage = Page<InstalmentRow> & { totals?: { amountFen: number; collectedFen: number; outstandingFen: number } };
const instalmentFigures = (p: InstalmentPage): Figure[] | undefined =>
  p.totals ? [{ label: 'accounts.amount', fen: p.totals.amountFen }, { label: 'accounts.received', fen: p.totals.collectedFen }, { label: 'accounts.outstanding', fen: p.totals.outstandingFen }] : undefined;

const instalments: ListSpec<InstalmentRow> = {
  key: 'instalments',
  filters: ['from', 'to', 'state', 'keyword', 'ownerId', 'departmentId'],
  states: ['uncollected', 'partial', 'collected', 'overdue'],
  dateLabel: 'accounts.dueOn',
  async load(f, cursor) {
    const p = await ok<InstalmentPage>(api.GET('/api/v1/instalments', { params: { query: { ...pick(f, this.filters), ...paging(cursor) } as never } }));
    return { ...p, figures: instalmentFigures(p) };
  },
  columns: instalmentColumns,
  exportOf(f) {
    return `/instalments/export${query(pick(f, this.filters))}`;
  },
  rowKey: (r) => r.id,
  target: (r) => ({ name: 'order', params: { id: r.orderId } }),
};

const overdue: ListSpec<InstalmentRow> = {
  ...instalments,
  key: 'overdue',
  filters: ['from', 'to', 'keyword', 'ownerId', 'departmentId'],
  states: [],
  async load(f, cursor) {
    const p = await ok<InstalmentPage>(api.GET('/api/v1/instalments/overdue', { params: { query: { ...pick(f, this.filters), ...paging(cursor) } } }));
    return { ...p, figures: instalmentFigures(p) };
  },
  exportOf(f) {
    return `/instalments/export${query({ ...pick(f, this.filters), state: 'overdue' })}`;
  },
};

const receipts: ListSpec<ReceiptRow> = {
  key: 'receipts',
  filters: ['from', 'to', 'state', 'keyword', 'ownerId', 'departmentId'],
  states: ['draft', 'pending', 'approved', 'rejected', 'reversing', 'reversed'],
  dateLabel: 'accounts.receivedOn',
  async load(f, cursor) {
    const p = await ok<Page<ReceiptRow> & { totals?: { amountFen: number; collectedFen: number } }>(
      api.GET('/api/v1/receipts', { params: { query: { ...pick(f, this.filters), ...paging(cursor) } as never } }));
    return { ...p, figures: p.totals ? [{ label: 'accounts.amount', fen: p.totals.amountFen }, { label: 'accounts.confirmed', fen: p.totals.collectedFen }] : undefined };
  },
  columns: (t) => [
    { key: 'receivedOn', label: t('accounts.receivedOn'), sortable: true },
    { key: 'orderTitle', label: t('accounts.order'), sortable: true },
    { key: 'payer', label: t('accounts.payer'), sortable: true },
    { key: 'amountFen', label: t('accounts.amount'), align: 'right', sortable: true, formatter: (r) => yuan(r.amountFen) },
    { key: 'paymentMethod', label: t('accounts.paymentMethod') },
    { key: 'type', label: t('accounts.type') },
    { key: 'state', label: t('accounts.state'), sortable: true, formatter: (r) => t(`accounts.receiptStates.${r.state}`) },
    { key: 'receivedByName', label: t('accounts.receivedBy') },
    { key: 'ownerName', label: t('accounts.owner'), sortable: true },
  ],
  exportOf(f) {
    return `/receipts/export${query(pick(f, this.filters))}`;
  },
  rowKey: (r) => r.id,
  target: (r) => ({ name: 'receipt', params: { id: r.id } }),
};

const invoices: ListSpec<InvoiceRow> = {
  key: 'invoices',
  filters: ['from', 'to', 'state', 'keyword'],
  states: ['draft', 'pending', 'issued', 'partially_reversed', 'reversed', 'cancelled'],
  dateLabel: 'accounts.issuedOn',
  async load(f, cursor) {
    const q = pick(f, this.filters, { from: 'issuedFrom', to: 'issuedTo', keyword: 'buyer' });
    const p = await ok<Page<InvoiceRow> & { totals?: { totalFen: number; taxFen: number } }>(
      api.GET('/api/v1/invoices', { params: { query: { ...q, ...paging(cursor) } as never } }));
    return { ...p, figures: p.totals ? [{ label: 'accounts.invoiceTotal', fen: p.totals.totalFen }, { label: 'accounts.tax', fen: p.totals.taxFen }] : undefined };
  },
  columns: (t) => [
    { key: 'issueDate', label: t('accounts.issuedOn'), sortable: true },
    { key: 'number', label: t('accounts.invoiceNumber'), sortable: true },
    { key: 'buyer', label: t('accounts.buyer'), sortable: true, formatter: (r) => r.buyer.name, sortValue: (r) => r.buyer.name },
    { key: 'kindLabel', label: t('accounts.invoiceKind') },
    { key: 'totalFen', label: t('accounts.invoiceTotal'), align: 'right', sortable: true, formatter: (r) => yuan(r.totalFen) },
    { key: 'taxFen', label: t('accounts.tax'), align: 'right', formatter: (r) => yuan(r.taxFen) },
    { key: 'state', label: t('accounts.state'), formatter: (r) => t(`accounts.invoiceStates.${r.state}`) },
    { key: 'orderTitle', label: t('accounts.order') },
  ],
  exportOf(f) {
    return `/invoices/export${query(pick(f, this.filters, { from: 'issuedFrom', to: 'issuedTo', keyword: 'buyer' }))}`;
  },
  rowKey: (r) => r.id,
  target: (r) => ({ name: 'invoice', params: { id: r.id } }),
};

export const LISTS = { receivables, instalments, overdue, receipts, invoices } as unknown as Record<ListKey, ListSpec<unknown>>;
