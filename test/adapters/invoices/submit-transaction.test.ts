// Submitting an invoice is one transaction: the invoice's move to 待审批, its approval instance and the answer
// commit together or not at all. And reading an approval subject's facts (what the flow's conditions read)
// changes nothing, for every area's subject: invoices, receipts, 订单内审, 结单.
import test from 'ava';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import { ApprovalServiceToken } from '../../../adapters/composition/areas/approvals.tokens.js';
import { InvoiceRecordDepsToken } from '../../../adapters/composition/areas/invoices.tokens.js';
import type { ApprovalService } from '../../../core/approvals/approval.service.js';
import type { BusinessType } from '../../../core/approvals/flow-definition.js';
import type { InvoiceRecordDeps } from '../../../core/invoices/invoice-records.js';
import { InvoicesService } from '../../../core/invoices/invoices.service.js';
import type { InvoiceApprovals } from '../../../core/invoices/ports.js';
import type { Actor } from '../../../core/organisation/actor.js';
import { UnitOfWork } from '../../../core/shared/ports.js';
import { backends } from '../../support/database.js';
import { testCrm } from '../../support/crm.js';
import { outcome } from '../../support/outcome.js';
import { aContractedOrder, anInvoicingFirm, aReceiptFlow, type InvoicingFirm } from './builders.js';

/** The invoice use cases over the real ports, counting transactions, with the approval step replaceable. */
function countedInvoices(crm: Crm, approvals: (real: ApprovalService) => InvoiceApprovals) {
  const deps = crm.container.get<InvoiceRecordDeps>(InvoiceRecordDepsToken);
  const count = { runs: 0, reads: 0 };
  const uow: UnitOfWork = {
    run: (work) => { count.runs++; return deps.uow.run(work); },
    read: (work) => { count.reads++; return deps.uow.read(work); },
  };
  const service = new InvoicesService({ ...deps, uow, approvals: approvals(crm.container.get<ApprovalService>(ApprovalServiceToken)) });
  return { service, count };
}

for (const backend of backends()) {
  let crm: Crm;
  let firm: InvoicingFirm;
  test.before(async () => {
    crm = await testCrm(backend);
    firm = await anInvoicingFirm(crm);
    await aReceiptFlow(crm, firm);
  });
  test.after.always(async () => {
    await crm?.close();
  });

  /** What a firm has written so far: timeline lines and outbox events. */
  const written = async () => {
    const db = crm.database.knex;
    const [a] = await db('activities').where({ tenant_id: firm.tenantId }).count({ n: '*' });
    const [e] = await db('outbox_events').where({ tenant_id: firm.tenantId }).count({ n: '*' });
    return { activities: Number(a?.n), events: Number(e?.n) };
  };

  test.serial(`[${backend}] invoice submit takes one transaction: the draft is 待审批 and its approval pending when it answers`, async (t) => {
    const { service, count } = countedInvoices(crm, (real) => real);
    const order = await aContractedOrder(crm, firm.admin, 1_000_000);
    const draft = await crm.invoices.request(firm.admin, { orderId: order.id, lines: [{ totalFen: 300_000 }] });
    const submitted = await service.submit(firm.admin, draft.id);
    t.deepEqual(count, { runs: 1, reads: 0 });
    t.deepEqual([submitted.state, submitted.version], ['pending', draft.version + 1]);
    const approvals = await crm.approvals.listForBusiness(firm.admin, 'invoice', draft.id);
    t.deepEqual(approvals.map((a) => [a.id, a.status]), [[submitted.approvalId, 'pending']]);
  });

  test.serial(`[${backend}] a failure after the approval step leaves the draft as it was and no approval instance`, async (t) => {
    const { service, count } = countedInvoices(crm, (real) => ({
      async submitIn(tx, actor, input) {
        await real.submitIn(tx, actor, input); // the instance is stored and the invoice moved in tx …
        throw new Error('injected failure after the approval step'); // … and then the use case fails
      },
    }));
    const order = await aContractedOrder(crm, firm.admin, 1_000_000);
    const draft = await crm.invoices.request(firm.admin, { orderId: order.id, lines: [{ totalFen: 300_000 }] });
    const before = await written();
    await t.throwsAsync(service.submit(firm.admin, draft.id), { message: 'injected failure after the approval step' });
    t.deepEqual(count, { runs: 1, reads: 0 });
    const after = await crm.invoices.get(firm.admin, draft.id);
    t.deepEqual([after.state, after.version], ['draft', draft.version]);
    t.deepEqual(await crm.approvals.listForBusiness(firm.admin, 'invoice', draft.id), []);
    t.deepEqual(await written(), before);
    // Nothing half-done stands in the way: the real submit goes through.
    t.is((await crm.invoices.submit(firm.admin, draft.id)).state, 'pending');
  });

  test.serial(`[${backend}] reading a subject's facts changes nothing, for an invoice, a receipt, 订单内审 and 结单`, async (t) => {
    const uow = crm.container.get<UnitOfWork>(UnitOfWork);
    const read = (businessType: BusinessType, actor: Actor, id: string) =>
      uow.run((tx) => crm.approvalSubjects.get(businessType).facts(tx, actor, id, 'submit'));
    const order = await aContractedOrder(crm, firm.admin, 1_000_000);
    const draft = await crm.invoices.request(firm.admin, { orderId: order.id, lines: [{ totalFen: 300_000 }] });
    await crm.collectionPlans.save(firm.admin, order.id, { version: 0, spec: { method: 'equal', count: 1, firstDueOn: '2026-12-01' } });
    const { receipt } = await crm.receipts.create(firm.admin, {
      orderId: order.id, receivedOn: '2026-11-25', amountFen: 200_000, paymentMethod: '转账', payer: '盛博科技有限公司', type: '服务费', invoiceWanted: false,
    });
    const orderBefore = await crm.orders.get(firm.admin, order.id);
    const before = await written();

    const invoiceFacts = await read('invoice', firm.admin, draft.id);
    t.like(invoiceFacts, { amountFen: 300_000, direction: 'blue', orderId: order.id });
    const receiptFacts = await read('receipt', firm.admin, receipt.id);
    t.like(receiptFacts, { amountFen: 200_000, action: 'confirm', orderId: order.id });
    const reviewFacts = await read('order_review', firm.admin, order.id);
    t.like(reviewFacts, { contractFen: 1_000_000, stageKey: orderBefore.order.stageKey });
    t.is(await outcome(read('order_close', firm.finance.actor, order.id)), 'collection.close_not_ready');

    t.deepEqual(await written(), before);
    const invoice = await crm.invoices.get(firm.admin, draft.id);
    t.deepEqual([invoice.state, invoice.version], ['draft', draft.version]);
    const stored = await crm.receipts.get(firm.admin, receipt.id);
    t.deepEqual([stored.state, stored.version], ['draft', receipt.version]);
    t.is((await crm.orders.get(firm.admin, order.id)).order.version, orderBefore.order.version);
  });
}
