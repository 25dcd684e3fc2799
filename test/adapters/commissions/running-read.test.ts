// 本月提成 read without the head's override lines (issue 16 bench: a department head's month is thousands of
// them): the figure from the owner and source lines plus the running row equals the figure computed from every
// line of the month, for random receipts and reversals (including the head's overrides and reversals in a later
// month), on PGlite and PostgreSQL; through the receipt flow a clawback of an override is reflected.
import test from 'ava';
import fc from 'fast-check';
import type { Knex } from 'knex';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import { CommissionRepository } from '../../../core/commissions/ports.js';
import { accrueReceipt } from '../../../core/commissions/accrual.js';
import { clawbackLines } from '../../../core/commissions/clawback.js';
import { monthOf } from '../../../core/commissions/month.js';
import { runningDelta } from '../../../core/commissions/receipt-commissions.js';
import { runningCommission, runningCommissionOf } from '../../../core/commissions/running.js';
import type { Participant } from '../../../core/commissions/types.js';
import type { Tx } from '../../../core/shared/ports.js';
import { backends } from '../../support/database.js';
import { testCrm } from '../../support/crm.js';
import { TickingClock, aReceipt, anApprovedReceipt, anOrderWithPlan, decide } from '../collections/builders.js';
import { aCommissionFirm, personOf } from './builders.js';

const MONTHS = ['2026-11', '2026-12'];
const dayOf = (i: number) => (i < 30 ? `2026-11-${String(i + 1).padStart(2, '0')}` : `2026-12-${String(i - 29).padStart(2, '0')}`);

for (const backend of backends()) {
  let crm: Crm;
  const clock = new TickingClock();
  test.before(async () => {
    crm = await testCrm(backend, { clock });
  });
  test.after.always(async () => {
    await crm?.close();
  });

  test.serial(`[${backend}] property: the running figure read without override lines equals the one from every line`, async (t) => {
    clock.set('2026-11-26T08:00:00Z');
    const f = await aCommissionFirm(crm);
    const bringer = await f.firm.person(['sales'], { departmentId: f.departmentId, name: '赵来源' });
    const tenantId = f.firm.admin.tenantId;
    const repo = crm.container.get<CommissionRepository>(CommissionRepository);
    const history = await repo.versions(crm.database.knex as unknown as Tx, tenantId);
    // Receipts stored but not confirmed: the lines below name them (foreign key); each run is rolled back.
    const receiptIds: string[] = [];
    for (let i = 0; i < 6; i++) {
      const order = await anOrderWithPlan(crm, f, 50_000_000, 1, '2026-12-01', f.seller.actor);
      receiptIds.push((await crm.receipts.create(f.finance.actor, aReceipt(order.id, 1_000_000), { submit: true })).receipt.id);
    }
    const seller: Participant = { personId: personOf(f.seller), roleCode: 'sales', departmentId: f.departmentId };
    const other: Participant = { personId: personOf(bringer), roleCode: 'sales', departmentId: f.departmentId };
    const head: Participant = { personId: personOf(f.manager), roleCode: 'manager', departmentId: f.departmentId };
    const people = [seller, other, head];

    const aReceiptEvent = fc.record({
      amountFen: fc.integer({ min: 1, max: 30_000_000 }),
      day: fc.integer({ min: 0, max: 59 }),
      owner: fc.constantFrom(0, 1, 2),
      source: fc.constantFrom(null, 0, 1),
      reversedAfter: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    });
    let runs = 0;
    await fc.assert(fc.asyncProperty(fc.array(aReceiptEvent, { minLength: 1, maxLength: receiptIds.length }), async (receipts) => {
      const trx = await crm.database.knex.transaction();
      const tx = trx as unknown as Tx;
      const at = new Date('2026-11-01T08:00:00Z');
      try {
        // Confirmations and reversals in day order (a confirmation before a reversal of the same day), as the receipt flow records them.
        const events = receipts.flatMap((r, i) => [
          { day: r.day, kind: 0, i }, ...(r.reversedAfter === null ? [] : [{ day: Math.min(59, r.day + r.reversedAfter), kind: 1, i }]),
        ]).sort((a, b) => a.day - b.day || a.kind - b.kind || a.i - b.i);
        for (const e of events) {
          const r = receipts[e.i]!;
          const receiptId = receiptIds[e.i]!;
          const on = dayOf(e.day);
          if (e.kind === 0) {
            const owner = people[r.owner]!;
            const source = r.source === null || r.source === r.owner ? null : people[r.source]!;
            const involved = [owner, ...(source ? [source] : []), head];
            const running = await repo.lockRunning(tx, tenantId, monthOf(on), involved, at);
            const lines = accrueReceipt(
              { receiptId, orderId: receiptId, amountFen: r.amountFen, confirmedOn: on, categoryCode: '*', owner, source, departmentHead: head },
              history, Object.fromEntries([...running].map(([id, row]) => [id, row.creditedFen])),
            );
            if (!Array.isArray(lines)) throw new Error('refused');
            // order_id is not a foreign key; the receipt's id stands in for it.
            for (const l of await repo.insertLines(tx, tenantId, lines, at)) await repo.addRunning(tx, tenantId, runningDelta(l, monthOf(on)), at);
          } else {
            const accrued = await repo.accrualsOfReceipt(tx, tenantId, receiptId);
            const lines = clawbackLines(accrued, receiptId, on);
            await repo.lockRunning(tx, tenantId, monthOf(on), lines.map((l) => ({ personId: l.personId, departmentId: l.departmentId })), at);
            for (const l of await repo.insertLines(tx, tenantId, lines, at)) await repo.addRunning(tx, tenantId, runningDelta(l, accrued[0]?.month ?? ''), at);
          }
        }
        for (const p of people) {
          for (const month of MONTHS) {
            const all = await repo.linesOf(tx, tenantId, p.personId, month);
            const credited = await repo.creditedLinesOf(tx, tenantId, p.personId, month);
            const total = await repo.running(tx, tenantId, p.personId, month);
            const { override, ...figure } = runningCommissionOf(credited, total, p.personId, month, history);
            t.deepEqual(figure, runningCommission(all, p.personId, month, history));
            t.true(credited.every((l) => l.role !== 'head'));
            const overrides = all.filter((l) => l.role === 'head');
            t.deepEqual(override, {
              accruedFen: overrides.filter((l) => l.kind === 'accrual').reduce((a, l) => a + l.amountFen, 0),
              clawbackFen: overrides.filter((l) => l.kind === 'clawback').reduce((a, l) => a + l.amountFen, 0),
              lineCount: overrides.length,
            });
          }
        }
        runs++;
      } finally {
        await trx.rollback();
      }
    }), { numRuns: 25 });
    t.is(runs, 25);
  });

  test.serial(`[${backend}] a department head's running figure carries the overrides from the running row; a reversal claws them back`, async (t) => {
    clock.set('2026-11-26T08:00:00Z');
    const f = await aCommissionFirm(crm);
    const receipts = [];
    for (const amount of [2_000_000, 3_000_000, 5_000_000]) {
      const order = await anOrderWithPlan(crm, f, 50_000_000, 1, '2026-12-01', f.seller.actor);
      receipts.push(await anApprovedReceipt(crm, f, order.id, amount));
    }
    const head = await crm.commissionRunning.person(f.finance.actor, { personId: personOf(f.manager), month: '2026-11' });
    // 0.5 % of ¥100,000 in all; the head owns no order, so nothing of the month is credited to them.
    t.like(head, { creditedFen: 0, accruedFen: 50_000, clawbackFen: 0, earnedFen: 50_000, projectedTrueUpFen: 0, projectedFen: 50_000, lineCount: 3 });
    t.deepEqual(head.override, { accruedFen: 50_000, clawbackFen: 0, lineCount: 3 });
    t.deepEqual(
      (await crm.commissionRunning.person(f.finance.actor, { personId: personOf(f.seller), month: '2026-11' })).override,
      { accruedFen: 0, clawbackFen: 0, lineCount: 0 },
    );

    await crm.receipts.requestReversal(f.finance.actor, receipts[1]!.id, '客户退款');
    await decide(crm, f.finance.actor, receipts[1]!.id);
    const after = await crm.commissionRunning.person(f.finance.actor, { personId: personOf(f.manager), month: '2026-11' });
    t.like(after, { accruedFen: 50_000, clawbackFen: -15_000, earnedFen: 35_000, projectedFen: 35_000, lineCount: 4 });
    t.deepEqual(after.override, { accruedFen: 50_000, clawbackFen: -15_000, lineCount: 4 });
    // The same as the figure of every line of the month.
    const all = await crm.commissionRunning.lines(f.finance.actor, { personId: personOf(f.manager), month: '2026-11' });
    const history = await crm.container.get<CommissionRepository>(CommissionRepository).versions(crm.database.knex as unknown as Tx, f.firm.admin.tenantId);
    const { override: _o, personName: _n, departmentId: _d, asOf: _a, ...figure } = after;
    t.deepEqual(figure, runningCommission(all, personOf(f.manager), '2026-11', history));
    // The seller's figure (tiers, the projected true-up after the reversal) is unchanged too.
    const seller = await crm.commissionRunning.person(f.finance.actor, { personId: personOf(f.seller), month: '2026-11' });
    const sellerLines = await crm.commissionRunning.lines(f.finance.actor, { personId: personOf(f.seller), month: '2026-11' });
    const { override: _o2, personName: _n2, departmentId: _d2, asOf: _a2, ...sellerFigure } = seller;
    t.deepEqual(sellerFigure, runningCommission(sellerLines, personOf(f.seller), '2026-11', history));
  });
}

// The partial index the running figure's query uses exists (and only skips the override lines).
test('the credited lines of a person\'s month have their own partial index', async (t) => {
  const crm = await testCrm('pglite');
  try {
    const r = await (crm.database.knex as Knex).raw(`select indexdef from pg_indexes where indexname = 'commission_lines_credited'`);
    t.regex(String(r.rows[0]?.indexdef ?? ''), /\(tenant_id, person_id, month, dated_on, id\) WHERE \(role <> 'head'::text\)/);
  } finally {
    await crm.close();
  }
});
