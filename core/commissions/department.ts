// 部门提成汇总: a department's month as the statements of its people (each person's statement is counted in the
// department it names), with the department's totals and how far the statements have come.
import type { PersonStatement, StatementStatus, StatementTotals } from './types.js';

export interface DepartmentStatementRow {
  readonly personId: string;
  readonly status: StatementStatus;
  readonly totals: StatementTotals;
}

export interface DepartmentStatement {
  readonly departmentId: string;
  readonly month: string;
  readonly rows: readonly DepartmentStatementRow[];
  readonly totals: StatementTotals;
  readonly statusCounts: Readonly<Record<StatementStatus, number>>;
}

const ZERO: StatementTotals = { creditedFen: 0, accruedFen: 0, clawbackFen: 0, trueUpFen: 0, adjustmentFen: 0, totalFen: 0 };

function add(a: StatementTotals, b: StatementTotals): StatementTotals {
  return {
    creditedFen: a.creditedFen + b.creditedFen, accruedFen: a.accruedFen + b.accruedFen, clawbackFen: a.clawbackFen + b.clawbackFen,
    trueUpFen: a.trueUpFen + b.trueUpFen, adjustmentFen: a.adjustmentFen + b.adjustmentFen, totalFen: a.totalFen + b.totalFen,
  };
}

/** The department's rows (highest total first, then person id) and totals: the sums of its people's statements. */
export function departmentStatement(departmentId: string, month: string, statements: readonly PersonStatement[]): DepartmentStatement {
  const own = statements.filter((s) => s.departmentId === departmentId && s.month === month);
  const rows = own
    .map((s) => ({ personId: s.personId, status: s.status, totals: s.totals }))
    .sort((a, b) => b.totals.totalFen - a.totals.totalFen || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
  const statusCounts: Record<StatementStatus, number> = { draft: 0, submitted: 0, approved: 0, locked: 0 };
  for (const r of rows) statusCounts[r.status] += 1;
  return { departmentId, month, rows, totals: rows.reduce((t, r) => add(t, r.totals), ZERO), statusCounts };
}
