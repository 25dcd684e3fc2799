import test from 'ava';
import { accrueReceipt, clawbackLines, linesNotYetRecorded, type CommissionLine } from '../../../core/commissions/index.js';
import { DomainError, isDomainError } from '../../../core/shared/domain-error.js';
import { LI, Ledger, SUN, V1, V1_MARGINAL, WANG, YUAN, receipt, version, V1_INPUT } from './fixtures.js';

function accrue(...args: Parameters<typeof accrueReceipt>): CommissionLine[] {
  const r = accrueReceipt(...args);
  if (isDomainError(r)) throw r;
  return r;
}

const pick = (l: CommissionLine) => ({ personId: l.personId, role: l.role, baseFen: l.baseFen, share: l.share, rate: l.rate, tier: l.tier, amountFen: l.amountFen });

test('worked example 1: ¥10,000 split 70/30 at 3 %, and the head\'s 0.5 % on top', (t) => {
  const r = receipt('r1', 10_000 * YUAN, '2026-03-05', { source: WANG, departmentHead: LI });
  const lines = accrue(r, [V1], {});
  t.deepEqual(lines.map(pick), [
    { personId: 'u-sun', role: 'owner', baseFen: 7_000 * YUAN, share: '70', rate: '3', tier: 1, amountFen: 210 * YUAN },
    { personId: 'u-wang', role: 'source', baseFen: 3_000 * YUAN, share: '30', rate: '3', tier: 1, amountFen: 90 * YUAN },
    { personId: 'u-li', role: 'head', baseFen: 10_000 * YUAN, share: '100', rate: '0.5', tier: 1, amountFen: 50 * YUAN },
  ]);
  t.deepEqual(lines.map((l) => l.id), ['accrual:r1:u-sun:owner', 'accrual:r1:u-wang:source', 'accrual:r1:u-li:head']);
  for (const l of lines) {
    t.is(l.schemeVersion, 1);
    t.is(l.month, '2026-03');
    t.is(l.on, '2026-03-05');
    t.is(l.receiptFen, 10_000 * YUAN);
    t.is(l.kind, 'accrual');
  }
});

test('worked example 2: ¥333.33 — the split gives the odd fen to the larger remainder, each amount rounds half-up', (t) => {
  const lines = accrue(receipt('r2', 33_333, '2026-03-05', { source: WANG, departmentHead: LI }), [V1], {});
  t.deepEqual(lines.map((l) => [l.baseFen, l.amountFen]), [
    [23_333, 700], // 23,333.1 → 23,333 fen credited; × 3 % = 699.99 → 700
    [10_000, 300], // 9,999.9 → 10,000 (takes the odd fen); × 3 % = 300
    [33_333, 167], // × 0.5 % = 166.665 → 167
  ]);
});

test('a half fen rounds up: ¥0.50 at 3 % is 1.5 fen → 2 fen', (t) => {
  t.is(accrue(receipt('r', 50, '2026-03-05'), [V1], {})[0]?.amountFen, 2);
});

test('without a source the owner is credited the whole receipt; the head who owns the order gets no override', (t) => {
  const head = { ...SUN };
  const lines = accrue(receipt('r', 10_000 * YUAN, '2026-03-05', { departmentHead: head }), [V1], {});
  t.deepEqual(lines.map(pick), [{ personId: 'u-sun', role: 'owner', baseFen: 10_000 * YUAN, share: '100', rate: '3', tier: 1, amountFen: 300 * YUAN }]);
});

test('the category picks the rule and the override: 税贷 pays the sales role a flat 3.5 % and the head 1 %', (t) => {
  const lines = accrue(receipt('r', 10_000 * YUAN, '2026-03-05', { categoryCode: 'tax_loan', departmentHead: LI }), [V1], {});
  t.deepEqual(lines.map((l) => [l.role, l.rate, l.amountFen]), [['owner', '3.5', 350 * YUAN], ['head', '1', 100 * YUAN]]);
});

test('a person whose role the scheme does not pay gets no line; a receipt before the first scheme accrues nothing', (t) => {
  const intern = { personId: 'u-new', roleCode: 'intern', departmentId: 'd-1' };
  t.deepEqual(accrue(receipt('r', 10_000 * YUAN, '2026-03-05', { source: intern }), [V1], {}).map((l) => l.personId), ['u-sun']);
  t.deepEqual(accrue(receipt('r', 10_000 * YUAN, '2025-12-31'), [V1], {}), []);
});

test('the month-to-date total picks the running tier: ¥50,000 on top of ¥80,000 reaches the ¥100,000 tier (全额: 4 % on all of it)', (t) => {
  const [line] = accrue(receipt('r', 50_000 * YUAN, '2026-03-20'), [V1], { 'u-sun': 80_000 * YUAN });
  t.deepEqual(line && { ...pick(line), priorFen: line.priorFen }, { personId: 'u-sun', role: 'owner', baseFen: 50_000 * YUAN, share: '100', rate: '4', tier: 2, amountFen: 2_000 * YUAN, priorFen: 80_000 * YUAN });
});

test('超额累进: the same receipt pays ¥20,000 at 3 % and ¥30,000 at 4 % = ¥1,800', (t) => {
  const [line] = accrue(receipt('r', 50_000 * YUAN, '2026-03-20'), [V1_MARGINAL], { 'u-sun': 80_000 * YUAN });
  t.is(line?.amountFen, 1_800 * YUAN);
  t.is(line?.tier, 2);
  t.is(line?.tierMode, 'marginal');
});

test('reaching a tier exactly counts: ¥100,000 in the month is the 4 % tier', (t) => {
  t.is(accrue(receipt('r', 20_000 * YUAN, '2026-03-20'), [V1], { 'u-sun': 80_000 * YUAN })[0]?.rate, '4');
  t.is(accrue(receipt('r', 1_999_999, '2026-03-20'), [V1], { 'u-sun': 80_000 * YUAN })[0]?.rate, '3');
});

test('the version in force on the confirmation day is the one recorded: a change applies from its effective date', (t) => {
  const v2 = version({ ...V1_INPUT, version: 2, effectiveFrom: '2026-04-01', split: { ownerShare: '60', sourceShare: '40' } });
  const before = accrue(receipt('r', 10_000 * YUAN, '2026-03-31', { source: WANG }), [V1, v2], {});
  const after = accrue(receipt('r', 10_000 * YUAN, '2026-04-01', { source: WANG }), [V1, v2], {});
  t.deepEqual(before.map((l) => [l.schemeVersion, l.baseFen]), [[1, 7_000 * YUAN], [1, 3_000 * YUAN]]);
  t.deepEqual(after.map((l) => [l.schemeVersion, l.baseFen]), [[2, 6_000 * YUAN], [2, 4_000 * YUAN]]);
});

test('the same person as owner and source: two lines, the second reading the first into its running total', (t) => {
  const lines = accrue(receipt('r', 150_000 * YUAN, '2026-03-05', { source: SUN }), [V1], {});
  t.deepEqual(lines.map((l) => [l.id, l.priorFen, l.baseFen, l.rate]), [
    ['accrual:r:u-sun:owner', 0, 105_000 * YUAN, '4'],
    ['accrual:r:u-sun:source', 105_000 * YUAN, 45_000 * YUAN, '4'],
  ]);
});

test('a person id that is also an object key reads as nothing credited yet', (t) => {
  const odd = { personId: 'constructor', roleCode: 'sales', departmentId: null };
  t.is(accrue(receipt('r', 10_000 * YUAN, '2026-03-05', { owner: odd }), [V1], {})[0]?.amountFen, 300 * YUAN);
});

test('a bad receipt is refused with field errors and accrues nothing', (t) => {
  const r = accrueReceipt(receipt('r', 0, '2026-3-5'), [V1], {});
  t.true(r instanceof DomainError);
  t.deepEqual((r as DomainError).fieldErrors.map((f) => [f.path, f.code]), [['/amountFen', 'not_positive'], ['/confirmedOn', 'invalid_date']]);
});

test('accruing the same receipt twice gives the same lines, and the store adds them only once', (t) => {
  const r = receipt('r1', 10_000 * YUAN, '2026-03-05', { source: WANG, departmentHead: LI });
  const first = accrue(r, [V1], { 'u-sun': 5 * YUAN });
  t.deepEqual(accrue(r, [V1], { 'u-sun': 5 * YUAN }), first);
  t.deepEqual(linesNotYetRecorded(first, first), []);
  const ledger = new Ledger([V1]);
  ledger.confirm(r);
  ledger.confirm(r);
  t.is(ledger.lines.length, 3);
});

test('a reversal negates every accrued line exactly, in the month of the reversal, under deterministic ids', (t) => {
  const accrued = accrue(receipt('r1', 10_000 * YUAN, '2026-03-05', { source: WANG, departmentHead: LI }), [V1], {});
  const back = clawbackLines(accrued, 'r1', '2026-04-02');
  t.deepEqual(back.map((l) => [l.id, l.kind, l.month, l.on, l.baseFen, l.amountFen, l.rate, l.schemeVersion]), [
    ['clawback:r1:u-sun:owner', 'clawback', '2026-04', '2026-04-02', -7_000 * YUAN, -210 * YUAN, '3', 1],
    ['clawback:r1:u-wang:source', 'clawback', '2026-04', '2026-04-02', -3_000 * YUAN, -90 * YUAN, '3', 1],
    ['clawback:r1:u-li:head', 'clawback', '2026-04', '2026-04-02', -10_000 * YUAN, -50 * YUAN, '0.5', 1],
  ]);
  t.is([...accrued, ...back].reduce((a, l) => a + l.amountFen, 0), 0);
  t.deepEqual(clawbackLines(accrued, 'r-other', '2026-04-02'), []);
  t.true(Object.is(clawbackLines(accrue(receipt('z', 1, '2026-03-05'), [V1], {}), 'z', '2026-03-06')[0]?.amountFen, 0), 'a zero line claws back +0, not −0');
});
