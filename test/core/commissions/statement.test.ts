import test from 'ava';
import {
  STATEMENT_MACHINE, addAdjustment, statementOutcomeEvent, departmentStatement, drawUpStatement, fireStatement, moveStatement, redrawStatement, removeAdjustment,
  runningCommission, type PersonStatement, type StatementStatus,
} from '../../../core/commissions/index.js';
import { DomainError, isDomainError } from '../../../core/shared/domain-error.js';
import { eventsFrom, validateMachine } from '../../../core/shared/state-machine.js';
import { LI, Ledger, SUN, V1, V1_MARGINAL, WANG, YUAN, receipt } from './fixtures.js';

function statement(ledger: Ledger, personId: string, month: string): PersonStatement {
  const s = drawUpStatement({ personId, departmentId: 'd-1', month, lines: ledger.lines, history: ledger.history });
  if (isDomainError(s)) throw s;
  return s;
}
function ok<T>(r: T | DomainError): T {
  if (isDomainError(r)) throw r;
  return r;
}

/** March for 孙露露: ¥80,000 on the 5th, ¥50,000 on the 20th, no source. */
function march(history = [V1]): Ledger {
  const ledger = new Ledger(history);
  ledger.confirm(receipt('r1', 80_000 * YUAN, '2026-03-05'));
  ledger.confirm(receipt('r2', 50_000 * YUAN, '2026-03-20'));
  return ledger;
}

test('worked example 3 (全额累进): the month reaches ¥130,000, so all of it is paid at 4 % — a true-up of ¥800 on the first receipt', (t) => {
  const s = statement(march(), 'u-sun', '2026-03');
  t.deepEqual(s.lines.map((l) => [l.kind, l.on, l.baseFen, l.rate, l.amountFen]), [
    ['accrual', '2026-03-05', 80_000 * YUAN, '3', 2_400 * YUAN],
    ['accrual', '2026-03-20', 50_000 * YUAN, '4', 2_000 * YUAN],
    ['true_up', '2026-03-31', 130_000 * YUAN, '4', 800 * YUAN],
  ]);
  t.is(s.lines[2]?.id, 'true_up:2026-03:u-sun:owner:v1:sales/*');
  t.deepEqual(s.totals, { creditedFen: 130_000 * YUAN, accruedFen: 4_400 * YUAN, clawbackFen: 0, trueUpFen: 800 * YUAN, adjustmentFen: 0, totalFen: 5_200 * YUAN });
  t.is(s.status, 'draft');
});

test('worked example 3 (超额累进): ¥100,000 at 3 % + ¥30,000 at 4 % = ¥4,200, already exact while running: no true-up', (t) => {
  const s = statement(march([V1_MARGINAL]), 'u-sun', '2026-03');
  t.deepEqual(s.lines.map((l) => [l.kind, l.amountFen]), [['accrual', 2_400 * YUAN], ['accrual', 1_800 * YUAN]]);
  t.is(s.totals.totalFen, 4_200 * YUAN);
});

test('worked example 4: the ¥50,000 reversed in March — the month goes back to ¥80,000 at 3 %, no true-up', (t) => {
  const ledger = march();
  ledger.reverse('r2', '2026-03-25');
  const s = statement(ledger, 'u-sun', '2026-03');
  t.deepEqual(s.lines.map((l) => [l.kind, l.amountFen]), [['accrual', 2_400 * YUAN], ['accrual', 2_000 * YUAN], ['clawback', -2_000 * YUAN]]);
  t.deepEqual(s.totals, { creditedFen: 80_000 * YUAN, accruedFen: 4_400 * YUAN, clawbackFen: -2_000 * YUAN, trueUpFen: 0, adjustmentFen: 0, totalFen: 2_400 * YUAN });
});

test('worked example 4b: reversed in April instead — March keeps its ¥5,200, April claws back the ¥2,000 accrued, April\'s tier is untouched', (t) => {
  const ledger = march();
  ledger.reverse('r2', '2026-04-02');
  ledger.confirm(receipt('r3', 10_000 * YUAN, '2026-04-10'));
  t.is(statement(ledger, 'u-sun', '2026-03').totals.totalFen, 5_200 * YUAN);
  const april = statement(ledger, 'u-sun', '2026-04');
  t.deepEqual(april.lines.map((l) => [l.kind, l.amountFen]), [['clawback', -2_000 * YUAN], ['accrual', 300 * YUAN]]);
  t.deepEqual(april.totals, { creditedFen: 10_000 * YUAN, accruedFen: 300 * YUAN, clawbackFen: -2_000 * YUAN, trueUpFen: 0, adjustmentFen: 0, totalFen: -1_700 * YUAN });
});

test('超额累进 with a reversal: the surviving receipts fill the bands again in the order they were accrued', (t) => {
  const ledger = new Ledger([V1_MARGINAL]);
  ledger.confirm(receipt('r1', 60_000 * YUAN, '2026-03-05')); // 3 %: ¥1,800
  ledger.confirm(receipt('r2', 60_000 * YUAN, '2026-03-06')); // ¥40,000 × 3 % + ¥20,000 × 4 % = ¥2,000
  ledger.confirm(receipt('r3', 30_000 * YUAN, '2026-03-07')); // ¥30,000 × 4 % = ¥1,200
  ledger.reverse('r1', '2026-03-08');
  const s = statement(ledger, 'u-sun', '2026-03');
  // Left: r2 and r3, ¥90,000, all below ¥100,000: ¥90,000 × 3 % = ¥2,700. Accrued for them ¥3,200: true-up −¥500.
  t.is(s.totals.totalFen, 2_700 * YUAN);
  t.deepEqual(s.lines.filter((l) => l.kind === 'true_up').map((l) => l.amountFen), [-500 * YUAN]);
});

test('the head\'s override is not credited to the head\'s tiers and is never trued up', (t) => {
  const ledger = new Ledger([V1]);
  ledger.confirm(receipt('r1', 200_000 * YUAN, '2026-03-05', { departmentHead: LI }));
  const s = statement(ledger, 'u-li', '2026-03');
  t.deepEqual(s.totals, { creditedFen: 0, accruedFen: 1_000 * YUAN, clawbackFen: 0, trueUpFen: 0, adjustmentFen: 0, totalFen: 1_000 * YUAN });
});

test('a mid-month scheme change: each line is trued up under its own version, both on the month\'s whole total', (t) => {
  const v2 = { ...V1, version: 2, effectiveFrom: '2026-03-16', rules: [{ roleCode: 'sales', categoryCode: '*', tiers: [{ fromFen: 0, rate: '2' }, { fromFen: 100_000 * YUAN, rate: '6' }] }] };
  const s = statement(march([V1, v2]), 'u-sun', '2026-03');
  // r1 (v1) at 3 %, trued up to 4 %: +¥800; r2 (v2) reached ¥130,000 at accrual already: 6 % = ¥3,000, nothing to add.
  t.deepEqual(s.lines.map((l) => [l.kind, l.schemeVersion, l.amountFen]), [['accrual', 1, 2_400 * YUAN], ['accrual', 2, 3_000 * YUAN], ['true_up', 1, 800 * YUAN]]);
});

test('the running figure is what the month earned so far plus the true-up if it ended today', (t) => {
  const r = runningCommission(march().lines, 'u-sun', '2026-03', [V1]);
  t.deepEqual(r, {
    personId: 'u-sun', month: '2026-03', creditedFen: 130_000 * YUAN, accruedFen: 4_400 * YUAN, clawbackFen: 0, earnedFen: 4_400 * YUAN,
    projectedTrueUpFen: 800 * YUAN, projectedFen: 5_200 * YUAN, lineCount: 2,
  });
  t.is(runningCommission([], 'u-sun', '2026-03', [V1]).projectedFen, 0);
});

test('adjustments need a non-zero amount and a reason; the total is lines plus adjustments', (t) => {
  let s = statement(march(), 'u-sun', '2026-03');
  s = ok(addAdjustment(s, { id: 'a1', amountFen: -300 * YUAN, reason: '  客户投诉，扣减部分提成 ', createdBy: 'u-fin', createdOn: '2026-04-02' }));
  t.is(s.adjustments[0]?.reason, '客户投诉，扣减部分提成');
  t.deepEqual([s.totals.adjustmentFen, s.totals.totalFen], [-300 * YUAN, 4_900 * YUAN]);
  const bad = addAdjustment(s, { id: 'a2', amountFen: 0, reason: ' ', createdBy: 'u-fin', createdOn: '2026-04-02' }) as DomainError;
  t.deepEqual(bad.fieldErrors.map((f) => [f.path, f.code]), [['/amountFen', 'not_whole_nonzero'], ['/reason', 'reason_required']]);
  t.is((addAdjustment(s, { id: 'a1', amountFen: 1, reason: 'x', createdBy: 'u-fin', createdOn: '2026-04-02' }) as DomainError).code, 'commission_statement.duplicate_adjustment');
  s = ok(removeAdjustment(s, 'a1'));
  t.is(s.totals.totalFen, 5_200 * YUAN);
});

test('the statement machine: 草稿 → 已提交 → 已审批 → 已锁定, back to draft on 退回/撤回, locked is final', (t) => {
  t.deepEqual(validateMachine(STATEMENT_MACHINE), []);
  t.deepEqual(eventsFrom(STATEMENT_MACHINE, 'locked'), []);
  const allowed: [StatementStatus, 'submit' | 'approve' | 'reject' | 'withdraw' | 'lock', StatementStatus][] = [
    ['draft', 'submit', 'submitted'], ['submitted', 'approve', 'approved'], ['submitted', 'reject', 'draft'], ['submitted', 'withdraw', 'draft'], ['approved', 'lock', 'locked'],
  ];
  for (const [from, e, to] of allowed) t.is(ok(fireStatement(from, e, { monthEnded: true })).to, to);
  const refused = fireStatement('locked', 'submit', { monthEnded: true }) as DomainError;
  t.is(refused.code, 'commission_statement.transition_not_allowed');
  t.regex(refused.text.zh, /已锁定/);
  t.is((fireStatement('approved', 'reject', { monthEnded: true }) as DomainError).code, 'commission_statement.transition_not_allowed');
});

test('the approval engine\'s outcome fires approve, reject or withdraw on a submitted statement, nothing otherwise', (t) => {
  t.is(statementOutcomeEvent('submitted', 'approved'), 'approve');
  t.is(statementOutcomeEvent('submitted', 'rejected'), 'reject');
  t.is(statementOutcomeEvent('submitted', 'withdrawn'), 'withdraw');
  t.is(statementOutcomeEvent('draft', 'approved'), null);
  t.is(statementOutcomeEvent('locked', 'rejected'), null);
});

test('a month is submitted only once it is over, and only a draft changes', (t) => {
  const s = statement(march(), 'u-sun', '2026-03');
  const early = moveStatement(s, 'submit', '2026-03-31') as DomainError;
  t.is(early.code, 'commission_statement.guard_failed');
  t.regex(early.text.zh, /本月尚未结束/);
  const submitted = ok(moveStatement(s, 'submit', '2026-04-01'));
  t.is(submitted.status, 'submitted');
  const adj = { id: 'a1', amountFen: 100, reason: '补发', createdBy: 'u-fin', createdOn: '2026-04-02' };
  t.is((addAdjustment(submitted, adj) as DomainError).code, 'commission_statement.not_editable');
  t.is((removeAdjustment(submitted, 'a1') as DomainError).code, 'commission_statement.not_editable');
  t.is((redrawStatement(submitted, [], [V1]) as DomainError).code, 'commission_statement.not_editable');
  const locked = ok(moveStatement(ok(moveStatement(submitted, 'approve', '2026-04-03')), 'lock', '2026-04-10'));
  t.is(locked.status, 'locked');
  t.is(locked.totals.totalFen, 5_200 * YUAN);
});

test('redrawing a draft picks up lines recorded since and keeps its adjustments', (t) => {
  const ledger = march();
  let s = statement(ledger, 'u-sun', '2026-03');
  s = ok(addAdjustment(s, { id: 'a1', amountFen: 100 * YUAN, reason: '季度奖', createdBy: 'u-fin', createdOn: '2026-03-31' }));
  ledger.reverse('r2', '2026-03-31');
  const again = ok(redrawStatement(s, ledger.lines, [V1]));
  t.is(again.totals.totalFen, 2_400 * YUAN + 100 * YUAN);
  t.is(again.adjustments.length, 1);
});

test('a statement needs a month written YYYY-MM', (t) => {
  const r = drawUpStatement({ personId: 'u-sun', departmentId: null, month: '2026-13', lines: [], history: [V1] }) as DomainError;
  t.deepEqual(r.fieldErrors.map((f) => [f.path, f.code]), [['/month', 'invalid_month']]);
});

test('a department statement sums its people\'s statements and counts where they stand', (t) => {
  const ledger = new Ledger([V1]);
  ledger.confirm(receipt('r1', 10_000 * YUAN, '2026-03-05', { source: WANG, departmentHead: LI }));
  const people = [SUN, WANG, LI].map((p) => statement(ledger, p.personId, '2026-03'));
  const submitted = ok(moveStatement(people[0]!, 'submit', '2026-04-01'));
  const other = { ...statement(ledger, 'u-sun', '2026-03'), departmentId: 'd-2' };
  const d = departmentStatement('d-1', '2026-03', [submitted, people[1]!, people[2]!, other]);
  t.deepEqual(d.rows.map((r) => [r.personId, r.status, r.totals.totalFen]), [['u-sun', 'submitted', 210 * YUAN], ['u-wang', 'draft', 90 * YUAN], ['u-li', 'draft', 50 * YUAN]]);
  t.deepEqual(d.totals, { creditedFen: 10_000 * YUAN, accruedFen: 350 * YUAN, clawbackFen: 0, trueUpFen: 0, adjustmentFen: 0, totalFen: 350 * YUAN });
  t.deepEqual(d.statusCounts, { draft: 2, submitted: 1, approved: 0, locked: 0 });
  t.deepEqual(departmentStatement('d-9', '2026-03', people).rows, []);
});
