// The plain InvoiceDocument of a stored invoice: issued ones only, the seller frozen at issue, red letters referenced.
import test from 'ava';
import { buildInvoiceDocument } from '../../../core/invoices/invoice-document.js';
import { invoiceView } from '../../../core/invoices/invoice-view.js';
import { planRedLetter } from '../../../core/invoices/red-letter.js';
import { invoiceTotals } from '../../../core/invoices/index.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import { anInvoice } from './builders.js';

test('an issued invoice prints its number, date, frozen seller and drawer, and the buyer\'s six fields', (t) => {
  const inv = anInvoice();
  const doc = buildInvoiceDocument(inv, null);
  t.is(doc.number, '202600000001');
  t.is(doc.issueDate, '2026-11-26');
  t.is(doc.kind, 'special');
  t.is(doc.seller.name, inv.seller?.name ?? '');
  t.deepEqual(doc.buyer, { name: '盛博科技有限公司', taxId: '91320505MA1X2Y3Z4Q', address: '苏州市高新区狮山路 88 号', phone: '0512-66889900', bank: '建设银行苏州高新区支行', account: '6227000000000000008' });
  t.deepEqual(doc.lines, [{ name: '*经纪代理服务*融资服务费', quantity: '1', unitPrice: '10000.00', amountFen: 1_000_000, taxRate: '6', taxFen: 60_000 }]);
  t.deepEqual([doc.drawer, doc.payee, doc.reviewer], ['张犇', '孙露露', undefined]);
  t.is(doc.redLetter, undefined);
});

test('a red-letter invoice references the original\'s number and date and gives its reason', (t) => {
  const original = anInvoice();
  const lines = planRedLetter(original.lines, new Map(), [{ lineNo: 1, totalFen: 500_000 }]);
  const red = anInvoice({ id: 'inv-2', direction: 'red', originalId: original.id, number: '202600000002', lines, ...invoiceTotals(lines), reason: '服务费部分退还' });
  const doc = buildInvoiceDocument(red, original);
  t.deepEqual(doc.redLetter, { originalNumber: '202600000001', originalIssueDate: '2026-11-26', reason: '服务费部分退还' });
  t.is(doc.lines[0]?.amountFen, -471_698);
});

test('a draft has no file yet, and an issued invoice without a seller is refused', (t) => {
  t.is(t.throws(() => buildInvoiceDocument(anInvoice({ state: 'draft', number: null, issueDate: null }), null), { instanceOf: DomainError })?.code, 'invoice.not_issued');
  t.is(t.throws(() => buildInvoiceDocument(anInvoice({ seller: null }), null), { instanceOf: DomainError })?.code, 'invoice.seller_missing');
});

test('the view shows state and kind in Chinese and 价税合计 in 大写', (t) => {
  const v = invoiceView({ ...anInvoice(), orderTitle: '企业信用贷', companyName: '盛博科技', createdByName: '孙露露', originalNumber: null });
  t.deepEqual([v.stateLabel, v.kindLabel, v.totalUppercase], ['已开具', '专用发票', '壹万零陆佰元整']);
  const red = invoiceView({ ...anInvoice({ direction: 'red', totalFen: -500_000 }), orderTitle: '', companyName: '', createdByName: null, originalNumber: '202600000001' });
  t.deepEqual([red.kindLabel, red.totalUppercase], ['红字专用发票', '负伍仟元整']);
});

test('the contract\'s 回款计划 comes from dated instalments; while one waits for the disbursement, none is printed', async (t) => {
  const { contractInstalments } = await import('../../../core/documents/order-documents.js');
  t.deepEqual(contractInstalments([
    { number: 1, dueOn: '2026-12-01', amountFen: 100_00, onDisbursement: false },
    { number: 2, dueOn: '2027-01-10', amountFen: 200_00, onDisbursement: true },
  ]), [
    { sequence: 1, dueDate: '2026-12-01', amountFen: 100_00 },
    { sequence: 2, dueDate: '2027-01-10', amountFen: 200_00, note: '放款后支付' },
  ]);
  t.deepEqual(contractInstalments([{ number: 1, dueOn: null, amountFen: 1, onDisbursement: true }]), []);
});
