// What the collections use cases need from the world: orders' money as collections sees it (read from the
// orders area's derived amounts), plans and their instalments, receipts, the tenant's settings, the accounts
// lists, and a spreadsheet writer for exports.
import type { Tx, Page, PageRequest } from '../shared/index.js';
import type { ScopeFilter } from '../organisation/index.js';
import type { CollectionPlan, CollectionSettings, Instalment, InstalmentState, PlanRevision, Receipt, ReceiptState } from './types.js';

/** An order as collections sees it: whose it is, whether it is closed, and its money (order_amounts). */
export interface OrderFinance {
  readonly tenantId: string;
  readonly orderId: string;
  readonly title: string;
  readonly companyName: string;
  readonly ownerId: string;
  readonly departmentId: string | null;
  readonly handlerId: string;
  readonly stageKey: string;
  readonly stageBeforeOff: string | null;
  /** Set when the order reached 订单完成 (结单): from then on read-only except invoices and reversals. */
  readonly completedAt: Date | null;
  /** 应回款: the confirmed contract's amount, else the products' total. */
  readonly receivableFen: number;
  /** 已回款: approved receipts. */
  readonly receivedFen: number;
  readonly invoicedFen: number;
  /** Approved receipts whose payer asked for an invoice. */
  readonly invoiceWantedFen: number;
}

/** An instalment with the due date its owner was last reminded of. */
export interface StoredInstalment extends Instalment {
  readonly remindedFor: string | null;
}

export interface InstalmentDelta {
  readonly instalmentId: string;
  readonly reservedFen: number;
  readonly collectedFen: number;
}

export interface CollectionPlanRepository {
  /** The order's money, its row locked until the transaction ends: allocations to one order take turns. */
  lockOrder(tx: Tx, tenantId: string, orderId: string): Promise<OrderFinance | null>;
  orderFinance(tx: Tx, tenantId: string, orderId: string): Promise<OrderFinance | null>;
  getPlan(tx: Tx, tenantId: string, orderId: string): Promise<CollectionPlan | null>;
  /** The plan's current instalments by number. */
  instalments(tx: Tx, tenantId: string, orderId: string): Promise<StoredInstalment[]>;
  /**
   * Saves the plan (version 1 inserts; otherwise when the stored version is plan.version − 1) with its whole
   * current set of instalments (existing ids are updated, others removed, new ones inserted) and keeps the
   * revision. False when another save got there first.
   */
  savePlan(tx: Tx, plan: CollectionPlan, instalments: readonly Instalment[], revision: PlanRevision): Promise<boolean>;
  /** Every revision, newest first, with the names of who saved them. */
  revisions(tx: Tx, tenantId: string, orderId: string): Promise<PlanRevision[]>;
  /** Removes a plan with no money on it (its revisions stay); false when stale. */
  deletePlan(tx: Tx, tenantId: string, orderId: string, version: number): Promise<boolean>;
  /** Adds to the reserved and collected amounts of instalments. */
  adjustInstalments(tx: Tx, tenantId: string, deltas: readonly InstalmentDelta[]): Promise<void>;
}
export const CollectionPlanRepository = Symbol.for('yunzhou.CollectionPlanRepository');

export interface ReceiptRepository {
  /** Inserts with its allocations; false when the tenant already has a receipt under the idempotency key. */
  insert(tx: Tx, receipt: Receipt): Promise<boolean>;
  get(tx: Tx, tenantId: string, id: string): Promise<Receipt | null>;
  /** Loads and locks the receipt for a change in this transaction. */
  getForUpdate(tx: Tx, tenantId: string, id: string): Promise<Receipt | null>;
  findByKey(tx: Tx, tenantId: string, key: string): Promise<Receipt | null>;
  /** Saves when the stored version is receipt.version − 1; its allocations too unless `allocations` is false
   * (a state move keeps them: rewriting them would cost two statements for nothing). */
  update(tx: Tx, receipt: Receipt, options?: { allocations?: boolean }): Promise<boolean>;
  /** Removes a draft and its allocations. */
  deleteDraft(tx: Tx, tenantId: string, id: string): Promise<boolean>;
  listForOrder(tx: Tx, tenantId: string, orderId: string): Promise<Receipt[]>;
}
export const ReceiptRepository = Symbol.for('yunzhou.ReceiptRepository');

export interface CollectionSettingsRepository {
  get(tx: Tx, tenantId: string): Promise<CollectionSettings | null>;
  /** Saves when the stored version is settings.version − 1 (0: none stored yet). */
  save(tx: Tx, tenantId: string, settings: CollectionSettings, by: string, at: Date): Promise<boolean>;
}
export const CollectionSettingsRepository = Symbol.for('yunzhou.CollectionSettingsRepository');

/** Which orders' records a list may show: the viewer's data scope and the orders they handle. */
export interface AccountsVisibility {
  readonly userId: string;
  readonly scope: ScopeFilter | null;
}

/** Filters of the receipts list (账务管理 · 回款记录); dates are inclusive 'YYYY-MM-DD'. */
export interface ReceiptListFilter {
  readonly receivedFrom?: string | undefined;
  readonly receivedTo?: string | undefined;
  /** The orders' departments (a department and its subtree, expanded by the use case). */
  readonly departmentIds?: readonly string[] | undefined;
  /** The orders' owner (负责人). */
  readonly ownerId?: string | undefined;
  /** 收款人员. */
  readonly receivedBy?: string | undefined;
  readonly paymentMethod?: string | undefined;
  readonly type?: string | undefined;
  readonly state?: ReceiptState | undefined;
  readonly orderId?: string | undefined;
  /** In the company name or order title. */
  readonly keyword?: string | undefined;
}

/** The order a list row belongs to, as the accounts lists show it. */
export interface OrderColumns {
  readonly orderTitle: string;
  readonly companyName: string;
  readonly ownerId: string;
  readonly ownerName: string | null;
  readonly departmentId: string | null;
  readonly departmentName: string | null;
}

export interface ReceiptListRow extends Receipt, OrderColumns {
  readonly receivedByName: string | null;
  /** 第N期 of each allocation, in order. */
  readonly instalmentNumbers: readonly number[];
}

export interface ReceiptTotals {
  readonly count: number;
  readonly amountFen: number;
  /** Of those, approved (counted as received). */
  readonly collectedFen: number;
}

/** Filters of the instalments list (账务管理 · 回款计划); dates are inclusive. */
export interface InstalmentListFilter {
  readonly dueFrom?: string | undefined;
  readonly dueTo?: string | undefined;
  readonly departmentIds?: readonly string[] | undefined;
  readonly ownerId?: string | undefined;
  readonly state?: InstalmentState | undefined;
  readonly orderId?: string | undefined;
  readonly keyword?: string | undefined;
}

export interface InstalmentListRow extends Instalment, OrderColumns {
  readonly state: InstalmentState;
  readonly outstandingFen: number;
}

export interface InstalmentTotals {
  readonly count: number;
  readonly amountFen: number;
  readonly collectedFen: number;
  readonly outstandingFen: number;
}

/** One row of 回款办理: a receipt waiting on the person's approval. */
export interface AwaitingReceiptRow {
  readonly taskId: string;
  readonly instanceId: string;
  readonly nodeName: string;
  readonly openedAt: Date;
  readonly receiptId: string;
  /** 确认 for a new receipt, 冲销 for a reversal. */
  readonly action: 'confirm' | 'reverse';
  readonly receivedOn: string;
  readonly amountFen: number;
  readonly paymentMethod: string;
  readonly payer: string;
  readonly orderId: string;
  readonly orderTitle: string;
  /** 关联客户. */
  readonly companyName: string;
  readonly submitterId: string;
  readonly submitterName: string | null;
}

/** An instalment whose owner may need a reminder, with the tenant's calendar day and setting. */
/** An instalment late on the firm's `today`, with what its notice says. */
export interface OverdueCandidate {
  readonly instalment: StoredInstalment;
  readonly today: string;
  readonly ownerId: string;
  readonly orderTitle: string;
  readonly companyName: string;
}

export interface ReminderCandidate {
  readonly instalment: StoredInstalment;
  readonly today: string;
  readonly daysBefore: number;
  readonly ownerId: string;
  readonly orderTitle: string;
  readonly companyName: string;
}

export interface AccountsQueries {
  /** Newest receipt date first; totals over every match with page.withTotal. */
  receipts(tx: Tx, tenantId: string, filter: ReceiptListFilter, visibility: AccountsVisibility, page: PageRequest): Promise<Page<ReceiptListRow> & { totals?: ReceiptTotals }>;
  /** Earliest due first; states are computed for `today` (the tenant's date). */
  instalments(tx: Tx, tenantId: string, filter: InstalmentListFilter, visibility: AccountsVisibility, today: string, page: PageRequest): Promise<Page<InstalmentListRow> & { totals?: InstalmentTotals }>;
  /** 回款办理: receipt approvals waiting on the person, oldest first. */
  awaitingApprover(tx: Tx, tenantId: string, userId: string, page: PageRequest): Promise<Page<AwaitingReceiptRow>>;
  /** Instalments of every tenant falling due within their tenant's reminder window, not yet reminded. */
  reminderCandidates(tx: Tx, now: Date, limit: number): Promise<ReminderCandidate[]>;
  markReminded(tx: Tx, tenantId: string, instalmentId: string, dueOn: string): Promise<void>;
  /** Instalments past due on the firm's calendar at `now`, not fully collected, with no notice for that calendar day yet. */
  overdueCandidates(tx: Tx, now: Date, limit: number): Promise<OverdueCandidate[]>;
  /** Records the day's notice of an instalment; false when it was recorded already (another process got there first). */
  markOverdueNoticed(tx: Tx, tenantId: string, instalmentId: string, day: string): Promise<boolean>;
}
export const AccountsQueries = Symbol.for('yunzhou.AccountsQueries');

/**
 * Told in the deciding transaction when a receipt becomes 已确认 (confirmed) or 已冲销 (reversed), so what hangs
 * on collected money (提成) moves with the receipt or not at all. Bound by other areas as a multi-binding.
 */
export interface ReceiptSettlementListener {
  confirmed(tx: Tx, receipt: Receipt, at: Date): Promise<void>;
  reversed(tx: Tx, receipt: Receipt, at: Date): Promise<void>;
}
export const ReceiptSettlementListener = Symbol.for('yunzhou.ReceiptSettlementListener');
