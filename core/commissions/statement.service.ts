// 提成月结单 use cases: finance draws up a person's (or a department's people's) month from the recorded lines,
// adjusts a draft with reasons, submits it to the approval engine ('commission_statement'), and locks it once
// approved (paid). A statement is read by its person and by whoever sees that person under finance.read and
// data scope. Only a draft changes; a locked statement never does.
import { domainError, isDomainError, notFound, validationFailed, type Tx } from '../shared/index.js';
import { can, requirePermission, PERMISSIONS, scopeFilter, type Actor } from '../organisation/index.js';
import type { BusinessType } from '../approvals/index.js';
import { addAdjustment, moveStatement, removeAdjustment } from './statement.js';
import { departmentStatement, type DepartmentStatementRow } from './department.js';
import { firmDay, maySee, type CommissionsDeps } from './commissions-deps.js';
import { StatementDrawing, versionConflict } from './statement-drawing.js';
import { isMonthText } from './month.js';
import { sortLines } from './lines.js';
import { STATEMENT_MACHINE } from './statement-machine.js';
import type { Adjustment, CommissionLine, PersonStatement, StatementStatus, StatementTotals } from './types.js';
import type { StatementFilter, StatementRecord } from './ports.js';
import type { DepartmentStatementDocument, StatementDocument, StatementPdfRenderer } from './statement-export.js';

/** Submitting to approval: the approvals use case (ApprovalService.submit), which calls back the statement subject. */
export interface StatementApprovalSubmitter {
  submit(actor: Actor, input: {
    readonly businessType: BusinessType;
    readonly businessId: string;
    readonly chosenApprovers?: Readonly<Record<string, readonly string[]>> | undefined;
    readonly requestId?: string | undefined;
  }): Promise<{ readonly id: string; readonly status: string; readonly replayed: boolean }>;
}

export interface StatementServiceDeps extends CommissionsDeps {
  readonly approvals: StatementApprovalSubmitter;
  /** Draws the statement's PDF (pdfkit in adapters/pdf). */
  readonly pdf?: StatementPdfRenderer | undefined;
}

/** A statement as a list shows it (no lines). */
export interface StatementSummary {
  readonly id: string;
  readonly personId: string;
  readonly personName: string;
  readonly departmentId: string | null;
  readonly departmentName: string | null;
  readonly month: string;
  readonly status: StatementStatus;
  readonly statusLabel: string;
  readonly totals: StatementTotals;
  readonly lineCount: number;
  readonly drawnAt: Date;
  readonly submittedAt: Date | null;
  readonly approvedAt: Date | null;
  readonly lockedAt: Date | null;
  readonly version: number;
}

/** A statement with its lines (the recorded ones and the month-end true-up, in statement order) and adjustments. */
export interface StatementView extends StatementSummary {
  readonly lines: readonly CommissionLine[];
  readonly adjustments: readonly Adjustment[];
}

export interface DepartmentStatementView {
  readonly departmentId: string;
  readonly departmentName: string;
  readonly month: string;
  readonly rows: readonly (DepartmentStatementRow & { readonly statementId: string; readonly personName: string })[];
  readonly totals: StatementTotals;
  readonly statusCounts: Readonly<Record<StatementStatus, number>>;
}

export interface AdjustmentInput {
  readonly version: number;
  readonly amountFen: number;
  readonly reason: string;
}

const invalidMonth = () => validationFailed([{ path: '/month', code: 'invalid_month', zh: '月份须为 YYYY-MM 格式', en: 'must be a month written YYYY-MM' }]);
export const statementNotFound = (id: string) => notFound('commission_statement', '提成月结单', id);

export class StatementService {
  private readonly drawing: StatementDrawing;

  constructor(private readonly d: StatementServiceDeps) {
    this.drawing = new StatementDrawing(d);
  }

  /** 生成月结单: a person's month drawn up as a draft (or redrawn, keeping its adjustments); refused once submitted. */
  async drawUp(actor: Actor, input: { personId: string; month: string }): Promise<StatementView> {
    requirePermission(actor, PERMISSIONS.financeWrite);
    if (!isMonthText(input.month)) throw invalidMonth();
    const id = await this.d.uow.run(async (tx) => {
      const person = await this.d.org.getUser(tx, actor.tenantId, input.personId);
      if (!person || !maySee(actor, person.id, person.departmentId)) throw notFound('user', '人员', input.personId);
      return (await this.drawing.draw(tx, actor, person.id, person.departmentId, input.month)).id;
    });
    return this.get(actor, id);
  }

  /** A department's month: every person with lines in it (or a statement) drawn up; locked or submitted ones are left as they are. */
  async drawUpDepartment(actor: Actor, input: { departmentId: string; month: string }): Promise<DepartmentStatementView> {
    requirePermission(actor, PERMISSIONS.financeWrite);
    if (!isMonthText(input.month)) throw invalidMonth();
    await this.d.uow.run(async (tx) => {
      await this.departmentOrHide(tx, actor, input.departmentId);
      const running = await this.d.commissions.runningInScope(tx, actor.tenantId, input.month, scopeFilter(actor), input.departmentId);
      const users = await this.d.org.getUsers(tx, actor.tenantId, running.map((r) => r.personId));
      for (const u of [...users].sort((a, b) => (a.id < b.id ? -1 : 1))) {
        const existing = await this.d.commissions.statementOf(tx, actor.tenantId, u.id, input.month, true);
        if (existing && existing.status !== 'draft') continue;
        await this.drawing.draw(tx, actor, u.id, u.departmentId, input.month);
      }
    });
    return this.department(actor, input.departmentId, input.month);
  }

  async get(actor: Actor, id: string): Promise<StatementView> {
    return this.d.uow.read(async (tx) => {
      const s = await this.d.commissions.statement(tx, actor.tenantId, id);
      if (!s || !maySee(actor, s.personId, s.departmentId)) throw statementNotFound(id);
      return this.view(tx, s);
    });
  }

  /** The statements of a month the actor sees (own, or in scope with finance.read), highest total first. */
  async list(actor: Actor, filter: StatementFilter): Promise<StatementSummary[]> {
    if (!isMonthText(filter.month)) throw invalidMonth();
    return this.d.uow.read(async (tx) => {
      const scope = scopeFilter(actor);
      // Without finance.read a person sees only their own statements, whatever their data scope.
      const records = await this.d.commissions.statements(tx, actor.tenantId, filter, can(actor, PERMISSIONS.financeRead) ? scope : { ownerId: actor.userId, departmentIds: [] });
      return this.summaries(tx, actor.tenantId, records);
    });
  }

  /** 部门提成汇总: the department's people's statements of the month, with totals and how far they have come. */
  async department(actor: Actor, departmentId: string, month: string): Promise<DepartmentStatementView> {
    requirePermission(actor, PERMISSIONS.financeRead);
    if (!isMonthText(month)) throw invalidMonth();
    return this.d.uow.read(async (tx) => {
      const dept = await this.departmentOrHide(tx, actor, departmentId);
      const records = await this.d.commissions.statements(tx, actor.tenantId, { month, departmentId }, scopeFilter(actor));
      const summaries = await this.summaries(tx, actor.tenantId, records);
      const byPerson = new Map(summaries.map((s) => [s.personId, s]));
      const rollUp = departmentStatement(departmentId, month, records.map((r) => asStatement(r, [], [])));
      return {
        departmentId, departmentName: dept.name, month, totals: rollUp.totals, statusCounts: rollUp.statusCounts,
        rows: rollUp.rows.map((r) => ({ ...r, statementId: byPerson.get(r.personId)?.id ?? '', personName: byPerson.get(r.personId)?.personName ?? '' })),
      };
    });
  }

  /** 调整: an amount (±) with its reason on a draft, at the version the actor saw. */
  async adjust(actor: Actor, id: string, input: AdjustmentInput): Promise<StatementView> {
    requirePermission(actor, PERMISSIONS.financeWrite);
    await this.d.uow.run(async (tx) => {
      const s = await this.forChange(tx, actor, id, input.version);
      const createdOn = await firmDay(this.d, tx, actor.tenantId, this.d.clock.now());
      const adjustment: Adjustment = { id: this.d.ids.id(), amountFen: input.amountFen, reason: input.reason, createdBy: actor.userId, createdOn };
      const adjustments = await this.d.commissions.adjustments(tx, actor.tenantId, id);
      const next = addAdjustment(await this.asStatement(tx, s, adjustments), adjustment);
      if (isDomainError(next)) throw next;
      await this.d.commissions.insertAdjustment(tx, actor.tenantId, id, next.adjustments[next.adjustments.length - 1] as Adjustment, this.d.clock.now());
      await this.drawing.save(tx, { ...s, totals: next.totals, version: s.version + 1 });
    });
    return this.get(actor, id);
  }

  /** Takes an adjustment off a draft. */
  async removeAdjustment(actor: Actor, id: string, adjustmentId: string, version: number): Promise<StatementView> {
    requirePermission(actor, PERMISSIONS.financeWrite);
    await this.d.uow.run(async (tx) => {
      const s = await this.forChange(tx, actor, id, version);
      const adjustments = await this.d.commissions.adjustments(tx, actor.tenantId, id);
      if (!adjustments.some((a) => a.id === adjustmentId)) throw notFound('commission_adjustment', '调整', adjustmentId);
      const next = removeAdjustment(await this.asStatement(tx, s, adjustments), adjustmentId);
      if (isDomainError(next)) throw next;
      await this.d.commissions.deleteAdjustment(tx, actor.tenantId, id, adjustmentId);
      await this.drawing.save(tx, { ...s, totals: next.totals, version: s.version + 1 });
    });
    return this.get(actor, id);
  }

  /** 提交审批: the draft (redrawn on submission) goes to the tenant's 'commission_statement' flow; the month must be over. */
  async submit(actor: Actor, id: string, opts: { requestId?: string | undefined; chosenApprovers?: Readonly<Record<string, readonly string[]>> | undefined } = {}): Promise<StatementView> {
    await this.d.approvals.submit(actor, { businessType: 'commission_statement', businessId: id, requestId: opts.requestId, chosenApprovers: opts.chosenApprovers });
    return this.get(actor, id);
  }

  /** 锁定: an approved statement is locked (paid); nothing about it changes afterwards. */
  async lock(actor: Actor, id: string, version: number): Promise<StatementView> {
    requirePermission(actor, PERMISSIONS.financeWrite);
    await this.d.uow.run(async (tx) => {
      const s = await this.d.commissions.statement(tx, actor.tenantId, id, true);
      if (!s || !maySee(actor, s.personId, s.departmentId)) throw statementNotFound(id);
      if (s.version !== version) throw versionConflict(version, s.version);
      const today = await firmDay(this.d, tx, actor.tenantId, this.d.clock.now());
      const moved = moveStatement(asStatement(s, [], []), 'lock', today);
      if (isDomainError(moved)) throw moved;
      await this.drawing.save(tx, { ...s, status: moved.status, lockedAt: this.d.clock.now(), lockedBy: actor.userId, version: s.version + 1 });
    });
    return this.get(actor, id);
  }

  /** 下载月结单 PDF: `提成月结单_<month>_<person>.pdf`, streamed as it is drawn. */
  async pdf(actor: Actor, id: string): Promise<{ fileName: string; pdf: AsyncIterable<Uint8Array> }> {
    if (!this.d.pdf) throw new Error('no PDF renderer is bound for commission statements');
    const v = await this.get(actor, id);
    const doc = await this.d.uow.read(async (tx): Promise<StatementDocument> => {
      const tenant = await this.d.org.getTenant(tx, actor.tenantId);
      return {
        firmName: tenant?.name ?? '', month: v.month, personName: v.personName, departmentName: v.departmentName, statusLabel: v.statusLabel,
        printedOn: await firmDay(this.d, tx, actor.tenantId, this.d.clock.now()), lines: v.lines, adjustments: v.adjustments, totals: v.totals,
      };
    });
    return { fileName: fileName(`提成月结单_${v.month}_${v.personName}.pdf`), pdf: this.d.pdf.statementStream(doc) };
  }

  /** 部门提成汇总 PDF: `部门提成汇总_<month>_<department>.pdf`, the same figures and data scope as GET /department. */
  async departmentPdf(actor: Actor, departmentId: string, month: string): Promise<{ fileName: string; pdf: AsyncIterable<Uint8Array> }> {
    if (!this.d.pdf) throw new Error('no PDF renderer is bound for commission statements');
    const d = await this.department(actor, departmentId, month);
    const doc = await this.d.uow.read(async (tx): Promise<DepartmentStatementDocument> => {
      const tenant = await this.d.org.getTenant(tx, actor.tenantId);
      return {
        firmName: tenant?.name ?? '', month: d.month, departmentName: d.departmentName, printedOn: await firmDay(this.d, tx, actor.tenantId, this.d.clock.now()),
        rows: d.rows.map((r) => ({ personName: r.personName, statusLabel: statusLabel(r.status), totals: r.totals })), totals: d.totals,
      };
    });
    return { fileName: fileName(`部门提成汇总_${d.month}_${d.departmentName}.pdf`), pdf: this.d.pdf.departmentStatementStream(doc) };
  }

  private async forChange(tx: Tx, actor: Actor, id: string, version: number): Promise<StatementRecord> {
    const s = await this.d.commissions.statement(tx, actor.tenantId, id, true);
    if (!s || !maySee(actor, s.personId, s.departmentId)) throw statementNotFound(id);
    if (s.status !== 'draft') {
      throw domainError('commission_statement.not_editable', 'rule', `月结单（${s.month}）已${STATEMENT_MACHINE.labels?.[s.status] ?? s.status}，不能再修改`,
        `The statement of ${s.month} is ${s.status} and can no longer change`, { month: s.month, status: s.status });
    }
    if (s.version !== version) throw versionConflict(version, s.version);
    return s;
  }

  private async asStatement(tx: Tx, s: StatementRecord, adjustments: readonly Adjustment[]): Promise<PersonStatement> {
    return asStatement(s, [...(await this.d.commissions.linesOf(tx, s.tenantId, s.personId, s.month)), ...s.trueUpLines], adjustments);
  }

  private async departmentOrHide(tx: Tx, actor: Actor, departmentId: string) {
    const dept = (await this.d.org.listDepartments(tx, actor.tenantId)).find((x) => x.id === departmentId);
    // A department's figures are for whoever's data scope covers the department (a 销售 with 'self' sees only their own).
    const visible = actor.dataScope === 'tenant' || actor.visibleDepartmentIds.includes(departmentId);
    if (!dept || !visible) throw notFound('department', '部门', departmentId);
    return dept;
  }

  private async summaries(tx: Tx, tenantId: string, records: readonly StatementRecord[]): Promise<StatementSummary[]> {
    const users = new Map((await this.d.org.getUsers(tx, tenantId, [...new Set(records.map((r) => r.personId))])).map((u) => [u.id, u.name]));
    const depts = new Map((records.some((r) => r.departmentId) ? await this.d.org.listDepartments(tx, tenantId) : []).map((x) => [x.id, x.name]));
    return records.map((r) => summaryOf(r, users.get(r.personId) ?? '', r.departmentId ? depts.get(r.departmentId) ?? null : null));
  }

  private async view(tx: Tx, s: StatementRecord): Promise<StatementView> {
    const [summary] = await this.summaries(tx, s.tenantId, [s]);
    const lines = sortLines([...(await this.d.commissions.linesOf(tx, s.tenantId, s.personId, s.month)), ...s.trueUpLines]);
    return { ...(summary as StatementSummary), lines, adjustments: await this.d.commissions.adjustments(tx, s.tenantId, s.id) };
  }
}

// Characters that file systems or headers dislike become '_'; the Chinese stays.
const fileName = (s: string): string => s.replace(/[\\/:*?"<>|\s]+/g, '_');

/** A stored statement as the pure rules read it. */
export function asStatement(s: StatementRecord, lines: readonly CommissionLine[], adjustments: readonly Adjustment[]): PersonStatement {
  return { personId: s.personId, departmentId: s.departmentId, month: s.month, status: s.status, lines, adjustments, totals: s.totals };
}

const statusLabel = (status: StatementStatus): string => STATEMENT_MACHINE.labels?.[status] ?? status;

function summaryOf(r: StatementRecord, personName: string, departmentName: string | null): StatementSummary {
  return {
    id: r.id, personId: r.personId, personName, departmentId: r.departmentId, departmentName, month: r.month, status: r.status,
    statusLabel: statusLabel(r.status), totals: r.totals, lineCount: r.lineCount, drawnAt: r.drawnAt,
    submittedAt: r.submittedAt, approvedAt: r.approvedAt, lockedAt: r.lockedAt, version: r.version,
  };
}
