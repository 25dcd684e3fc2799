import test from 'ava';
import fc from 'fast-check';
import { isDomainError, type DomainError } from '../../../core/shared/domain-error.js';
import { allocate, openOn, type AllocationResult, type AllocationTarget } from '../../../core/collections/allocation.js';

const inst = (number: number, dueOn: string | null, amountFen: number, reservedFen = 0): AllocationTarget => ({ id: `i${number}`, number, dueOn, amountFen, reservedFen });
const plan = [inst(1, '2026-11-01', 300, 300), inst(2, '2026-12-01', 300, 100), inst(3, null, 200), inst(4, '2027-01-01', 200)];
const req = { instalments: plan, namedInstalmentId: null, overpaymentAllowed: false, markedOverpayment: false };

test('a receipt fills the oldest open instalment first, due on disbursement last, never beyond what each has open', (t) => {
  const r = allocate({ ...req, amountFen: 500 }) as AllocationResult;
  t.deepEqual(r, { allocations: [{ instalmentId: 'i2', amountFen: 200 }, { instalmentId: 'i4', amountFen: 200 }, { instalmentId: 'i3', amountFen: 100 }], excessFen: 0 });
});

test('a named instalment is filled first and the rest spills over oldest first', (t) => {
  const r = allocate({ ...req, amountFen: 250, namedInstalmentId: 'i4' }) as AllocationResult;
  t.deepEqual(r.allocations, [{ instalmentId: 'i4', amountFen: 200 }, { instalmentId: 'i2', amountFen: 50 }]);
  t.is((allocate({ ...req, amountFen: 1, namedInstalmentId: 'i1' }) as DomainError).code, 'collection.instalment_full');
  t.is((allocate({ ...req, amountFen: 1, namedInstalmentId: 'nope' }) as DomainError).code, 'collection.instalment_not_found');
});

test('more than is owed is an overpayment: refused unless the tenant allows it and the receipt is marked', (t) => {
  const refused = allocate({ ...req, amountFen: 601 }) as DomainError;
  t.is(refused.code, 'collection.overpayment');
  t.deepEqual(refused.details, { amountFen: 601, owedFen: 600, overpaymentAllowed: false });
  t.is((allocate({ ...req, amountFen: 601, overpaymentAllowed: true }) as DomainError).code, 'collection.overpayment');
  t.is((allocate({ ...req, amountFen: 601, markedOverpayment: true }) as DomainError).code, 'collection.overpayment');
  const allowed = allocate({ ...req, amountFen: 601, overpaymentAllowed: true, markedOverpayment: true }) as AllocationResult;
  t.is(allowed.excessFen, 1);
  t.is(allowed.allocations.reduce((s, a) => s + a.amountFen, 0), 600);
  t.is((allocate({ ...req, amountFen: 0 }) as DomainError).code, 'receipt.invalid_amount');
});

const instalmentsArb = fc.array(
  fc.record({ amountFen: fc.integer({ min: 1, max: 1_000_000 }), share: fc.integer({ min: 0, max: 100 }), day: fc.integer({ min: 1, max: 28 }), dated: fc.boolean() }),
  { minLength: 1, maxLength: 12 },
).map((xs) => xs.map((x, i) => inst(i + 1, x.dated ? `2026-12-${String(x.day).padStart(2, '0')}` : null, x.amountFen, Math.floor((x.amountFen * x.share) / 100))));

test('property: allocations never exceed an instalment, and allocations plus excess equal the amount (or it is rejected)', (t) => {
  fc.assert(fc.property(instalmentsArb, fc.integer({ min: 1, max: 15_000_000 }), fc.boolean(), fc.boolean(), fc.option(fc.nat({ max: 11 })), (instalments, amountFen, allowed, marked, named) => {
    const namedId = named === null ? null : (instalments[named]?.id ?? null);
    const r = allocate({ amountFen, instalments, namedInstalmentId: namedId, overpaymentAllowed: allowed, markedOverpayment: marked });
    const open = instalments.reduce((s, i) => s + openOn(i), 0);
    if (isDomainError(r)) {
      if (r.code === 'collection.instalment_full') return namedId !== null && openOn(instalments.find((i) => i.id === namedId) as AllocationTarget) === 0;
      return r.code === 'collection.overpayment' && amountFen > open && !(allowed && marked);
    }
    const byId = new Map(instalments.map((i) => [i.id, i]));
    const within = r.allocations.every((a) => a.amountFen > 0 && a.amountFen <= openOn(byId.get(a.instalmentId) as AllocationTarget));
    const distinct = new Set(r.allocations.map((a) => a.instalmentId)).size === r.allocations.length;
    const total = r.allocations.reduce((s, a) => s + a.amountFen, 0) + r.excessFen === amountFen;
    const excessOnlyWhenFull = r.excessFen === 0 || (r.excessFen === amountFen - open && allowed && marked);
    return within && distinct && total && excessOnlyWhenFull;
  }), { numRuns: 500 });
  t.pass();
});
