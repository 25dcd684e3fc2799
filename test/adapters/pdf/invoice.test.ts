import test from 'ava';
import { createPdfRenderer, renderInvoicePdf, renderInvoicePdfStream } from '../../../adapters/pdf/index.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { anInvoice, anInvoiceLine } from './builders.js';
import { compactText, pageCount, pdfFonts, qpdfCheck } from './pdf-tools.js';

const renderer = createPdfRenderer();

function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

test('a special invoice prints its title, number, date, both parties, lines and totals in words and figures', async (t) => {
  const pdf = await renderer.renderInvoice(anInvoice());
  const text = compactText(pdf);
  for (const expected of [
    '电子发票（增值税专用发票）',
    '发票号码：25442000000123456789',
    '开票日期：2025年03月08日',
    '名称：苏州王喆堃犇淼科技有限公司',
    '统一社会信用代码/纳税人识别号：91320505MA1X2Y3Z4Q',
    '地址、电话：苏州市高新区狮山路88号0512-66889900',
    '开户行及账号：中国建设银行苏州高新区支行32250199753600001234',
    '名称：大鑫金服（苏州）信息咨询有限公司',
    '*经纪代理服务*融资服务费',
    '9433.96226415',
    '¥9433.96',
    '¥566.04',
    '价税合计（大写）壹万元整',
    '（小写）¥10000.00',
    '订单DX-2025-0042企业信用贷服务费',
    '收款人：孙露露',
    '复核：李淼',
    '开票人：张犇',
  ]) {
    t.true(text.includes(expected), `missing ${expected} in:\n${text}`);
  }
  t.false(text.includes('红字发票'));
});

test('the lines table has the e-invoice columns and the line amount, rate and tax', async (t) => {
  const text = compactText(await renderer.renderInvoice(anInvoice()));
  const header = text.split('\n').find((l) => l.startsWith('项目名称'));
  t.is(header, '项目名称规格型号单位数量单价金额税率/征收率税额');
  const row = text.split('\n').find((l) => l.startsWith('*经纪代理服务*融资服务费'));
  t.is(row, '*经纪代理服务*融资服务费企业信用贷次19433.962264159433.966%566.04');
});

test('an ordinary invoice has its own title and no address or bank lines', async (t) => {
  const text = compactText(await renderer.renderInvoice(anInvoice({ kind: 'ordinary' })));
  t.true(text.includes('电子发票（普通发票）'));
  t.false(text.includes('增值税专用发票'));
  t.false(text.includes('开户行及账号'));
  t.true(text.includes('名称：苏州王喆堃犇淼科技有限公司'));
});

test('a red-letter invoice says so, names the invoice it reverses and prints negative amounts', async (t) => {
  const pdf = await renderer.renderInvoice(
    anInvoice({
      redLetter: { originalNumber: '25442000000123450001', originalIssueDate: '2025-03-01', reason: '开票有误' },
      lines: [anInvoiceLine({ amountFen: -943_396, taxFen: -56_604, quantity: '-1' })],
    }),
  );
  const text = compactText(pdf);
  for (const expected of ['红字发票', '被红冲蓝字发票号码：25442000000123450001', '开票日期：2025年03月01日', '红冲原因：开票有误', '-9433.96', '¥-566.04', '负壹万元整', '（小写）¥-10000.00']) {
    t.true(text.includes(expected), `missing ${expected} in:\n${text}`);
  }
});

test('exempt lines print 免税 and *** for the tax', async (t) => {
  const text = compactText(await renderer.renderInvoice(anInvoice({ lines: [anInvoiceLine({ taxRate: 'exempt', taxFen: 0, amountFen: 500_000, unitPrice: '5000' })] })));
  t.true(text.includes('*经纪代理服务*融资服务费企业信用贷次150005000.00免税***'), text);
  t.true(text.includes('价税合计（大写）伍仟元整'));
});

test('an invoice passes qpdf --check and embeds only subset fonts', async (t) => {
  const pdf = await renderer.renderInvoice(anInvoice());
  const check = qpdfCheck(pdf);
  t.is(check.status, 0, check.output);
  t.true(check.output.includes('No syntax or stream encoding errors found'), check.output);
  const fonts = pdfFonts(pdf);
  t.true(fonts.length > 0);
  for (const f of fonts) {
    t.regex(f.name, /^[A-Z]{6}\+/, `font ${f.name} is not a subset`);
    t.true(f.embedded, `font ${f.name} is not embedded`);
    t.true(f.subset);
    t.true(f.unicode, `font ${f.name} has no ToUnicode map, so text cannot be copied`);
  }
});

test('a one-page invoice is under 60 KB', async (t) => {
  const pdf = await renderer.renderInvoice(anInvoice());
  t.is(pageCount(pdf), 1);
  t.true(pdf.length < 60 * 1024, `${pdf.length} bytes`);
});

test('lines that do not fit one form continue on further pages, with the totals on the last', async (t) => {
  const lines = Array.from({ length: 20 }, (_, i) => anInvoiceLine({ name: `*经纪代理服务*融资服务费第${i + 1}项` }));
  const pdf = await renderer.renderInvoice(anInvoice({ lines }));
  const pages = pageCount(pdf);
  t.true(pages >= 3, `${pages} pages`);
  const all = compactText(pdf);
  for (let i = 1; i <= 20; i++) t.true(all.includes(`*经纪代理服务*融资服务费第${i}项`), `line ${i} missing`);
  t.true(compactText(pdf, 1).includes('（续下页）'));
  t.true(compactText(pdf, 1).includes(`第1页/共${pages}页`));
  t.false(compactText(pdf, 1).includes('（小写）'));
  t.true(compactText(pdf, pages).includes('（小写）¥200000.00'));
  t.is(qpdfCheck(pdf).status, 0);
});

test('a long item name wraps inside its column instead of running into the next', async (t) => {
  const name = '*经纪代理服务*融资咨询服务费（含方案设计、资料整理与申请协助）';
  const text = compactText(await renderer.renderInvoice(anInvoice({ lines: [anInvoiceLine({ name })] })));
  t.false(text.includes(name), 'the name should be on two lines');
  t.true(text.includes('*经纪代理服务*融资咨询服务费（含方案'));
  t.true(text.includes('设计、资料整理与申请协助）'));
});

test('the same invoice renders to the same bytes, and the stream gives the bytes the promise gives', async (t) => {
  const a = await renderInvoicePdf(anInvoice());
  const b = await collect(renderInvoicePdfStream(anInvoice()));
  t.true(a.equals(b));
});

test('invoices rendered at the same time with one renderer each keep their own data', async (t) => {
  const numbers = Array.from({ length: 6 }, (_, i) => `2544200000012345670${i}`);
  const pdfs = await Promise.all(numbers.map((number, i) => renderer.renderInvoice(anInvoice({ number, buyer: { name: `测试喆${i}号有限公司`, taxId: '91320505MA1X2Y3Z4Q' } }))));
  pdfs.forEach((pdf, i) => {
    const text = compactText(pdf);
    t.true(text.includes(`发票号码：${numbers[i]}`));
    t.true(text.includes(`测试喆${i}号有限公司`));
  });
});

test('an invoice that breaks a rule is refused before anything is drawn', async (t) => {
  const blueNegative = await t.throwsAsync(renderer.renderInvoice(anInvoice({ lines: [anInvoiceLine({ amountFen: -100, taxFen: -6 })] })), { instanceOf: DomainError });
  t.is(blueNegative?.code, 'document.invalid_invoice');
  t.throws(() => renderer.invoiceStream(anInvoice({ issueDate: '2025-02-30' })), { instanceOf: DomainError, message: /document\.invalid_date/ });
});
