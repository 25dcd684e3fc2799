// Merging duplicates, the lifecycle port the orders area calls in its own transaction, and the firm's
// settings (grading, dictionaries, 常用语) through the service, on every backend.
import { randomUUID } from 'node:crypto';
import { ContainerModule } from 'inversify';
import { MergeParticipant } from '../../../core/inquiries/ports.js';
import type { Tx } from '../../../core/shared/ports.js';
import { UnitOfWork } from '../../../core/shared/ports.js';
import { aForm, codeOf, someRecords } from './fixtures.js';
import { suite } from './suite.js';

const DAY = 86_400_000;
const calls: { tenantId: string; from: string; to: string }[] = [];
const probe: MergeParticipant = {
  name: 'probe',
  async reassign(_tx: Tx, tenantId: string, from: string, to: string) {
    calls.push({ tenantId, from, to });
    return 0;
  },
};

const { each } = suite({
  serial: true,
  crm: {
    plugins: [{ name: 'merge_probe', facade: {}, module: new ContainerModule(({ bind }) => { bind(MergeParticipant).toConstantValue(probe); }) }],
  },
});

each('a merge keeps both records’ follow-ups, timelines and referencing rows on the survivor, and marks the duplicate', async (t, { crm, a }) => {
  const knex = crm.database.knex;
  // A table of "another area" that references inquiries: the generic inquiry_id sweep must carry its rows.
  await knex.raw('create table if not exists inquiry_merge_probe (tenant_id uuid not null, id uuid primary key, inquiry_id uuid not null)');
  t.teardown(async () => {
    await knex.raw('drop table if exists inquiry_merge_probe');
  });
  const now = crm.clock.now();
  const keep = await crm.inquiries.create(a.sun, aForm(now));
  const dup = await crm.inquiries.create(a.zhou, aForm(now, { companyName: keep.companyName.replace('有限公司', '') }));
  const next = new Date(now.getTime() + DAY);
  await crm.followUps.create(a.sun, keep.id, { type: '回访跟进', content: '孙露露的跟进', nextFollowUpAt: next });
  await crm.followUps.create(a.zhou, dup.id, { type: '产品方案', content: '周销售的跟进', nextFollowUpAt: next });
  await knex('inquiry_merge_probe').insert({ tenant_id: a.tenantId, id: randomUUID(), inquiry_id: dup.id });

  const matches = await crm.inquiries.checkDuplicates(a.wang, { companyName: keep.companyName });
  t.deepEqual(matches.map((m) => m.id).sort(), [keep.id, dup.id].sort());

  const r = await crm.inquiries.merge(a.wang, keep.id, dup.id);
  t.is(r.mergedId, dup.id);
  t.deepEqual(r.moved, { probe: 0, activities: 2, inquiry_follow_ups: 1, inquiry_merge_probe: 1 });
  t.deepEqual(calls.at(-1), { tenantId: a.tenantId, from: dup.id, to: keep.id });
  t.deepEqual((await crm.followUps.list(a.sun, keep.id)).map((f) => f.content).sort(), ['周销售的跟进', '孙露露的跟进']);
  const timeline = await crm.inquiries.timeline(a.sun, keep.id);
  t.deepEqual(timeline.map((x) => x.action).sort(), ['inquiry.created', 'inquiry.created', 'inquiry.followed_up', 'inquiry.followed_up', 'inquiry.merged'].sort());
  t.regex(timeline.at(-1)?.summary ?? '', /^合并了重复记录「T\w+盛博科技」（郑盛，负责人：周销售）$/);
  const gone = await crm.inquiries.get(a.wang, dup.id);
  t.is(gone.mergedIntoId, keep.id);
  t.deepEqual((await crm.inquiries.timeline(a.wang, dup.id)).map((x) => x.summary), [`已合并到「${keep.companyName}」（郑盛）`]);
  t.deepEqual((await knex('inquiry_merge_probe').where({ tenant_id: a.tenantId }).pluck('inquiry_id')), [keep.id]);
  // The duplicate leaves every list and 查重, and its mobile is free again.
  t.deepEqual((await crm.inquiries.checkDuplicates(a.wang, { companyName: keep.companyName })).map((m) => m.id), [keep.id]);
  t.false((await crm.inquiries.list(a.wang, { keyword: dup.companyName }, { limit: 10 })).items.some((i) => i.id === dup.id));
  const again = await crm.inquiries.create(a.zhou, aForm(now, { mobile: dup.mobile }));
  t.is(again.mobile, dup.mobile);
  t.is(await codeOf(crm.inquiries.merge(a.wang, keep.id, dup.id)), 'inquiry.already_merged');
  t.is(await codeOf(crm.inquiries.merge(a.wang, keep.id, keep.id)), 'inquiry.merge_self');
  t.is(await codeOf(crm.followUps.create(a.zhou, dup.id, { type: '回访跟进', content: 'x', nextFollowUpAt: next })), 'inquiry.already_merged');
});

each('merging needs inquiry.merge and both records in scope', async (t, { crm, a }) => {
  const now = crm.clock.now();
  const x = await crm.inquiries.create(a.sun, aForm(now));
  const y = await crm.inquiries.create(a.sun, aForm(now));
  const z = await crm.inquiries.create(a.li, aForm(now));
  t.is(await codeOf(crm.inquiries.merge(a.sun, x.id, y.id)), 'auth.forbidden');
  t.is(await codeOf(crm.inquiries.merge(a.wang, x.id, z.id)), 'inquiry.not_found');
  const [prospect] = await someRecords(crm, a.tenantId, [{ ownerId: a.sun.userId, departmentId: a.dept3, lifecycle: 'prospect', lastFollowUpAt: now }]);
  const merged = await crm.inquiries.merge(a.admin, x.id, prospect?.id as string);
  t.deepEqual([merged.survivor.lifecycle, merged.survivor.lastFollowUpAt], ['prospect', now]);
});

each('the lifecycle moves run in the caller’s transaction, forwards only, on the timeline', async (t, { crm, a }) => {
  const uow = crm.container.get<UnitOfWork>(UnitOfWork);
  const life = crm.inquiryLifecycle;
  const r = await crm.inquiries.create(a.sun, aForm(crm.clock.now()));
  // An order that fails after the move takes the move back with it.
  await t.throwsAsync(uow.run(async (tx) => {
    await life.markProspect(tx, a.tenantId, r.id, a.sun.userId);
    throw new Error('the order could not be saved');
  }));
  t.is((await crm.inquiries.get(a.sun, r.id)).lifecycle, 'inquiry');
  const first = await uow.run((tx) => life.markProspect(tx, a.tenantId, r.id, a.sun.userId));
  t.deepEqual(first, { inquiryId: r.id, from: 'inquiry', to: 'prospect', changed: true });
  t.deepEqual(await uow.run((tx) => life.markProspect(tx, a.tenantId, r.id, a.sun.userId)), { inquiryId: r.id, from: 'prospect', to: 'prospect', changed: false });
  t.deepEqual(await uow.run((tx) => life.markCustomer(tx, a.tenantId, r.id, null)), { inquiryId: r.id, from: 'prospect', to: 'customer', changed: true });
  t.deepEqual(await uow.run((tx) => life.markProspect(tx, a.tenantId, r.id, null)), { inquiryId: r.id, from: 'customer', to: 'customer', changed: false });
  const lines = (await crm.inquiries.timeline(a.sun, r.id)).filter((x) => x.action === 'inquiry.lifecycle_changed').map((x) => x.summary);
  t.deepEqual(lines, ['由咨询转为准客户', '由准客户转为客户']);
  t.true((await crm.inquiries.list(a.sun, { lifecycles: ['customer'], keyword: r.companyName }, { limit: 5 })).items.some((i) => i.id === r.id));
  t.is(await codeOf(uow.run((tx) => life.markProspect(tx, a.tenantId, randomUUID(), null))), 'inquiry.not_found');
  t.is(await codeOf(uow.run((tx) => life.markProspect(tx, randomUUID(), r.id, null))), 'inquiry.not_found');
});

each('a pooled inquiry that becomes a prospect moves to 客户公海; a tax id recorded later is found by 查重', async (t, { crm, a }) => {
  const uow = crm.container.get<UnitOfWork>(UnitOfWork);
  const [pooled] = await someRecords(crm, a.tenantId, [{ ownerId: null }]);
  const id = pooled?.id as string;
  await uow.run((tx) => crm.inquiryLifecycle.markProspect(tx, a.tenantId, id, null));
  const inCustomerPool = await crm.pools.list(a.sun, 'customer', { keyword: pooled?.companyName }, { limit: 5 });
  t.deepEqual(inCustomerPool.items.map((i) => i.id), [id]);
  t.deepEqual((await crm.inquiries.timeline(a.admin, id)).map((x) => x.summary), ['由咨询转为准客户，移入客户公海']);
  await uow.run((tx) => crm.inquiryLifecycle.recordTaxId(tx, a.tenantId, id, '91350100m000100y43', null));
  t.true((await crm.inquiries.checkDuplicates(a.sun, { taxId: '91350100M000100Y43' })).some((m) => m.id === id));
  t.is(await codeOf(uow.run((tx) => crm.inquiryLifecycle.recordTaxId(tx, a.tenantId, id, '123456789987654321', null))), 'validation.failed');
  t.is((await uow.read((tx) => crm.inquiryLifecycle.find(tx, a.tenantId, id)))?.taxId, '91350100M000100Y43');
});

each('a new firm reads the default settings; only an administrator changes them', async (t, { crm, b }) => {
  const s = await crm.inquirySettings.get(b.sun);
  t.is(s.timeZone, 'Asia/Shanghai');
  t.true(s.dictionaries.sources.includes('电销'));
  const lists = await crm.inquirySettings.formLists(b.sun);
  t.deepEqual(lists.levels.map((l) => l.label), ['A类 高价值', 'B类 潜在价值', 'C类 低价值']);
  t.is(lists.cannedPhrases.length, 4);
  t.is(await codeOf(crm.inquirySettings.update(b.wang, { version: s.version, cannedPhrases: ['x'] })), 'auth.forbidden');
});

each('saved settings are checked as a whole, versioned, and used by the forms at once', async (t, { crm, a, b }) => {
  const s0 = await crm.inquirySettings.get(b.admin);
  const bad = await t.throwsAsync(crm.inquirySettings.update(b.admin, { version: s0.version, dictionaries: { sources: [] }, cannedPhrases: [''] }));
  t.deepEqual((bad as { fieldErrors?: { path: string }[] }).fieldErrors?.map((f) => f.path), ['/dictionaries/sources', '/cannedPhrases/0']);
  t.is((await crm.inquirySettings.get(b.admin)).version, s0.version);

  const D = { code: 'D', name: '无效', followUpIntervalMinutes: 30 * 1440, poolRecycle: { noFollowUpDays: null, overdueDays: null } };
  const s1 = await crm.inquirySettings.update(b.admin, {
    version: s0.version,
    grading: { levels: [...s0.grading.levels, D] },
    dictionaries: { sources: ['电销', '抖音'] },
    cannedPhrases: ['先息后本', '随借随还'],
  });
  t.is(s1.version, s0.version + 1);
  t.is(await codeOf(crm.inquirySettings.update(b.admin, { version: s0.version, cannedPhrases: ['x'] })), 'inquiry.version_conflict');
  const now = crm.clock.now();
  const d = await crm.inquiries.create(b.sun, aForm(now, { level: 'D', source: '抖音' }));
  t.is(d.levelLabel, 'D类 无效');
  t.is(await codeOf(crm.inquiries.create(b.sun, aForm(now, { source: '网络推广' }))), 'validation.failed');
  t.deepEqual((await crm.inquiries.generateNextFollowUp(b.sun, 'D')).nextFollowUpAt, new Date(now.getTime() + 30 * DAY));
  // A level still carried by a record cannot be removed.
  const inUse = await t.throwsAsync(crm.inquirySettings.update(b.admin, { version: s1.version, grading: { levels: s0.grading.levels } }));
  t.is((inUse as { code?: string }).code, 'grading.level_in_use');
  t.deepEqual((inUse as { details?: unknown }).details, { levels: { D: 1 } });
  // The other firm is untouched.
  t.false((await crm.inquirySettings.get(a.admin)).dictionaries.sources.includes('抖音'));
  t.deepEqual((await crm.inquirySettings.formLists(b.sun)).cannedPhrases, ['先息后本', '随借随还']);
});
