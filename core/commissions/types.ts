// The plain data of commissions (提成): a firm's scheme in versions, the lines a confirmed receipt accrues, and
// the monthly statements built from them.

/** How tiers read a person's monthly collected total: 全额累进 (the whole total at the tier reached) or 超额累进 (each band at its own rate). */
export type TierMode = 'whole' | 'marginal';
export const TIER_MODES: readonly TierMode[] = ['whole', 'marginal'];
export const TIER_MODE_LABELS: Readonly<Record<TierMode, string>> = { whole: '全额累进（按月度总额定档）', marginal: '超额累进（分段计提）' };
/** What a scheme uses when it does not say: the whole month's total decides the rate of all of it. */
export const DEFAULT_TIER_MODE: TierMode = 'whole';

/** One tier: from a monthly collected total (inclusive, fen) the rate applies. The first tier starts at 0. */
export interface Tier {
  readonly fromFen: number;
  /** Percent text, e.g. '3' or '1.5'. */
  readonly rate: string;
}

/** The rate of a 岗位 (role code in 组织架构, or '*') for a product category (code, or '*'); one tier is a flat rate. */
export interface RateRule {
  readonly roleCode: string;
  readonly categoryCode: string;
  readonly tiers: readonly Tier[];
}

/** 部门负责人提成: a flat percent of the whole receipt for the head of the order's department, on top of the split. */
export interface OverrideRule {
  readonly categoryCode: string;
  readonly rate: string;
}

/** How a receipt's amount is credited (业绩) between the people on the order; the two shares sum to exactly 100. */
export interface Split {
  /** 负责人: who owns the order. */
  readonly ownerShare: string;
  /** 来源/录入人: who brought the inquiry in. */
  readonly sourceShare: string;
}

/** One version of a firm's scheme: applies to receipts confirmed on or after `effectiveFrom`, until the next version. */
export interface SchemeVersion {
  readonly version: number;
  /** 'YYYY-MM-DD' in the tenant's calendar. */
  readonly effectiveFrom: string;
  readonly tierMode: TierMode;
  readonly split: Split;
  readonly rules: readonly RateRule[];
  readonly overrides: readonly OverrideRule[];
}

/** The part someone plays on a receipt's order. */
export type CommissionRole = 'owner' | 'source' | 'head';
export const COMMISSION_ROLES: readonly CommissionRole[] = ['owner', 'source', 'head'];
export const COMMISSION_ROLE_LABELS: Readonly<Record<CommissionRole, string>> = { owner: '负责人', source: '来源', head: '部门负责人提成' };

/** A person on the order, as the caller resolved them when the receipt was confirmed. */
export interface Participant {
  readonly personId: string;
  /** The person's 岗位 (role code) that picks the rate rule. */
  readonly roleCode: string;
  /** The person's department, for the department statement. */
  readonly departmentId: string | null;
}

/** What accrual needs of a receipt that has just been confirmed (已确认). */
export interface ConfirmedReceipt {
  readonly receiptId: string;
  readonly orderId: string;
  readonly amountFen: number;
  /** The confirmation day, 'YYYY-MM-DD' in the tenant's calendar: picks the scheme version and the month. */
  readonly confirmedOn: string;
  /** The product category of the order's product the fee is for. */
  readonly categoryCode: string;
  readonly owner: Participant;
  /** null when nobody brought the inquiry in (imported, or the owner did): the owner is credited the whole. */
  readonly source: Participant | null;
  /** The head of the order's department; null when the department has none. */
  readonly departmentHead: Participant | null;
}

/** 计提 (a receipt confirmed), 冲回 (it was reversed), 月末调整 (tiers recomputed on the month's final total). */
export type LineKind = 'accrual' | 'clawback' | 'true_up';
export const LINE_KIND_LABELS: Readonly<Record<LineKind, string>> = { accrual: '计提', clawback: '冲回', true_up: '月末调档' };

/** One commission line of one person. */
export interface CommissionLine {
  /** Deterministic: the same receipt, person and role always give the same id (see lineId). */
  readonly id: string;
  readonly kind: LineKind;
  /** null on a true-up line, which sums many receipts. */
  readonly receiptId: string | null;
  readonly orderId: string | null;
  readonly personId: string;
  readonly role: CommissionRole;
  /** The person's 岗位 and the receipt's category; on a true-up, the rule's own ('*' for any). */
  readonly roleCode: string;
  readonly categoryCode: string;
  readonly departmentId: string | null;
  /** The day the line counts on: confirmation, reversal, or the month's last day for a true-up. */
  readonly on: string;
  /** 'YYYY-MM' of `on`: the statement the line belongs to. */
  readonly month: string;
  readonly schemeVersion: number;
  readonly tierMode: TierMode;
  /** The receipt's whole amount (negative on a clawback; 0 on a true-up). */
  readonly receiptFen: number;
  /** The split share in percent ('70'); '100' for the head's override, which is not split. */
  readonly share: string;
  /**
   * 本月此前业绩: what the person had been credited this month before this line (accrual; copied on its clawback),
   * which decided the running tier; the month's final total on a true-up; 0 for the head's override.
   */
  readonly priorFen: number;
  /** 计提基数: the amount credited to the person (share of the receipt); the whole receipt for the override. */
  readonly baseFen: number;
  /** The percent applied, e.g. '3'. */
  readonly rate: string;
  /** 1-based tier of the rule. */
  readonly tier: number;
  /** 提成金额, fen. */
  readonly amountFen: number;
}

/** 调整: an amount (±) finance adds to a draft statement, with the reason. */
export interface Adjustment {
  readonly id: string;
  readonly amountFen: number;
  readonly reason: string;
  readonly createdBy: string;
  readonly createdOn: string;
}

/** 草稿 → 已提交 → 已审批 → 已锁定. */
export type StatementStatus = 'draft' | 'submitted' | 'approved' | 'locked';
export const STATEMENT_STATUSES: readonly StatementStatus[] = ['draft', 'submitted', 'approved', 'locked'];

export interface StatementTotals {
  /** The person's monthly collected total (业绩) that decides the tier. */
  readonly creditedFen: number;
  readonly accruedFen: number;
  readonly clawbackFen: number;
  readonly trueUpFen: number;
  readonly adjustmentFen: number;
  /** Every line plus every adjustment: what the month pays. */
  readonly totalFen: number;
}

/** 提成月结单 of one person. */
export interface PersonStatement {
  readonly personId: string;
  /** The person's department when the statement was drawn up. */
  readonly departmentId: string | null;
  readonly month: string;
  readonly status: StatementStatus;
  readonly lines: readonly CommissionLine[];
  readonly adjustments: readonly Adjustment[];
  readonly totals: StatementTotals;
}
