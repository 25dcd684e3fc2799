// The invoice use cases over the real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): the
// cap, approval issuing the number in the deciding transaction, rejection, drafts, red-letter reversal.
import test from 'ava';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import { isDomainError } from '../../../core/shared/domain-error.js';
import { backends } from '../../support/database.js';
import { testCrm } from '../../support/crm.js';
import { aContractedOrder, anApprovedReceipt, anInvoicingFirm, approve, aReceiptFlow, SELLER } from './builders.js';
import { outcome } from '../../support/outcome.js';

const code = outcome;

for (const backend of backends()) {
  let crm: Crm;
  test.before(async () => {
    crm = await testCrm(backend);
  });
  test.after.always(async () => {
    await crm?.close();
  });

  test.serial(`[${backend}] request → submit → approve issues the invoice with the year's first number, the frozen seller and the order's 已开票`, async (t) => {
    const firm = await anInvoicingFirm(crm);
    const sales = await firm.person(['sales'], { name: '孙露露' });
    const order = await aContractedOrder(crm, sales.actor, 1_000_000);
    const draft = await crm.invoices.request(sales.actor, { orderId: order.id, lines: [{ totalFen: 1_000_000 }] });
    t.deepEqual([draft.state, draft.number, draft.buyer.taxId, draft.amountFen, draft.taxFen, draft.totalUppercase], ['draft', null, order.taxId, 943_396, 56_604, '壹万元整']);
    t.is(draft.buyer.name, draft.companyName);
    const submitted = await crm.invoices.submit(sales.actor, draft.id);
    t.is(submitted.state, 'pending');
    await approve(crm, firm.finance.actor, submitted.approvalId);
    const issued = await crm.invoices.get(sales.actor, draft.id);
    t.is(issued.state, 'issued');
    t.is(issued.number, `${issued.issueDate?.slice(0, 4)}00000001`);
    t.deepEqual(issued.seller, SELLER);
    t.is(issued.drawer, '张犇');
    const detail = await crm.orders.get(sales.actor, order.id);
    t.is(detail.order.amounts.invoicedFen, 1_000_000);
    const timeline = (await crm.invoices.timeline(sales.actor, draft.id)).map((a) => a.action);
    t.deepEqual(timeline.filter((a) => a.startsWith('invoice.')), ['invoice.requested', 'invoice.submitted', 'invoice.issued']);
  });

  test.serial(`[${backend}] requests beyond the cap are refused, drafts reserve their amount, and a cancelled draft frees it`, async (t) => {
    const firm = await anInvoicingFirm(crm);
    const order = await aContractedOrder(crm, firm.admin, 1_000_000);
    t.is(await code(crm.invoices.request(firm.admin, { orderId: order.id, lines: [{ totalFen: 1_000_001 }] })), 'invoice.exceeds_invoiceable');
    const a = await crm.invoices.request(firm.admin, { orderId: order.id, lines: [{ totalFen: 600_000 }] });
    t.is(await code(crm.invoices.request(firm.admin, { orderId: order.id, lines: [{ totalFen: 400_001 }] })), 'invoice.exceeds_invoiceable');
    const view = await crm.invoices.invoiceable(firm.admin, order.id);
    t.deepEqual([view.capFen, view.reservedFen, view.invoicedFen, view.invoiceableFen], [1_000_000, 600_000, 0, 400_000]);
    await crm.invoices.cancel(firm.admin, a.id, { version: a.version });
    t.is((await crm.invoices.invoiceable(firm.admin, order.id)).invoiceableFen, 1_000_000);
    t.is(await code(crm.invoices.cancel(firm.admin, a.id, { version: a.version + 1 })), 'invoice.transition_not_allowed');
  });

  test.serial(`[${backend}] under the received rule nothing is invoiceable before money comes in`, async (t) => {
    const firm = await anInvoicingFirm(crm, 'received');
    const order = await aContractedOrder(crm, firm.admin);
    const e = await t.throwsAsync(crm.invoices.request(firm.admin, { orderId: order.id, lines: [{ totalFen: 1 }] }));
    t.is(isDomainError(e) ? e.code : '', 'invoice.exceeds_invoiceable');
    t.regex(isDomainError(e) ? e.text.zh : '', /已回款 ¥0\.00/);
  });

  test.serial(`[${backend}] an invoice from approved receipts takes their total and 发票类型; a cancelled draft frees them for the next request`, async (t) => {
    const firm = await anInvoicingFirm(crm, 'received');
    await aReceiptFlow(crm, firm);
    const order = await aContractedOrder(crm, firm.admin, 1_000_000);
    const r1 = await anApprovedReceipt(crm, firm.admin, firm.finance.actor, order.id, 400_000, 'normal');
    const r2 = await anApprovedReceipt(crm, firm.admin, firm.finance.actor, order.id, 100_000, 'normal');
    const view = await crm.invoices.invoiceable(firm.admin, order.id);
    t.deepEqual([view.capFen, view.invoiceableFen, view.receipts.map((r) => [r.amountFen, r.invoiceKind, r.selectable])], [500_000, 500_000, [[400_000, 'ordinary', true], [100_000, 'ordinary', true]]]);
    const draft = await crm.invoices.request(firm.admin, { orderId: order.id, receiptIds: [r1, r2] });
    t.deepEqual([draft.kind, draft.totalFen, draft.lines.length, [...draft.receiptIds].sort()], ['ordinary', 500_000, 1, [r1, r2].sort()]);
    const e = await t.throwsAsync(crm.invoices.request(firm.admin, { orderId: order.id, receiptIds: [r2], lines: [{ totalFen: 1 }] }));
    t.deepEqual(isDomainError(e) ? e.fieldErrors.map((f) => f.code) : [], ['invoice.receipt_already_invoiced']);
    await crm.invoices.cancel(firm.admin, draft.id, { version: draft.version });
    const again = await crm.invoices.request(firm.admin, { orderId: order.id, receiptIds: [r2], kind: 'ordinary' });
    t.is(again.totalFen, 100_000);
  });

  test.serial(`[${backend}] a special invoice needs the buyer's full details, and a draft is corrected before submitting`, async (t) => {
    const firm = await anInvoicingFirm(crm);
    const order = await aContractedOrder(crm, firm.admin);
    const e = await t.throwsAsync(crm.invoices.request(firm.admin, { orderId: order.id, kind: 'special', lines: [{ totalFen: 100_00 }] }));
    t.deepEqual(isDomainError(e) ? e.fieldErrors.map((f) => f.path) : [], ['/buyer/address', '/buyer/phone', '/buyer/bank', '/buyer/account']);
    const draft = await crm.invoices.request(firm.admin, { orderId: order.id, lines: [{ totalFen: 100_00 }] });
    const special = await crm.invoices.update(firm.admin, draft.id, {
      version: draft.version, kind: 'special', buyer: { address: '苏州市狮山路 88 号', phone: '0512-66889900', bank: '建设银行', account: '32250199753600001234', accountConfirmed: true },
      lines: [{ totalFen: 200_00, quantity: '2' }],
    });
    t.deepEqual([special.kind, special.buyer.taxId, special.buyer.account, special.totalFen, special.lines[0]?.unitPrice], ['special', order.taxId, '32250199753600001234', 200_00, '94.34']);
    t.is(await code(crm.invoices.update(firm.admin, draft.id, { version: draft.version, remarks: 'x' })), 'invoice.version_conflict');
  });

  test.serial(`[${backend}] a rejected invoice goes back to draft with no number; resubmitted and approved it takes the next number`, async (t) => {
    const firm = await anInvoicingFirm(crm);
    const order = await aContractedOrder(crm, firm.admin);
    const a = await crm.invoices.request(firm.admin, { orderId: order.id, lines: [{ totalFen: 100_00 }] });
    const first = await crm.invoices.submit(firm.admin, a.id);
    t.is(await code(crm.invoices.submit(firm.admin, a.id)), 'invoice.transition_not_allowed');
    t.is(await code(crm.invoices.update(firm.admin, a.id, { version: first.version, remarks: 'x' })), 'invoice.not_editable');
    await approve(crm, firm.finance.actor, first.approvalId, 'reject');
    const back = await crm.invoices.get(firm.admin, a.id);
    t.deepEqual([back.state, back.number], ['draft', null]);
    const again = await crm.invoices.submit(firm.admin, a.id);
    await approve(crm, firm.finance.actor, again.approvalId);
    t.regex((await crm.invoices.get(firm.admin, a.id)).number ?? '', /^\d{4}00000001$/);
  });

  test.serial(`[${backend}] red-letter: a partial reversal makes the original 部分红冲 and restores 可开票; the rest makes it 已红冲`, async (t) => {
    const firm = await anInvoicingFirm(crm);
    const order = await aContractedOrder(crm, firm.admin, 1_000_000);
    const blue = await crm.invoices.request(firm.admin, { orderId: order.id, lines: [{ totalFen: 1_000_000 }] });
    await approve(crm, firm.finance.actor, (await crm.invoices.submit(firm.admin, blue.id)).approvalId);
    t.is((await crm.invoices.invoiceable(firm.admin, order.id)).invoiceableFen, 0);
    t.is(await code(crm.invoices.requestRedLetter(firm.admin, blue.id, { reason: '多开', lines: [{ lineNo: 1, totalFen: 1_000_001 }] })), 'validation.failed');
    const red = await crm.invoices.requestRedLetter(firm.admin, blue.id, { reason: '服务费部分退还', lines: [{ lineNo: 1, totalFen: 300_000 }] });
    t.deepEqual([red.direction, red.state, red.totalFen, red.originalNumber, red.totalUppercase], ['red', 'draft', -300_000, (await crm.invoices.get(firm.admin, blue.id)).number, '负叁仟元整']);
    // A second red-letter request may only reverse what the first leaves.
    t.is(await code(crm.invoices.requestRedLetter(firm.admin, blue.id, { reason: 'x', lines: [{ lineNo: 1, totalFen: 700_001 }] })), 'validation.failed');
    await approve(crm, firm.finance.actor, (await crm.invoices.submit(firm.admin, red.id)).approvalId);
    const partly = await crm.invoices.get(firm.admin, blue.id);
    t.deepEqual([partly.state, partly.reversedFen, partly.redLetters.length], ['partially_reversed', 300_000, 1]);
    t.is((await crm.invoices.get(firm.admin, red.id)).number?.slice(4), '00000002');
    t.is((await crm.invoices.invoiceable(firm.admin, order.id)).invoiceableFen, 300_000);
    t.is((await crm.orders.get(firm.admin, order.id)).order.amounts.invoicedFen, 700_000);
    const rest = await crm.invoices.requestRedLetter(firm.admin, blue.id, { reason: '合同终止' });
    t.is(rest.totalFen, -700_000);
    await approve(crm, firm.finance.actor, (await crm.invoices.submit(firm.admin, rest.id)).approvalId);
    t.is((await crm.invoices.get(firm.admin, blue.id)).state, 'reversed');
    t.is(await code(crm.invoices.requestRedLetter(firm.admin, blue.id, { reason: 'x' })), 'invoice.transition_not_allowed');
    t.is(await code(crm.invoices.requestRedLetter(firm.admin, red.id, { reason: 'x' })), 'invoice.guard_failed');
    t.is((await crm.invoices.invoiceable(firm.admin, order.id)).invoiceableFen, 1_000_000);
  });

  test.serial(`[${backend}] without the seller's profile nothing is submitted; settings are versioned and admin-only`, async (t) => {
    const firm = await anInvoicingFirm(crm);
    const order = await aContractedOrder(crm, firm.admin);
    const s = await crm.invoices.settings(firm.admin);
    await crm.invoices.saveSettings(firm.admin, { version: s.version, seller: null });
    const draft = await crm.invoices.request(firm.admin, { orderId: order.id, lines: [{ totalFen: 100 }] });
    t.is(await code(crm.invoices.submit(firm.admin, draft.id)), 'invoice.seller_missing');
    t.is((await crm.invoices.get(firm.admin, draft.id)).state, 'draft');
    t.is(await code(crm.invoices.saveSettings(firm.admin, { version: s.version, seller: SELLER })), 'invoice.settings_version_conflict');
    t.is(await code(crm.invoices.saveSettings(firm.finance.actor, { version: s.version + 1, seller: SELLER })), 'auth.forbidden');
  });
}
