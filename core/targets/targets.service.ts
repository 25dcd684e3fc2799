// 业绩目标 as a use case: the targets of a month or quarter for the people and departments the viewer sees
// (needs briefing.read), set in one go and removed one by one (needs target.manage, within the data scope).
import { can, requirePermission, PERMISSIONS, type Actor, type OrganisationRepository, type User } from '../organisation/index.js';
import { isDomainError, notFound, validationFailed, type Clock, type Tx, type UnitOfWork } from '../shared/index.js';
import { monthsOfQuarter, periodKindOf, quarterOfMonth } from './period.js';
import { targetFor, type TargetSource } from './resolution.js';
import { seesSubject, type TargetSubject } from './target-scope.js';
import { TARGET_METRICS, type Target, type TargetMetric, type TargetSubjectKind } from './types.js';
import { validateTargets } from './validation.js';
import type { TargetKey, TargetRepository } from './ports.js';

export interface TargetsDeps {
  readonly uow: UnitOfWork;
  readonly targets: TargetRepository;
  readonly org: OrganisationRepository;
  readonly clock: Clock;
}

export interface TargetCell {
  /** The amount set for exactly this period; null when none. */
  readonly setFen: number | null;
  /** What the period's figures are compared with (its own, its third of the quarter, the months' sum). */
  readonly resolvedFen: number | null;
  readonly source: TargetSource | null;
}

export interface TargetBoardRow {
  readonly subjectKind: TargetSubjectKind;
  readonly subjectId: string;
  readonly name: string;
  readonly departmentId: string | null;
  readonly targets: Readonly<Record<TargetMetric, TargetCell>>;
}

export interface TargetBoard {
  readonly period: string;
  readonly periodKind: 'month' | 'quarter';
  /** Whether the viewer may set these targets. */
  readonly canManage: boolean;
  readonly rows: readonly TargetBoardRow[];
}

const periodError = () => validationFailed([{
  path: '/period', code: 'invalid_period', zh: '目标周期须为月份（YYYY-MM）或季度（YYYY-Q1 至 YYYY-Q4）', en: 'must be a month YYYY-MM or a quarter YYYY-Q1 to YYYY-Q4',
}]);

/** The periods a period's targets resolve from: a month and its quarter, or a quarter and its months. */
export function relatedPeriods(period: string): string[] {
  return periodKindOf(period) === 'month' ? [period, quarterOfMonth(period)] : [period, ...monthsOfQuarter(period)];
}

export class TargetsService {
  constructor(private readonly d: TargetsDeps) {}

  /** The month's or quarter's targets of every department and active person the viewer sees. */
  async board(actor: Actor, period: string): Promise<TargetBoard> {
    requirePermission(actor, PERMISSIONS.briefingRead);
    const kind = periodKindOf(period);
    if (kind === null) throw periodError();
    return this.d.uow.read(async (tx) => {
      const subjects = await this.visibleSubjects(tx, actor);
      const targets = await this.d.targets.list(tx, actor.tenantId, relatedPeriods(period), subjects.map((s) => s.id));
      const rows = subjects.map((s): TargetBoardRow => {
        const cells = Object.fromEntries(TARGET_METRICS.map((metric) => {
          const q = { subjectKind: s.kind, subjectId: s.id, metric };
          const own = targets.find((t) => t.subjectKind === s.kind && t.subjectId === s.id && t.metric === metric && t.period === period);
          const resolved = targetFor(targets, q, period);
          return [metric, { setFen: own?.amountFen ?? null, resolvedFen: resolved?.amountFen ?? null, source: resolved?.source ?? null }];
        })) as Record<TargetMetric, TargetCell>;
        return { subjectKind: s.kind, subjectId: s.id, name: s.name, departmentId: s.departmentId, targets: cells };
      });
      return { period, periodKind: kind, canManage: can(actor, PERMISSIONS.targetManage), rows };
    });
  }

  /** Sets targets (each replaces what was set for its subject, figure and period); all or nothing. */
  async save(actor: Actor, input: readonly Target[]): Promise<Target[]> {
    requirePermission(actor, PERMISSIONS.targetManage);
    const targets = validateTargets(input);
    if (isDomainError(targets)) throw targets;
    return this.d.uow.run(async (tx) => {
      const known = new Map((await this.visibleSubjects(tx, actor)).map((s) => [`${s.kind}:${s.id}`, s]));
      for (const t of targets) {
        if (!known.has(`${t.subjectKind}:${t.subjectId}`)) throw t.subjectKind === 'person' ? notFound('user', '人员', t.subjectId) : notFound('department', '部门', t.subjectId);
      }
      await this.d.targets.save(tx, actor.tenantId, targets, actor.userId, this.d.clock.now());
      return targets;
    });
  }

  /** Removes one target; "not found" when none was set or the subject is out of sight. */
  async remove(actor: Actor, key: TargetKey): Promise<void> {
    requirePermission(actor, PERMISSIONS.targetManage);
    if (periodKindOf(key.period) === null) throw periodError();
    await this.d.uow.run(async (tx) => {
      const seen = (await this.visibleSubjects(tx, actor)).some((s) => s.kind === key.subjectKind && s.id === key.subjectId);
      if (!seen || !(await this.d.targets.remove(tx, actor.tenantId, key))) throw notFound('target', '业绩目标', `${key.subjectKind}/${key.subjectId}/${key.metric}/${key.period}`);
    });
  }

  /** Departments, then active people, that the actor sees, in the organisation's order. */
  private async visibleSubjects(tx: Tx, actor: Actor): Promise<(TargetSubject & { name: string })[]> {
    const departments = (await this.d.org.listDepartments(tx, actor.tenantId))
      .map((d) => ({ kind: 'department' as const, id: d.id, departmentId: d.id, name: d.name }))
      .filter((s) => seesSubject(actor, s));
    const people: User[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.d.org.listUsers(tx, actor.tenantId, { active: true }, { limit: 200, cursor });
      people.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const persons = people
      .map((u) => ({ kind: 'person' as const, id: u.id, departmentId: u.departmentId, name: u.name }))
      .filter((s) => seesSubject(actor, s));
    return [...departments, ...persons];
  }
}
