// 资料清单 against the database: a product's checklist (from its requiredDocuments until the firm saves one,
// versioned), an order's checklist from the files marked as documents (one file counting for two products),
// 提交申请 refused while a blocking document is missing or expired (nothing changed), the expiry reminder task
// made once however often the job runs, its notice the firm's own 资料到期提醒提前天数, and another firm seeing
// none of it.
import test from 'ava';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import { CHECKLIST_REMINDER_RULE } from '../../../core/checklists/index.js';
import { backends } from '../../support/database.js';
import { FakeClock, testCrm } from '../../support/crm.js';
import { aFirm } from '../../support/tenant.js';
import { aCatalogue, anOrderWithProfile, outcome } from '../products/product-builders.js';
import { upload } from '../orders/order-builders.js';

const REPORT = { document: '征信报告', validity: { kind: 'days_from_document_date', days: 30 }, blocksSubmission: true };
const STATEMENT = { document: '银行流水', validity: { kind: 'covers_last_months', months: 6, endWithinDays: 30 }, blocksSubmission: true };
const LICENCE = { document: '营业执照', validity: { kind: 'until_expiry_date' }, blocksSubmission: false };

for (const backend of backends()) {
  let crm: Crm;
  const clock = new FakeClock(new Date('2026-12-01T02:00:00Z')); // 10:00 on 12-01 in Shanghai
  test.before(async () => {
    crm = await testCrm(backend, { clock });
  });
  test.after.always(async () => {
    await crm?.close();
  });

  async function setUp() {
    clock.set('2026-12-01T02:00:00Z');
    const firm = await aFirm(crm);
    const sales = await firm.person(['sales'], { name: '孙露露' });
    const catalogue = await aCatalogue(crm, firm.admin, ['税E贷', '快贷']);
    const shuiE = catalogue.get('税E贷')?.id as string;
    const kuai = catalogue.get('快贷')?.id as string;
    const { order } = await anOrderWithProfile(crm, sales.actor);
    const lines = await crm.orderProducts.saveLines(sales.actor, order.id, 0, [{ productId: shuiE }, { productId: kuai }]);
    const line = (productId: string) => lines.lines.find((l) => l.productId === productId)!;
    return { firm, sales, shuiE, kuai, order, line };
  }

  test.serial(`[${backend}] a product's checklist comes from its requiredDocuments until the firm saves one; saving is versioned and checked`, async (t) => {
    const { firm, sales, shuiE } = await setUp();
    const before = await crm.checklists.productChecklist(sales.actor, shuiE);
    t.is(before.version, 0);
    t.deepEqual(before.documents.map((d) => [d.document, d.validity.kind, d.blocksSubmission]), [
      ['营业执照', 'until_expiry_date', false], ['法人身份证', 'none', false], ['近两年纳税申报表', 'none', false], ['征信查询授权书', 'none', false],
    ]);
    const saved = await crm.checklists.saveProductChecklist(firm.admin, shuiE, 0, [REPORT, LICENCE]);
    t.is(saved.version, 1);
    // The names only requiredDocuments lists follow the saved checklist, not blocking.
    t.deepEqual(saved.documents.map((d) => [d.document, d.blocksSubmission]), [
      ['征信报告', true], ['营业执照', false], ['法人身份证', false], ['近两年纳税申报表', false], ['征信查询授权书', false],
    ]);
    t.is(await outcome(crm.checklists.saveProductChecklist(firm.admin, shuiE, 0, [REPORT])), 'checklist.version_conflict');
    t.is(await outcome(crm.checklists.saveProductChecklist(firm.admin, shuiE, 1, [{ ...REPORT, validity: { kind: 'days_from_document_date', days: 0 } }])), 'checklist.invalid_requirements');
    t.is(await outcome(crm.checklists.saveProductChecklist(sales.actor, shuiE, 1, [REPORT])), 'auth.forbidden');
    t.is((await crm.checklists.productChecklist(firm.admin, shuiE)).version, 1);
  });

  test.serial(`[${backend}] an order's checklist: one 征信报告 counts for both products, each under its own validity; submission waits for blocking documents`, async (t) => {
    const { firm, sales, shuiE, kuai, order, line } = await setUp();
    await crm.checklists.saveProductChecklist(firm.admin, shuiE, 0, [REPORT, LICENCE]);
    await crm.checklists.saveProductChecklist(firm.admin, kuai, 0, [{ ...REPORT, validity: { kind: 'days_from_document_date', days: 15 } }, STATEMENT]);

    const empty = await crm.checklists.orderChecklist(sales.actor, order.id);
    t.is(empty.asOfDate, '2026-12-01');
    t.deepEqual(empty.products.map((p) => [p.productName, p.counts.missing]), [['税E贷', 5], ['快贷', 6]]);

    // 提交申请 is refused, listing what is missing; nothing changes.
    const l = line(shuiE);
    type Refusal = { code: string; details: { documents: { document: string; state: string }[] } };
    const refused = (await crm.orderProducts.changeApplication(sales.actor, order.id, l.id, l.version, { type: 'submit' }).catch((e: unknown) => e)) as Refusal;
    t.is(refused.code, 'checklist.documents_incomplete');
    t.deepEqual(refused.details.documents.map((d) => [d.document, d.state]), [['征信报告', 'missing']]);
    const unchanged = (await crm.orderProducts.listLines(sales.actor, order.id)).lines.find((x) => x.id === l.id)!;
    t.deepEqual([unchanged.status, unchanged.version], ['pending', l.version]);

    const report = await upload(crm, sales.actor, order.id, 'other', 'pdf');
    const marked = await crm.checklists.markFile(sales.actor, order.id, { fileId: report.id, document: '征信报告', documentDate: '2026-11-20' });
    const state = (productId: string, document: string) => marked.products.find((p) => p.productId === productId)?.documents.find((d) => d.document === document);
    t.deepEqual([state(shuiE, '征信报告')?.state, state(shuiE, '征信报告')?.validThrough], ['collected', '2026-12-20']);
    t.deepEqual([state(kuai, '征信报告')?.state, state(kuai, '征信报告')?.validThrough], ['expiring', '2026-12-05']);
    t.deepEqual(marked.files.find((f) => f.fileId === report.id)?.satisfies.map((u) => u.productId).sort(), [shuiE, kuai].sort());

    const submitted = await crm.orderProducts.changeApplication(sales.actor, order.id, l.id, l.version, { type: 'submit' });
    t.is(submitted.status, 'applying');
    // 快贷 still lacks its 银行流水.
    const k = line(kuai);
    t.is(await outcome(crm.orderProducts.changeApplication(sales.actor, order.id, k.id, k.version, { type: 'submit' })), 'checklist.documents_incomplete');

    // A statement a day short of six months cannot count; the right period does.
    const statement = await upload(crm, sales.actor, order.id, 'other', 'pdf');
    const short = await crm.checklists.markFile(sales.actor, order.id, { fileId: statement.id, document: '银行流水', coversFrom: '2026-05-22', coversTo: '2026-11-20' });
    t.is(short.products.find((p) => p.productId === kuai)?.documents.find((d) => d.document === '银行流水')?.unusableFiles[0]?.fileId, statement.id);
    await crm.checklists.markFile(sales.actor, order.id, { fileId: statement.id, document: '银行流水', coversFrom: '2026-05-21', coversTo: '2026-11-20' });
    t.is((await crm.orderProducts.changeApplication(sales.actor, order.id, k.id, k.version, { type: 'submit' })).status, 'applying');

    // Time passes: on 12-06 the 15-day report is expired for 快贷 (already submitted: no refusal any more).
    clock.set('2026-12-06T02:00:00Z');
    const later = await crm.checklists.orderChecklist(sales.actor, order.id);
    t.is(later.products.find((p) => p.productId === kuai)?.documents.find((d) => d.document === '征信报告')?.state, 'expired');

    // Taking a mark back; a mark that is not there is not found.
    await crm.checklists.unmarkFile(sales.actor, order.id, report.id, '征信报告');
    t.is(await outcome(crm.checklists.unmarkFile(sales.actor, order.id, report.id, '征信报告')), 'file_document.not_found');
  });

  test.serial(`[${backend}] bad facts, a file of another order and another firm are refused, nothing recorded`, async (t) => {
    const { sales, order } = await setUp();
    const file = await upload(crm, sales.actor, order.id, 'other', 'pdf');
    t.is(await outcome(crm.checklists.markFile(sales.actor, order.id, { fileId: file.id, document: '银行流水', coversFrom: '2026-10-31', coversTo: '2026-05-01' })), 'checklist.invalid_document');
    t.is(await outcome(crm.checklists.markFile(sales.actor, order.id, { fileId: file.id, document: '' })), 'checklist.invalid_document');
    const { order: otherOrder } = await anOrderWithProfile(crm, sales.actor);
    t.is(await outcome(crm.checklists.markFile(sales.actor, otherOrder.id, { fileId: file.id, document: '征信报告', documentDate: '2026-11-20' })), 'file.not_found');
    t.is(await outcome(crm.checklists.markFile(sales.actor, order.id, { fileId: 'not-a-uuid', document: '征信报告' })), 'file.not_found');
    const stranger = await aFirm(crm);
    t.is(await outcome(crm.checklists.orderChecklist(stranger.admin, order.id)), 'order.not_found');
    t.is(await outcome(crm.checklists.markFile(stranger.admin, order.id, { fileId: file.id, document: '征信报告', documentDate: '2026-11-20' })), 'order.not_found');
    t.deepEqual((await crm.checklists.orderChecklist(sales.actor, order.id)).files.flatMap((f) => f.marks), []);
  });

  test.serial(`[${backend}] the expiry reminder: one task for the owner N days before, however often the job runs, only while an application is open`, async (t) => {
    const { firm, sales, shuiE, kuai, order } = await setUp();
    await crm.checklists.saveProductChecklist(firm.admin, shuiE, 0, [REPORT]);
    await crm.checklists.saveProductChecklist(firm.admin, kuai, 0, [{ ...REPORT, validity: { kind: 'days_from_document_date', days: 15 } }]);
    const report = await upload(crm, sales.actor, order.id, 'other', 'pdf');
    await crm.checklists.markFile(sales.actor, order.id, { fileId: report.id, document: '征信报告', documentDate: '2026-11-20' });
    // Good through 12-20 for 税E贷 and 12-05 for 快贷; 7 days' notice: 快贷's is due from 11-29, 税E贷's from 12-14.
    const first = await crm.checklistReminders.run(new Date('2026-12-01T02:00:00Z'), { tenantId: firm.tenantId });
    t.is(first.created, 1);
    const again = await crm.checklistReminders.run(new Date('2026-12-01T03:00:00Z'), { tenantId: firm.tenantId });
    t.is(again.created, 0);
    const tasks = await crm.tasks.list(sales.actor, { view: 'mine' }, { limit: 50 });
    const mine = tasks.items.filter((x) => x.ruleKey === CHECKLIST_REMINDER_RULE);
    t.is(mine.length, 1);
    t.deepEqual([mine[0]?.relatedType, mine[0]?.relatedId, mine[0]?.assigneeId], ['order', order.id, sales.actor.userId]);
    t.regex(mine[0]?.title ?? '', /征信报告/);
    // 12-14: 税E贷's reminder is due; 快贷's was made already.
    t.is((await crm.checklistReminders.run(new Date('2026-12-14T02:00:00Z'), { tenantId: firm.tenantId })).created, 1);
    // Once every application is decided, nothing is reminded.
    const { order: closed } = await anOrderWithProfile(crm, sales.actor);
    const lines = await crm.orderProducts.saveLines(sales.actor, closed.id, 0, [{ productId: shuiE }]);
    const f2 = await upload(crm, sales.actor, closed.id, 'other', 'pdf');
    await crm.checklists.markFile(sales.actor, closed.id, { fileId: f2.id, document: '征信报告', documentDate: '2026-12-01' });
    const l = lines.lines[0]!;
    await crm.orderProducts.changeApplication(sales.actor, closed.id, l.id, l.version, { type: 'withdraw', reason: '客户放弃' });
    t.is((await crm.checklistReminders.run(new Date('2026-12-28T02:00:00Z'), { tenantId: firm.tenantId })).created, 0);
  });

  test.serial(`[${backend}] the reminder's notice is the firm's 资料到期提醒提前天数: 14 days reminds of a report expiring in 10, 7 does not`, async (t) => {
    const { firm, sales, shuiE, order } = await setUp();
    await crm.checklists.saveProductChecklist(firm.admin, shuiE, 0, [REPORT]);
    const report = await upload(crm, sales.actor, order.id, 'other', 'pdf');
    // Good through 12-20; on 12-10 it has 10 days left.
    await crm.checklists.markFile(sales.actor, order.id, { fileId: report.id, document: '征信报告', documentDate: '2026-11-20' });
    const asOf = new Date('2026-12-10T02:00:00Z');
    t.deepEqual(await crm.checklistSettings.get(sales.actor), { reminderDaysBefore: 7, version: 0 });
    t.is((await crm.checklistReminders.run(asOf, { tenantId: firm.tenantId })).created, 0);

    // Refused, nothing saved: outside 1–90, not whole, stale, or without product.manage.
    for (const n of [0, 91, 7.5]) t.is(await outcome(crm.checklistSettings.update(firm.admin, { version: 0, reminderDaysBefore: n })), 'validation.failed');
    t.is(await outcome(crm.checklistSettings.update(firm.admin, { version: 3, reminderDaysBefore: 14 })), 'checklist.settings_conflict');
    t.is(await outcome(crm.checklistSettings.update(sales.actor, { version: 0, reminderDaysBefore: 14 })), 'auth.forbidden');
    t.is((await crm.checklistSettings.get(firm.admin)).version, 0);

    t.deepEqual(await crm.checklistSettings.update(firm.admin, { version: 0, reminderDaysBefore: 14 }), { reminderDaysBefore: 14, version: 1 });
    t.is((await crm.checklistReminders.run(asOf, { tenantId: firm.tenantId })).created, 1);
    t.is((await crm.checklistReminders.run(asOf, { tenantId: firm.tenantId })).created, 0, 'a rerun adds nothing');
    // Another firm keeps its default.
    const stranger = await aFirm(crm);
    t.deepEqual(await crm.checklistSettings.get(stranger.admin), { reminderDaysBefore: 7, version: 0 });
  });
}
