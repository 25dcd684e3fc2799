// 账务管理: the receipts and instalments of the firm with filters (period, department, person, payment method,
// state), the overdue list, totals over every match, and each list exported to .xlsx with Chinese headers.
import { isDomainError, localDate, notFound, type Page, type PageRequest, type Tx } from '../shared/index.js';
import { requirePermission, scopeFilter, PERMISSIONS, subtreeIds, type Actor } from '../organisation/index.js';
import { briefingPeriod, type PeriodKind } from '../briefing/index.js';
import type { CollectionsDeps } from './collections-deps.js';
import { INSTALMENT_SHEET, OVERDUE_SHEET, RECEIPT_SHEET, instalmentSheetRow, receiptSheetRow } from './export-sheets.js';
import type {
  AccountsVisibility, InstalmentListFilter, InstalmentListRow, InstalmentTotals, ReceiptListFilter, ReceiptListRow, ReceiptTotals,
} from './ports.js';
import type { SheetRow, SheetSpec, SpreadsheetWriter } from '../documents/index.js';
import type { InstalmentState, ReceiptState } from './types.js';

/** A period (a named one in the tenant's calendar, or from/to dates, inclusive) plus who and what. */
export interface AccountsQuery {
  readonly period?: PeriodKind | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** The orders' department and its subtree. */
  readonly departmentId?: string | undefined;
  /** The orders' owner (负责人). */
  readonly ownerId?: string | undefined;
  readonly keyword?: string | undefined;
  readonly orderId?: string | undefined;
}

export interface ReceiptQuery extends AccountsQuery {
  readonly receivedBy?: string | undefined;
  readonly paymentMethod?: string | undefined;
  readonly type?: string | undefined;
  readonly state?: ReceiptState | undefined;
}

export interface InstalmentQuery extends AccountsQuery {
  readonly state?: InstalmentState | undefined;
}

export interface AccountsServiceDeps extends CollectionsDeps {
  readonly spreadsheets: SpreadsheetWriter;
}

const EXPORT_PAGE = 500;

export class AccountsService {
  constructor(private readonly d: AccountsServiceDeps) {}

  /** 回款记录: receipts of the orders the actor sees, newest receipt date first; totals with page.withTotal. */
  async receipts(actor: Actor, q: ReceiptQuery, page: PageRequest): Promise<Page<ReceiptListRow> & { totals?: ReceiptTotals }> {
    requirePermission(actor, PERMISSIONS.financeRead);
    return this.d.uow.read(async (tx) => this.d.accounts.receipts(tx, actor.tenantId, await this.receiptFilter(tx, actor, q), visibility(actor), page));
  }

  /** 回款计划: instalments of the orders the actor sees, earliest due first, with their state today. */
  async instalments(actor: Actor, q: InstalmentQuery, page: PageRequest): Promise<Page<InstalmentListRow> & { totals?: InstalmentTotals }> {
    requirePermission(actor, PERMISSIONS.financeRead);
    return this.d.uow.read(async (tx) => this.d.accounts.instalments(tx, actor.tenantId, await this.instalmentFilter(tx, actor, q), visibility(actor), this.today(actor), page));
  }

  /** 逾期回款: instalments past due and not fully collected. */
  overdue(actor: Actor, q: Omit<InstalmentQuery, 'state'>, page: PageRequest): Promise<Page<InstalmentListRow> & { totals?: InstalmentTotals }> {
    return this.instalments(actor, { ...q, state: 'overdue' }, page);
  }

  /** The receipts list as an .xlsx stream (every match, read page by page); a bad filter is refused before the first byte. */
  async exportReceipts(actor: Actor, q: ReceiptQuery): Promise<AsyncIterable<Uint8Array>> {
    return this.export(RECEIPT_SHEET, (cursor) => this.receipts(actor, q, { limit: EXPORT_PAGE, cursor }), receiptSheetRow);
  }

  /** The instalments list (or, with state overdue, the overdue list) as an .xlsx stream. */
  async exportInstalments(actor: Actor, q: InstalmentQuery): Promise<AsyncIterable<Uint8Array>> {
    return this.export(q.state === 'overdue' ? OVERDUE_SHEET : INSTALMENT_SHEET, (cursor) => this.instalments(actor, q, { limit: EXPORT_PAGE, cursor }), instalmentSheetRow);
  }

  private async export<T>(sheet: SheetSpec, page: (cursor: string | undefined) => Promise<Page<T>>, toRow: (r: T) => SheetRow): Promise<AsyncIterable<Uint8Array>> {
    const first = await page(undefined); // permission, scope and filter problems surface here, as an error response
    async function* rows(): AsyncGenerator<SheetRow> {
      let p: Page<T> | null = first;
      while (p) {
        for (const item of p.items) yield toRow(item);
        p = p.nextCursor ? await page(p.nextCursor) : null;
      }
    }
    return this.d.spreadsheets.write(sheet, rows());
  }

  private today(actor: Actor): string {
    return localDate(this.d.clock.now(), actor.timeZone);
  }

  /** Inclusive dates of the period asked, in the tenant's calendar. */
  private dates(actor: Actor, q: AccountsQuery): { from?: string; to?: string } {
    if (q.period && q.period !== 'custom') {
      const p = briefingPeriod(q.period, this.d.clock.now(), actor.timeZone);
      if (isDomainError(p)) throw p;
      return { from: p.fromDate, to: p.lastDate };
    }
    return { ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) };
  }

  private async departments(tx: Tx, actor: Actor, departmentId: string | undefined): Promise<string[] | undefined> {
    if (!departmentId) return undefined;
    const all = await this.d.org.listDepartments(tx, actor.tenantId);
    if (!all.some((x) => x.id === departmentId)) throw notFound('department', '部门', departmentId);
    return subtreeIds(all, departmentId);
  }

  private async receiptFilter(tx: Tx, actor: Actor, q: ReceiptQuery): Promise<ReceiptListFilter> {
    const { from, to } = this.dates(actor, q);
    return {
      receivedFrom: from, receivedTo: to, departmentIds: await this.departments(tx, actor, q.departmentId), ownerId: q.ownerId, receivedBy: q.receivedBy,
      paymentMethod: q.paymentMethod, type: q.type, state: q.state, orderId: q.orderId, keyword: q.keyword?.trim() || undefined,
    };
  }

  private async instalmentFilter(tx: Tx, actor: Actor, q: InstalmentQuery): Promise<InstalmentListFilter> {
    const { from, to } = this.dates(actor, q);
    return {
      dueFrom: from, dueTo: to, departmentIds: await this.departments(tx, actor, q.departmentId), ownerId: q.ownerId, state: q.state, orderId: q.orderId,
      keyword: q.keyword?.trim() || undefined,
    };
  }
}

function visibility(actor: Actor): AccountsVisibility {
  return { userId: actor.userId, scope: scopeFilter(actor) };
}
