// Commission lines against the database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): a confirmed
// receipt accrues in the deciding transaction, a reversal claws back exactly, concurrent confirmations read
// each other's month-to-date totals in turn, and a confirmation told twice records nothing the second time.
import test from 'ava';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import { ReceiptSettlementListener } from '../../../core/collections/ports.js';
import { backends } from '../../support/database.js';
import { testCrm } from '../../support/crm.js';
import { TickingClock, aReceipt, anApprovedReceipt, anOrderWithPlan, decide } from '../collections/builders.js';
import { aContract, anInquiry, upload } from '../orders/order-builders.js';
import { SCHEME, aCommissionFirm, personOf } from './builders.js';

for (const backend of backends()) {
  let crm: Crm;
  const clock = new TickingClock();
  test.before(async () => {
    crm = await testCrm(backend, { clock });
  });
  test.after.always(async () => {
    await crm?.close();
  });

  test.serial(`[${backend}] a confirmed receipt accrues the owner's and the head's lines; its reversal claws them back exactly`, async (t) => {
    clock.set('2026-11-26T08:00:00Z');
    const f = await aCommissionFirm(crm);
    const order = await anOrderWithPlan(crm, f, 5_000_000, 2, '2026-12-01', f.seller.actor);
    const receipt = await anApprovedReceipt(crm, f, order.id, 1_000_000);
    const lines = await crm.commissionRunning.lines(f.finance.actor, { personId: personOf(f.seller), month: '2026-11' });
    t.deepEqual(lines.map((l) => [l.kind, l.role, l.baseFen, l.rate, l.amountFen, l.schemeVersion, l.on]), [['accrual', 'owner', 1_000_000, '3', 30_000, 1, '2026-11-26']]);
    const head = await crm.commissionRunning.lines(f.finance.actor, { personId: personOf(f.manager), month: '2026-11' });
    t.deepEqual(head.map((l) => [l.role, l.baseFen, l.rate, l.amountFen]), [['head', 1_000_000, '0.5', 5_000]]);
    let mine = await crm.commissionRunning.person(f.seller.actor);
    t.like(mine, { month: '2026-11', creditedFen: 1_000_000, accruedFen: 30_000, earnedFen: 30_000, projectedFen: 30_000 });

    await crm.receipts.requestReversal(f.finance.actor, receipt.id, '客户退款');
    await decide(crm, f.finance.actor, receipt.id);
    const after = await crm.commissionRunning.lines(f.finance.actor, { personId: personOf(f.seller), month: '2026-11' });
    t.deepEqual(after.map((l) => [l.kind, l.amountFen, l.baseFen]), [['accrual', 30_000, 1_000_000], ['clawback', -30_000, -1_000_000]]);
    mine = await crm.commissionRunning.person(f.seller.actor);
    t.like(mine, { creditedFen: 0, accruedFen: 30_000, clawbackFen: -30_000, earnedFen: 0 });
    const rows = await crm.commissionRunning.list(f.finance.actor, { departmentId: f.departmentId });
    t.deepEqual(rows.rows.map((r) => [r.personName, r.creditedFen, r.earnedFen, r.lineCount]).sort(), [['李经理', 0, 0, 2], ['王强', 0, 0, 2]]);

    // Told again (a retried delivery): nothing is recorded twice.
    const listener = crm.container.getAll<ReceiptSettlementListener>(ReceiptSettlementListener)[0];
    const stored = await crm.receipts.get(f.finance.actor, receipt.id);
    await crm.database.knex.transaction(async (tx) => {
      await listener?.confirmed(tx as never, stored, new Date('2026-11-26T09:00:00Z'));
      await listener?.reversed(tx as never, stored, new Date('2026-11-26T09:00:00Z'));
    });
    t.is((await crm.commissionRunning.lines(f.finance.actor, { personId: personOf(f.seller), month: '2026-11' })).length, 2);
    t.like(await crm.commissionRunning.person(f.seller.actor), { accruedFen: 30_000, clawbackFen: -30_000, lineCount: 2 });
  });

  test.serial(`[${backend}] receipts confirmed in parallel each see the month before them: no tier on a stale total, nothing lost`, async (t) => {
    clock.set('2026-11-26T08:00:00Z');
    const f = await aCommissionFirm(crm);
    const orders = await Promise.all(Array.from({ length: 8 }, () => anOrderWithPlan(crm, f, 5_000_000, 1, '2026-12-01', f.seller.actor)));
    const receipts = [];
    for (const o of orders) receipts.push((await crm.receipts.create(f.finance.actor, aReceipt(o.id, 2_000_000), { submit: true })).receipt);
    await Promise.all(receipts.map((r) => decide(crm, f.finance.actor, r.id)));
    const lines = await crm.commissionRunning.lines(f.finance.actor, { personId: personOf(f.seller), month: '2026-11' });
    t.is(lines.length, 8);
    // Each receipt saw exactly the ones before it: the priors are 0, ¥20,000, … ¥140,000 in some order.
    t.deepEqual(lines.map((l) => l.priorFen).sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7].map((i) => i * 2_000_000));
    // ¥160,000 in all: the first five at 3 % (the fifth reaches exactly ¥100,000 → 4 %), whole mode.
    t.deepEqual(lines.map((l) => l.amountFen).sort((a, b) => a - b), [60_000, 60_000, 60_000, 60_000, 80_000, 80_000, 80_000, 80_000]);
    t.like(await crm.commissionRunning.person(f.seller.actor), { creditedFen: 16_000_000, accruedFen: 560_000, projectedTrueUpFen: 80_000, projectedFen: 640_000 });
    // The running row kept beside the lines says exactly what the lines say.
    const row = (await crm.commissionRunning.list(f.finance.actor, { month: '2026-11', departmentId: f.departmentId })).rows.find((r) => r.personId === personOf(f.seller));
    t.like(row, { creditedFen: lines.reduce((a, l) => a + l.baseFen, 0), accruedFen: lines.reduce((a, l) => a + l.amountFen, 0), lineCount: lines.length });
  });

  test.serial(`[${backend}] the inquiry's recorder and the order's owner share a receipt 70/30; a later version applies only to receipts confirmed after it`, async (t) => {
    clock.set('2026-11-26T08:00:00Z');
    const f = await aCommissionFirm(crm);
    const bringer = await f.firm.person(['sales'], { name: '赵来源' });
    const inquiryId = await anInquiry(crm, bringer.actor);
    await crm.pools.transfer(f.firm.admin, inquiryId, personOf(f.seller), '转给王强跟进');
    const order = await crm.orders.create(f.seller.actor, { inquiryId, title: '企业信用贷' });
    const v = (await crm.orderContracts.save(f.firm.admin, order.id, { version: order.version, ...aContract({ amountFen: 5_000_000 }) } as never)).version;
    await upload(crm, f.firm.admin, order.id, 'contract_scan', 'pdf');
    await crm.orderContracts.confirm(f.firm.admin, order.id, { version: v });
    await crm.collectionPlans.save(f.finance.actor, order.id, { version: 0, spec: { method: 'equal', count: 2, firstDueOn: '2026-12-01' } });
    await crm.commissionSchemes.addVersion(f.finance.actor, { ...SCHEME, version: 2, effectiveFrom: '2026-11-28', rules: [{ roleCode: 'sales', categoryCode: '*', tiers: [{ fromFen: 0, rate: '5' }] }] });

    await anApprovedReceipt(crm, f, order.id, 1_000_000);
    const nov26 = [...await crm.commissionRunning.lines(f.finance.actor, { personId: personOf(f.seller), month: '2026-11' }), ...await crm.commissionRunning.lines(f.finance.actor, { personId: personOf(bringer), month: '2026-11' })];
    t.deepEqual(nov26.map((l) => [l.role, l.share, l.baseFen, l.rate, l.amountFen, l.schemeVersion]), [['owner', '70', 700_000, '3', 21_000, 1], ['source', '30', 300_000, '3', 9_000, 1]]);

    clock.set('2026-11-28T08:00:00Z');
    await anApprovedReceipt(crm, f, order.id, 1_000_000, { receivedOn: '2026-11-27' });
    const owner = await crm.commissionRunning.lines(f.finance.actor, { personId: personOf(f.seller), month: '2026-11' });
    t.deepEqual(owner.map((l) => [l.on, l.rate, l.amountFen, l.schemeVersion]), [['2026-11-26', '3', 21_000, 1], ['2026-11-28', '5', 35_000, 2]]);
  });
}
