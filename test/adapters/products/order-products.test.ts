// Matching, order lines and applications against the database, through the orders area's real data: facts
// from the enterprise profile and the inquiry, the receivable and disbursed amount the orders area derives
// from the lines, the timeline and the outbox, data scope and tenant isolation.
import test from 'ava';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import type { Actor } from '../../../core/organisation/actor.js';
import { DEMO_PRODUCTS } from '../../../core/products/demo-products.js';
import { backends } from '../../support/database.js';
import { FakeClock, testCrm } from '../../support/crm.js';
import { aFirm } from '../../support/tenant.js';
import { aCatalogue, anOrderWithProfile, outcome } from './product-builders.js';

for (const backend of backends()) {
  let crm: Crm;
  const clock = new FakeClock(new Date('2026-11-26T08:00:00Z'));
  test.before(async () => {
    crm = await testCrm(backend, { clock });
  });
  test.after.always(async () => {
    await crm?.close();
  });
  const db = () => crm.database.knex;

  // The whole demo catalogue, or only the products a test names (quicker).
  async function setUp(names?: readonly string[]) {
    const firm = await aFirm(crm);
    const sales = await firm.person(['sales']);
    const catalogue = await aCatalogue(crm, firm.admin, names);
    const { order, legalPersonMobile } = await anOrderWithProfile(crm, sales.actor);
    const id = (name: string): string => catalogue.get(name)?.id as string;
    return { firm, sales, catalogue, order, legalPersonMobile, id };
  }

  test.serial(`[${backend}] automatic matching reads the profile (age from the ID number, region from the tax id, property from the inquiry) and says why`, async (t) => {
    const { sales, order } = await setUp();
    const before = await crm.orderProducts.autoMatch(sales.actor, order.id);
    t.is(before.subject.legalRepAge, 56); // born 1970-09-18, on 2026-11-26
    t.deepEqual(before.subject.region, { code: '320506', name: null });
    t.true(before.subject.hasProperty); // 按揭房
    t.is(before.subject.companyAgeMonths, null);
    t.is(before.items.length, DEMO_PRODUCTS.filter((p) => p.active !== false).length); // inactive 车e抵 is not offered
    const shuiE = before.items.find((i) => i.product.name === '税E贷');
    t.deepEqual(shuiE?.reasons.map((r) => [r.kind, r.status]), [
      ['companyAgeMonths', 'unknown'], ['taxCreditRating', 'unknown'], ['annualTaxPaid', 'unknown'], ['legalRepAge', 'met'], ['maxExistingDebt', 'unknown'],
    ]);
    t.is(shuiE?.reasons[3]?.zh, '法人 56 岁，要求 22–60 岁');
    // Products whose every requirement is met come first: 房抵e贷 needs a property and an age of 18–65.
    t.true(before.items.slice(0, before.matchedCount).every((i) => i.matched));
    t.true(before.items.slice(0, before.matchedCount).some((i) => i.product.name === '房抵e贷'));

    const facts = await crm.orderProducts.saveMatchFacts(sales.actor, order.id, 0, {
      companyRegisteredOn: '2020-03-01', taxCreditRating: 'A', annualTaxPaidFen: 5_000_000, existingDebtFen: 100_000_000, requestedAmountFen: 100_000_000,
    });
    t.is(facts.version, 1);
    t.is(facts.subject.companyAgeMonths, 80);
    const after = await crm.orderProducts.autoMatch(sales.actor, order.id);
    const matched = after.items.find((i) => i.product.name === '税E贷');
    t.true(matched?.matched);
    t.true(matched?.amountFits);
    t.is(await outcome(crm.orderProducts.saveMatchFacts(sales.actor, order.id, 0, {})), 'product.match_facts_version_conflict');
    const timeline = await crm.orders.timeline(sales.actor, order.id);
    t.true(timeline.some((a) => a.action === 'products.match_facts_updated'));
  });

  test.serial(`[${backend}] saved lines give totals and the order's receivable; 未选/已选 counts; a bad line is refused with its path`, async (t) => {
    const { sales, order, id } = await setUp();
    const view = await crm.orderProducts.saveLines(sales.actor, order.id, 0, [
      { productId: id('税E贷'), discountFen: 200_000 },
      { productId: id('快贷'), serviceFeeFen: 500_000, quantity: 2 },
    ]);
    t.deepEqual(view.lines.map((l) => [l.productName, l.serviceFeeFen, l.discountFen, l.quantity, l.totalFen, l.status]), [
      ['税E贷', 1_000_000, 200_000, 1, 800_000, 'pending'],
      ['快贷', 500_000, 0, 2, 1_000_000, 'pending'],
    ]);
    t.is(view.receivableFen, 1_800_000);
    t.deepEqual(view.counts, { unselected: DEMO_PRODUCTS.length - 1 - 2, selected: 2 });
    t.is(view.version, 1);
    const detail = await crm.orders.get(sales.actor, order.id);
    t.is(detail.order.amounts.productTotalFen, 1_800_000);
    t.is(detail.order.amounts.receivableFen, 1_800_000);
    t.is(detail.timeline.at(-1)?.summary, '选择了「税E贷」「快贷」；产品应收合计 18000元');

    const bad = await crm.orderProducts.saveLines(sales.actor, order.id, 1, [{ productId: id('税E贷'), discountFen: 2_000_000 }]).catch((e: unknown) => e);
    t.deepEqual((bad as { fieldErrors: { path: string; code: string }[] }).fieldErrors.map((f) => [f.path, f.code]), [['/lines/0/discountFen', 'discount_above_gross']]);
    t.is(await outcome(crm.orderProducts.saveLines(sales.actor, order.id, 0, [])), 'product.lines_version_conflict');
    const inactive = await crm.orderProducts.saveLines(sales.actor, order.id, 1, [{ productId: id('车e抵') }]).catch((e: unknown) => e);
    t.deepEqual((inactive as { fieldErrors: { code: string }[] }).fieldErrors.map((f) => f.code), ['inactive_product']);

    const less = await crm.orderProducts.saveLines(sales.actor, order.id, 1, [{ productId: id('快贷'), serviceFeeFen: 500_000, quantity: 1 }]);
    t.is(less.receivableFen, 500_000);
    t.is((await crm.orders.get(sales.actor, order.id)).order.amounts.receivableFen, 500_000);
  });

  test.serial(`[${backend}] manual matching keeps the product and returns its unmet and unknown requirements as warnings`, async (t) => {
    const { sales, order, id } = await setUp(['车主贷']);
    await crm.orderProducts.saveMatchFacts(sales.actor, order.id, 0, { ownsVehicle: false });
    const view = await crm.orderProducts.saveLines(sales.actor, order.id, 0, [{ productId: id('车主贷') }], 'manual');
    const [line] = view.lines;
    t.is(line?.source, 'manual');
    t.deepEqual(line?.warnings.map((w) => [w.kind, w.status, w.zh]), [['needsVehicle', 'unmet', '客户名下无车辆，该产品要求有车辆']]);
  });

  test.serial(`[${backend}] applications move through their status table; each change is on the timeline and tells the owner; disbursed lines sum to the order's 放款金额`, async (t) => {
    const { firm, sales, order, id } = await setUp(['税E贷', '快贷']);
    const manager = await firm.person(['manager']);
    const lines = (await crm.orderProducts.saveLines(sales.actor, order.id, 0, [{ productId: id('税E贷') }, { productId: id('快贷') }])).lines;
    const [a, b] = lines;
    if (!a || !b) throw new Error('two lines expected');
    let x = await crm.orderProducts.changeApplication(manager.actor, order.id, a.id, a.version, { type: 'submit' });
    t.is(x.status, 'applying');
    t.is(x.statusLabel, '申请中');
    t.is(await outcome(crm.orderProducts.changeApplication(sales.actor, order.id, a.id, a.version, { type: 'submit' })), 'product.application_version_conflict');
    t.is(await outcome(crm.orderProducts.changeApplication(sales.actor, order.id, a.id, x.version, { type: 'disburse', disbursedAmountFen: 1, disbursedOn: '2026-11-26' })), 'application.transition_not_allowed');
    x = await crm.orderProducts.changeApplication(sales.actor, order.id, a.id, x.version, { type: 'approve', approvedAmountFen: 100_000_000, annualRatePercent: '3.85', termMonths: 12 });
    x = await crm.orderProducts.changeApplication(sales.actor, order.id, a.id, x.version, { type: 'disburse', disbursedAmountFen: 80_000_000, disbursedOn: '2026-11-26' });
    t.is(x.status, 'disbursed');
    let y = await crm.orderProducts.changeApplication(sales.actor, order.id, b.id, b.version, { type: 'submit' });
    y = await crm.orderProducts.changeApplication(sales.actor, order.id, b.id, y.version, { type: 'reject', reason: '负债率偏高' });
    t.is(y.rejectionReason, '负债率偏高');

    const view = await crm.orderProducts.listLines(sales.actor, order.id);
    t.is(view.disbursedFen, 80_000_000);
    t.is((await crm.orders.get(sales.actor, order.id)).order.amounts.disbursedFen, 80_000_000);
    const actions = (await crm.orders.timeline(sales.actor, order.id)).map((e) => e.action).filter((s) => s.startsWith('application.'));
    t.deepEqual(actions, ['application.submit', 'application.approve', 'application.disburse', 'application.submit', 'application.reject']);
    const events = await db()('outbox_events').where({ tenant_id: firm.tenantId, subject_id: order.id, type: 'application.status_changed' }).orderBy('id');
    t.is(events.length, 5);
    t.deepEqual(events[0].data.notifyUserIds, [sales.actor.userId]); // the manager acted: the owner is told
    t.deepEqual(events[1].data.notifyUserIds, []); // the owner acted
    t.deepEqual([events[0].data.from, events[0].data.to], ['pending', 'applying']);
    // A line under way at the bank cannot be dropped; a rejected one can.
    t.is(await outcome(crm.orderProducts.saveLines(sales.actor, order.id, view.version, [{ productId: id('快贷') }])), 'product.line_in_progress');
    t.is((await crm.orderProducts.saveLines(sales.actor, order.id, view.version, [{ productId: id('税E贷') }])).lines.length, 1);
  });

  test.serial(`[${backend}] the repayment comparison of a matched product uses the approved terms`, async (t) => {
    const { sales, order, id } = await setUp(['税E贷']);
    const [line] = (await crm.orderProducts.saveLines(sales.actor, order.id, 0, [{ productId: id('税E贷') }])).lines;
    if (!line) throw new Error('a line expected');
    const fresh = await crm.orderProducts.lineComparison(sales.actor, order.id, line.id, {});
    t.deepEqual(fresh.terms, { principalFen: 10_000_000, annualRatePercent: '4.35', months: 12, sources: { principal: 'product', rate: 'product', months: 'product' } });
    const x = await crm.orderProducts.changeApplication(sales.actor, order.id, line.id, line.version, { type: 'submit' });
    const approved = await crm.orderProducts.changeApplication(sales.actor, order.id, line.id, x.version, { type: 'approve', approvedAmountFen: 10_000_000, annualRatePercent: '4.35', termMonths: 12 });
    t.is(approved.approvedAnnualRatePercent, '4.35');
    const c = await crm.orderProducts.lineComparison(sales.actor, order.id, line.id, {});
    t.deepEqual(c.terms.sources, { principal: 'approved', rate: 'approved', months: 'approved' });
    // 10万元, 4.35%, 12 months, 等额本息: 8,530.99 yuan a month, as the bank calculators publish.
    t.is(c.methods.find((m) => m.method === 'equal-installment')?.firstPaymentFen, 853_099);
    t.is(await outcome(crm.orderProducts.lineComparison(sales.actor, order.id, line.id, { months: 36 })), 'validation.failed');
  });

  test.serial(`[${backend}] another salesperson's order is not found until it is handed to them; the department manager sees it; another tenant never does`, async (t) => {
    const { firm, sales, order, id } = await setUp(['税E贷']);
    const other = await firm.person(['sales']);
    const manager = await firm.person(['manager']);
    const stranger = await aFirm(crm);
    await crm.orderProducts.saveLines(sales.actor, order.id, 0, [{ productId: id('税E贷') }]);
    const lineId = (await crm.orderProducts.listLines(sales.actor, order.id)).lines[0]?.id as string;
    const calls = (actor: Actor) => [
      crm.orderProducts.getMatchFacts(actor, order.id),
      crm.orderProducts.saveMatchFacts(actor, order.id, 0, {}),
      crm.orderProducts.autoMatch(actor, order.id),
      crm.orderProducts.listLines(actor, order.id),
      crm.orderProducts.saveLines(actor, order.id, 1, []),
      crm.orderProducts.changeApplication(actor, order.id, lineId, 1, { type: 'submit' }),
      crm.orderProducts.lineComparison(actor, order.id, lineId, {}),
      crm.statusLookup.codeInfo(actor, order.id),
      crm.statusLookup.issueCode(actor, order.id),
    ];
    for (const actor of [other.actor, stranger.admin]) {
      t.deepEqual(await Promise.all(calls(actor).map(outcome)), Array(9).fill('order.not_found'));
    }
    t.is((await crm.orderProducts.listLines(manager.actor, order.id)).lines.length, 1);
    const { version } = (await crm.orders.get(sales.actor, order.id)).order;
    await crm.orders.fire(sales.actor, order.id, { type: 'hand_over', toUserId: other.actor.userId, remark: '请协助', version });
    t.is((await crm.orderProducts.listLines(other.actor, order.id)).lines.length, 1);
  });
}
