// 提成月结单 on A4: who and which month, the lines (计提, 冲回, 月末调档) with base, rate, tier and amount, the
// adjustments with their reasons, the totals, and the lines for signatures. Drawn page by page (a generator),
// so a long month streams out as it is laid.
import type { StatementDocument } from '../../core/commissions/statement-export.js';
import { COMMISSION_ROLE_LABELS, LINE_KIND_LABELS } from '../../core/commissions/types.js';
import { formatYuanGrouped } from '../../core/money/fen.js';
import { mm, type Canvas } from './canvas.js';
import { Flow, type Drawing } from './flow.js';

const yuan = (fen: number): string => formatYuanGrouped(fen);

/** Draws the statement; `pageCount` is printed in the footers (0 while counting). */
export function* drawCommissionStatement(canvas: Canvas, doc: StatementDocument, pageCount: number): Drawing {
  const flow = new Flow(canvas, (page, count) => `${doc.firmName} · 提成月结单 ${doc.month} · ${doc.personName}    第 ${page} 页 / 共 ${count} 页`, pageCount);
  yield* flow.title('提成月结单');
  yield* flow.paragraph(`${doc.firmName}    ${doc.month.replace('-', ' 年 ')} 月`, { size: 10, align: 'center', color: '#444444' });
  flow.space(mm(2));
  yield* flow.field('人员：', doc.personName);
  if (doc.departmentName) yield* flow.field('部门：', doc.departmentName);
  yield* flow.field('状态：', doc.statusLabel);
  yield* flow.field('本月业绩：', `¥${yuan(doc.totals.creditedFen)} 元`);

  yield* flow.heading('一、提成明细');
  if (doc.lines.length === 0) yield* flow.paragraph('本月没有提成明细。', { size: 9.5, color: '#666666' });
  else {
    yield* flow.table(
      [
        { title: '日期', weight: 12, align: 'left', nowrap: true },
        { title: '类型', weight: 9, align: 'left', nowrap: true },
        { title: '角色', weight: 14, align: 'left' },
        { title: '方案', weight: 6, align: 'right', nowrap: true },
        { title: '计提基数（元）', weight: 17, align: 'right', nowrap: true },
        { title: '比例', weight: 8, align: 'right', nowrap: true },
        { title: '档位', weight: 6, align: 'right', nowrap: true },
        { title: '提成（元）', weight: 15, align: 'right', nowrap: true },
      ],
      doc.lines.map((l) => [l.on, LINE_KIND_LABELS[l.kind], COMMISSION_ROLE_LABELS[l.role], `v${l.schemeVersion}`, yuan(l.baseFen), `${l.rate}%`, String(l.tier), yuan(l.amountFen)]),
      { totals: [['小计', '', '', '', '', '', '', yuan(doc.totals.accruedFen + doc.totals.clawbackFen + doc.totals.trueUpFen)]] },
    );
  }

  yield* flow.heading('二、调整');
  if (doc.adjustments.length === 0) yield* flow.paragraph('无。', { size: 9.5, color: '#666666' });
  else {
    yield* flow.table(
      [{ title: '日期', weight: 14, align: 'left', nowrap: true }, { title: '原因', weight: 66, align: 'left' }, { title: '金额（元）', weight: 20, align: 'right', nowrap: true }],
      doc.adjustments.map((a) => [a.createdOn, a.reason, yuan(a.amountFen)]),
      { totals: [['小计', '', yuan(doc.totals.adjustmentFen)]] },
    );
  }

  yield* flow.heading('三、合计');
  yield* flow.table(
    [
      { title: '计提（元）', weight: 20, align: 'right', nowrap: true }, { title: '冲回（元）', weight: 20, align: 'right', nowrap: true },
      { title: '月末调档（元）', weight: 20, align: 'right', nowrap: true }, { title: '调整（元）', weight: 20, align: 'right', nowrap: true },
      { title: '应发提成（元）', weight: 20, align: 'right', nowrap: true },
    ],
    [[yuan(doc.totals.accruedFen), yuan(doc.totals.clawbackFen), yuan(doc.totals.trueUpFen), yuan(doc.totals.adjustmentFen), yuan(doc.totals.totalFen)]],
  );
  flow.space(mm(8));
  yield* flow.paragraph(`本人确认：__________        财务审核：__________        打印日期：${doc.printedOn}`, { size: 10, align: 'right' });
  flow.finish();
}
