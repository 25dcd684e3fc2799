// 发票号码 under concurrency: numbers per tenant and year are unique and gapless, on PGlite and PostgreSQL.
import test from 'ava';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import { InvoiceNumberCounter } from '../../../core/invoices/ports.js';
import { UnitOfWork } from '../../../core/shared/ports.js';
import { backends } from '../../support/database.js';
import { testCrm } from '../../support/crm.js';
import { aFirm } from '../../support/tenant.js';
import { aContractedOrder, anInvoicingFirm, approve } from './builders.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

for (const backend of backends()) {
  let crm: Crm;
  test.before(async () => {
    crm = await testCrm(backend);
  });
  test.after.always(async () => {
    await crm?.close();
  });

  test.serial(`[${backend}] 30 concurrent issuing transactions, a third of them rolled back, leave numbers 1..20 with no gap or duplicate`, async (t) => {
    const firm = await aFirm(crm);
    const uow = crm.container.get<UnitOfWork>(UnitOfWork);
    const counter = crm.container.get<InvoiceNumberCounter>(InvoiceNumberCounter);
    const results = await Promise.allSettled(range(30).map((i) => uow.run(async (tx) => {
      const n = await counter.next(tx, firm.tenantId, 2026);
      await sleep(i % 3); // hold the number while others queue behind it
      if (i % 3 === 0) throw new Error(`issue ${i} fails after taking ${n}`);
      return n;
    })));
    const committed = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])).sort((a, b) => a - b);
    t.is(results.filter((r) => r.status === 'rejected').length, 10);
    t.deepEqual(committed, range(20));
    // Another tenant, and another year, count from 1 of their own.
    const other = await aFirm(crm);
    t.is(await uow.run((tx) => counter.next(tx, other.tenantId, 2026)), 1);
    t.is(await uow.run((tx) => counter.next(tx, firm.tenantId, 2027)), 1);
    t.is(await uow.run((tx) => counter.next(tx, firm.tenantId, 2026)), 21);
  });

  test.serial(`[${backend}] 8 invoices approved at once are issued with numbers 1..8 of the year`, async (t) => {
    const firm = await anInvoicingFirm(crm);
    const order = await aContractedOrder(crm, firm.admin, 8_000_000);
    const pending: { id: string; approvalId: string }[] = [];
    for (let i = 0; i < 8; i++) {
      const draft = await crm.invoices.request(firm.admin, { orderId: order.id, lines: [{ totalFen: 1_000_000 }] });
      pending.push({ id: draft.id, approvalId: (await crm.invoices.submit(firm.admin, draft.id)).approvalId });
    }
    await Promise.all(pending.map((p) => approve(crm, firm.finance.actor, p.approvalId)));
    const numbers = await Promise.all(pending.map(async (p) => (await crm.invoices.get(firm.admin, p.id)).number ?? ''));
    const year = numbers[0]?.slice(0, 4) ?? '';
    t.regex(year, /^\d{4}$/);
    t.deepEqual(numbers.map((n) => Number(n.slice(4))).sort((a, b) => a - b), range(8));
    t.true(numbers.every((n) => n.startsWith(year)));
    t.is((await crm.orders.get(firm.admin, order.id)).order.amounts.invoicedFen, 8_000_000);
  });
}
