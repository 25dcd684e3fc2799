// Amounts never wrap: every money column of the contract, plan and invoice tables fits the largest amount the
// schemas allow (fen up to Number.MAX_SAFE_INTEGER, 90,071,992,547,409.91 yuan), read back whole on one line.
import test from 'ava';
import { createPdfRenderer } from '../../../adapters/pdf/index.js';
import { formatYuan, formatYuanGrouped } from '../../../core/money/fen.js';
import { aContract, anInvoice, anInvoiceLine, aPlan, aPlanProduct } from './builders.js';
import { pdfText, qpdfCheck } from './pdf-tools.js';

const renderer = createPdfRenderer();
const MAX = Number.MAX_SAFE_INTEGER;

/** Whether some line of the page's text holds the whole amount (pdftotext -layout keeps a line a line). */
function onOneLine(text: string, amount: string): boolean {
  return text.split('\n').some((line) => line.includes(amount));
}

test('the contract prints the largest amounts whole, one line each, in every money column and the totals', async (t) => {
  const doc = aContract({
    products: [
      { name: '税E贷', category: '税贷', institution: '中国建设银行', expectedAmountFen: MAX, serviceFeeFen: MAX, discountFen: MAX, quantity: 999, totalFen: MAX - 300_000 },
      { name: '快贷', category: '企业信贷', institution: '中国工商银行', expectedAmountFen: 10_000_000, serviceFeeFen: 350_000, discountFen: 50_000, quantity: 1, totalFen: 300_000 },
    ],
    feeFen: MAX,
    collectionPlan: [{ sequence: 1, dueDate: '2025-03-15', amountFen: MAX, note: '签约后支付' }],
  });
  const pdf = await renderer.renderContract(doc);
  t.is(qpdfCheck(pdf).status, 0);
  const text = pdfText(pdf);
  const max = formatYuanGrouped(MAX);
  t.is(max, '90,071,992,547,409.91');
  const tableLine = text.split('\n').find((l) => l.includes('税E贷') && l.includes('中国建设银行')) ?? '';
  t.is(tableLine.split(max).length - 1, 3, `预计额度, 服务费 and 优惠 on the product's one line:\n${text}`);
  t.true(tableLine.includes(formatYuanGrouped(MAX - 300_000)), '小计');
  t.true(onOneLine(text, '999'));
  for (const small of ['100,000.00', '3,500.00', '500.00', '3,000.00']) t.true(onOneLine(text, small), small);
  t.true(text.split('\n').some((l) => l.replace(/\s/g, '').includes('第1期') && l.includes(max)), 'the instalment of the collection plan');
  t.true(text.split('\n').some((l) => l.includes('合计') && l.includes(max)), `合计 of the products: ${text}`);
  t.true(text.replace(/\s/g, '').includes('（大写：人民币玖拾万零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分）'), 'the fee in 大写');
});

test('the plan prints the largest amounts whole in every column of the repayment comparison', async (t) => {
  const comparison = aPlanProduct().comparison.map((row) => ({ ...row, firstPaymentFen: MAX, lastPaymentFen: MAX, totalInterestFen: MAX, totalPaymentFen: MAX }));
  const pdf = await renderer.renderPlan(aPlan({ products: [aPlanProduct({ principalFen: MAX, comparison })] }));
  const text = pdfText(pdf);
  const max = formatYuanGrouped(MAX);
  for (const method of ['等额本息', '等额本金', '先息后本']) {
    const line = text.split('\n').find((l) => l.trim().startsWith(method)) ?? '';
    t.is(line.split(max).length - 1, 4, `${method}: ${line}`);
  }
  // 一次性还本付息 wraps in its column (text may); its four amounts still sit whole on one line.
  t.true(text.split('\n').some((l) => !/[^\s\d,.]/.test(l.trim()) && l.split(max).length - 1 === 4), text);
  // 16 in the table and the principal: no amount is cut anywhere.
  t.is(text.split(max).length - 1, 17);
  t.is(text.split('90,071').length - 1, 17);
});

test('the invoice prints the largest amounts, unit prices and totals whole, blue and red', async (t) => {
  const tax = 509_841_467_249_490;
  const amount = MAX - tax;
  const line = anInvoiceLine({ quantity: '3', unitPrice: '28324525958305.00333333', amountFen: amount, taxFen: tax });
  for (const [doc, sign] of [[anInvoice({ lines: [line] }), 1], [anInvoice({ lines: [{ ...line, quantity: '-3', amountFen: -amount, taxFen: -tax }], redLetter: { originalNumber: '25442000000123456780' } }), -1]] as const) {
    const text = pdfText(await renderer.renderInvoice(doc));
    const row = text.split('\n').find((l) => l.includes('融资服务费')) ?? '';
    for (const figure of [formatYuan(sign * amount), formatYuan(sign * tax), '28324525958305.00333333']) t.true(row.includes(figure), `${figure} in: ${row}\n${text}`);
    t.true(onOneLine(text, `¥${formatYuan(sign * amount)}`), '合计 金额');
    t.true(onOneLine(text, `¥${formatYuan(sign * tax)}`), '合计 税额');
    t.true(onOneLine(text, `¥${formatYuan(sign * MAX)}`), '价税合计（小写）');
  }
});
