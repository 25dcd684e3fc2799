// The plain data of collections: the collection plan (回款计划) and its instalments (期次), every revision of
// the plan, receipts (回款单) with their allocation to instalments, and the tenant's collection settings.

/** 未回款 · 部分回款 · 已回款 · 逾期 (past due and not fully collected, in the tenant's time zone). */
export type InstalmentState = 'uncollected' | 'partial' | 'collected' | 'overdue';
export const INSTALMENT_STATES: readonly InstalmentState[] = ['uncollected', 'partial', 'collected', 'overdue'];
export const INSTALMENT_STATE_LABELS: Readonly<Record<InstalmentState, string>> = {
  uncollected: '未回款', partial: '部分回款', collected: '已回款', overdue: '逾期',
};

/** How a plan's instalments were made: 平均分期, 按比例, 定金+放款后付清, 手工录入. */
export type PlanMethod = 'equal' | 'percentages' | 'deposit' | 'manual';
export const PLAN_METHODS: readonly PlanMethod[] = ['equal', 'percentages', 'deposit', 'manual'];
export const PLAN_METHOD_LABELS: Readonly<Record<PlanMethod, string>> = { equal: '平均分期', percentages: '按比例分期', deposit: '定金+放款后付清', manual: '手工录入' };

/** One instalment before it is stored: a due date (or "on disbursement") and an amount. */
export interface InstalmentDraft {
  /** 'YYYY-MM-DD'; null when the instalment falls due on the disbursement (放款后付清). */
  readonly dueOn: string | null;
  readonly amountFen: number;
  /** Due when the bank disburses: the due date is filled in with the disbursement date. */
  readonly onDisbursement: boolean;
}

/** An instalment (期次) as stored, with the money receipts hold on it. */
export interface Instalment extends InstalmentDraft {
  readonly tenantId: string;
  readonly id: string;
  readonly orderId: string;
  /** 第N期, by due date. */
  readonly number: number;
  /** Allocated by every receipt that is not rejected or reversed (草稿, 待审批, 已确认, 冲销中). */
  readonly reservedFen: number;
  /** Allocated by approved receipts only (已确认, 冲销中): the money counted as received. */
  readonly collectedFen: number;
  /** Added by the fee wiring (a success fee after the plan was agreed) until a person saves the plan (待确认). */
  readonly proposed?: boolean | undefined;
}

/** The plan of an order: its current revision; the instalments are rows of their own. */
export interface CollectionPlan {
  readonly tenantId: string;
  readonly orderId: string;
  readonly revision: number;
  readonly method: PlanMethod;
  readonly totalFen: number;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedBy: string;
  readonly updatedAt: Date;
  /** Optimistic concurrency: the version the editor saw. */
  readonly version: number;
}

/** A kept revision of a plan: what the instalments were after that save, and why it was made. */
export interface PlanRevision {
  readonly tenantId: string;
  readonly orderId: string;
  readonly revision: number;
  readonly method: PlanMethod;
  readonly totalFen: number;
  readonly reason: string | null;
  readonly instalments: readonly { readonly number: number; readonly dueOn: string | null; readonly amountFen: number; readonly onDisbursement: boolean; readonly locked: boolean }[];
  readonly createdBy: string;
  readonly createdByName?: string | null;
  readonly createdAt: Date;
}

/** 草稿 · 待审批 · 已确认 · 已驳回 · 冲销中 · 已冲销. */
export type ReceiptState = 'draft' | 'pending' | 'approved' | 'rejected' | 'reversing' | 'reversed';
export const RECEIPT_STATES: readonly ReceiptState[] = ['draft', 'pending', 'approved', 'rejected', 'reversing', 'reversed'];

/** 普通发票 or 增值税专用发票. */
export type InvoiceKind = 'normal' | 'special';
export const INVOICE_KINDS: readonly InvoiceKind[] = ['normal', 'special'];
export const INVOICE_KIND_LABELS: Readonly<Record<InvoiceKind, string>> = { normal: '普通发票', special: '专用发票' };

/** The part of a receipt that goes to one instalment. */
export interface Allocation {
  readonly instalmentId: string;
  readonly amountFen: number;
}

/** 回款单 as stored. */
export interface Receipt {
  readonly tenantId: string;
  readonly id: string;
  readonly orderId: string;
  /** 回款日期, 'YYYY-MM-DD' in the tenant's calendar. */
  readonly receivedOn: string;
  readonly amountFen: number;
  /** The instalment named on the receipt (期次), or null for oldest first. */
  readonly instalmentId: string | null;
  /** 付款方式: a value of the tenant's dictionary (转账, 现金, 微信, 支付宝 …). */
  readonly paymentMethod: string;
  /** 付款人/付款单位. */
  readonly payer: string;
  /** 收款人员: the staff member who received the money. */
  readonly receivedBy: string;
  /** 回款类型: a value of the tenant's dictionary (服务费, 保证金 …). */
  readonly type: string;
  readonly invoiceWanted: boolean;
  readonly invoiceKind: InvoiceKind | null;
  readonly remark: string | null;
  /** Marked by the person as an overpayment (允许超额回款 must be on for the tenant). */
  readonly overpayment: boolean;
  /** The part beyond every instalment, only for a marked overpayment. */
  readonly excessFen: number;
  readonly allocations: readonly Allocation[];
  readonly state: ReceiptState;
  readonly idempotencyKey: string | null;
  /** What the creating request said, to tell a retry from a different request under the same key. */
  readonly fingerprint: string | null;
  readonly submittedAt: Date | null;
  readonly confirmedAt: Date | null;
  readonly confirmedBy: string | null;
  /** The reason given for 冲销 while it is requested or under approval. */
  readonly reversalReason: string | null;
  readonly reversalRequestedBy: string | null;
  readonly reversedAt: Date | null;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly version: number;
}

/** One entry of a tenant dictionary (付款方式, 回款类型). */
export interface DictionaryEntry {
  readonly name: string;
  /** Retired entries stay readable on old receipts but cannot be chosen. */
  readonly active: boolean;
}

/** The tenant's collection settings. */
export interface CollectionSettings {
  readonly paymentMethods: readonly DictionaryEntry[];
  readonly receiptTypes: readonly DictionaryEntry[];
  /** 允许超额回款: a receipt marked as an overpayment may exceed what is still owed. */
  readonly allowOverpayment: boolean;
  /** 结单须开票完毕: the close also needs the invoices of the received money that asked for one. */
  readonly requireInvoicedToClose: boolean;
  /** 到期提醒: remind the order's owner this many days before an instalment is due (0: on the day). */
  readonly reminderDaysBefore: number;
  /** 0 while the tenant runs on the defaults. */
  readonly version: number;
}
