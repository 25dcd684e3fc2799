import test from 'ava';
import { createPdfRenderer, REPAYMENT_METHOD_NAMES, renderPlanPdf, renderPlanPdfStream } from '../../../adapters/pdf/index.js';
import { compareMethods } from '../../../core/loans/compare-methods.js';
import { formatYuanGrouped } from '../../../core/money/fen.js';
import { aPlan, aPlanProduct } from './builders.js';
import { compactText, pdfFonts, qpdfCheck } from './pdf-tools.js';

const renderer = createPdfRenderer();

test("a plan prints the plan's fields under their headings", async (t) => {
  const text = compactText(await renderPlanPdf(aPlan()));
  for (const expected of [
    '融资规划方案',
    '苏州王喆堃犇淼科技有限公司方案编号：FA-2025-0042',
    '一、项目名称',
    '王喆堃犇淼科技2025年流动资金融资',
    '二、项目概述、资质分析',
    '法定代表人王喆征信良好',
    '三、预计完成时间',
    '2025年04月30日',
    '四、财务计划、用途',
    '融资40万元，用于采购服务器与支付研发人员工资',
    '五、融资规划建议',
    '优先申请税E贷',
    '编制人：孙露露',
    '编制日期：2025年02月20日',
  ]) {
    t.true(text.includes(expected), `missing ${expected} in:\n${text}`);
  }
});

test('each matched product gets a comparison of the four repayment methods with the given figures', async (t) => {
  const text = compactText(await renderer.renderPlan(aPlan({ products: [aPlanProduct(), aPlanProduct({ name: '快贷', institution: '中国工商银行', principalFen: 10_000_000, annualRatePercent: '4.35', termMonths: 24 })] })));
  for (const expected of [
    '六、匹配产品及还款方式比较',
    '1.税E贷（税贷·中国建设银行）',
    '贷款金额¥300,000.00元，年利率3.65%，期限12个月',
    '还款方式首期还款（元）末期还款（元）总利息（元）还款总额（元）',
    '等额本息25,489.1225,489.155,869.47305,869.47',
    '等额本金25,912.5025,076.045,931.25305,931.25',
    '先息后本912.50300,912.5010,950.00310,950.00',
    '一次性还本付息310,950.00310,950.0010,950.00310,950.00',
    '2.快贷（税贷·中国工商银行）',
    '贷款金额¥100,000.00元，年利率4.35%，期限24个月',
  ]) {
    t.true(text.includes(expected), `missing ${expected} in:\n${text}`);
  }
});

test('a plan without a financial plan leaves that section out', async (t) => {
  const { financialPlan: _omit, ...rest } = aPlan();
  const text = compactText(await renderer.renderPlan(rest));
  t.false(text.includes('财务计划、用途'));
  t.true(text.includes('四、融资规划建议'));
});

test('a plan passes qpdf --check with embedded subset fonts, also when streamed', async (t) => {
  const pdf = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    renderPlanPdfStream(aPlan()).on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });
  t.is(qpdfCheck(pdf).status, 0);
  const fonts = pdfFonts(pdf);
  t.true(fonts.length > 0);
  t.true(fonts.every((f) => f.embedded && f.subset && /^[A-Z]{6}\+/.test(f.name)));
});

test('the result of compareMethods goes into a plan as it is, and every figure is printed', async (t) => {
  const comparison = compareMethods({ principalFen: 30_000_000, annualRate: '0.0365', months: 12 });
  const text = compactText(await renderer.renderPlan(aPlan({ products: [aPlanProduct({ comparison })] })));
  for (const row of comparison) {
    const figures = [row.firstPaymentFen, row.lastPaymentFen, row.totalInterestFen, row.totalPaymentFen].map((f) => formatYuanGrouped(f)).join('');
    t.true(text.includes(`${REPAYMENT_METHOD_NAMES[row.method]}${figures}`), `missing ${row.method} ${figures} in:\n${text}`);
  }
});
