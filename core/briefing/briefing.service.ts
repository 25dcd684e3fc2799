// 数据简报: the home screen's dashboard for a period and a scope: contract, disbursed and collected amounts, new
// inquiries and follow-ups, the order funnel, overdue instalments, the ranking by collected amount and the trend.
import { isDomainError, localDate, type Clock, type Tx, type UnitOfWork } from '../shared/index.js';
import { requirePermission, PERMISSIONS, type Actor, type OrganisationRepository } from '../organisation/index.js';
import { DEFAULT_ORDER_SETTINGS, type OrderSettingsRepository } from '../orders/index.js';
import { briefingPeriod, type Period, type PeriodKind } from './period.js';
import { resolveScope, type BriefingScope, type ScopeRequest } from './scope.js';
import { buildFunnel, type Funnel } from './funnel.js';
import { rankByAmount } from './ranking.js';
import { bucketsBetween, checkBucketCount, defaultGranularity, fillBuckets, type TrendGranularity } from './trend.js';
import type { BriefingFigures, BriefingQueries, OverdueFigures, TrendRow } from './ports.js';
import type { Target, TargetRepository } from '../targets/index.js';
import { figuresAttainment, periodsToLoad, rankingAttainment, targetPeriodOf, type BriefingAttainment, type RankRowWithAttainment } from './attainment.js';

export interface BriefingRequest extends ScopeRequest {
  readonly period: PeriodKind;
  /** Custom period: first and last day, inclusive, 'YYYY-MM-DD'. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly granularity?: TrendGranularity | undefined;
  /** Rows of each ranking (default 10). */
  readonly rankingLimit?: number | undefined;
}

export interface Briefing {
  readonly period: Period;
  readonly scope: BriefingScope;
  readonly figures: BriefingFigures;
  /** Overdue instalments now (not bounded by the period). */
  readonly overdue: OverdueFigures & { readonly asOf: string };
  readonly funnel: Funnel;
  /** 完成率: the figures against the scope's targets for the period (none for the whole firm, a day, a week or custom dates). */
  readonly attainment: BriefingAttainment;
  /** By 回款金额; each row with its 回款 target and attainment. */
  readonly ranking: { readonly people: RankRowWithAttainment[]; readonly departments: RankRowWithAttainment[] };
  readonly trend: { readonly granularity: TrendGranularity; readonly points: TrendRow[] };
}

export interface BriefingDeps {
  readonly uow: UnitOfWork;
  readonly queries: BriefingQueries;
  readonly org: OrganisationRepository;
  readonly orderSettings: OrderSettingsRepository;
  readonly clock: Clock;
  /** 业绩目标; without it the briefing shows no attainment. */
  readonly targets?: TargetRepository | undefined;
}

/** 我的完成率: the viewer's own figures of a period against the viewer's own targets. */
export interface MyAttainment {
  readonly period: Period;
  readonly figures: BriefingFigures;
  readonly attainment: BriefingAttainment;
}

export class BriefingService {
  constructor(private readonly d: BriefingDeps) {}

  /** The briefing of a period for the scope asked (within the viewer's data scope); needs briefing.read. */
  async briefing(actor: Actor, req: BriefingRequest): Promise<Briefing> {
    requirePermission(actor, PERMISSIONS.briefingRead);
    const now = this.d.clock.now();
    const period = briefingPeriod(req.period, now, actor.timeZone, { from: req.from, to: req.to });
    if (isDomainError(period)) throw period;
    const granularity = req.granularity ?? defaultGranularity(period);
    const tooMany = checkBucketCount(period, granularity);
    if (tooMany) throw tooMany;
    const limit = req.rankingLimit ?? 10;
    const today = localDate(now, actor.timeZone);
    return this.d.uow.read(async (tx) => {
      const departments = await this.d.org.listDepartments(tx, actor.tenantId);
      const target = req.userId ? await this.d.org.getUser(tx, actor.tenantId, req.userId) : null;
      const scope = resolveScope(actor, req, departments, target);
      if (isDomainError(scope)) throw scope;
      const q = this.d.queries;
      const { fromDate, toDate } = period;
      // One query after the other: the embedded database has one connection.
      const figures = await q.figures(tx, actor.tenantId, scope, fromDate, toDate);
      const counts = await q.funnel(tx, actor.tenantId, scope, fromDate, toDate);
      const overdue = await q.overdue(tx, actor.tenantId, scope, today);
      const people = await q.collectedByPerson(tx, actor.tenantId, scope, fromDate, toDate);
      const depts = await q.collectedByDepartment(tx, actor.tenantId, scope, fromDate, toDate);
      const trendRows = await q.trend(tx, actor.tenantId, scope, fromDate, toDate, granularity);
      const pipeline = ((await this.d.orderSettings.get(tx, actor.tenantId)) ?? DEFAULT_ORDER_SETTINGS).pipeline;
      const targetPeriod = targetPeriodOf(period);
      const targets = await this.loadTargets(tx, actor.tenantId, targetPeriod);
      return {
        period,
        scope,
        figures,
        overdue: { ...overdue, asOf: today },
        funnel: buildFunnel(pipeline.stages, counts),
        attainment: figuresAttainment(figures, targets, targetPeriod, scope),
        ranking: {
          people: rankingAttainment(rankByAmount(people, limit), 'person', targets, targetPeriod),
          departments: rankingAttainment(rankByAmount(depts, limit), 'department', targets, targetPeriod),
        },
        trend: {
          granularity,
          points: fillBuckets(bucketsBetween(fromDate, toDate, granularity), trendRows, (bucket) => ({ bucket, collectedFen: 0, contractFen: 0, disbursedFen: 0 })),
        },
      };
    });
  }

  /** The viewer's own figures of this month, quarter or year against the viewer's own targets (the home screen's 我的目标). */
  async myAttainment(actor: Actor, kind: 'month' | 'quarter' | 'year'): Promise<MyAttainment> {
    requirePermission(actor, PERMISSIONS.briefingRead);
    const period = briefingPeriod(kind, this.d.clock.now(), actor.timeZone);
    if (isDomainError(period)) throw period;
    const scope = { kind: 'person' as const, departmentId: null, userId: actor.userId, departmentIds: null, ownerId: actor.userId };
    return this.d.uow.read(async (tx) => {
      const figures = await this.d.queries.figures(tx, actor.tenantId, scope, period.fromDate, period.toDate);
      const targetPeriod = targetPeriodOf(period);
      const targets = await this.loadTargets(tx, actor.tenantId, targetPeriod);
      return { period, figures, attainment: figuresAttainment(figures, targets, targetPeriod, scope) };
    });
  }

  private async loadTargets(tx: Tx, tenantId: string, targetPeriod: string | null): Promise<Target[]> {
    const periods = periodsToLoad(targetPeriod);
    return this.d.targets && periods.length > 0 ? this.d.targets.list(tx, tenantId, periods) : [];
  }
}
