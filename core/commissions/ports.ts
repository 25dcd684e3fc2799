// What the commission use cases need from the world: the scheme's versions, the lines and the running total
// per person and month, the statements with their adjustments, and who stands on a receipt's order.
import type { Tx } from '../shared/index.js';
import type { ScopeFilter } from '../organisation/index.js';
import type { Adjustment, CommissionLine, SchemeVersion, StatementStatus, StatementTotals } from './types.js';

/** A version as stored: who set it and when. */
export interface StoredSchemeVersion extends SchemeVersion {
  readonly createdBy: string | null;
  readonly createdAt: Date;
}

/** 本月业绩 and 提成 so far of one person's month, kept with the lines (never recomputed from them on a read). */
export interface RunningTotal {
  readonly personId: string;
  readonly month: string;
  readonly departmentId: string | null;
  readonly creditedFen: number;
  readonly accruedFen: number;
  readonly clawbackFen: number;
  readonly lineCount: number;
}

/** What one recorded line adds to its person's month. */
export interface RunningDelta {
  readonly personId: string;
  readonly month: string;
  readonly departmentId: string | null;
  readonly creditedFen: number;
  readonly accruedFen: number;
  readonly clawbackFen: number;
  readonly lineCount: number;
}

/** 提成月结单 as stored: the totals and true-up computed when it was drawn up; its lines stay in the lines table. */
export interface StatementRecord {
  readonly tenantId: string;
  readonly id: string;
  readonly personId: string;
  readonly month: string;
  readonly departmentId: string | null;
  readonly status: StatementStatus;
  readonly totals: StatementTotals;
  readonly lineCount: number;
  readonly trueUpLines: readonly CommissionLine[];
  readonly drawnBy: string | null;
  readonly drawnAt: Date;
  readonly submittedAt: Date | null;
  readonly approvedAt: Date | null;
  readonly lockedBy: string | null;
  readonly lockedAt: Date | null;
  readonly version: number;
}

export interface StatementFilter {
  readonly month: string;
  readonly departmentId?: string | undefined;
  readonly personId?: string | undefined;
  readonly status?: StatementStatus | undefined;
}

export interface CommissionRepository {
  versions(tx: Tx, tenantId: string): Promise<StoredSchemeVersion[]>;
  /** false when the number or the effective date is taken (a concurrent change won). */
  insertVersion(tx: Tx, tenantId: string, v: SchemeVersion, by: string, at: Date): Promise<boolean>;
  deleteVersion(tx: Tx, tenantId: string, version: number): Promise<boolean>;

  /** The accrual lines a receipt's confirmation recorded. */
  accrualsOfReceipt(tx: Tx, tenantId: string, receiptId: string): Promise<CommissionLine[]>;
  /** Stores the lines whose id is new; answers those it stored (a line id already there is skipped). */
  insertLines(tx: Tx, tenantId: string, lines: readonly CommissionLine[], at: Date): Promise<CommissionLine[]>;
  /** One person's lines dated in a month, in statement order. */
  linesOf(tx: Tx, tenantId: string, personId: string, month: string): Promise<CommissionLine[]>;
  /**
   * One person's lines of a month without the head's override lines, in statement order: what the tiers and the
   * month-end true-up read (the overrides' totals are in the running row).
   */
  creditedLinesOf(tx: Tx, tenantId: string, personId: string, month: string): Promise<CommissionLine[]>;

  /** Creates the running rows that are missing and locks them, in person order (so two confirmations never wait in a circle). */
  lockRunning(tx: Tx, tenantId: string, month: string, people: readonly { personId: string; departmentId: string | null }[], at: Date): Promise<Map<string, RunningTotal>>;
  addRunning(tx: Tx, tenantId: string, delta: RunningDelta, at: Date): Promise<void>;
  running(tx: Tx, tenantId: string, personId: string, month: string): Promise<RunningTotal | null>;
  /** The running rows of a month a scope sees (person in it, or department among its departments), highest earned first. */
  runningInScope(tx: Tx, tenantId: string, month: string, scope: ScopeFilter | null, departmentId?: string): Promise<RunningTotal[]>;

  statement(tx: Tx, tenantId: string, id: string, forUpdate?: boolean): Promise<StatementRecord | null>;
  statementOf(tx: Tx, tenantId: string, personId: string, month: string, forUpdate?: boolean): Promise<StatementRecord | null>;
  /** false when the person's month has a statement already. */
  insertStatement(tx: Tx, s: StatementRecord): Promise<boolean>;
  /** Saves at the next version; false when the stored version is not `s.version - 1`. */
  updateStatement(tx: Tx, s: StatementRecord): Promise<boolean>;
  statements(tx: Tx, tenantId: string, filter: StatementFilter, scope: ScopeFilter | null): Promise<StatementRecord[]>;
  adjustments(tx: Tx, tenantId: string, statementId: string): Promise<Adjustment[]>;
  insertAdjustment(tx: Tx, tenantId: string, statementId: string, a: Adjustment, at: Date): Promise<void>;
  deleteAdjustment(tx: Tx, tenantId: string, statementId: string, id: string): Promise<boolean>;
}
export const CommissionRepository = Symbol.for('yunzhou.CommissionRepository');

/** Who stands on an order when its receipt is confirmed. */
export interface OrderPeople {
  readonly orderId: string;
  /** 负责人. */
  readonly ownerId: string;
  /** 来源/录入人: who recorded the inquiry the order came from; null when imported or unknown. */
  readonly sourceId: string | null;
  /** The head of the order's department; null when it has none. */
  readonly headId: string | null;
  /** The product category of the order's first line (选择产品); '*' when it has none. */
  readonly categoryCode: string;
}

export interface OrderPeopleQuery {
  of(tx: Tx, tenantId: string, orderId: string): Promise<OrderPeople | null>;
}
export const OrderPeopleQuery = Symbol.for('yunzhou.OrderPeopleQuery');
