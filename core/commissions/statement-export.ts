// 提成月结单 exported: the .xlsx sheets (Chinese headers) of a person's statement and of a department's month,
// and the plain document its PDF is drawn from. Amounts stay integer fen; the writers show them in yuan.
import type { SheetRow, SheetSpec } from '../documents/index.js';
import { formatYuanGrouped } from '../money/index.js';
import { COMMISSION_ROLE_LABELS, LINE_KIND_LABELS, TIER_MODE_LABELS, type Adjustment, type CommissionLine, type StatementTotals } from './types.js';

export const STATEMENT_SHEET: SheetSpec = {
  name: '提成月结单',
  columns: [
    { header: '日期', key: 'on', kind: 'date', width: 12 },
    { header: '类型', key: 'kind', kind: 'text', width: 10 },
    { header: '回款单', key: 'receiptId', kind: 'text', width: 38 },
    { header: '角色', key: 'role', kind: 'text', width: 14 },
    { header: '岗位', key: 'roleCode', kind: 'text', width: 10 },
    { header: '产品分类', key: 'categoryCode', kind: 'text', width: 12 },
    { header: '方案版本', key: 'schemeVersion', kind: 'integer', width: 8 },
    { header: '阶梯方式', key: 'tierMode', kind: 'text', width: 20 },
    { header: '回款金额（元）', key: 'receiptFen', kind: 'money', width: 14 },
    { header: '分配比例（%）', key: 'share', kind: 'text', width: 10 },
    { header: '本月此前业绩（元）', key: 'priorFen', kind: 'money', width: 16 },
    { header: '计提基数（元）', key: 'baseFen', kind: 'money', width: 14 },
    { header: '提成比例（%）', key: 'rate', kind: 'text', width: 10 },
    { header: '档位', key: 'tier', kind: 'integer', width: 6 },
    { header: '提成金额（元）', key: 'amountFen', kind: 'money', width: 14 },
    { header: '备注', key: 'remark', kind: 'text', width: 30 },
  ],
};

/** The statement's rows: its lines, then each adjustment with its reason, then the total (合计). */
export function* statementSheetRows(lines: readonly CommissionLine[], adjustments: readonly Adjustment[], totals: StatementTotals): Generator<SheetRow> {
  for (const l of lines) {
    yield {
      on: l.on, kind: LINE_KIND_LABELS[l.kind], receiptId: l.receiptId, role: COMMISSION_ROLE_LABELS[l.role], roleCode: l.roleCode, categoryCode: l.categoryCode,
      schemeVersion: l.schemeVersion, tierMode: TIER_MODE_LABELS[l.tierMode], receiptFen: l.receiptFen, share: l.share, priorFen: l.priorFen, baseFen: l.baseFen,
      rate: l.rate, tier: l.tier, amountFen: l.amountFen, remark: null,
    };
  }
  for (const a of adjustments) yield { on: a.createdOn, kind: '调整', amountFen: a.amountFen, remark: a.reason };
  yield { kind: '合计', baseFen: totals.creditedFen, amountFen: totals.totalFen, remark: `本月业绩 ${formatYuanGrouped(totals.creditedFen)} 元` };
}

export const DEPARTMENT_SHEET: SheetSpec = {
  name: '部门提成汇总',
  columns: [
    { header: '人员', key: 'personName', kind: 'text', width: 12 },
    { header: '状态', key: 'status', kind: 'text', width: 10 },
    { header: '本月业绩（元）', key: 'creditedFen', kind: 'money', width: 16 },
    { header: '计提（元）', key: 'accruedFen', kind: 'money', width: 14 },
    { header: '冲回（元）', key: 'clawbackFen', kind: 'money', width: 14 },
    { header: '月末调档（元）', key: 'trueUpFen', kind: 'money', width: 14 },
    { header: '调整（元）', key: 'adjustmentFen', kind: 'money', width: 14 },
    { header: '合计（元）', key: 'totalFen', kind: 'money', width: 14 },
  ],
};

/** One row per person, then the department's total. */
export function* departmentSheetRows(rows: readonly { personName: string; statusLabel: string; totals: StatementTotals }[], totals: StatementTotals): Generator<SheetRow> {
  for (const r of rows) yield { personName: r.personName, status: r.statusLabel, ...r.totals };
  yield { personName: '合计', status: null, ...totals };
}

/** What the statement's PDF shows, as plain data. */
export interface StatementDocument {
  readonly firmName: string;
  readonly month: string;
  readonly personName: string;
  readonly departmentName: string | null;
  readonly statusLabel: string;
  /** The firm's day it was printed, 'YYYY-MM-DD'. */
  readonly printedOn: string;
  readonly lines: readonly CommissionLine[];
  readonly adjustments: readonly Adjustment[];
  readonly totals: StatementTotals;
}

/** What the department's month (部门提成汇总) PDF shows: one row per person with its status, then the total. */
export interface DepartmentStatementDocument {
  readonly firmName: string;
  readonly month: string;
  readonly departmentName: string;
  /** The firm's day it was printed, 'YYYY-MM-DD'. */
  readonly printedOn: string;
  readonly rows: readonly { readonly personName: string; readonly statusLabel: string; readonly totals: StatementTotals }[];
  readonly totals: StatementTotals;
}

/** Renders a statement document as PDF bytes, the first page sent before the last is drawn. */
export interface StatementPdfRenderer {
  statementStream(doc: StatementDocument): AsyncIterable<Uint8Array>;
  departmentStatementStream(doc: DepartmentStatementDocument): AsyncIterable<Uint8Array>;
}
export const StatementPdfRenderer = Symbol.for('yunzhou.commissions.StatementPdfRenderer');
