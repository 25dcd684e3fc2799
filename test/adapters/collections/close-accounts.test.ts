// 结单 and 账务管理 against the database: the close through its approval flow completes the order and makes it
// read-only except reversals; the lists with their filters, totals, data scope and .xlsx exports; reminders;
// a plan's rest due on disbursement.
import test from 'ava';
import ExcelJS from 'exceljs';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import { backends } from '../../support/database.js';
import { testCrm } from '../../support/crm.js';
import { aFirm } from '../../support/tenant.js';
import { aCatalogue } from '../products/product-builders.js';
import { aProfile } from '../orders/order-builders.js';
import { TickingClock, aFinanceFirm, aReceipt, anApprovedReceipt, anOrderOwing, anOrderWithPlan, code, decide } from './builders.js';

async function readXlsx(stream: AsyncIterable<Uint8Array>): Promise<(string | number | null)[][]> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as never);
  const ws = wb.worksheets[0];
  const rows: (string | number | null)[][] = [];
  ws?.eachRow((row) => rows.push((row.values as (string | number | null)[]).slice(1)));
  return rows;
}

for (const backend of backends()) {
  let crm: Crm;
  const clock = new TickingClock();
  test.before(async () => {
    crm = await testCrm(backend, { clock });
  });
  test.after.always(async () => {
    await crm?.close();
  });

  test.serial(`[${backend}] finance closes a fully collected order through the close flow; the order completes and is read-only but reversals`, async (t) => {
    const f = await aFinanceFirm(crm);
    const order = await anOrderWithPlan(crm, f, 1_000_000, 1);
    const early = await crm.closes.status(f.finance.actor, order.id);
    t.deepEqual(early.unmet.map((u) => u.code), ['fully_collected']);
    t.is(await code(crm.closes.requestClose(f.finance.actor, order.id)), 'collection.close_not_ready');
    const r = await anApprovedReceipt(crm, f, order.id, 1_000_000);
    t.is(await code(crm.closes.requestClose(f.sales.actor, order.id)), 'auth.forbidden');
    const request = await crm.closes.requestClose(f.operations.actor, order.id, { requestId: 'close-1' });
    t.is(request.status, 'pending');
    t.true((await crm.closes.requestClose(f.operations.actor, order.id, { requestId: 'close-1' })).replayed);
    t.is((await crm.orders.get(f.finance.actor, order.id)).status, 'open');
    await decide(crm, f.operations.actor, order.id);
    const done = await crm.orders.get(f.finance.actor, order.id);
    t.deepEqual([done.status, done.order.stageKey, done.progress], ['completed', 'completed', 100]);
    t.truthy(done.order.completedAt);
    t.true(done.timeline.some((a) => a.action === 'order.completed'));
    t.is(await code(crm.receipts.create(f.finance.actor, aReceipt(order.id, 1))), 'collection.order_completed');
    t.is(await code(crm.collectionPlans.save(f.finance.actor, order.id, { version: 1, spec: { method: 'equal', count: 2, firstDueOn: '2027-01-01' } })), 'collection.order_completed');
    t.is(await code(crm.closes.requestClose(f.finance.actor, order.id)), 'collection.order_completed');
    t.true((await crm.collectionPlans.get(f.finance.actor, order.id)).readOnly);
    t.is((await crm.receipts.requestReversal(f.finance.actor, r.id, '退款给客户')).state, 'reversing');
  });

  test.serial(`[${backend}] a rejected close leaves the order open; the firm may also require the invoices first; the pipeline's own conditions are asked before submitting`, async (t) => {
    const f = await aFinanceFirm(crm);
    const order = await anOrderWithPlan(crm, f, 500_000, 1);
    await anApprovedReceipt(crm, f, order.id, 500_000, { invoiceWanted: true, invoiceKind: 'normal' });
    const s = await crm.collectionSettings.get(f.finance.actor);
    await crm.collectionSettings.update(f.finance.actor, { version: s.version, requireInvoicedToClose: true });
    t.deepEqual((await crm.closes.status(f.finance.actor, order.id)).unmet.map((u) => u.code), ['fully_invoiced']);
    t.is(await code(crm.closes.requestClose(f.finance.actor, order.id)), 'collection.close_not_ready');
    await crm.collectionSettings.update(f.finance.actor, { version: s.version + 1, requireInvoicedToClose: false });
    await crm.closes.requestClose(f.finance.actor, order.id);
    await decide(crm, f.operations.actor, order.id, 'reject');
    t.is((await crm.orders.get(f.finance.actor, order.id)).status, 'open');
    const facts = await crm.database.knex('order_guard_facts').where({ tenant_id: f.firm.tenantId, order_id: order.id }).first();
    t.deepEqual([facts.fully_collected, facts.close_approved], [true, false]);

    const g = await aFinanceFirm(crm, { defaultPipeline: true });
    const early = await anOrderWithPlan(crm, g, 300_000, 1);
    await anApprovedReceipt(crm, g, early.id, 300_000);
    t.is(await code(crm.closes.requestClose(g.finance.actor, early.id)), 'order.transition_not_allowed'); // still in 初次沟通
    // 结单's status says so before anyone asks: all collected, yet the stage stops it (never 可以结单 then a refusal).
    const unmet = (await crm.closes.status(g.finance.actor, early.id)).unmet;
    t.deepEqual(unmet.map((u) => u.code), ['stage']);
    const refusal = await crm.closes.requestClose(g.finance.actor, early.id).then(() => undefined, (e: { text?: { zh: string } }) => e.text?.zh);
    t.is(unmet[0]?.zh, refusal, 'the same words as the refusal');
  });

  test.serial(`[${backend}] the accounts lists filter by period, department, person, method and state, total every match, and respect data scope`, async (t) => {
    const f = await aFinanceFirm(crm);
    const team = await crm.organisation.createDepartment(f.firm.admin, { name: '三：新媒体运营中心', parentId: f.firm.rootDepartmentId });
    const lulu = await f.firm.person(['sales'], { departmentId: team.id, name: '孙露露' });
    const a = await anOrderWithPlan(crm, f, 1_000_000, 2, '2026-11-01', lulu.actor); // first instalment already late on 26 November
    const b = await anOrderWithPlan(crm, f, 2_000_000, 1, '2026-12-20');
    await anApprovedReceipt(crm, f, a.id, 300_000, { receivedOn: '2026-11-03', paymentMethod: '微信' });
    await anApprovedReceipt(crm, f, b.id, 2_000_000, { receivedOn: '2026-10-15' });
    await crm.receipts.create(f.finance.actor, aReceipt(a.id, 100_000, { receivedOn: '2026-11-05' }));

    const all = await crm.accounts.receipts(f.finance.actor, {}, { limit: 2, withTotal: true });
    t.deepEqual(all.totals, { count: 3, amountFen: 2_400_000, collectedFen: 2_300_000 });
    t.deepEqual(all.items.map((r) => r.receivedOn), ['2026-11-05', '2026-11-03']);
    const page2 = await crm.accounts.receipts(f.finance.actor, {}, { limit: 2, cursor: all.nextCursor ?? undefined });
    t.deepEqual(page2.items.map((r) => [r.receivedOn, r.instalmentNumbers]), [['2026-10-15', [1]]]);
    t.is((await crm.accounts.receipts(f.finance.actor, { period: 'month' }, { limit: 10 })).items.length, 2);
    t.is((await crm.accounts.receipts(f.finance.actor, { from: '2026-10-01', to: '2026-10-31' }, { limit: 10 })).items.length, 1);
    t.deepEqual((await crm.accounts.receipts(f.finance.actor, { departmentId: team.id, state: 'approved' }, { limit: 10 })).items.map((r) => [r.ownerName, r.paymentMethod]), [['孙露露', '微信']]);
    t.is((await crm.accounts.receipts(f.finance.actor, { paymentMethod: '微信' }, { limit: 10 })).items.length, 1);
    t.is((await crm.accounts.receipts(f.finance.actor, { ownerId: f.sales.actor.userId }, { limit: 10 })).items.length, 1);
    t.is((await crm.accounts.receipts(lulu.actor, {}, { limit: 10 })).items.length, 2); // a sales person: own orders only
    t.is((await crm.accounts.receipts((await aFirm(crm)).admin, {}, { limit: 10 })).items.length, 0);

    const inst = await crm.accounts.instalments(f.finance.actor, {}, { limit: 10, withTotal: true });
    t.deepEqual(inst.items.map((i) => [i.dueOn, i.state, i.outstandingFen]), [['2026-11-01', 'overdue', 200_000], ['2026-12-01', 'uncollected', 500_000], ['2026-12-20', 'collected', 0]]);
    t.deepEqual(inst.totals, { count: 3, amountFen: 3_000_000, collectedFen: 2_300_000, outstandingFen: 700_000 });
    const overdue = await crm.accounts.overdue(f.finance.actor, {}, { limit: 10, withTotal: true });
    t.deepEqual([overdue.total, overdue.items[0]?.companyName], [1, a.companyName]);
    t.is((await crm.accounts.instalments(f.finance.actor, { state: 'collected' }, { limit: 10 })).items.length, 1);
    t.is((await crm.accounts.overdue(f.sales.actor, {}, { limit: 10 })).items.length, 0);
    t.is(await code(crm.accounts.receipts(f.finance.actor, { departmentId: '00000000-0000-4000-8000-000000000000' }, { limit: 10 })), 'department.not_found');

    const sheet = await readXlsx(await crm.accounts.exportReceipts(f.finance.actor, {}));
    t.deepEqual(sheet[0]?.slice(0, 5), ['回款日期', '关联客户', '订单', '回款金额（元）', '期次']);
    t.deepEqual(sheet.slice(1).map((r) => [r[0], r[3], r[11]]), [['2026-11-05', 1000, '草稿'], ['2026-11-03', 3000, '已确认'], ['2026-10-15', 20000, '已确认']]);
    const late = await readXlsx(await crm.accounts.exportInstalments(f.finance.actor, { state: 'overdue' }));
    t.deepEqual(late.map((r) => r.slice(2, 8)), [['期次', '到期日', '应回款（元）', '已回款（元）', '未回款（元）', '状态'], ['第1期', '2026-11-01', 5000, 3000, 2000, '逾期']]);
  });

  test.serial(`[${backend}] owners are reminded once before an instalment falls due`, async (t) => {
    const f = await aFinanceFirm(crm);
    const order = await anOrderWithPlan(crm, f, 1_000_000, 1, '2026-11-28');
    const countEvents = async () => (await crm.database.knex('outbox_events').where({ tenant_id: f.firm.tenantId, type: 'collection.instalment_due_soon', subject_id: order.id })).length;
    await crm.collectionReminders.run(new Date('2026-11-24T08:00:00Z'));
    t.is(await countEvents(), 0);
    await crm.collectionReminders.run(new Date('2026-11-25T08:00:00Z'));
    await crm.collectionReminders.run(new Date('2026-11-26T08:00:00Z'));
    t.is(await countEvents(), 1);
    const e = await crm.database.knex('outbox_events').where({ tenant_id: f.firm.tenantId, type: 'collection.instalment_due_soon' }).first();
    t.is((typeof e.data === 'string' ? JSON.parse(e.data) : e.data).recipientId, f.sales.actor.userId);
  });

  test.serial(`[${backend}] owners hear once a day that an instalment is overdue, until it is collected`, async (t) => {
    const f = await aFinanceFirm(crm);
    const order = await anOrderWithPlan(crm, f, 1_000_000, 1, '2026-11-20');
    const notices = async () => (await crm.database.knex('outbox_events').where({ tenant_id: f.firm.tenantId, type: 'collection.instalment_overdue', subject_id: order.id })).map((e) => (typeof e.data === 'string' ? JSON.parse(e.data) : e.data));
    const pass = async (at: string) => { while ((await crm.overdueNotices.run(new Date(at))) > 0); };
    await pass('2026-11-20T15:00:00Z'); // 23:00 on the due day in Shanghai: not late yet
    t.is((await notices()).length, 0);
    await pass('2026-11-20T16:30:00Z'); // 00:30 on the 21st
    await Promise.all([pass('2026-11-21T02:00:00Z'), pass('2026-11-21T03:00:00Z')]); // the same day, twice at once
    t.deepEqual((await notices()).map((d) => [d.day, d.recipientId, d.number, d.dueOn, d.outstandingFen]), [['2026-11-21', f.sales.actor.userId, 1, '2026-11-20', 1_000_000]]);
    await pass('2026-11-22T02:00:00Z');
    t.deepEqual((await notices()).map((d) => d.day), ['2026-11-21', '2026-11-22']);
    await anApprovedReceipt(crm, f, order.id, 1_000_000);
    await pass('2026-11-23T02:00:00Z');
    t.is((await notices()).length, 2, 'collected: no more notices');
    await crm.outboxRelay.runOnce();
    const [m] = (await crm.messages.list(f.sales.actor, { kind: 'finance' }, { limit: 5 })).items.filter((x) => x.title.zh.startsWith('回款已逾期'));
    t.truthy(m, 'the 消息 list has it too');
  });

  test.serial(`[${backend}] the rest of a deposit plan falls due on the day the bank disburses`, async (t) => {
    const f = await aFinanceFirm(crm);
    const catalogue = await aCatalogue(crm, f.operations.actor, ['税E贷']);
    const order = await anOrderOwing(crm, f.firm, f.sales.actor, 2_000_000);
    await crm.orderProfiles.save(f.sales.actor, order.id, { ...aProfile(), version: (await crm.orders.get(f.sales.actor, order.id)).order.version } as never);
    await crm.collectionPlans.save(f.finance.actor, order.id, { version: 0, spec: { method: 'deposit', depositPercent: 20, depositDueOn: '2026-12-01' } });
    const [line] = (await crm.orderProducts.saveLines(f.sales.actor, order.id, 0, [{ productId: catalogue.get('税E贷')?.id as string }])).lines;
    if (!line) throw new Error('a line expected');
    let x = await crm.orderProducts.changeApplication(f.sales.actor, order.id, line.id, line.version, { type: 'submit' });
    x = await crm.orderProducts.changeApplication(f.sales.actor, order.id, line.id, x.version, { type: 'approve', approvedAmountFen: 100_000_000, annualRatePercent: '3.85', termMonths: 12 });
    t.deepEqual((await crm.collectionPlans.get(f.finance.actor, order.id)).instalments.map((i) => [i.dueOn, i.onDisbursement, i.amountFen]), [['2026-12-01', false, 400_000], [null, true, 1_600_000]]);
    await crm.orderProducts.changeApplication(f.sales.actor, order.id, line.id, x.version, { type: 'disburse', disbursedAmountFen: 80_000_000, disbursedOn: '2026-11-25' });
    t.deepEqual((await crm.collectionPlans.get(f.finance.actor, order.id)).instalments.map((i) => i.dueOn), ['2026-12-01', '2026-11-25']);
  });
}
