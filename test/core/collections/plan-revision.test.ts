import test from 'ava';
import fc from 'fast-check';
import type { DomainError } from '../../../core/shared/domain-error.js';
import { isLocked, openAmount, revisePlan, type PlannedInstalment } from '../../../core/collections/plan-revision.js';
import type { Instalment } from '../../../core/collections/types.js';

const inst = (number: number, dueOn: string | null, amountFen: number, reservedFen = 0, collectedFen = 0): Instalment => ({
  tenantId: 't', id: `i${number}`, orderId: 'o', number, dueOn, amountFen, onDisbursement: dueOn === null, reservedFen, collectedFen,
});

test('a new plan must add up to the receivable, else collection.plan_total_mismatch with the difference', (t) => {
  const r = revisePlan([], [{ dueOn: '2026-12-01', amountFen: 100, onDisbursement: false }], 150) as DomainError;
  t.is(r.code, 'collection.plan_total_mismatch');
  t.deepEqual(r.details, { expectedFen: 150, actualFen: 100, differenceFen: 50 });
});

test('a revision keeps instalments holding money as they are, replaces the rest and numbers all by due date', (t) => {
  const current = [inst(1, '2026-11-01', 300, 300, 300), inst(2, '2026-12-01', 300, 100, 0), inst(3, '2027-01-01', 400)];
  t.deepEqual(current.map(isLocked), [true, true, false]);
  t.is(openAmount(current, 1000), 400);
  const planned = revisePlan(current, [{ dueOn: '2026-10-15', amountFen: 150, onDisbursement: false }, { dueOn: null, amountFen: 250, onDisbursement: true }], 1000) as PlannedInstalment[];
  t.deepEqual(planned.map((p) => [p.number, p.id, p.dueOn, p.amountFen, p.locked]), [
    [1, null, '2026-10-15', 150, false],
    [2, 'i1', '2026-11-01', 300, true],
    [3, 'i2', '2026-12-01', 300, true],
    [4, null, null, 250, false],
  ]);
});

test('a revision that would leave the plan short of or over the receivable is refused', (t) => {
  const current = [inst(1, '2026-11-01', 300, 300, 300), inst(2, '2026-12-01', 700)];
  t.is((revisePlan(current, [{ dueOn: '2027-01-01', amountFen: 600, onDisbursement: false }], 1000) as DomainError).code, 'collection.plan_total_mismatch');
  // Everything locked already covers the receivable: no new instalments is right.
  t.deepEqual((revisePlan([inst(1, '2026-11-01', 1000, 1000)], [], 1000) as PlannedInstalment[]).map((p) => p.id), ['i1']);
});

test('property: a saved plan adds up to the receivable and never changes a locked instalment', (t) => {
  const arb = fc.record({
    locked: fc.array(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 5 }),
    open: fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 8 }),
    extra: fc.integer({ min: -3, max: 3 }),
  });
  fc.assert(fc.property(arb, ({ locked, open, extra }) => {
    const current = locked.map((a, i) => inst(i + 1, `2026-0${(i % 9) + 1}-01`, a, a, 0));
    const receivable = [...locked, ...open].reduce((s, x) => s + x, 0) + extra;
    const r = revisePlan(current, open.map((a, i) => ({ dueOn: `2027-0${(i % 9) + 1}-15`, amountFen: a, onDisbursement: false })), receivable);
    if (extra !== 0) return (r as DomainError).code === 'collection.plan_total_mismatch';
    const planned = r as PlannedInstalment[];
    const kept = planned.filter((p) => p.locked);
    return planned.reduce((s, p) => s + p.amountFen, 0) === receivable
      && kept.length === current.length
      && kept.every((p) => { const c = current.find((x) => x.id === p.id); return c !== undefined && c.amountFen === p.amountFen && c.dueOn === p.dueOn; })
      && planned.map((p) => p.number).join() === planned.map((_, i) => i + 1).join();
  }));
  t.pass();
});
