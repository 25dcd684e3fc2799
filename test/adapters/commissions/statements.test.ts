// 提成月结单 against the database: drawn up from the recorded lines with the month-end true-up, adjusted with
// reasons, submitted through the approval engine once the month is over, approved by finance, locked — and
// nothing changes after the lock. A department's statement sums its people's; a 销售 sees only their own.
import test from 'ava';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import { backends } from '../../support/database.js';
import { testCrm } from '../../support/crm.js';
import { TickingClock, anApprovedReceipt, anOrderWithPlan, code, decide } from '../collections/builders.js';
import { aCommissionFirm, personOf } from './builders.js';

for (const backend of backends()) {
  let crm: Crm;
  const clock = new TickingClock();
  test.before(async () => {
    crm = await testCrm(backend, { clock });
  });
  test.after.always(async () => {
    await crm?.close();
  });

  test.serial(`[${backend}] a month drawn up, adjusted, approved through the engine and locked; the department sums its people`, async (t) => {
    clock.set('2026-11-26T08:00:00Z');
    const f = await aCommissionFirm(crm);
    const [a, b] = [await anOrderWithPlan(crm, f, 20_000_000, 1, '2026-12-01', f.seller.actor), await anOrderWithPlan(crm, f, 20_000_000, 1, '2026-12-01', f.seller.actor)];
    await anApprovedReceipt(crm, f, a.id, 8_000_000);
    await anApprovedReceipt(crm, f, b.id, 5_000_000);
    const seller = personOf(f.seller);

    let s = await crm.commissionStatements.drawUp(f.finance.actor, { personId: seller, month: '2026-11' });
    // Worked example 3 (whole): ¥80,000 at 3 % + ¥50,000 at 4 % + the month-end true-up ¥800 = ¥5,200.
    t.deepEqual(s.lines.map((l) => [l.kind, l.amountFen]).sort(), [['accrual', 200_000], ['accrual', 240_000], ['true_up', 80_000]]);
    t.like(s, { status: 'draft', personName: '王强', totals: { creditedFen: 13_000_000, accruedFen: 440_000, trueUpFen: 80_000, totalFen: 520_000 } });
    s = await crm.commissionStatements.adjust(f.finance.actor, s.id, { version: s.version, amountFen: -10_000, reason: '迟交资料扣减' });
    t.like(s, { totals: { adjustmentFen: -10_000, totalFen: 510_000 } });
    t.deepEqual(s.adjustments.map((x) => [x.amountFen, x.reason]), [[-10_000, '迟交资料扣减']]);
    t.is(await code(crm.commissionStatements.adjust(f.finance.actor, s.id, { version: s.version - 1, amountFen: 1, reason: 'x' })), 'commission_statement.version_conflict');
    t.is(await code(crm.commissionStatements.adjust(f.finance.actor, s.id, { version: s.version, amountFen: 1, reason: '  ' })), 'validation.failed');
    t.is(await code(crm.commissionStatements.adjust(f.seller.actor, s.id, { version: s.version, amountFen: 1, reason: '加' })), 'auth.forbidden');
    t.is(await code(crm.commissionStatements.submit(f.finance.actor, s.id)), 'commission_statement.guard_failed');

    // The seller sees their own statement; another seller does not.
    t.is((await crm.commissionStatements.get(f.seller.actor, s.id)).id, s.id);
    const other = await f.firm.person(['sales'], { departmentId: f.departmentId });
    t.is(await code(crm.commissionStatements.get(other.actor, s.id)), 'commission_statement.not_found');
    t.deepEqual(await crm.commissionStatements.list(other.actor, { month: '2026-11' }), []);

    clock.set('2026-12-02T08:00:00Z');
    s = await crm.commissionStatements.submit(f.finance.actor, s.id);
    t.is(s.status, 'submitted');
    t.is(await code(crm.commissionStatements.adjust(f.finance.actor, s.id, { version: s.version, amountFen: 1, reason: '加' })), 'commission_statement.not_editable');
    await decide(crm, f.finance.actor, s.id);
    s = await crm.commissionStatements.get(f.finance.actor, s.id);
    t.is(s.status, 'approved');
    s = await crm.commissionStatements.lock(f.finance.actor, s.id, s.version);
    t.is(s.status, 'locked');
    t.is(await code(crm.commissionStatements.drawUp(f.finance.actor, { personId: seller, month: '2026-11' })), 'commission_statement.not_editable');
    t.is(await code(crm.commissionStatements.lock(f.finance.actor, s.id, s.version)), 'commission_statement.transition_not_allowed');
    t.like(await crm.commissionStatements.get(f.finance.actor, s.id), { status: 'locked', totals: { totalFen: 510_000 } });

    const dept = await crm.commissionStatements.drawUpDepartment(f.finance.actor, { departmentId: f.departmentId, month: '2026-11' });
    t.deepEqual(dept.rows.map((r) => [r.personName, r.status, r.totals.totalFen]), [['王强', 'locked', 510_000], ['李经理', 'draft', 65_000]]);
    t.like(dept, { departmentName: '销售一部', totals: { totalFen: 575_000 }, statusCounts: { draft: 1, locked: 1, submitted: 0, approved: 0 } });
    // The manager sees the department; the seller may not read it (no finance.read over the department → hidden).
    t.is((await crm.commissionStatements.department(f.manager.actor, f.departmentId, '2026-11')).rows.length, 2);
    t.is(await code(crm.commissionStatements.department(other.actor, f.departmentId, '2026-11')), 'department.not_found');
  });
}
