import test from 'ava';
import { createPdfRenderer, renderContractPdf } from '../../../adapters/pdf/index.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { aContract } from './builders.js';
import { compactText, pageCount, pdfFonts, qpdfCheck } from './pdf-tools.js';

const renderer = createPdfRenderer();

test('a contract prints its title, number and both parties with their details', async (t) => {
  const text = compactText(await renderContractPdf(aContract()));
  for (const expected of [
    '融资服务协议',
    '合同编号：HT-2025-0042',
    '甲方（委托方）：苏州王喆堃犇淼科技有限公司',
    '统一社会信用代码：91320505MA1X2Y3Z4Q',
    '法定代表人：王喆',
    '联系人：赵堃',
    '乙方（服务方）：大鑫金服（苏州）信息咨询有限公司',
    '法定代表人：陈淼',
    '经办人：孙露露',
  ]) {
    t.true(text.includes(expected), `missing ${expected} in:\n${text}`);
  }
});

test('a contract lists the service scope, the matched products, the fee in figures and 大写, and the collection plan', async (t) => {
  const text = compactText(await renderer.renderContract(aContract()));
  for (const expected of [
    '一、服务内容',
    '乙方根据甲方的经营状况与融资需求',
    '二、匹配产品',
    '1税E贷税贷中国建设银行300,000.009,000.0010.009,000.00',
    '2快贷企业信贷中国工商银行100,000.003,500.001500.003,000.00',
    '合计12,000.00',
    '三、服务费用',
    '人民币¥12,000.00元（大写：人民币壹万贰仟元整）',
    '四、回款计划',
    '第1期2025年03月15日6,000.00签约后支付',
    '第2期2025年04月15日6,000.00放款后3个工作日内支付',
    '合计12,000.00大写：壹万贰仟元整',
  ]) {
    t.true(text.includes(expected), `missing ${expected} in:\n${text}`);
  }
});

test("the tenant's terms are printed with their placeholders filled from the contract", async (t) => {
  const text = compactText(await renderer.renderContract(aContract()));
  t.true(text.includes('1.甲方（苏州王喆堃犇淼科技有限公司，法定代表人王喆）应向乙方提供真实、完整的资料。'), text);
  t.true(text.includes('2.本协议服务费总额为人民币12,000.00元（大写：壹万贰仟元整），分2期支付。'), text);
  t.false(text.includes('{{'));
});

test('a contract ends with the signature blocks of both parties and the date', async (t) => {
  const text = compactText(await renderer.renderContract(aContract()));
  t.true(text.includes('甲方（盖章）：苏州王喆堃犇淼科技有限公司'), text);
  t.true(text.includes('乙方（盖章）：大鑫金服（苏州）信息咨询有'), text);
  t.is(text.match(/法定代表人或授权代表（签字）：/g)?.length, 2);
  t.is(text.match(/日期：2025年03月01日/g)?.length, 2);
});

test('a contract without a sign date leaves the date blank to be written by hand', async (t) => {
  const { signDate: _omit, ...rest } = aContract();
  const text = compactText(await renderer.renderContract(rest));
  t.is(text.match(/日期：年月日/g)?.length, 2, text);
});

test('a template with unknown placeholders is refused, listing every one', async (t) => {
  const error = await t.throwsAsync(renderer.renderContract(aContract({ termsTemplate: '甲方 {{customer.nmae}} 应付 {{fee.upper}}，{{customer.nmae}}' })), { instanceOf: DomainError });
  t.is(error?.code, 'document.unknown_placeholder');
  t.deepEqual(error?.details.placeholders, ['customer.nmae', 'fee.upper']);
});

test('a long contract flows over pages with the table header repeated and numbered pages, and passes qpdf', async (t) => {
  const products = Array.from({ length: 45 }, (_, i) => ({ name: `产品${i + 1}号`, category: '税贷', serviceFeeFen: 100_000, discountFen: 0, quantity: 1, totalFen: 100_000 }));
  const pdf = await renderer.renderContract(aContract({ products, feeFen: 4_500_000 }));
  const pages = pageCount(pdf);
  t.true(pages >= 3, `${pages} pages`);
  const text = compactText(pdf);
  for (let i = 1; i <= 45; i++) t.true(text.includes(`产品${i}号`), `product ${i} missing`);
  t.true(compactText(pdf, 2).includes('序号产品名称类别合作机构'), 'the header is repeated on page 2');
  t.true(compactText(pdf, pages).includes(`第${pages}页/共${pages}页`));
  t.is(qpdfCheck(pdf).status, 0);
  t.true(pdfFonts(pdf).every((f) => f.embedded && f.subset && /^[A-Z]{6}\+/.test(f.name)));
});
