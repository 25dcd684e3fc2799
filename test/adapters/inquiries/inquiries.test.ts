// Inquiries against the database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): create with 查重,
// the race on a mobile, lists with every filter, data scope, tenant isolation, edits and follow-ups.
import { randomUUID } from 'node:crypto';
import { InquiryRepository } from '../../../core/inquiries/ports.js';
import { UnitOfWork } from '../../../core/shared/ports.js';
import { localDate } from '../../../core/shared/zoned-time.js';
import { aMobile } from '../../support/tenant.js';
import { aForm, aTag, codeOf, someRecords } from './fixtures.js';
import { suite } from './suite.js';

const { each } = suite();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

each('生成 gives now plus the level’s interval in the firm’s zone', async (t, { crm, a }) => {
  const now = crm.clock.now();
  const b = await crm.inquiries.generateNextFollowUp(a.sun, 'B');
  t.deepEqual(b.nextFollowUpAt, new Date(now.getTime() + 3 * DAY));
  t.is(b.levelLabel, 'B类 潜在价值');
  const err = await codeOf(crm.inquiries.generateNextFollowUp(a.sun, 'Z'));
  t.is(err, 'grading.unknown_level');
});

each('a created inquiry reads back with its owner, department and timeline', async (t, { crm, a }) => {
  const form = aForm(crm.clock.now(), { mobile: `+86 ${aMobile()}` });
  const created = await crm.inquiries.create(a.sun, form);
  t.is(created.ownerName, '孙露露');
  t.is(created.departmentName, '三：新媒体运营中心');
  t.is(created.lifecycle, 'inquiry');
  t.is(created.pool, null);
  t.is(created.mobile, (form.mobile as string).replace('+86 ', ''));
  const got = await crm.inquiries.get(a.sun, created.id);
  t.deepEqual(got, created);
  const timeline = await crm.inquiries.timeline(a.sun, created.id);
  t.deepEqual(timeline.map((x) => x.action), ['inquiry.created']);
  t.regex(timeline[0]?.summary ?? '', /^新建咨询：T\w+盛博科技有限公司（郑盛），B类 潜在价值，下次跟进 2026-11-29 16:00$/);
});

each('a second inquiry with the same mobile is refused, naming the owner, and changes nothing', async (t, { crm, a }) => {
  const form = aForm(crm.clock.now());
  await crm.inquiries.create(a.sun, form);
  const rows = () => crm.database.knex('inquiries').where({ tenant_id: a.tenantId }).whereIn('company_name', [form.companyName as string, '别的公司']).count('* as n');
  const before = await rows();
  const err = await t.throwsAsync(crm.inquiries.create(a.zhou, { ...form, mobile: `${form.mobile?.slice(0, 3)}-${form.mobile?.slice(3)}`, companyName: '别的公司' }));
  t.is((err as { code?: string }).code, 'inquiry.duplicate_mobile');
  t.is((err as { details?: Record<string, unknown> }).details?.ownerName, '孙露露');
  t.regex(err?.message ?? '', /owner: 孙露露/);
  t.deepEqual(await rows(), before);
});

each('two concurrent creates of one mobile: exactly one wins, the others are duplicate_mobile', async (t, { crm, a }) => {
  const form = aForm(crm.clock.now());
  const results = await Promise.all([a.sun, a.zhou, a.li, a.wang, a.admin].map((who) => codeOf(crm.inquiries.create(who, { ...form, companyName: `${aTag()}公司` }))));
  t.deepEqual([...results].sort(), ['inquiry.duplicate_mobile', 'inquiry.duplicate_mobile', 'inquiry.duplicate_mobile', 'inquiry.duplicate_mobile', 'ok']);
  const rows = await crm.database.knex('inquiries').where({ tenant_id: a.tenantId, mobile: form.mobile });
  t.is(rows.length, 1);
});

each('the unique partial index alone keeps a second exclusive claim on a mobile out', async (t, { crm, a }) => {
  const repo = crm.container.get<InquiryRepository>(InquiryRepository);
  const uow = crm.container.get<UnitOfWork>(UnitOfWork);
  const [first] = await someRecords(crm, a.tenantId, [{}]);
  const mobile = aMobile();
  const base = { ...(first as NonNullable<typeof first>), mobile };
  const ids = [randomUUID(), randomUUID(), randomUUID()];
  const inserted = await uow.run(async (tx) => [
    await repo.insert(tx, { ...base, id: ids[0] as string }, { exclusiveMobile: true }),
    await repo.insert(tx, { ...base, id: ids[1] as string }, { exclusiveMobile: true }),
    await repo.insert(tx, { ...base, id: ids[2] as string }, { exclusiveMobile: false }),
  ]);
  t.deepEqual(inserted, [true, false, true]);
});

each('a firm that allows duplicates may record a mobile twice, and 查重 shows both', async (t, { crm, b }) => {
  const s = await crm.inquirySettings.get(b.admin);
  await crm.inquirySettings.update(b.admin, { version: s.version, allowDuplicateMobiles: true });
  const tenantSettings = await crm.database.knex('tenants').where({ id: b.tenantId }).first('settings');
  t.is(tenantSettings.settings.allowDuplicateMobiles, true);
  const form = aForm(crm.clock.now());
  await crm.inquiries.create(b.sun, form);
  await crm.inquiries.create(b.li, { ...form, companyName: '李的客户' });
  const matches = await crm.inquiries.checkDuplicates(b.admin, { mobile: form.mobile });
  t.deepEqual(matches.map((m) => m.ownerName).sort(), ['孙露露', '李销售']);
  const s2 = await crm.inquirySettings.get(b.admin);
  await crm.inquirySettings.update(b.admin, { version: s2.version, allowDuplicateMobiles: false });
});

each('查重 finds a record by mobile, normalised company name and tax id, across lifecycles and pools, masking others’ data', async (t, { crm, a }) => {
  const tag = aTag();
  const taxId = '91350100M000100Y43';
  const mine = await crm.inquiries.create(a.sun, aForm(crm.clock.now(), { companyName: `${tag}盛博科技有限公司` }));
  const [pooled, prospect] = await someRecords(crm, a.tenantId, [
    { companyName: `${tag}盛博科技`, contactName: '郑大盛', ownerId: null, lifecycle: 'prospect' },
    { companyName: '另一家', contactName: '王五', taxId, ownerId: a.li.userId, departmentId: a.dept5, lifecycle: 'customer' },
  ]);
  const byName = (await crm.inquiries.checkDuplicates(a.zhou, { companyName: `  ${tag}盛博科技 有限公司` })).sort((x, y) => Number(y.id === mine.id) - Number(x.id === mine.id));
  t.deepEqual(byName.map((m) => [m.id, m.stage, m.ownerName, m.contactName, m.matchedOn]), [
    [mine.id, '咨询', '孙露露', '郑*', ['companyName']],
    [pooled?.id, '客户公海', null, '郑**', ['companyName']],
  ]);
  t.is(byName[0]?.mobile, `${mine.mobile.slice(0, 3)}****${mine.mobile.slice(-4)}`);
  const byTax = (await crm.inquiries.checkDuplicates(a.wang, { taxId: taxId.toLowerCase(), mobile: mine.mobile })).sort((x, y) => Number(y.id === mine.id) - Number(x.id === mine.id));
  t.deepEqual(byTax.map((m) => [m.id, m.stage, m.matchedOn]), [
    [mine.id, '咨询', ['mobile']],
    [prospect?.id, '客户', ['taxId']],
  ]);
  // 王经理 holds inquiry.view_mobile and has 三部 in scope, not 五部.
  t.is(byTax[0]?.contactName, '郑盛');
  t.is(byTax[1]?.contactName, '王*');
  t.is(byTax[1]?.mobile, prospect?.mobile);
});

each('another firm’s records are never found by 查重 nor listed, and are not found by id', async (t, { crm, a, b }) => {
  const form = aForm(crm.clock.now());
  const theirs = await crm.inquiries.create(b.sun, form);
  t.deepEqual(await crm.inquiries.checkDuplicates(a.admin, { mobile: form.mobile }), []);
  const list = await crm.inquiries.list(a.admin, { keyword: form.companyName?.slice(0, 8) }, { limit: 50, withTotal: true });
  t.deepEqual([list.items.length, list.total], [0, 0]);
  // Another firm may record the same mobile: 查重 and the unique claim are per firm.
  const ours = await crm.inquiries.create(a.sun, { ...form });
  t.not(ours.id, theirs.id);
  for (const call of [
    crm.inquiries.get(a.admin, theirs.id),
    crm.inquiries.timeline(a.admin, theirs.id),
    crm.inquiries.update(a.admin, theirs.id, { version: 1, remark: '改' }),
    crm.followUps.list(a.admin, theirs.id),
    crm.followUps.create(a.admin, theirs.id, { type: '回访跟进', content: 'x', nextFollowUpAt: new Date(crm.clock.now().getTime() + DAY) }),
    crm.inquiries.merge(a.admin, ours.id, theirs.id),
  ]) {
    t.is(await codeOf(call), 'inquiry.not_found');
  }
});

each('data scope: sales see their own, a manager the department subtree, the admin all', async (t, { crm, a }) => {
  const tag = aTag();
  const make = (who: typeof a.sun) => crm.inquiries.create(who, aForm(crm.clock.now(), { companyName: `${tag}${who.name}的客户` }));
  const [sun, zhou, li] = [await make(a.sun), await make(a.zhou), await make(a.li)];
  const qian = await make(a.qian); // in 三部一组, under 王经理's 三部
  const names = async (who: typeof a.sun): Promise<string[]> =>
    (await crm.inquiries.list(who, { keyword: tag }, { limit: 50 })).items.map((i) => i.ownerName as string).sort();
  t.deepEqual(await names(a.sun), ['孙露露']);
  t.deepEqual(await names(a.li), ['李销售']);
  t.deepEqual(await names(a.wang), ['周销售', '孙露露', '钱销售']);
  t.deepEqual(await names(a.admin), ['周销售', '孙露露', '李销售', '钱销售']);
  t.deepEqual(await names(a.qian), ['钱销售']);
  // Views inside the scope: 王经理's own (none), his department and below.
  const view = async (who: typeof a.sun, v: 'mine' | 'department'): Promise<string[]> =>
    (await crm.inquiries.list(who, { keyword: tag, view: v }, { limit: 50 })).items.map((i) => i.ownerName as string).sort();
  t.deepEqual(await view(a.wang, 'mine'), []);
  t.deepEqual(await view(a.wang, 'department'), ['周销售', '孙露露', '钱销售']);
  t.deepEqual(await view(a.admin, 'department'), ['周销售', '孙露露', '李销售', '钱销售']);
  t.deepEqual(await view(a.li, 'department'), ['李销售']);
  t.is((await crm.inquiries.get(a.wang, qian.id)).ownerName, '钱销售');
  t.is(await codeOf(crm.inquiries.get(a.sun, zhou.id)), 'inquiry.not_found');
  t.is(await codeOf(crm.inquiries.get(a.wang, li.id)), 'inquiry.not_found');
  t.is((await crm.inquiries.get(a.wang, sun.id)).mobile, sun.mobile);
  // Other people's mobiles are masked for a sales person who can see them (none here) and shown to holders of view_mobile.
  const seenByAdmin = (await crm.inquiries.list(a.admin, { keyword: tag }, { limit: 50 })).items;
  t.true(seenByAdmin.every((i) => !i.mobileMasked));
});

each('list filters: level, source, owner, department, due today, overdue, created between, keyword', async (t, { crm, a }) => {
  const tag = aTag();
  const now = crm.clock.now(); // 2026-11-26 16:00 in Shanghai
  const at = (h: number): Date => new Date(now.getTime() + h * HOUR);
  const mine = { ownerId: a.sun.userId, departmentId: a.dept3 };
  const recs = await someRecords(crm, a.tenantId, [
    { ...mine, companyName: `${tag}甲科技`, contactName: '赵一', level: 'A', nextFollowUpAt: at(-6), createdAt: at(-3 * 24) }, // overdue, today
    { ...mine, companyName: `${tag}乙贸易`, contactName: '钱二', level: 'B', nextFollowUpAt: at(4), source: '转介绍', createdAt: at(-10 * 24) }, // due later today
    { ...mine, companyName: `${tag}丙建材`, contactName: '孙三', level: 'B', nextFollowUpAt: at(-30), createdAt: at(-40 * 24) }, // overdue, yesterday
    { ownerId: a.li.userId, departmentId: a.dept5, companyName: `${tag}丁物流`, contactName: '李四', level: 'C', nextFollowUpAt: at(30), createdAt: at(-1) },
    { ...mine, companyName: `${tag}戊电子`, contactName: '周五', level: 'A', nextFollowUpAt: at(48), lifecycle: 'prospect' },
    { ownerId: null, companyName: `${tag}己机械`, contactName: '吴六', nextFollowUpAt: at(-1) }, // in the pool: never in 咨询
    { ownerId: a.qian.userId, departmentId: a.dept3a, companyName: `${tag}庚农业`, contactName: '郑七', nextFollowUpAt: at(60), lifecycle: 'customer' },
  ]);
  const names = async (q: Parameters<typeof crm.inquiries.list>[1]): Promise<string[]> =>
    (await crm.inquiries.list(a.admin, { keyword: tag, ...q }, { limit: 50 })).items.map((i) => i.contactName);
  t.deepEqual(await names({}), ['孙三', '赵一', '钱二', '李四']);
  t.deepEqual(await names({ level: 'B' }), ['孙三', '钱二']);
  t.deepEqual(await names({ source: '转介绍' }), ['钱二']);
  t.deepEqual(await names({ ownerId: a.li.userId }), ['李四']);
  t.deepEqual(await names({ departmentId: a.dept3 }), ['孙三', '赵一', '钱二']);
  t.deepEqual(await names({ departmentId: a.dept3, lifecycles: ['inquiry', 'customer'] }), ['孙三', '赵一', '钱二', '郑七']);
  t.deepEqual(await names({ departmentId: a.dept5, lifecycles: ['inquiry', 'customer'] }), ['李四']);
  t.deepEqual(await names({ dueToday: true }), ['赵一', '钱二']);
  t.deepEqual(await names({ overdue: true }), ['孙三', '赵一']);
  t.deepEqual(await names({ overdue: true, dueToday: true }), ['赵一']);
  const today = localDate(now, 'Asia/Shanghai');
  t.deepEqual(await names({ createdFrom: '2026-11-16', createdTo: today }), ['赵一', '钱二', '李四']);
  t.deepEqual(await names({ sort: 'created' }), ['李四', '赵一', '钱二', '孙三']);
  t.deepEqual(await names({ lifecycles: ['prospect'] }), ['周五']);
  // Keyword alone: a contact name, a company name, a mobile's last four digits, the whole mobile.
  const kw = async (keyword: string): Promise<string[]> => (await crm.inquiries.list(a.admin, { keyword, ownerId: a.sun.userId }, { limit: 50 })).items.map((i) => i.contactName);
  t.deepEqual(await kw(`${tag}乙`), ['钱二']);
  const r0 = recs[0] as NonNullable<(typeof recs)[0]>;
  t.true((await kw(r0.mobile.slice(-4))).includes('赵一'));
  t.deepEqual(await kw(`${r0.mobile.slice(0, 3)} ${r0.mobile.slice(3)}`), ['赵一']);
  t.deepEqual(await kw('100%_'), []);
});

each('keyset pages walk the whole list once, in order, with the total', async (t, { crm, a }) => {
  const tag = aTag();
  const now = crm.clock.now();
  await someRecords(crm, a.tenantId, Array.from({ length: 13 }, (_, i) => ({
    ownerId: a.zhou.userId, departmentId: a.dept3, companyName: `${tag}${String(i).padStart(2, '0')}`,
    nextFollowUpAt: new Date(now.getTime() + (i % 4) * HOUR), createdAt: new Date(now.getTime() - (i % 3) * HOUR),
  })));
  for (const sort of ['nextFollowUp', 'created'] as const) {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const p = await crm.inquiries.list(a.wang, { keyword: tag, sort }, { limit: 5, cursor, withTotal: true });
      t.is(p.total, 13);
      seen.push(...p.items.map((i) => i.companyName));
      cursor = p.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    t.is(pages, 3);
    const all = (await crm.inquiries.list(a.wang, { keyword: tag, sort }, { limit: 50 })).items.map((i) => i.companyName);
    t.deepEqual(seen, all);
    t.is(new Set(seen).size, 13);
  }
  t.is(await codeOf(crm.inquiries.list(a.wang, {}, { limit: 5, cursor: 'not-a-cursor' })), 'pagination.invalid_cursor');
});

each('an edit checks its fields, refuses a stale version and a taken mobile, and goes on the timeline', async (t, { crm, a }) => {
  const r = await crm.inquiries.create(a.sun, aForm(crm.clock.now()));
  const other = await crm.inquiries.create(a.zhou, aForm(crm.clock.now()));
  const edited = await crm.inquiries.update(a.sun, r.id, { version: 1, level: 'A', remark: '老板有贷款意向' });
  t.deepEqual([edited.level, edited.remark, edited.version], ['A', '老板有贷款意向', 2]);
  t.is(await codeOf(crm.inquiries.update(a.sun, r.id, { version: 1, remark: 'x' })), 'inquiry.version_conflict');
  t.is(await codeOf(crm.inquiries.update(a.sun, r.id, { version: 2, mobile: '123' })), 'validation.failed');
  t.is(await codeOf(crm.inquiries.update(a.admin, r.id, { version: 2, mobile: other.mobile })), 'inquiry.duplicate_mobile');
  t.is(await codeOf(crm.inquiries.update(a.zhou, r.id, { version: 2, remark: 'x' })), 'inquiry.not_found');
  const timeline = await crm.inquiries.timeline(a.sun, r.id);
  t.is(timeline[1]?.summary, '修改了客户级别、客户备注；级别 B类 潜在价值 → A类 高价值');
  t.is((await crm.inquiries.get(a.sun, r.id)).version, 2);
});

each('a follow-up moves last and next follow-up and the level together, and adds to the timeline', async (t, { crm, a }) => {
  const now = crm.clock.now();
  const r = await crm.inquiries.create(a.sun, aForm(now));
  const next = new Date(now.getTime() + DAY);
  const { followUp, inquiry } = await crm.followUps.create(a.sun, r.id, { type: '产品方案', content: '税贷、发票贷都能做', nextFollowUpAt: next, level: 'A' });
  t.deepEqual([inquiry.lastFollowUpAt, inquiry.nextFollowUpAt, inquiry.level, inquiry.version], [now, next, 'A', 2]);
  t.deepEqual([followUp.levelBefore, followUp.levelAfter, followUp.authorName], ['B', 'A', '孙露露']);
  t.deepEqual(await crm.inquiries.get(a.sun, r.id), inquiry);
  const listed = await crm.followUps.list(a.wang, r.id);
  t.deepEqual(listed.map((f) => [f.type, f.content, f.authorName]), [['产品方案', '税贷、发票贷都能做', '孙露露']]);
  const line = (await crm.inquiries.timeline(a.sun, r.id)).at(-1);
  t.is(line?.summary, '产品方案：税贷、发票贷都能做；下次跟进 2026-11-27 16:00；级别 B类 潜在价值 → A类 高价值');
  t.is(line?.actorName, '孙露露');
  const events = await crm.database.knex('outbox_events').where({ tenant_id: a.tenantId, subject_id: r.id }).orderBy('id').pluck('type');
  t.deepEqual(events, ['inquiry.created', 'inquiry.followed_up']);
});

each('a bad follow-up is refused by field and changes nothing', async (t, { crm, a }) => {
  const r = await crm.inquiries.create(a.sun, aForm(crm.clock.now()));
  const err = await t.throwsAsync(crm.followUps.create(a.sun, r.id, { type: '喝茶', content: '', nextFollowUpAt: new Date(0), level: 'Z' }));
  t.deepEqual((err as { fieldErrors?: { path: string }[] }).fieldErrors?.map((f) => f.path), ['/type', '/content', '/nextFollowUpAt', '/level']);
  t.deepEqual(await crm.followUps.list(a.sun, r.id), []);
  t.deepEqual(await crm.inquiries.get(a.sun, r.id), r);
  // Someone outside the record's scope cannot follow it up; a pooled record must be claimed first.
  t.is(await codeOf(crm.followUps.create(a.li, r.id, { type: '回访跟进', content: 'x', nextFollowUpAt: new Date(crm.clock.now().getTime() + DAY) })), 'inquiry.not_found');
  const [pooled] = await someRecords(crm, a.tenantId, [{ ownerId: null }]);
  t.is(await codeOf(crm.followUps.create(a.sun, pooled?.id as string, { type: '回访跟进', content: 'x', nextFollowUpAt: new Date(crm.clock.now().getTime() + DAY) })), 'pool.claim_first');
});

each('creating for someone else or straight into the pool needs pool.assign', async (t, { crm, a }) => {
  const now = crm.clock.now();
  t.is(await codeOf(crm.inquiries.create(a.sun, aForm(now, { ownerId: a.zhou.userId }))), 'auth.forbidden');
  const forZhou = await crm.inquiries.create(a.wang, aForm(now, { ownerId: a.zhou.userId }));
  t.deepEqual([forZhou.ownerName, forZhou.departmentId], ['周销售', a.dept3]);
  t.is(await codeOf(crm.inquiries.create(a.wang, aForm(now, { ownerId: a.li.userId }))), 'user.not_found');
  const pooled = await crm.inquiries.create(a.admin, aForm(now, { ownerId: null }));
  t.deepEqual([pooled.ownerId, pooled.pool], [null, 'inquiry']);
});
