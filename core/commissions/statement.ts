// 提成月结单: one person's month — the lines dated in it (accruals, clawbacks), the month-end true-up, finance's
// adjustments and the totals, which are always exactly the sum of the lines plus the adjustments.
import { domainError, isDomainError, validationFailed, type DomainError } from '../shared/index.js';
import { validateAdjustment } from './adjustment.js';
import { creditedInMonth, sortLines } from './lines.js';
import { isMonthText, monthEnded } from './month.js';
import { fireStatement, isEditable, type StatementEvent } from './statement-machine.js';
import { monthEndTrueUp } from './true-up.js';
import type { Adjustment, CommissionLine, PersonStatement, SchemeVersion, StatementStatus, StatementTotals } from './types.js';

export interface DrawUpInput {
  readonly personId: string;
  readonly departmentId: string | null;
  readonly month: string;
  /** The person's recorded lines; those of other months or people, and stored true-ups, are left out. */
  readonly lines: readonly CommissionLine[];
  readonly history: readonly SchemeVersion[];
  readonly adjustments?: readonly Adjustment[] | undefined;
}

const sum = (xs: readonly { readonly amountFen: number }[]): number => xs.reduce((a, x) => a + x.amountFen, 0);

/** The totals of lines and adjustments: total = every line + every adjustment, nothing else. */
export function statementTotals(lines: readonly CommissionLine[], adjustments: readonly Adjustment[], creditedFen: number): StatementTotals {
  const of = (kind: CommissionLine['kind']) => sum(lines.filter((l) => l.kind === kind));
  const adjustmentFen = sum(adjustments);
  return { creditedFen, accruedFen: of('accrual'), clawbackFen: of('clawback'), trueUpFen: of('true_up'), adjustmentFen, totalFen: sum(lines) + adjustmentFen };
}

function notEditable(s: PersonStatement): DomainError {
  return domainError(
    'commission_statement.not_editable', 'rule',
    `月结单（${s.month}）已${s.status === 'submitted' ? '提交' : s.status === 'approved' ? '审批' : '锁定'}，不能再修改`,
    `The statement of ${s.month} is ${s.status} and can no longer change`,
    { month: s.month, status: s.status },
  );
}

/** A draft statement of a person's month, with the month-end true-up recomputed from the lines. */
export function drawUpStatement(input: DrawUpInput, status: StatementStatus = 'draft'): PersonStatement | DomainError {
  if (!isMonthText(input.month)) {
    return validationFailed([{ path: '/month', code: 'invalid_month', zh: '月份须为 YYYY-MM 格式', en: 'must be a month written YYYY-MM' }]);
  }
  const own = input.lines.filter((l) => l.personId === input.personId && l.month === input.month && l.kind !== 'true_up');
  const lines = sortLines([...own, ...monthEndTrueUp(own, input.personId, input.month, input.history)]);
  const adjustments = input.adjustments ?? [];
  return {
    personId: input.personId, departmentId: input.departmentId, month: input.month, status, lines, adjustments,
    totals: statementTotals(lines, adjustments, creditedInMonth(own, input.personId, input.month)),
  };
}

/** Draws a draft up again from the lines recorded now, keeping its adjustments; refused once submitted. */
export function redrawStatement(s: PersonStatement, lines: readonly CommissionLine[], history: readonly SchemeVersion[]): PersonStatement | DomainError {
  if (!isEditable(s.status)) return notEditable(s);
  return drawUpStatement({ personId: s.personId, departmentId: s.departmentId, month: s.month, lines, history, adjustments: s.adjustments });
}

/** Adds a checked adjustment to a draft (an id used already is refused). */
export function addAdjustment(s: PersonStatement, input: Adjustment): PersonStatement | DomainError {
  if (!isEditable(s.status)) return notEditable(s);
  const adj = validateAdjustment(input);
  if (isDomainError(adj)) return adj;
  if (s.adjustments.some((a) => a.id === adj.id)) {
    return domainError('commission_statement.duplicate_adjustment', 'conflict', '该调整已添加过', 'This adjustment was added already', { id: adj.id });
  }
  const adjustments = [...s.adjustments, adj];
  return { ...s, adjustments, totals: statementTotals(s.lines, adjustments, s.totals.creditedFen) };
}

/** Takes an adjustment off a draft; an unknown id changes nothing. */
export function removeAdjustment(s: PersonStatement, id: string): PersonStatement | DomainError {
  if (!isEditable(s.status)) return notEditable(s);
  const adjustments = s.adjustments.filter((a) => a.id !== id);
  return { ...s, adjustments, totals: statementTotals(s.lines, adjustments, s.totals.creditedFen) };
}

/** Moves a statement through its machine on `today` ('YYYY-MM-DD'): submit needs the month to be over. */
export function moveStatement(s: PersonStatement, event: StatementEvent, today: string): PersonStatement | DomainError {
  const fired = fireStatement(s.status, event, { monthEnded: monthEnded(s.month, today) });
  if (isDomainError(fired)) return fired;
  return { ...s, status: fired.to };
}
