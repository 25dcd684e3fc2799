// The financing plan (方案) on A4: the plan's fields, then for each matched product its loan terms and a
// comparison of the four repayment methods, with the figures exactly as given (computed in core/loans).
import { chineseDate } from '../../core/documents/document-format.js';
import type { PlanDocument, RepaymentMethod } from '../../core/documents/types.js';
import { formatYuanGrouped } from '../../core/money/fen.js';
import { mm, type Canvas } from './canvas.js';
import { Flow, type Drawing } from './flow.js';

/** The methods' names as a customer reads them. */
export const REPAYMENT_METHOD_NAMES: Readonly<Record<RepaymentMethod, string>> = {
  'equal-installment': '等额本息',
  'equal-principal': '等额本金',
  'interest-first': '先息后本',
  bullet: '一次性还本付息',
};

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Draws the whole plan, page by page; `pageCount` is printed in the footers (0 while counting). */
export function* drawPlan(canvas: Canvas, doc: PlanDocument, pageCount: number): Drawing {
  const flow = new Flow(canvas, (page, count) => `${doc.firmName} · 融资方案${doc.reference ? ` ${doc.reference}` : ''}    第 ${page} 页 / 共 ${count} 页`, pageCount);
  yield* flow.title('融资规划方案');
  yield* flow.paragraph(`${doc.customerName}${doc.reference ? `    方案编号：${doc.reference}` : ''}`, { size: 10, align: 'center', color: '#444444' });
  flow.space(mm(2));

  let section = 0;
  const heading = (text: string): Drawing => flow.heading(`${NUMERALS[section++] ?? String(section)}、${text}`);
  yield* heading('项目名称');
  yield* flow.paragraph(doc.projectName);
  yield* heading('项目概述、资质分析');
  yield* flow.paragraph(doc.overview);
  yield* heading('预计完成时间');
  yield* flow.paragraph(chineseDate(doc.expectedCompletion, 'expectedCompletion'));
  if (doc.financialPlan !== undefined && doc.financialPlan.trim() !== '') {
    yield* heading('财务计划、用途');
    yield* flow.paragraph(doc.financialPlan);
  }
  yield* heading('融资规划建议');
  yield* flow.paragraph(doc.financingAdvice);

  if (doc.products.length > 0) {
    yield* heading('匹配产品及还款方式比较');
    for (const [i, p] of doc.products.entries()) {
      yield* flow.ensure(mm(45));
      const where = [p.category, p.institution].filter((v) => v !== undefined && v !== '').join(' · ');
      yield* flow.paragraph(`${i + 1}. ${p.name}${where ? `（${where}）` : ''}`, { size: 11 });
      yield* flow.paragraph(`贷款金额 ¥${formatYuanGrouped(p.principalFen)} 元，年利率 ${p.annualRatePercent}%，期限 ${p.termMonths} 个月`, { size: 9.5, indent: mm(5), color: '#333333' });
      yield* flow.table(
        [
          { title: '还款方式', weight: 20, align: 'left' },
          { title: '首期还款（元）', weight: 20, align: 'right', nowrap: true },
          { title: '末期还款（元）', weight: 20, align: 'right', nowrap: true },
          { title: '总利息（元）', weight: 20, align: 'right', nowrap: true },
          { title: '还款总额（元）', weight: 20, align: 'right', nowrap: true },
        ],
        p.comparison.map((row) => [
          REPAYMENT_METHOD_NAMES[row.method],
          formatYuanGrouped(row.firstPaymentFen),
          formatYuanGrouped(row.lastPaymentFen),
          formatYuanGrouped(row.totalInterestFen),
          formatYuanGrouped(row.totalPaymentFen),
        ]),
      );
    }
    yield* flow.paragraph('注：以上测算按所列年利率及期限计算，仅供参考，实际以合作机构审批结果为准。', { size: 9, color: '#666666' });
  }

  flow.space(mm(6));
  const signed = [
    `编制单位：${doc.firmName}`,
    doc.preparedBy ? `编制人：${doc.preparedBy}` : '',
    doc.preparedDate ? `编制日期：${chineseDate(doc.preparedDate, 'preparedDate')}` : '',
  ].filter((s) => s !== '');
  for (const s of signed) yield* flow.paragraph(s, { size: 10, align: 'right' });
  flow.finish();
}
