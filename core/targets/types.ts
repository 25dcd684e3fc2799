// The plain data of targets (业绩目标): an amount in fen for a person or a department, one of the three figures
// of the 数据简报, over a month ('2026-04') or a quarter ('2026-Q2').

/** 合同金额 · 放款金额 · 回款金额: the figures of the 数据简报 a target can be set for. */
export type TargetMetric = 'contract' | 'disbursed' | 'collected';
export const TARGET_METRICS: readonly TargetMetric[] = ['contract', 'disbursed', 'collected'];
export const TARGET_METRIC_LABELS: Readonly<Record<TargetMetric, string>> = { contract: '合同金额', disbursed: '放款金额', collected: '回款金额' };

export type TargetSubjectKind = 'person' | 'department';
export const TARGET_SUBJECT_KINDS: readonly TargetSubjectKind[] = ['person', 'department'];

export type TargetPeriodKind = 'month' | 'quarter';

export interface Target {
  readonly subjectKind: TargetSubjectKind;
  /** The person's or the department's id. */
  readonly subjectId: string;
  readonly metric: TargetMetric;
  /** 'YYYY-MM' for a month, 'YYYY-Qn' for a quarter (Q1 = January to March). */
  readonly period: string;
  /** 目标金额, fen, never negative; 0 means "no target to measure against" (no percentage). */
  readonly amountFen: number;
}
