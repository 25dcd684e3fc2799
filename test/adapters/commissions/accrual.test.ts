// Commission lines against the database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): a confirmed
// receipt accrues in the deciding transaction, a reversal claws back exactly, concurrent confirmations read
// each other's month-to-date totals in turn, and a confirmation told twice records nothing the second time.
import test from 'ava';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import { ReceiptSettlementListener } from '../../../core/collections/ports.js';
import { backends } from '../../support/database.js';
import { testCrm } from '../../support/crm.js';
import { TickingClock, aReceipt, anApprovedReceipt, anOrderWithPlan, decide } from '../collections/builders.js';
import { aCommissionFirm, personOf } from './builders.js';

for (const backend of backends()) {
  let crm: Crm;
  test.before(async () => {
    crm = await testCrm(backend, { clock: new TickingClock() });
  });
  test.after.always(async () => {
    await crm?.close();
  });

  test.serial(`[${backend}] a confirmed receipt accrues the owner's and the head's lines; its reversal claws them back exactly`, async (t) => {
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
  });
}
