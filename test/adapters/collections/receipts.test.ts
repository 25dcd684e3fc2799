// Plans and receipts against the database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): plans and
// revisions, receipts allocated and decided through the approval engine, the order's received amount,
// idempotency and overpayment under concurrency, reversal, tenant isolation and data scope.
import test from 'ava';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import type { PlanView } from '../../../core/collections/plan.service.js';
import { backends } from '../../support/database.js';
import { testCrm } from '../../support/crm.js';
import { aFirm } from '../../support/tenant.js';
import { TickingClock, aFinanceFirm, aReceipt, anApprovedReceipt, anOrderOwing, anOrderWithPlan, code, decide } from './builders.js';

for (const backend of backends()) {
  let crm: Crm;
  test.before(async () => {
    crm = await testCrm(backend, { clock: new TickingClock() });
  });
  test.after.always(async () => {
    await crm?.close();
  });
  const amounts = (p: PlanView) => p.instalments.map((i) => [i.number, i.dueOn, i.amountFen, i.reservedFen, i.collectedFen, i.state]);

  test.serial(`[${backend}] a plan splits the receivable exactly, is revised around collected instalments, and keeps every revision`, async (t) => {
    const f = await aFinanceFirm(crm);
    const order = await anOrderOwing(crm, f.firm, f.sales.actor, 20_000_000);
    t.is(await code(crm.collectionPlans.save(f.finance.actor, order.id, { version: 0, spec: { method: 'manual', instalments: [{ dueOn: '2026-12-01', amountFen: 1 }] } })), 'collection.plan_total_mismatch');
    const preview = await crm.collectionPlans.preview(f.sales.actor, order.id, { method: 'equal', count: 3, firstDueOn: '2026-12-01' });
    t.deepEqual(preview.instalments.map((i) => i.amountFen), [6_666_666, 6_666_666, 6_666_668]);
    let plan = await crm.collectionPlans.save(f.sales.actor, order.id, { version: 0, spec: { method: 'equal', count: 3, firstDueOn: '2026-12-01' } });
    t.is(plan.plan?.version, 1);
    t.true(plan.matchesReceivable);
    await anApprovedReceipt(crm, f, order.id, 7_000_000);
    plan = await crm.collectionPlans.get(f.finance.actor, order.id);
    t.deepEqual(amounts(plan), [[1, '2026-12-01', 6_666_666, 6_666_666, 6_666_666, 'collected'], [2, '2027-01-01', 6_666_666, 333_334, 333_334, 'partial'], [3, '2027-02-01', 6_666_668, 0, 0, 'uncollected']]);
    t.is(plan.openFen, 6_666_668);
    t.is(await code(crm.collectionPlans.save(f.finance.actor, order.id, { version: 0, spec: { method: 'equal', count: 1, firstDueOn: '2027-03-01' } })), 'collection.version_conflict');
    plan = await crm.collectionPlans.save(f.finance.actor, order.id, { version: 1, reason: '客户要求延期', spec: { method: 'percentages', shares: [{ percent: 50, dueOn: '2027-03-01' }, { percent: 50, dueOn: '2027-04-01' }] } });
    t.deepEqual(amounts(plan).map((r) => r.slice(0, 3)), [[1, '2026-12-01', 6_666_666], [2, '2027-01-01', 6_666_666], [3, '2027-03-01', 3_333_334], [4, '2027-04-01', 3_333_334]]);
    const revisions = await crm.collectionPlans.revisions(f.sales.actor, order.id);
    t.deepEqual(revisions.map((r) => [r.revision, r.reason, r.instalments.length, r.createdByName]), [[2, '客户要求延期', 4, '赵财务'], [1, null, 3, '孙露露']]);
    t.deepEqual(revisions[0]?.instalments.map((i) => i.locked), [true, true, false, false]);
    t.is(await code(crm.collectionPlans.remove(f.finance.actor, order.id, 2)), 'collection.instalment_locked');
  });

  test.serial(`[${backend}] a receipt is a draft until submitted; approval counts it as received on the order, rejection frees its instalments`, async (t) => {
    const f = await aFinanceFirm(crm);
    const order = await anOrderWithPlan(crm, f, 10_000_000);
    t.is(await code(crm.receipts.create(f.finance.actor, aReceipt(order.id, 10_000_001))), 'collection.overpayment');
    const { receipt, replayed } = await crm.receipts.create(f.sales.actor, aReceipt(order.id, 6_000_000, { invoiceWanted: true, invoiceKind: 'special' }));
    t.false(replayed);
    t.deepEqual([receipt.state, receipt.stateLabel, receipt.receivedByName], ['draft', '草稿', '孙露露']);
    t.deepEqual(receipt.allocationRows.map((a) => [a.number, a.amountFen]), [[1, 5_000_000], [2, 1_000_000]]);
    const submitted = await crm.receipts.submit(f.sales.actor, receipt.id);
    t.is(submitted.state, 'pending');
    t.is((await crm.orders.get(f.sales.actor, order.id)).order.amounts.receivedFen, 0);
    const waiting = await crm.receipts.awaitingMe(f.finance.actor, { limit: 10, withTotal: true });
    t.deepEqual(waiting.items.map((w) => [w.receiptId, w.action, w.amountFen, w.companyName === order.companyName]), [[receipt.id, 'confirm', 6_000_000, true]]);
    t.is(waiting.total, 1);
    await decide(crm, f.finance.actor, receipt.id);
    const approved = await crm.receipts.get(f.sales.actor, receipt.id);
    t.is(approved.state, 'approved');
    t.truthy(approved.confirmedAt);
    t.is(approved.confirmedBy, f.finance.actor.userId);
    t.deepEqual(approved.timeline.map((a) => a.action).filter((a) => a.startsWith('receipt.')), ['receipt.created', 'receipt.submitted', 'receipt.approved']);
    const amounts1 = (await crm.orders.get(f.sales.actor, order.id)).order.amounts;
    t.deepEqual([amounts1.receivedFen, amounts1.outstandingFen], [6_000_000, 4_000_000]);
    t.is((await crm.receipts.awaitingMe(f.finance.actor, { limit: 10 })).items.length, 0);

    const second = (await crm.receipts.create(f.finance.actor, aReceipt(order.id, 4_000_000), { submit: true })).receipt;
    t.is(await code(crm.receipts.create(f.finance.actor, aReceipt(order.id, 1))), 'collection.overpayment');
    await decide(crm, f.finance.actor, second.id, 'reject');
    t.is((await crm.receipts.get(f.finance.actor, second.id)).state, 'rejected');
    const plan = await crm.collectionPlans.get(f.finance.actor, order.id);
    t.deepEqual(plan.instalments.map((i) => [i.reservedFen, i.collectedFen]), [[5_000_000, 5_000_000], [1_000_000, 1_000_000]]);
    t.is((await crm.receipts.create(f.finance.actor, aReceipt(order.id, 4_000_000))).receipt.state, 'draft');
  });

  test.serial(`[${backend}] an approved receipt is reversed through approval, never deleted; a draft can be edited and deleted`, async (t) => {
    const f = await aFinanceFirm(crm);
    const order = await anOrderWithPlan(crm, f, 10_000_000);
    const r = await anApprovedReceipt(crm, f, order.id, 3_000_000);
    t.is(await code(crm.receipts.remove(f.finance.actor, r.id, r.version)), 'receipt.not_editable');
    t.is(await code(crm.receipts.requestReversal(f.sales.actor, r.id, '重复登记')), 'auth.forbidden');
    t.is(await code(crm.receipts.requestReversal(f.finance.actor, r.id, ' ')), 'receipt.reversal_reason_required');
    const reversing = await crm.receipts.requestReversal(f.finance.actor, r.id, '重复登记');
    t.deepEqual([reversing.state, reversing.reversalReason], ['reversing', '重复登记']);
    t.is((await crm.orders.get(f.finance.actor, order.id)).order.amounts.receivedFen, 3_000_000); // still counts until approved
    t.deepEqual((await crm.receipts.awaitingMe(f.finance.actor, { limit: 5 })).items.map((w) => w.action), ['reverse']);
    await decide(crm, f.finance.actor, r.id);
    const reversed = await crm.receipts.get(f.finance.actor, r.id);
    t.is(reversed.state, 'reversed');
    t.truthy(reversed.reversedAt);
    t.is((await crm.orders.get(f.finance.actor, order.id)).order.amounts.receivedFen, 0);
    t.deepEqual((await crm.collectionPlans.get(f.finance.actor, order.id)).instalments.map((i) => i.reservedFen), [0, 0]);

    const draft = (await crm.receipts.create(f.sales.actor, aReceipt(order.id, 1_000_000))).receipt;
    const edited = await crm.receipts.update(f.sales.actor, draft.id, { version: draft.version, amountFen: 6_000_000, instalmentId: (await crm.collectionPlans.get(f.sales.actor, order.id)).instalments[1]?.id });
    t.deepEqual(edited.allocationRows.map((a) => [a.number, a.amountFen]), [[2, 5_000_000], [1, 1_000_000]]);
    t.is(await code(crm.receipts.update(f.sales.actor, draft.id, { version: draft.version, amountFen: 1 })), 'receipt.version_conflict');
    await crm.receipts.remove(f.sales.actor, draft.id, edited.version);
    t.is(await code(crm.receipts.get(f.sales.actor, draft.id)), 'receipt.not_found');
    t.deepEqual((await crm.collectionPlans.get(f.finance.actor, order.id)).instalments.map((i) => i.reservedFen), [0, 0]);
  });

  test.serial(`[${backend}] the same Idempotency-Key records one receipt, even sent in parallel; another request under it is refused`, async (t) => {
    const f = await aFinanceFirm(crm);
    const order = await anOrderWithPlan(crm, f, 10_000_000);
    const input = aReceipt(order.id, 2_000_000);
    const results = await Promise.all(Array.from({ length: 5 }, () => crm.receipts.create(f.finance.actor, input, { idempotencyKey: 'key-1', submit: true })));
    t.is(new Set(results.map((r) => r.receipt.id)).size, 1);
    t.is(results.filter((r) => !r.replayed).length, 1);
    t.is(results[0]?.receipt.state, 'pending');
    t.is((await crm.receipts.listForOrder(f.finance.actor, order.id)).length, 1);
    t.is(await code(crm.receipts.create(f.finance.actor, { ...input, amountFen: 1 }, { idempotencyKey: 'key-1' })), 'collection.idempotency_key_reused');
    const other = await anOrderWithPlan(crm, f, 10_000_000);
    t.is(await code(crm.receipts.create(f.finance.actor, aReceipt(other.id, 2_000_000), { idempotencyKey: 'key-1' })), 'collection.idempotency_key_reused');
    const otherFirm = await aFinanceFirm(crm);
    const theirs = await anOrderWithPlan(crm, otherFirm, 10_000_000);
    t.false((await crm.receipts.create(otherFirm.finance.actor, aReceipt(theirs.id, 2_000_000), { idempotencyKey: 'key-1' })).replayed); // keys are per firm
  });

  test.serial(`[${backend}] parallel receipts never overpay an order: the order row is locked while allocating`, async (t) => {
    const f = await aFinanceFirm(crm);
    const order = await anOrderWithPlan(crm, f, 10_000_000, 3);
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => code(crm.receipts.create(f.finance.actor, aReceipt(order.id, 3_000_000, { payer: `付款人${i}` })))));
    t.is(outcomes.filter((c) => c === 'ok').length, 3);
    t.is(outcomes.filter((c) => c === 'collection.overpayment').length, 5);
    const plan = await crm.collectionPlans.get(f.finance.actor, order.id);
    t.is(plan.instalments.reduce((s, i) => s + i.reservedFen, 0), 9_000_000);
    t.true(plan.instalments.every((i) => i.reservedFen <= i.amountFen));
  });

  test.serial(`[${backend}] an overpayment is recorded only when the firm allows it and the receipt is marked; the excess stays off the instalments`, async (t) => {
    const f = await aFinanceFirm(crm);
    const order = await anOrderWithPlan(crm, f, 1_000_000, 1);
    t.is(await code(crm.receipts.create(f.finance.actor, aReceipt(order.id, 1_200_000, { overpayment: true }))), 'collection.overpayment');
    const s = await crm.collectionSettings.get(f.finance.actor);
    t.is(await code(crm.collectionSettings.update(f.sales.actor, { version: s.version, allowOverpayment: true })), 'auth.forbidden');
    await crm.collectionSettings.update(f.finance.actor, { version: s.version, allowOverpayment: true, paymentMethods: [...s.paymentMethods, { name: '数字人民币', active: true }] });
    const r = await anApprovedReceipt(crm, f, order.id, 1_200_000, { overpayment: true, paymentMethod: '数字人民币' });
    t.deepEqual([r.excessFen, r.allocations.reduce((x, a) => x + a.amountFen, 0)], [200_000, 1_000_000]);
    const amounts = (await crm.orders.get(f.finance.actor, order.id)).order.amounts;
    t.deepEqual([amounts.receivedFen, amounts.outstandingFen], [1_200_000, 0]);
  });

  test.serial(`[${backend}] receipts and plans of another firm are not found; a sales person sees only own orders’ collections, a manager the department’s`, async (t) => {
    const f = await aFinanceFirm(crm);
    const team = await crm.organisation.createDepartment(f.firm.admin, { name: '三：新媒体运营中心', parentId: f.firm.rootDepartmentId });
    const owner = await f.firm.person(['sales'], { departmentId: team.id });
    const order = await anOrderWithPlan(crm, f, 1_000_000, 1, '2026-12-01', owner.actor);
    const r = (await crm.receipts.create(owner.actor, aReceipt(order.id, 500_000))).receipt;
    const stranger = await aFirm(crm);
    t.is(await code(crm.receipts.get(stranger.admin, r.id)), 'receipt.not_found');
    t.is(await code(crm.collectionPlans.get(stranger.admin, order.id)), 'order.not_found');
    t.is(await code(crm.receipts.create(stranger.admin, aReceipt(order.id, 1))), 'order.not_found');
    t.is(await code(crm.receipts.get(f.sales.actor, r.id)), 'receipt.not_found');
    t.is(await code(crm.collectionPlans.get(f.sales.actor, order.id)), 'order.not_found');
    t.is(await code(crm.receipts.submit(f.sales.actor, r.id)), 'receipt.not_found');
    const manager = await f.firm.person(['manager'], { departmentId: team.id });
    t.is((await crm.receipts.get(manager.actor, r.id)).id, r.id);
    const otherManager = await f.firm.person(['manager']);
    t.is((await crm.receipts.get(otherManager.actor, r.id)).id, r.id); // the root department's manager sees its subtree
    const sideTeam = await crm.organisation.createDepartment(f.firm.admin, { name: '五：新媒体运营中心', parentId: f.firm.rootDepartmentId });
    const sideManager = await f.firm.person(['manager'], { departmentId: sideTeam.id });
    t.is(await code(crm.receipts.get(sideManager.actor, r.id)), 'receipt.not_found');
    t.is((await crm.accounts.receipts(stranger.admin, {}, { limit: 50 })).items.length, 0);
  });
}
