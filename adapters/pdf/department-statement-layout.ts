// 部门提成汇总 on A4: the department and month, then one row per person (status and the statement's figures)
// and the department's total, with lines for signatures. Drawn page by page like the person's statement.
import type { DepartmentStatementDocument } from '../../core/commissions/statement-export.js';
import { formatYuanGrouped } from '../../core/money/fen.js';
import { mm, type Canvas } from './canvas.js';
import { Flow, type Drawing } from './flow.js';

const yuan = (fen: number): string => formatYuanGrouped(fen);

/** Draws the department's month; `pageCount` is printed in the footers (0 while counting). */
export function* drawDepartmentStatement(canvas: Canvas, doc: DepartmentStatementDocument, pageCount: number): Drawing {
  const flow = new Flow(canvas, (page, count) => `${doc.firmName} · 部门提成汇总 ${doc.month} · ${doc.departmentName}    第 ${page} 页 / 共 ${count} 页`, pageCount);
  yield* flow.title('部门提成汇总');
  yield* flow.paragraph(`${doc.firmName}    ${doc.month.replace('-', ' 年 ')} 月`, { size: 10, align: 'center', color: '#444444' });
  flow.space(mm(2));
  yield* flow.field('部门：', doc.departmentName);
  yield* flow.field('人数：', `${doc.rows.length} 人`);
  yield* flow.field('本月业绩：', `¥${yuan(doc.totals.creditedFen)} 元`);
  yield* flow.field('应发提成：', `¥${yuan(doc.totals.totalFen)} 元`);

  yield* flow.heading('各人月结单');
  if (doc.rows.length === 0) yield* flow.paragraph('本月还没有生成月结单。', { size: 9.5, color: '#666666' });
  else {
    const t = doc.totals;
    yield* flow.table(
      [
        { title: '人员', weight: 12, align: 'left' },
        { title: '状态', weight: 9, align: 'left', nowrap: true },
        { title: '本月业绩（元）', weight: 15, align: 'right', nowrap: true },
        { title: '计提（元）', weight: 12, align: 'right', nowrap: true },
        { title: '冲回（元）', weight: 11, align: 'right', nowrap: true },
        { title: '月末调档（元）', weight: 15, align: 'right', nowrap: true },
        { title: '调整（元）', weight: 12, align: 'right', nowrap: true },
        { title: '合计（元）', weight: 14, align: 'right', nowrap: true },
      ],
      doc.rows.map((r) => [r.personName, r.statusLabel, yuan(r.totals.creditedFen), yuan(r.totals.accruedFen), yuan(r.totals.clawbackFen), yuan(r.totals.trueUpFen), yuan(r.totals.adjustmentFen), yuan(r.totals.totalFen)]),
      { totals: [['合计', '', yuan(t.creditedFen), yuan(t.accruedFen), yuan(t.clawbackFen), yuan(t.trueUpFen), yuan(t.adjustmentFen), yuan(t.totalFen)]] },
    );
  }
  flow.space(mm(8));
  yield* flow.paragraph(`部门负责人：__________        财务审核：__________        打印日期：${doc.printedOn}`, { size: 10, align: 'right' });
  flow.finish();
}
