// The financing service agreement (融资服务协议) on A4: parties, service scope, the matched products, the fee in
// figures and 大写, the collection plan, the tenant's terms filled from the contract's data, and signatures.
import { contractTerms, BLANK } from '../../core/documents/contract-terms.js';
import { chineseDate } from '../../core/documents/document-format.js';
import type { ContractDocument } from '../../core/documents/types.js';
import { toChineseUppercase } from '../../core/money/chinese-uppercase.js';
import { formatYuanGrouped } from '../../core/money/fen.js';
import { mm, type Canvas, type TextStyle } from './canvas.js';
import { Flow, type Drawing } from './flow.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Draws the whole contract, page by page; `pageCount` is printed in the footers (0 while counting). */
export function* drawContract(canvas: Canvas, doc: ContractDocument, pageCount: number): Drawing {
  const terms = contractTerms(doc); // refuses unknown placeholders before anything is drawn
  const flow = new Flow(canvas, (page, count) => `合同编号：${doc.number}    第 ${page} 页 / 共 ${count} 页`, pageCount);
  yield* flow.title('融资服务协议');
  yield* flow.paragraph(`合同编号：${doc.number}`, { size: 9.5, align: 'right', color: '#444444' });
  flow.space(mm(2));

  yield* flow.field('甲方（委托方）：', doc.customer.name, { size: 11 });
  yield* flow.field('统一社会信用代码：', doc.customer.taxId, { indent: mm(8) });
  yield* flow.field('法定代表人：', doc.customer.legalRepresentative, { indent: mm(8) });
  if (doc.customer.address) yield* flow.field('住所：', doc.customer.address, { indent: mm(8) });
  if (doc.customer.phone) yield* flow.field('联系电话：', doc.customer.phone, { indent: mm(8) });
  if (doc.customer.contactPerson) yield* flow.field('联系人：', doc.customer.contactPerson, { indent: mm(8) });
  flow.space(mm(2));
  yield* flow.field('乙方（服务方）：', doc.firm.name, { size: 11 });
  if (doc.firm.taxId) yield* flow.field('统一社会信用代码：', doc.firm.taxId, { indent: mm(8) });
  if (doc.firm.legalRepresentative) yield* flow.field('法定代表人：', doc.firm.legalRepresentative, { indent: mm(8) });
  if (doc.firm.address) yield* flow.field('住所：', doc.firm.address, { indent: mm(8) });
  if (doc.firm.phone) yield* flow.field('联系电话：', doc.firm.phone, { indent: mm(8) });
  if (doc.firm.agent) yield* flow.field('经办人：', doc.firm.agent, { indent: mm(8) });
  flow.space(mm(3));
  yield* flow.paragraph('甲乙双方本着平等自愿、诚实信用的原则，经友好协商，就乙方为甲方提供融资服务事宜达成如下协议，以资共同遵守。', { indent: 0 });

  let section = 0;
  const heading = (text: string): Drawing => flow.heading(`${NUMERALS[section++] ?? String(section)}、${text}`);

  yield* heading('服务内容');
  for (const p of doc.serviceScope) yield* flow.paragraph(p);

  yield* heading('匹配产品');
  if (doc.products.length === 0) yield* flow.paragraph('（无）');
  else {
    const total = doc.products.reduce((s, p) => s + p.totalFen, 0);
    yield* flow.table(
      [
        { title: '序号', weight: 6, align: 'center' },
        { title: '产品名称', weight: 14, align: 'left' },
        { title: '类别', weight: 10, align: 'left' },
        { title: '合作机构', weight: 14, align: 'left' },
        { title: '预计额度（元）', weight: 13, align: 'right', nowrap: true },
        { title: '服务费（元）', weight: 12, align: 'right', nowrap: true },
        { title: '数量', weight: 6, align: 'right', nowrap: true },
        { title: '优惠（元）', weight: 11, align: 'right', nowrap: true },
        { title: '小计（元）', weight: 13, align: 'right', nowrap: true },
      ],
      doc.products.map((p, i) => [
        String(i + 1),
        p.name,
        p.category ?? '',
        p.institution ?? '',
        p.expectedAmountFen === undefined ? '' : formatYuanGrouped(p.expectedAmountFen),
        formatYuanGrouped(p.serviceFeeFen),
        String(p.quantity),
        formatYuanGrouped(p.discountFen),
        formatYuanGrouped(p.totalFen),
      ]),
      { totals: [['', '合计', '', '', '', '', '', '', formatYuanGrouped(total)]] },
    );
  }

  yield* heading('服务费用');
  yield* flow.paragraph(`甲方应向乙方支付服务费共计人民币 ¥${formatYuanGrouped(doc.feeFen)} 元（大写：人民币${toChineseUppercase(doc.feeFen)}），按下列回款计划支付。`);

  yield* heading('回款计划');
  if (doc.collectionPlan.length === 0) yield* flow.paragraph('（无）');
  else {
    const total = doc.collectionPlan.reduce((s, p) => s + p.amountFen, 0);
    yield* flow.table(
      [
        { title: '期数', weight: 8, align: 'center', nowrap: true },
        { title: '计划回款日期', weight: 22, align: 'center', nowrap: true },
        { title: '回款金额（元）', weight: 20, align: 'right', nowrap: true },
        { title: '说明', weight: 50, align: 'left' },
      ],
      doc.collectionPlan.map((p, i) => [`第 ${p.sequence} 期`, chineseDate(p.dueDate, `collectionPlan/${i}/dueDate`), formatYuanGrouped(p.amountFen), p.note ?? '']),
      { totals: [['合计', '', formatYuanGrouped(total), `大写：${toChineseUppercase(total)}`]] },
    );
  }

  if (terms.length > 0) {
    yield* heading('其他条款');
    for (const p of terms) yield* flow.paragraph(p);
  }
  yield* flow.paragraph('（以下无正文）', { size: 9.5, align: 'center', color: '#666666' });
  yield* drawSignatures(flow, doc);
  flow.finish();
}

function* drawSignatures(flow: Flow, doc: ContractDocument): Drawing {
  const style: TextStyle = { size: 10.5 };
  const canvas = flow.canvas;
  const date = doc.signDate ? chineseDate(doc.signDate, 'signDate') : '        年      月      日';
  const sign = `法定代表人或授权代表（签字）：${BLANK}`;
  const rows: [string, string][] = [
    [`甲方（盖章）：${doc.customer.name}`, `乙方（盖章）：${doc.firm.name}`],
    [sign, sign],
    [`日期：${date}`, `日期：${date}`],
  ];
  const width = flow.width / 2 - mm(4);
  const right = flow.left + flow.width / 2 + mm(4);
  const wrapped = rows.map(([a, b]) => [canvas.wrap(a, width, style), canvas.wrap(b, width, style)] as const);
  const heights = wrapped.map(([a, b]) => canvas.linesHeight(Math.max(a.length, b.length), style, mm(1)) + mm(5));
  // The block stays together: the two parties sign side by side on one page.
  yield* flow.ensure(heights.reduce((s, h) => s + h, 0) + mm(8));
  flow.space(mm(8));
  wrapped.forEach(([a, b], i) => {
    canvas.lines(a, flow.left, flow.y, style, { width, gap: mm(1) });
    canvas.lines(b, right, flow.y, style, { width, gap: mm(1) });
    flow.space(heights[i] ?? 0);
  });
  if (doc.signPlace) yield* flow.paragraph(`签订地点：${doc.signPlace}`, { size: 9.5 });
}
