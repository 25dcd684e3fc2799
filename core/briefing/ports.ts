// What the briefing needs from the world: the figures of a scope over calendar days of the tenant
// [fromDate, toDate), read from summary tables kept exact with every change (docs/collections.md).
import type { Tx } from '../shared/index.js';
import type { FunnelCount } from './funnel.js';
import type { BriefingScope } from './scope.js';
import type { TrendGranularity } from './trend.js';
import type { RankInput } from './ranking.js';

export interface BriefingFigures {
  /** 合同金额: contracts confirmed in the period, and how many. */
  readonly contractFen: number;
  readonly contractCount: number;
  /** 放款金额: applications disbursed (已放款) in the period. */
  readonly disbursedFen: number;
  /** 回款金额: approved receipts dated in the period, and how many. */
  readonly collectedFen: number;
  readonly receiptCount: number;
  /** 新增咨询: inquiries created in the period (merged duplicates excluded). */
  readonly newInquiries: number;
  /** 跟进次数: follow-ups logged in the period. */
  readonly followUps: number;
}

export interface OverdueFigures {
  /** Instalments past due and not fully collected, as of the given day. */
  readonly count: number;
  readonly outstandingFen: number;
}

export interface TrendRow {
  /** The bucket's first day, 'YYYY-MM-DD'. */
  readonly bucket: string;
  readonly collectedFen: number;
  readonly contractFen: number;
  readonly disbursedFen: number;
}

export interface BriefingQueries {
  figures(tx: Tx, tenantId: string, scope: BriefingScope, fromDate: string, toDate: string): Promise<BriefingFigures>;
  /** Orders created in the period, per stage. */
  funnel(tx: Tx, tenantId: string, scope: BriefingScope, fromDate: string, toDate: string): Promise<FunnelCount[]>;
  overdue(tx: Tx, tenantId: string, scope: BriefingScope, today: string): Promise<OverdueFigures>;
  /** Collected amount per person (the orders' owners) in the scope, with names; only people with receipts. */
  collectedByPerson(tx: Tx, tenantId: string, scope: BriefingScope, fromDate: string, toDate: string): Promise<RankInput[]>;
  /** Collected amount per department (the orders' departments) in the scope, with names. */
  collectedByDepartment(tx: Tx, tenantId: string, scope: BriefingScope, fromDate: string, toDate: string): Promise<RankInput[]>;
  trend(tx: Tx, tenantId: string, scope: BriefingScope, fromDate: string, toDate: string, granularity: TrendGranularity): Promise<TrendRow[]>;
}
export const BriefingQueries = Symbol.for('yunzhou.BriefingQueries');
