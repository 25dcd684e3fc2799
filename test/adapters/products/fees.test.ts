// Fees wired (issue 16) against the database: a product's fee rule, the line's fee worked out when its
// application is approved, disbursed, corrected or refused, the receivable that follows, the proposed
// instalment of an agreed plan, reductions and refunds through the approval engine (fee_adjustment), the
// timeline, and the invariant that the receivable is the sum of the lines' fees after any sequence of moves.
import test from 'ava';
import fc from 'fast-check';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import type { Actor } from '../../../core/organisation/actor.js';
import { lineFee, type FeeRule } from '../../../core/fees/index.js';
import { backends } from '../../support/database.js';
import { FakeClock, testCrm } from '../../support/crm.js';
import { aFirm, type TestFirm } from '../../support/tenant.js';
import { aProductInput } from '../../core/products/builders.js';
import { anOrderWithProfile, outcome } from './product-builders.js';
import { decide } from '../collections/builders.js';

// Up-front 2,000 元 + 1.5 % of the disbursed amount (docs/fees-and-commissions.md, example 1).
const RULE: FeeRule = { split: 'parts', upFront: { kind: 'fixed', amountFen: 200_000 }, success: { kind: 'rate', base: 'disbursed', ratePercent: '1.5', minFen: null, maxFen: null } };

for (const backend of backends()) {
  let crm: Crm;
  const clock = new FakeClock(new Date('2026-12-07T02:00:00Z'));
  test.before(async () => {
    crm = await testCrm(backend, { clock });
  });
  test.after.always(async () => {
    await crm?.close();
  });

  interface Setup { firm: TestFirm; sales: Actor; finance: Actor; productId: string; orderId: string; lineId: string }

  async function setUp(rule: FeeRule | null = RULE, o: { discountFen?: number; quantity?: number } = {}): Promise<Setup> {
    const firm = await aFirm(crm);
    const sales = (await firm.person(['sales'])).actor;
    const finance = (await firm.person(['finance'])).actor;
    const product = await crm.products.createProduct(firm.admin, aProductInput({ number: undefined, defaultServiceFeeFen: 300_000, amountFen: { min: 0, max: 900_000_000 } }));
    if (rule) await crm.feeRules.saveProductRule(firm.admin, product.id, product.version, rule);
    await crm.approvalFlows.create(firm.admin, { businessType: 'fee_adjustment', name: '服务费调整', nodes: [{ key: 'f', name: '财务审核', approvers: { kind: 'role', role: 'finance' }, mode: 'any' }] });
    const { order } = await anOrderWithProfile(crm, sales);
    const view = await crm.orderProducts.saveLines(sales, order.id, 0, [{ productId: product.id, ...o }]);
    return { firm, sales, finance, productId: product.id, orderId: order.id, lineId: view.lines[0]?.id as string };
  }

  async function toDisbursed(s: Setup, amountFen: number, approvedFen = 900_000_000) {
    let l = await crm.orderProducts.changeApplication(s.sales, s.orderId, s.lineId, 1, { type: 'submit' });
    l = await crm.orderProducts.changeApplication(s.sales, s.orderId, s.lineId, l.version, { type: 'approve', approvedAmountFen: approvedFen, annualRatePercent: '3.85', termMonths: 12 });
    return crm.orderProducts.changeApplication(s.sales, s.orderId, s.lineId, l.version, { type: 'disburse', disbursedAmountFen: amountFen, disbursedOn: '2026-12-06' });
  }

  const receivable = async (s: Setup) => (await crm.orders.get(s.sales, s.orderId)).order.amounts.receivableFen;
  const actions = async (s: Setup) => (await crm.orders.timeline(s.sales, s.orderId)).map((e) => e.action).filter((a) => a.startsWith('fee.'));

  test.serial(`[${backend}] a product without a rule reads as its fixed fee; a rule is saved whole, a bad one refused with every path and nothing changed`, async (t) => {
    const firm = await aFirm(crm);
    const p = await crm.products.createProduct(firm.admin, aProductInput({ number: undefined, defaultServiceFeeFen: 300_000 }));
    const plain = await crm.feeRules.productRule(firm.admin, p.id);
    t.false(plain.custom);
    t.deepEqual(plain.rule, { split: 'parts', upFront: { kind: 'fixed', amountFen: 300_000 }, success: null });
    const bad = { split: 'parts', upFront: null, success: { kind: 'rate', base: 'paid', ratePercent: '1.23456', minFen: 5, maxFen: 1 } };
    const e = await crm.feeRules.saveProductRule(firm.admin, p.id, p.version, bad).catch((x: unknown) => x as { code: string; fieldErrors: { path: string; code: string }[] });
    t.is((e as { code: string }).code, 'fee.invalid_rule');
    t.deepEqual((e as { fieldErrors: { path: string }[] }).fieldErrors.map((f) => f.path).sort(), ['/success/base', '/success/minFen', '/success/ratePercent']);
    t.is((await crm.products.getProduct(firm.admin, p.id)).version, p.version);
    const saved = await crm.feeRules.saveProductRule(firm.admin, p.id, p.version, { ...RULE, success: { kind: 'rate', base: 'disbursed', ratePercent: '1.50' } });
    t.true(saved.custom);
    t.deepEqual(saved.rule, RULE); // normalised: '1.50' → '1.5', bounds filled in
    t.is(await outcome(crm.feeRules.saveProductRule(firm.admin, p.id, p.version, null)), 'product.version_conflict');
    const sales = (await firm.person(['sales'])).actor;
    t.is(await outcome(crm.feeRules.saveProductRule(sales, p.id, saved.version, null)), 'auth.forbidden');
    // The product's own API is unchanged and keeps the rule when it is replaced.
    const product = await crm.products.getProduct(firm.admin, p.id);
    const { id: _i, tenantId: _t, version: _v, createdAt: _c, updatedAt: _u, feeRule: _f, ...data } = product;
    await crm.products.updateProduct(firm.admin, p.id, product.version, { ...data, name: '税E贷（新）' });
    t.deepEqual((await crm.feeRules.productRule(firm.admin, p.id)).rule, RULE);
  });

  test.serial(`[${backend}] disbursed: the success fee is computed from the disbursed amount, the receivable follows, the timeline says from what`, async (t) => {
    const s = await setUp();
    t.is(await receivable(s), 200_000); // the up-front part, known at the contract
    const line = await toDisbursed(s, 100_000_000); // 1,000,000 元
    t.is(line.successDueFen, 1_500_000);
    t.is(line.totalFen, 1_700_000);
    t.is(await receivable(s), 1_700_000);
    const fee = await crm.orderProducts.lineFee(s.sales, s.orderId, s.lineId);
    t.is(fee.ruleSource, 'product');
    t.is(fee.dueFen, 1_700_000);
    t.is(fee.computation.rounding, 'half_up_fen');
    t.deepEqual(fee.computation.bases, { approvedFen: 900_000_000, disbursedFen: 100_000_000 });
    t.regex((fee.computation.text as { zh: string }).zh, /成功服务费：按放款金额 1,000,000.00 元 × 1.5% = 15,000.00 元/);
    t.deepEqual(await actions(s), ['fee.success_fee_computed']);
    const entry = (await crm.orders.timeline(s.sales, s.orderId)).find((e) => e.action === 'fee.success_fee_computed');
    t.regex(entry?.summary ?? '', /放款 1,000,000.00 元.*成功服务费由 0.00 元变为 15,000.00 元/);
  });

  test.serial(`[${backend}] rounding is half-up to the fen and shown; quantity and discount apply, the discount first off the up-front part`, async (t) => {
    const s = await setUp(RULE, { quantity: 2, discountFen: 500_000 });
    const line = await toDisbursed(s, 123_456_789); // 1,234,567.89 元 × 1.5 % = 18,518.51835 → 18,518.52
    t.is(line.upFrontDueFen, 0); // 4,000 up front, all of it discounted
    t.is(line.successDueFen, 1_851_852 * 2 - 100_000);
    const fee = await crm.orderProducts.lineFee(s.sales, s.orderId, s.lineId);
    t.regex((fee.computation.text as { zh: string }).zh, /18,518.51835 元，四舍五入到分为 18,518.52 元/);
    t.is(await receivable(s), 1_851_852 * 2 - 100_000);
  });

  test.serial(`[${backend}] after the plan was agreed, a higher success fee is a proposed instalment due on the disbursement; a lower one waits for approval`, async (t) => {
    const s = await setUp();
    await crm.collectionPlans.save(s.finance, s.orderId, { version: 0, spec: { method: 'equal', count: 1, firstDueOn: '2026-12-20' } });
    await toDisbursed(s, 100_000_000);
    let plan = await crm.collectionPlans.get(s.finance, s.orderId);
    t.deepEqual(plan.instalments.map((i) => [i.amountFen, i.dueOn, i.onDisbursement, i.proposed]), [[1_500_000, '2026-12-06', true, true], [200_000, '2026-12-20', false, false]]);
    t.true(plan.matchesReceivable);

    // The bank's figure was wrong: 800,000 元. The customer would owe 3,000 元 less: an approver decides.
    const v = (await crm.orderProducts.listLines(s.sales, s.orderId)).lines[0]?.version as number;
    const corrected = await crm.orderProducts.correctDisbursement(s.sales, s.orderId, s.lineId, v, { disbursedAmountFen: 80_000_000, reason: '银行更正放款金额' });
    t.is(corrected.disbursedAmountFen, 80_000_000);
    t.is(corrected.successDueFen, 1_500_000); // still owed until approved
    t.is(await receivable(s), 1_700_000);
    const [adjustment] = (await crm.orderProducts.lineFee(s.sales, s.orderId, s.lineId)).adjustments;
    t.like(adjustment, { kind: 'success_reduction', state: 'pending', fromFen: 1_500_000, toFen: 1_200_000 });
    // A second correction waits until the first is decided.
    t.is(await outcome(crm.orderProducts.correctDisbursement(s.sales, s.orderId, s.lineId, corrected.version, { disbursedAmountFen: 70_000_000, reason: '再次更正' })), 'fee.adjustment_pending');

    await decide(crm, s.finance, adjustment?.id as string);
    t.is(await receivable(s), 1_400_000);
    plan = await crm.collectionPlans.get(s.finance, s.orderId);
    t.deepEqual(plan.instalments.map((i) => i.amountFen), [1_200_000, 200_000]);
    t.true(plan.matchesReceivable);
    t.deepEqual(await actions(s), ['fee.success_fee_computed', 'fee.success_fee_for_approval', 'fee.adjustment_approved']);

    // Corrected up again: a proposed instalment of the difference, no approval.
    const again = await crm.orderProducts.correctDisbursement(s.sales, s.orderId, s.lineId, corrected.version, { disbursedAmountFen: 90_000_000, reason: '银行再次更正' });
    t.is(again.successDueFen, 1_350_000);
    plan = await crm.collectionPlans.get(s.finance, s.orderId);
    t.is(plan.instalments.reduce((sum, i) => sum + i.amountFen, 0), 1_550_000);
    t.true(plan.matchesReceivable);
  });

  test.serial(`[${backend}] a rejected reduction leaves the fee as it was`, async (t) => {
    const s = await setUp();
    await crm.collectionPlans.save(s.finance, s.orderId, { version: 0, spec: { method: 'equal', count: 1, firstDueOn: '2026-12-20' } });
    const l = await toDisbursed(s, 100_000_000);
    await crm.orderProducts.correctDisbursement(s.sales, s.orderId, s.lineId, l.version, { disbursedAmountFen: 50_000_000, reason: '更正' });
    const [a] = (await crm.orderProducts.lineFee(s.sales, s.orderId, s.lineId)).adjustments;
    await decide(crm, s.finance, a?.id as string, 'reject');
    t.is(await receivable(s), 1_700_000);
    t.like((await crm.orderProducts.lineFee(s.sales, s.orderId, s.lineId)).adjustments[0], { state: 'rejected' });
    t.true((await actions(s)).includes('fee.adjustment_not_approved'));
  });

  for (const [policy, expected] of [['keep', 300_000], ['refund', 0]] as const) {
    test.serial(`[${backend}] refused (拒绝) with the refund rule ${policy}: the fixed up-front fee is ${expected === 0 ? 'no longer owed' : 'kept'}`, async (t) => {
      const s = await setUp(null);
      if (policy !== 'keep') await crm.feeRules.saveSettings(s.finance, 0, { rejectionRefundPolicy: policy });
      t.is(await receivable(s), 300_000);
      const l = await crm.orderProducts.changeApplication(s.sales, s.orderId, s.lineId, 1, { type: 'submit' });
      t.is((await crm.orderProducts.changeApplication(s.sales, s.orderId, s.lineId, l.version, { type: 'reject', reason: '负债率偏高' })).status, 'rejected');
      t.is(await receivable(s), expected);
      t.deepEqual(await actions(s), [policy === 'keep' ? 'fee.kept' : 'fee.refunded']);
    });
  }

  test.serial(`[${backend}] refused under 审批后退还: the refund waits for approval, then the fee is no longer owed`, async (t) => {
    const s = await setUp(null);
    t.is(await outcome(crm.feeRules.saveSettings(s.finance, 0, { rejectionRefundPolicy: 'give_back' })), 'validation.failed');
    t.is((await crm.feeRules.settings(s.finance)).version, 0);
    t.is(await outcome(crm.feeRules.saveSettings(s.sales, 0, { rejectionRefundPolicy: 'refund' })), 'auth.forbidden');
    await crm.feeRules.saveSettings(s.finance, 0, { rejectionRefundPolicy: 'refund_with_approval' });
    const l = await crm.orderProducts.changeApplication(s.sales, s.orderId, s.lineId, 1, { type: 'submit' });
    t.is((await crm.orderProducts.changeApplication(s.sales, s.orderId, s.lineId, l.version, { type: 'reject', reason: '负债率偏高' })).status, 'rejected');
    t.is(await receivable(s), 300_000);
    const [a] = (await crm.orderProducts.lineFee(s.sales, s.orderId, s.lineId)).adjustments;
    t.like(a, { kind: 'rejection_refund', state: 'pending', refundFen: 0, waiveFen: 300_000 });
    await decide(crm, s.finance, a?.id as string);
    t.is(await receivable(s), 0);
  });

  test.serial(`[${backend}] the receivable is the sum of the lines' fees after any sequence of disbursements and corrections (no plan: the fee just follows)`, async (t) => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 1, max: 900_000_000 }), fc.array(fc.integer({ min: 1, max: 900_000_000 }), { maxLength: 4 }), fc.integer({ min: 0, max: 2_000_000 }),
      async (first, corrections, discountFen) => {
        const s = await setUp(RULE, { discountFen });
        let l = await toDisbursed(s, first);
        for (const amount of corrections) l = await crm.orderProducts.correctDisbursement(s.sales, s.orderId, s.lineId, l.version, { disbursedAmountFen: amount, reason: '更正' });
        const last = corrections.at(-1) ?? first;
        const expected = lineFee({ rule: RULE, bases: { approvedFen: 900_000_000, disbursedFen: last }, quantity: 1, discountFen });
        if (expected instanceof Error) throw expected;
        const view = await crm.orderProducts.listLines(s.sales, s.orderId);
        if (expected.totalFen === null) throw new Error('a disbursed line has a known fee');
        t.is(view.receivableFen, expected.totalFen);
        t.is(await receivable(s), expected.totalFen);
        t.is(view.lines.reduce((sum, x) => sum + x.totalFen, 0), expected.totalFen);
        t.true(expected.totalFen >= 0);
      },
    ), { numRuns: 6 });
  });

  test.serial(`[${backend}] a corrected amount is checked: at most the approved amount, a reason, a disbursed application; nothing changes otherwise`, async (t) => {
    const s = await setUp();
    const l = await toDisbursed(s, 100_000_000, 100_000_000);
    t.is(await outcome(crm.orderProducts.correctDisbursement(s.sales, s.orderId, s.lineId, l.version, { disbursedAmountFen: 100_000_001, reason: '更正' })), 'validation.failed');
    t.is(await outcome(crm.orderProducts.correctDisbursement(s.sales, s.orderId, s.lineId, l.version, { disbursedAmountFen: 0, reason: '' })), 'validation.failed');
    t.is(await outcome(crm.orderProducts.correctDisbursement(s.sales, s.orderId, s.lineId, l.version + 1, { disbursedAmountFen: 1, reason: '更正' })), 'product.application_version_conflict');
    t.is(await receivable(s), 1_700_000);
    const other = await setUp();
    t.is(await outcome(crm.orderProducts.correctDisbursement(other.sales, other.orderId, other.lineId, 1, { disbursedAmountFen: 1, reason: '更正' })), 'product.not_disbursed');
  });

  test.serial(`[${backend}] a line under a rule without a fixed up-front part refuses a typed service fee; its discount may reach the success part`, async (t) => {
    const rule: FeeRule = { split: 'parts', upFront: null, success: { kind: 'rate', base: 'disbursed', ratePercent: '2', minFen: null, maxFen: null } };
    const s = await setUp(rule, { discountFen: 100_000 });
    const view = await crm.orderProducts.listLines(s.sales, s.orderId);
    t.is(view.lines[0]?.serviceFeeFen, 0);
    t.is(await outcome(crm.orderProducts.saveLines(s.sales, s.orderId, view.version, [{ productId: s.productId, serviceFeeFen: 5 }])), 'validation.failed');
    await toDisbursed(s, 10_000_000); // 100,000 元 × 2 % = 2,000 元 − 1,000 元 discount
    t.is(await receivable(s), 100_000);
  });

  test.serial(`[${backend}] two disbursement corrections at once: one wins, the other is a version conflict, and the fee is computed once`, async (t) => {
    const s = await setUp();
    const l = await toDisbursed(s, 100_000_000);
    const results = await Promise.all([60_000_000, 70_000_000].map((a) => outcome(crm.orderProducts.correctDisbursement(s.sales, s.orderId, s.lineId, l.version, { disbursedAmountFen: a, reason: '并发更正' }))));
    t.deepEqual(results.sort(), ['ok', 'product.application_version_conflict']);
    const fee = await crm.orderProducts.lineFee(s.sales, s.orderId, s.lineId);
    t.is(await receivable(s), fee.dueFen);
    t.is((await actions(s)).length, 2);
  });
}
