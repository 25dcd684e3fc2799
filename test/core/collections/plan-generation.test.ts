import test from 'ava';
import fc from 'fast-check';
import { isDomainError, type DomainError } from '../../../core/shared/domain-error.js';
import { addMonthsToDate, equalSplit, generateInstalments, shareSplit, toBasisPoints } from '../../../core/collections/plan-generation.js';
import type { InstalmentDraft } from '../../../core/collections/types.js';

const sum = (xs: readonly { amountFen: number }[]): number => xs.reduce((s, x) => s + x.amountFen, 0);
const ok = (r: InstalmentDraft[] | DomainError): InstalmentDraft[] => {
  if (isDomainError(r)) throw r;
  return r;
};

test('an equal split rounds each instalment down to the fen and puts the remainder on the last', (t) => {
  t.deepEqual(equalSplit(100, 3), [33, 33, 34]);
  t.deepEqual(equalSplit(20_000_000, 3), [6_666_666, 6_666_666, 6_666_668]);
  t.deepEqual(equalSplit(5, 5), [1, 1, 1, 1, 1]);
  t.deepEqual(equalSplit(7, 1), [7]);
});

test('equal instalments fall due month after month from the first date, the 31st clamped to the month end', (t) => {
  const plan = ok(generateInstalments({ method: 'equal', count: 4, firstDueOn: '2026-01-31' }, 100_000));
  t.deepEqual(plan.map((i) => i.dueOn), ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
  t.deepEqual(plan.map((i) => i.amountFen), [25_000, 25_000, 25_000, 25_000]);
  const quarterly = ok(generateInstalments({ method: 'equal', count: 2, firstDueOn: '2026-11-30', intervalMonths: 3 }, 3));
  t.deepEqual(quarterly, [{ dueOn: '2026-11-30', amountFen: 1, onDisbursement: false }, { dueOn: '2027-02-28', amountFen: 2, onDisbursement: false }]);
});

test('addMonthsToDate handles leap years and year ends', (t) => {
  const table: [string, number, string][] = [
    ['2024-01-31', 1, '2024-02-29'], ['2025-01-31', 1, '2025-02-28'], ['2026-12-15', 1, '2027-01-15'], ['2026-03-31', -1, '2026-02-28'], ['2026-05-10', 0, '2026-05-10'],
  ];
  for (const [from, months, to] of table) t.is(addMonthsToDate(from, months), to, `${from} + ${months}`);
});

test('percentages must add up to 100 with at most two decimals; amounts round down and the last takes the remainder', (t) => {
  const plan = ok(generateInstalments({ method: 'percentages', shares: [{ percent: 33.33, dueOn: '2026-12-01' }, { percent: 33.33, dueOn: '2027-01-01' }, { percent: 33.34, dueOn: '2027-02-01' }] }, 100_001));
  t.deepEqual(plan.map((i) => i.amountFen), [33_330, 33_330, 33_341]);
  t.is(sum(plan), 100_001);
  const off = generateInstalments({ method: 'percentages', shares: [{ percent: 50, dueOn: '2026-12-01' }, { percent: 40, dueOn: '2027-01-01' }] }, 1000);
  t.is((off as DomainError).code, 'collection.percentages_not_100');
  const tooFine = generateInstalments({ method: 'percentages', shares: [{ percent: 33.333, dueOn: '2026-12-01' }, { percent: 66.667, dueOn: '2027-01-01' }] }, 1000);
  t.deepEqual((tooFine as DomainError).fieldErrors.map((f) => f.path), ['/shares/0/percent', '/shares/1/percent']);
  t.is(toBasisPoints(12.5), 1250);
  t.is(toBasisPoints(0), null);
});

test('a deposit plan is the deposit on its date and the rest due on disbursement, by amount or by percent', (t) => {
  t.deepEqual(ok(generateInstalments({ method: 'deposit', depositFen: 5_000_000, depositDueOn: '2026-12-01' }, 20_000_000)), [
    { dueOn: '2026-12-01', amountFen: 5_000_000, onDisbursement: false },
    { dueOn: null, amountFen: 15_000_000, onDisbursement: true },
  ]);
  t.deepEqual(ok(generateInstalments({ method: 'deposit', depositPercent: 30, depositDueOn: '2026-12-01' }, 1001)).map((i) => i.amountFen), [300, 701]);
  const both = generateInstalments({ method: 'deposit', depositFen: 1, depositPercent: 1, depositDueOn: '2026-12-01' }, 1000) as DomainError;
  t.is(both.code, 'validation.failed');
  const all = generateInstalments({ method: 'deposit', depositFen: 1000, depositDueOn: '2026-12-01' }, 1000) as DomainError;
  t.deepEqual(all.fieldErrors.map((f) => f.code), ['out_of_range']);
});

test('instalments entered by hand need positive amounts and dates (or due on disbursement)', (t) => {
  const bad = generateInstalments({ method: 'manual', instalments: [{ dueOn: '2026-02-30', amountFen: 1 }, { dueOn: null, amountFen: 0 }] }, 1) as DomainError;
  t.deepEqual(bad.fieldErrors.map((f) => `${f.path}:${f.code}`), ['/instalments/0/dueOn:invalid_date', '/instalments/1/amountFen:not_positive', '/instalments/1/dueOn:required']);
  t.deepEqual(ok(generateInstalments({ method: 'manual', instalments: [{ dueOn: null, amountFen: 5, onDisbursement: true }] }, 5)), [{ dueOn: null, amountFen: 5, onDisbursement: true }]);
});

test('nothing to plan and more instalments than fen are refused', (t) => {
  t.is((generateInstalments({ method: 'equal', count: 2, firstDueOn: '2026-12-01' }, 0) as DomainError).code, 'collection.nothing_to_plan');
  t.deepEqual((generateInstalments({ method: 'equal', count: 3, firstDueOn: '2026-12-01' }, 2) as DomainError).fieldErrors.map((f) => f.code), ['too_many']);
});

test('a spec that leaves out the list its method needs is refused at that field, never a crash', (t) => {
  // What an API body or a host's call may send: found by the HTTP fuzz (POST …/collection-plan/preview).
  const shares = generateInstalments({ method: 'percentages', count: 70, firstDueOn: '2026-05-01' } as never, 100);
  t.true(isDomainError(shares));
  t.deepEqual((shares as DomainError).fieldErrors.map((f) => f.path), ['/shares']);
  const manual = generateInstalments({ method: 'manual' } as never, 100);
  t.true(isDomainError(manual));
  t.true((manual as DomainError).fieldErrors.length > 0);
});

test('property: every generated plan adds up exactly to the total, each instalment positive, the remainder only on the last', (t) => {
  const total = fc.integer({ min: 1, max: 9_000_000_000_000 });
  fc.assert(fc.property(total, fc.integer({ min: 1, max: 120 }), (fen, count) => {
    fc.pre(count <= fen);
    const amounts = equalSplit(fen, count);
    const base = Math.floor(fen / count);
    return sum(amounts.map((amountFen) => ({ amountFen }))) === fen && amounts.slice(0, -1).every((a) => a === base) && (amounts.at(-1) as number) - base < count;
  }));
  const shares = fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 30 }).map((ws) => {
    const s = ws.reduce((a, b) => a + b, 0);
    const bps = ws.map((w) => Math.floor((w * 10000) / s));
    bps[bps.length - 1] = 10000 - bps.slice(0, -1).reduce((a, b) => a + b, 0);
    return bps;
  });
  fc.assert(fc.property(total, shares, (fen, bps) => {
    fc.pre(bps.every((b) => b > 0));
    const amounts = shareSplit(fen, bps);
    const exact = amounts.reduce((a, b) => a + b, 0) === fen;
    const roundedDown = amounts.slice(0, -1).every((a, i) => a === Number((BigInt(fen) * BigInt(bps[i] as number)) / 10000n));
    return exact && roundedDown;
  }));
  t.pass();
});
