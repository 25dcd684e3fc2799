// 提成月结单 (business type 'commission_statement') plugged into the approval engine. Submitting needs
// finance.write, a draft and a month that is over; the statement is redrawn from the recorded lines and moves
// to 已提交 in the submission's own transaction, and the approval's end approves it (已审批) or sends it back
// to 草稿 in the deciding one. Locking afterwards is finance's own step (StatementService.lock).
import { isDomainError, type Tx } from '../shared/index.js';
import { requirePermission, PERMISSIONS, type Actor } from '../organisation/index.js';
import type { ApprovalInstance, ApprovalOutcome, ApprovalSubject, ConditionSubject, SubjectPurpose } from '../approvals/index.js';
import { firmDay, maySee, type CommissionsDeps } from './commissions-deps.js';
import { StatementDrawing } from './statement-drawing.js';
import { fireStatement, outcomeEvent } from './statement-machine.js';
import { monthEnded } from './month.js';
import { asStatement, statementNotFound } from './statement.service.js';
import { moveStatement } from './statement.js';

export const STATEMENT_SUBJECT = 'commission_statement';

export class StatementSubject implements ApprovalSubject {
  readonly timelineSubjectType = STATEMENT_SUBJECT;

  private readonly statements: StatementDrawing;

  constructor(private readonly d: CommissionsDeps) {
    this.statements = new StatementDrawing(d);
  }

  /** What the flow's conditions read: totalFen (and amountFen, the same), month, personId, departmentId, ownerId. */
  async facts(tx: Tx, actor: Actor, id: string, purpose: SubjectPurpose): Promise<ConditionSubject> {
    const s = await this.d.commissions.statement(tx, actor.tenantId, id, purpose === 'submit');
    if (!s || !maySee(actor, s.personId, s.departmentId)) throw statementNotFound(id);
    if (purpose === 'submit') {
      requirePermission(actor, PERMISSIONS.financeWrite);
      const today = await firmDay(this.d, tx, actor.tenantId, this.d.clock.now());
      const fired = fireStatement(s.status, 'submit', { monthEnded: monthEnded(s.month, today) }); // refused here, before the engine does anything
      if (isDomainError(fired)) throw fired;
    }
    return {
      amountFen: s.totals.totalFen, totalFen: s.totals.totalFen, creditedFen: s.totals.creditedFen, month: s.month, personId: s.personId,
      ownerId: s.personId, departmentId: s.departmentId,
    };
  }

  /** 提交: redrawn from every line recorded (the month is over, so nothing more arrives), then 已提交. */
  async onSubmitted(tx: Tx, actor: Actor, instance: ApprovalInstance): Promise<void> {
    const s = await this.d.commissions.statement(tx, instance.tenantId, instance.businessId, true);
    if (!s) throw statementNotFound(instance.businessId);
    const drawn = await this.statements.draw(tx, actor, s.personId, s.departmentId, s.month);
    const today = await firmDay(this.d, tx, instance.tenantId, this.d.clock.now());
    const moved = moveStatement(asStatement(drawn, [], []), 'submit', today);
    if (isDomainError(moved)) throw moved;
    await this.statements.save(tx, { ...drawn, status: moved.status, submittedAt: this.d.clock.now(), version: drawn.version + 1 });
  }

  /** 通过 → 已审批; 否决 or 撤回 → back to 草稿. */
  async onOutcome(tx: Tx, outcome: ApprovalOutcome, instance: ApprovalInstance): Promise<void> {
    const s = await this.d.commissions.statement(tx, instance.tenantId, instance.businessId, true);
    if (!s) return;
    const kind = outcome.type === 'approval.approved' ? 'approved' : outcome.type === 'approval.rejected' ? 'rejected' : 'withdrawn';
    const e = outcomeEvent(s.status, kind);
    if (e === null) return;
    const fired = fireStatement(s.status, e, { monthEnded: true });
    if (isDomainError(fired)) throw fired;
    await this.statements.save(tx, {
      ...s, status: fired.to, approvedAt: fired.to === 'approved' ? outcome.at : s.approvedAt, submittedAt: fired.to === 'draft' ? null : s.submittedAt, version: s.version + 1,
    });
  }
}
