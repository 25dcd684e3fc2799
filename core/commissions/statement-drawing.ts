// Drawing up a person's month as a stored draft, and saving a statement under its version: shared by the
// statement use cases and the approval subject (which redraws on submission).
import { domainError, isDomainError, type Tx } from '../shared/index.js';
import type { Actor } from '../organisation/index.js';
import type { CommissionsDeps } from './commissions-deps.js';
import { drawUpStatement } from './statement.js';
import { STATEMENT_MACHINE } from './statement-machine.js';
import type { StatementRecord } from './ports.js';

export const versionConflict = (expected: number, actual: number) =>
  domainError('commission_statement.version_conflict', 'conflict', '月结单已被他人修改，请刷新后重试', 'The statement was changed by someone else; reload and try again', { expected, actual });

export class StatementDrawing {
  constructor(private readonly d: CommissionsDeps) {}

  /** Draws up (or redraws) a person's month inside `tx`; the subject calls it again on submission. */
  async draw(tx: Tx, actor: Actor, personId: string, departmentId: string | null, month: string): Promise<StatementRecord> {
    const now = this.d.clock.now();
    const existing = await this.d.commissions.statementOf(tx, actor.tenantId, personId, month, true);
    const history = await this.d.commissions.versions(tx, actor.tenantId);
    const lines = await this.d.commissions.linesOf(tx, actor.tenantId, personId, month);
    const adjustments = existing ? await this.d.commissions.adjustments(tx, actor.tenantId, existing.id) : [];
    if (existing && existing.status !== 'draft') {
      throw domainError('commission_statement.not_editable', 'rule', `月结单（${month}）已${STATEMENT_MACHINE.labels?.[existing.status] ?? existing.status}，不能再修改`,
        `The statement of ${month} is ${existing.status} and can no longer change`, { month, status: existing.status });
    }
    const drawn = drawUpStatement({ personId, departmentId: existing?.departmentId ?? departmentId, month, lines, history, adjustments });
    if (isDomainError(drawn)) throw drawn;
    const record: StatementRecord = {
      tenantId: actor.tenantId, id: existing?.id ?? this.d.ids.id(), personId, month, departmentId: drawn.departmentId, status: 'draft', totals: drawn.totals,
      lineCount: lines.length, trueUpLines: drawn.lines.filter((l) => l.kind === 'true_up'), drawnBy: actor.userId, drawnAt: now, submittedAt: null,
      approvedAt: null, lockedBy: null, lockedAt: null, version: (existing?.version ?? 0) + 1,
    };
    if (existing) await this.save(tx, record);
    else if (!(await this.d.commissions.insertStatement(tx, record))) {
      // Drawn up concurrently by someone else: draw again over theirs.
      return this.draw(tx, actor, personId, departmentId, month);
    }
    return record;
  }

  async save(tx: Tx, s: StatementRecord): Promise<void> {
    if (!(await this.d.commissions.updateStatement(tx, s))) throw versionConflict(s.version - 1, s.version);
  }

}
