// 完成率 in the briefing: each figure beside the target of the scope's person or department for the period, and
// each ranking row beside its own. Only a month, a quarter or a year has a target (core/targets); a day, a week
// or a custom range shows none, and so does the whole firm (a target is a person's or a department's).
import { attainment, relatedPeriods, targetFor, withAttainment, type Attainment, type Target, type TargetMetric, type TargetSubjectKind } from '../targets/index.js';
import type { Period } from './period.js';
import type { BriefingFigures } from './ports.js';
import type { RankRow } from './ranking.js';
import type { BriefingScope } from './scope.js';

export interface FigureAttainment {
  readonly targetFen: number | null;
  readonly attainment: Attainment | null;
}

export interface BriefingAttainment {
  /** The target period the briefing's period is ('2026-12', '2026-Q4', '2026'); null: no target applies. */
  readonly period: string | null;
  /** Whose targets the figures are compared with; null for the whole firm or a period without targets. */
  readonly subject: { readonly kind: TargetSubjectKind; readonly id: string } | null;
  readonly contract: FigureAttainment;
  readonly disbursed: FigureAttainment;
  readonly collected: FigureAttainment;
}

export type RankRowWithAttainment = RankRow & { readonly targetFen: number | null; readonly attainment: Attainment | null };

/** The target period of a briefing period: its month, quarter or year; null for a day, a week or custom dates. */
export function targetPeriodOf(period: Pick<Period, 'kind' | 'fromDate'>): string | null {
  const year = period.fromDate.slice(0, 4);
  switch (period.kind) {
    case 'month': return period.fromDate.slice(0, 7);
    case 'quarter': return `${year}-Q${Math.ceil(Number(period.fromDate.slice(5, 7)) / 3)}`;
    case 'year': return year;
    default: return null;
  }
}

/** Every period whose targets a target period resolves from. */
export function periodsToLoad(targetPeriod: string | null): string[] {
  if (targetPeriod === null) return [];
  if (/^\d{4}$/.test(targetPeriod)) return [1, 2, 3, 4].flatMap((q) => relatedPeriods(`${targetPeriod}-Q${q}`));
  return relatedPeriods(targetPeriod);
}

/** Whose target the briefing's figures are measured against. */
export function scopeSubject(scope: BriefingScope): { kind: TargetSubjectKind; id: string } | null {
  if (scope.kind === 'person' && scope.userId) return { kind: 'person', id: scope.userId };
  if (scope.kind === 'department' && scope.departmentId) return { kind: 'department', id: scope.departmentId };
  return null;
}

const FIGURE_OF: Readonly<Record<TargetMetric, keyof BriefingFigures>> = { contract: 'contractFen', disbursed: 'disbursedFen', collected: 'collectedFen' };

function resolved(targets: readonly Target[], kind: TargetSubjectKind, id: string, metric: TargetMetric, period: string | null): number | null {
  return period === null ? null : targetFor(targets, { subjectKind: kind, subjectId: id, metric }, period)?.amountFen ?? null;
}

/** The figures' attainment for the scope's subject. */
export function figuresAttainment(figures: BriefingFigures, targets: readonly Target[], period: string | null, scope: BriefingScope): BriefingAttainment {
  const subject = period === null ? null : scopeSubject(scope);
  const cell = (metric: TargetMetric): FigureAttainment => {
    const targetFen = subject ? resolved(targets, subject.kind, subject.id, metric, period) : null;
    return { targetFen, attainment: attainment(figures[FIGURE_OF[metric]], targetFen) };
  };
  return { period, subject, contract: cell('contract'), disbursed: cell('disbursed'), collected: cell('collected') };
}

/** A ranking by 回款金额 with each row's 回款 target and attainment beside it (the order unchanged). */
export function rankingAttainment(rows: readonly RankRow[], kind: TargetSubjectKind, targets: readonly Target[], period: string | null): RankRowWithAttainment[] {
  return withAttainment(rows.map((r) => ({ ...r, targetFen: resolved(targets, kind, r.id, 'collected', period) })), (r) => r.targetFen);
}
