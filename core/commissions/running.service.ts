// 本月提成 as people see it during the month: a person's own running figure (what the month's lines have
// earned, and what the month-end true-up would add if the month ended today), and the running rows of the
// people a manager's data scope covers. Both read one person's lines or the per-person running rows of the
// month, never the firm's receipts.
import { notFound, validationFailed } from '../shared/index.js';
import { can, PERMISSIONS, scopeFilter, type Actor } from '../organisation/index.js';
import { firmDay, maySee, type CommissionsDeps } from './commissions-deps.js';
import { isMonthText, monthOf } from './month.js';
import { runningCommissionOf, type OverrideSummary, type RunningCommission } from './running.js';
import type { CommissionLine } from './types.js';

export interface PersonRunning extends RunningCommission {
  /** The department head's override lines' part of accrued, clawback and lineCount (already in them). */
  readonly override: OverrideSummary;
  readonly personName: string;
  readonly departmentId: string | null;
  /** The firm's day it was computed on. */
  readonly asOf: string;
}

export interface RunningRow {
  readonly personId: string;
  readonly personName: string;
  readonly departmentId: string | null;
  readonly creditedFen: number;
  readonly accruedFen: number;
  readonly clawbackFen: number;
  /** 已计提: accruals and clawbacks so far (the true-up comes with the statement). */
  readonly earnedFen: number;
  readonly lineCount: number;
}

export interface RunningList {
  readonly month: string;
  readonly asOf: string;
  readonly rows: readonly RunningRow[];
  readonly totals: { readonly creditedFen: number; readonly accruedFen: number; readonly clawbackFen: number; readonly earnedFen: number };
}

const invalidMonth = () => validationFailed([{ path: '/month', code: 'invalid_month', zh: '月份须为 YYYY-MM 格式', en: 'must be a month written YYYY-MM' }]);

export class RunningService {
  constructor(private readonly d: CommissionsDeps) {}

  /** One person's running figure for a month (default: the actor, this month in the firm's calendar). */
  async person(actor: Actor, input: { personId?: string | undefined; month?: string | undefined } = {}): Promise<PersonRunning> {
    if (input.month !== undefined && !isMonthText(input.month)) throw invalidMonth();
    return this.d.uow.read(async (tx) => {
      const asOf = await firmDay(this.d, tx, actor.tenantId, this.d.clock.now());
      const month = input.month ?? monthOf(asOf);
      const personId = input.personId ?? actor.userId;
      const person = await this.d.org.getUser(tx, actor.tenantId, personId);
      if (!person || !maySee(actor, person.id, person.departmentId)) throw notFound('user', '人员', personId);
      // The owner and source lines and the running row: a department head's override lines are not read one by one.
      const credited = await this.d.commissions.creditedLinesOf(tx, actor.tenantId, personId, month);
      const total = await this.d.commissions.running(tx, actor.tenantId, personId, month);
      const history = await this.d.commissions.versions(tx, actor.tenantId);
      return { ...runningCommissionOf(credited, total, personId, month, history), personName: person.name, departmentId: person.departmentId, asOf };
    });
  }

  /** The lines of a person's month (default: the actor, this month), each with the scheme version it used. */
  async lines(actor: Actor, input: { personId?: string | undefined; month?: string | undefined } = {}): Promise<CommissionLine[]> {
    if (input.month !== undefined && !isMonthText(input.month)) throw invalidMonth();
    return this.d.uow.read(async (tx) => {
      const month = input.month ?? monthOf(await firmDay(this.d, tx, actor.tenantId, this.d.clock.now()));
      const personId = input.personId ?? actor.userId;
      const person = await this.d.org.getUser(tx, actor.tenantId, personId);
      if (!person || !maySee(actor, person.id, person.departmentId)) throw notFound('user', '人员', personId);
      return this.d.commissions.linesOf(tx, actor.tenantId, personId, month);
    });
  }

  /**
   * The running rows of a month the actor sees: their own without finance.read; with it, everyone their data
   * scope covers (a department's manager: the department), optionally one department only.
   */
  async list(actor: Actor, input: { month?: string | undefined; departmentId?: string | undefined } = {}): Promise<RunningList> {
    if (input.month !== undefined && !isMonthText(input.month)) throw invalidMonth();
    return this.d.uow.read(async (tx) => {
      const asOf = await firmDay(this.d, tx, actor.tenantId, this.d.clock.now());
      const month = input.month ?? monthOf(asOf);
      const scope = can(actor, PERMISSIONS.financeRead) ? scopeFilter(actor) : { ownerId: actor.userId, departmentIds: [] };
      const running = await this.d.commissions.runningInScope(tx, actor.tenantId, month, scope, input.departmentId);
      const names = new Map((await this.d.org.getUsers(tx, actor.tenantId, running.map((r) => r.personId))).map((u) => [u.id, u.name]));
      const rows = running.map((r) => ({
        personId: r.personId, personName: names.get(r.personId) ?? '', departmentId: r.departmentId, creditedFen: r.creditedFen, accruedFen: r.accruedFen,
        clawbackFen: r.clawbackFen, earnedFen: r.accruedFen + r.clawbackFen, lineCount: r.lineCount,
      }));
      const sum = (k: 'creditedFen' | 'accruedFen' | 'clawbackFen' | 'earnedFen') => rows.reduce((a, r) => a + r[k], 0);
      return { month, asOf, rows, totals: { creditedFen: sum('creditedFen'), accruedFen: sum('accruedFen'), clawbackFen: sum('clawbackFen'), earnedFen: sum('earnedFen') } };
    });
  }
}
