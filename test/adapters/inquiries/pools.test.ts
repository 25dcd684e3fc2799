// 咨询公海 and 客户公海 against the database: racing claims, reclaim block and holding limit, assign, transfer
// and release on the timeline, the recycler (idempotent, safe when several run at once), tenant isolation.
import { EventSink, IdGenerator, Timeline, UnitOfWork } from '../../../core/shared/ports.js';
import { InquirySettingsRepository, PoolRepository } from '../../../core/inquiries/ports.js';
import { PoolRecycler } from '../../../core/inquiries/pool-recycler.js';
import { inRecycleWindow, recycleWindow } from '../../../core/inquiries/recycle-window.js';
import { poolPolicyOf, DEFAULT_INQUIRY_SETTINGS } from '../../../core/inquiries/settings.js';
import { lifecyclesOf } from '../../../core/inquiries/lifecycle.js';
import { toInquiry } from '../../../adapters/knex/repositories/knex-inquiry.repository.js';
import type { Crm } from '../../../adapters/composition/create-crm.js';
import { aForm, codeOf, someRecords } from './fixtures.js';
import { suite } from './suite.js';

const { each } = suite({ serial: true });
const DAY = 86_400_000;

async function moves(crm: Crm, tenantId: string, id: string): Promise<string[]> {
  return crm.database.knex('inquiry_pool_moves').where({ tenant_id: tenantId, inquiry_id: id }).orderBy('at').pluck('kind');
}

async function pooled(crm: Crm, tenantId: string, over: Parameters<typeof someRecords>[2][number] = {}): Promise<string> {
  const [r] = await someRecords(crm, tenantId, [{ ownerId: null, poolEnteredAt: crm.clock.now(), ...over }]);
  return r?.id as string;
}

each('two people claiming one record at once: exactly one wins, the other is told it is taken', async (t, { crm, a }) => {
  const id = await pooled(crm, a.tenantId);
  const [x, y] = await Promise.all([codeOf(crm.pools.claim(a.sun, id)), codeOf(crm.pools.claim(a.zhou, id))]);
  t.deepEqual([x, y].sort(), ['ok', 'pool.already_claimed']);
  const winner = x === 'ok' ? a.sun : a.zhou;
  t.is((await crm.inquiries.get(a.admin, id)).ownerId, winner.userId);
  t.deepEqual(await moves(crm, a.tenantId, id), ['claim']);
  // Five at once, the same: one owner, one move, one timeline line.
  const id5 = await pooled(crm, a.tenantId);
  const results = await Promise.all([a.sun, a.zhou, a.li, a.wang, a.admin].map((who) => codeOf(crm.pools.claim(who, id5))));
  t.is(results.filter((r) => r === 'ok').length, 1);
  t.is(results.filter((r) => r === 'pool.already_claimed').length, 4);
  t.deepEqual(await moves(crm, a.tenantId, id5), ['claim']);
  t.deepEqual((await crm.inquiries.timeline(a.admin, id5)).map((l) => l.action), ['inquiry.claimed']);
});

each('release needs the owner and a reason; the former owner waits 7 days to claim it back, others need not', async (t, { crm, a, clock }) => {
  const id = await pooled(crm, a.tenantId);
  await crm.pools.claim(a.sun, id);
  t.is(await codeOf(crm.pools.release(a.sun, id, '  ')), 'validation.failed');
  t.is(await codeOf(crm.pools.release(a.zhou, id, '不是我的')), 'inquiry.not_found');
  t.is(await codeOf(crm.pools.release(a.wang, id, '经理释放')), 'pool.not_owner');
  const released = await crm.pools.release(a.sun, id, '客户暂无需求');
  t.deepEqual([released.ownerId, released.pool], [null, 'inquiry']);
  const blocked = await t.throwsAsync(crm.pools.claim(a.sun, id));
  t.is((blocked as { code?: string }).code, 'pool.reclaim_blocked');
  t.is((blocked as { details?: { claimableFrom?: string } }).details?.claimableFrom, new Date(clock.now().getTime() + 7 * DAY).toISOString());
  await crm.pools.claim(a.zhou, id);
  await crm.pools.release(a.zhou, id, '转给同事');
  clock.advance(7 * DAY);
  const back = await crm.pools.claim(a.sun, id);
  t.is(back.ownerName, '孙露露');
  t.deepEqual((await crm.inquiries.timeline(a.sun, id)).map((l) => l.summary), [
    '从咨询公海领取', '释放到咨询公海：客户暂无需求', '从咨询公海领取', '释放到咨询公海：转给同事', '从咨询公海领取',
  ]);
  t.deepEqual(await moves(crm, a.tenantId, id), ['claim', 'release', 'claim', 'release', 'claim']);
});

each('a person holding the pool’s limit cannot claim more from it; the other pool counts apart', async (t, { crm, b }) => {
  const s = await crm.inquirySettings.get(b.admin);
  await crm.inquirySettings.update(b.admin, { version: s.version, pools: { inquiry: { ...s.pools.inquiry, maxHoldings: 2 } } });
  try {
    const ids = [await pooled(crm, b.tenantId), await pooled(crm, b.tenantId), await pooled(crm, b.tenantId)];
    await crm.pools.claim(b.li, ids[0] as string);
    await crm.pools.claim(b.li, ids[1] as string);
    const err = await t.throwsAsync(crm.pools.claim(b.li, ids[2] as string));
    t.is((err as { code?: string }).code, 'pool.holding_limit');
    t.deepEqual((err as { details?: unknown }).details, { limit: 2, holdings: 2 });
    const customer = await pooled(crm, b.tenantId, { lifecycle: 'prospect' });
    t.is((await crm.pools.claim(b.li, customer)).ownerName, '李销售');
  } finally {
    const now = await crm.inquirySettings.get(b.admin);
    await crm.inquirySettings.update(b.admin, { version: now.version, pools: { inquiry: DEFAULT_INQUIRY_SETTINGS.pools.inquiry } });
  }
});

each('managers assign pooled records and transfer owned ones within their scope; every move is on the timeline', async (t, { crm, a }) => {
  const id = await pooled(crm, a.tenantId);
  t.is(await codeOf(crm.pools.assign(a.sun, id, a.zhou.userId)), 'auth.forbidden');
  t.is(await codeOf(crm.pools.assign(a.wang, id, a.li.userId)), 'user.not_found');
  const assigned = await crm.pools.assign(a.wang, id, a.zhou.userId);
  t.deepEqual([assigned.ownerName, assigned.departmentId], ['周销售', a.dept3]);
  t.is(await codeOf(crm.pools.assign(a.wang, id, a.sun.userId)), 'pool.not_in_pool');
  t.is(await codeOf(crm.pools.transfer(a.wang, id, a.zhou.userId)), 'pool.same_owner');
  const moved = await crm.pools.transfer(a.wang, id, a.sun.userId, '周销售休假');
  t.is(moved.ownerName, '孙露露');
  t.is(await codeOf(crm.pools.transfer(a.zhou, id, a.zhou.userId)), 'auth.forbidden');
  const toLi = await crm.pools.transfer(a.admin, id, a.li.userId);
  t.deepEqual([toLi.ownerName, toLi.departmentId], ['李销售', a.dept5]);
  t.deepEqual((await crm.inquiries.timeline(a.admin, id)).map((l) => l.summary), [
    '王经理 从咨询公海分配给 周销售', '王经理 将负责人由 周销售 转为 孙露露：周销售休假', '管理员 将负责人由 孙露露 转为 李销售',
  ]);
  t.deepEqual(await moves(crm, a.tenantId, id), ['assign', 'transfer', 'transfer']);
  const events = await crm.database.knex('outbox_events').where({ tenant_id: a.tenantId, subject_id: id }).orderBy('id').pluck('type');
  t.deepEqual(events, ['inquiry.assigned', 'inquiry.transferred', 'inquiry.transferred']);
});

each('everyone sees the whole firm’s pool (mobiles masked), never another firm’s, and cannot claim across firms', async (t, { crm, a, b }) => {
  const [inq, pros] = await someRecords(crm, a.tenantId, [
    { ownerId: null, companyName: 'POOLX咨询', departmentId: a.dept5 },
    { ownerId: null, companyName: 'POOLX准客户', lifecycle: 'prospect' },
  ]);
  const list = await crm.pools.list(a.sun, 'inquiry', { keyword: 'POOLX' }, { limit: 10, withTotal: true });
  t.deepEqual(list.items.map((i) => [i.companyName, i.pool, i.mobileMasked]), [['POOLX咨询', 'inquiry', true]]);
  t.is(list.total, 1);
  t.deepEqual((await crm.pools.list(a.sun, 'customer', { keyword: 'POOLX' }, { limit: 10 })).items.map((i) => i.id), [pros?.id]);
  t.deepEqual((await crm.pools.list(b.admin, 'inquiry', { keyword: 'POOLX' }, { limit: 10 })).items, []);
  t.is(await codeOf(crm.pools.claim(b.sun, inq?.id as string)), 'inquiry.not_found');
  t.is(await codeOf(crm.pools.assign(b.admin, inq?.id as string, b.sun.userId)), 'inquiry.not_found');
  t.is((await crm.inquiries.get(a.li, inq?.id as string)).pool, 'inquiry');
  // Pooled records are not in anyone's 咨询 list.
  t.deepEqual((await crm.inquiries.list(a.admin, { keyword: 'POOLX' }, { limit: 10 })).items, []);
});

each('the recycler returns neglected and overdue records, warns once before, and a second pass changes nothing', async (t, { crm, b, clock }) => {
  const now = clock.now();
  const ago = (days: number): Date => new Date(now.getTime() - days * DAY);
  const owner = { ownerId: b.zhou.userId, departmentId: b.dept3 };
  const [quiet, overdue, warned, fresh, claimedLately, inPool] = await someRecords(crm, b.tenantId, [
    { ...owner, level: 'A', lastFollowUpAt: ago(16), createdAt: ago(30), nextFollowUpAt: ago(1) },
    { ...owner, level: 'B', lastFollowUpAt: ago(5), createdAt: ago(30), nextFollowUpAt: ago(16) },
    { ...owner, level: 'A', lastFollowUpAt: ago(13), createdAt: ago(30), nextFollowUpAt: new Date(now.getTime() + DAY) },
    { ...owner, level: 'C', lastFollowUpAt: ago(2), createdAt: ago(30) },
    { ...owner, level: 'A', lastFollowUpAt: ago(40), createdAt: ago(60), assignedAt: ago(1), nextFollowUpAt: new Date(now.getTime() + DAY) },
    { ownerId: null, level: 'A', lastFollowUpAt: ago(100), createdAt: ago(100) },
  ]);
  const first = await crm.poolRecycler.run({ tenantId: b.tenantId });
  t.true(first.recycled >= 2);
  const owners = async (): Promise<(string | null)[]> =>
    Promise.all([quiet, overdue, warned, fresh, claimedLately, inPool].map(async (r) => (await crm.inquiries.get(b.admin, r?.id as string)).ownerId));
  t.deepEqual(await owners(), [null, null, b.zhou.userId, b.zhou.userId, b.zhou.userId, null]);
  t.deepEqual((await crm.inquiries.timeline(b.admin, quiet?.id as string)).map((l) => [l.action, l.summary, l.actorId]), [['inquiry.recycled', '超过 15 天未跟进，自动退回咨询公海', null]]);
  t.deepEqual((await crm.inquiries.timeline(b.admin, overdue?.id as string)).map((l) => l.summary), ['下次跟进已逾期 15 天，自动退回咨询公海']);
  const reminders = () => crm.database.knex('outbox_events').where({ tenant_id: b.tenantId, type: 'inquiry.recycle_reminder', subject_id: warned?.id }).pluck('data');
  t.deepEqual((await reminders()).map((d: { recycleAt: string; reason: string }) => [d.reason, d.recycleAt]), [['no_follow_up', new Date(ago(13).getTime() + 15 * DAY).toISOString()]]);

  const second = await crm.poolRecycler.run({ tenantId: b.tenantId });
  t.deepEqual(second, { tenants: 1, recycled: 0, reminded: 0 });
  t.is((await reminders()).length, 1);
  t.deepEqual(await moves(crm, b.tenantId, quiet?.id as string), ['recycle']);
  // Its former owner waits out the reclaim block like after a release.
  t.is(await codeOf(crm.pools.claim(b.zhou, quiet?.id as string)), 'pool.reclaim_blocked');
  t.is((await crm.pools.claim(b.sun, quiet?.id as string)).ownerName, '孙露露');
});

each('recyclers running at once recycle each record exactly once, in batches', async (t, { crm, b, clock }) => {
  const c = crm.container;
  const recycler = (): PoolRecycler =>
    new PoolRecycler({
      uow: c.get(UnitOfWork), pools: c.get(PoolRepository), settings: c.get(InquirySettingsRepository), timeline: c.get(Timeline),
      events: c.get(EventSink), clock: crm.clock, ids: c.get(IdGenerator), batchSize: 7,
    });
  const old = new Date(clock.now().getTime() - 200 * DAY);
  const due = await someRecords(crm, b.tenantId, Array.from({ length: 30 }, () => ({ ownerId: b.li.userId, departmentId: b.dept5, level: 'C', lastFollowUpAt: old, createdAt: old, nextFollowUpAt: old })));
  const reports = await Promise.all([recycler().run({ tenantId: b.tenantId }), recycler().run({ tenantId: b.tenantId }), recycler().run({ tenantId: b.tenantId })]);
  const recycled = reports.reduce((n, r) => n + r.recycled, 0);
  t.true(recycled >= 30);
  const counts = await crm.database.knex('inquiry_pool_moves').where({ tenant_id: b.tenantId, kind: 'recycle' }).whereIn('inquiry_id', due.map((r) => r.id)).groupBy('inquiry_id').select('inquiry_id').count('* as n');
  t.is(counts.length, 30);
  t.true(counts.every((r) => Number((r as { n: unknown }).n) === 1));
  const lines = await crm.database.knex('activities').where({ tenant_id: b.tenantId, action: 'inquiry.recycled' }).whereIn('subject_id', due.map((r) => r.id)).count('* as n');
  t.is(Number(lines[0]?.n), 30);
});

each('the repository’s recycle window is exactly what core says it is', async (t, { crm, b, clock }) => {
  const now = clock.now();
  const pick = (i: number, k: number): Date => new Date(now.getTime() - ((i * 7 + k * 13) % 50) * DAY + (i % 5) * 3_600_000);
  await someRecords(crm, b.tenantId, Array.from({ length: 40 }, (_, i) => ({
    ownerId: i % 9 === 0 ? null : b.sun.userId, departmentId: b.dept3, level: ['A', 'B', 'C', 'D'][i % 4] as string,
    lifecycle: (['inquiry', 'prospect', 'customer'] as const)[i % 3], createdAt: pick(i, 3), lastFollowUpAt: i % 6 === 0 ? null : pick(i, 1),
    nextFollowUpAt: pick(i, 2), assignedAt: i % 4 === 0 ? pick(i, 5) : null,
  })));
  const all = (await crm.database.knex('inquiries').where({ tenant_id: b.tenantId }).whereNull('merged_into_id')).map(toInquiry);
  for (const pool of ['inquiry', 'customer'] as const) {
    const window = recycleWindow(poolPolicyOf(DEFAULT_INQUIRY_SETTINGS, pool), lifecyclesOf(pool), now);
    const found = await crm.container.get<UnitOfWork>(UnitOfWork).run((tx) => crm.container.get<PoolRepository>(PoolRepository).recycleCandidates(tx, b.tenantId, window, null, 100_000));
    t.deepEqual(found.map((r) => r.id).sort(), all.filter((r) => inRecycleWindow(r, window)).map((r) => r.id).sort());
  }
});

each('a new inquiry created into the pool by a manager can be claimed at once by anyone', async (t, { crm, a }) => {
  const r = await crm.inquiries.create(a.admin, aForm(crm.clock.now(), { ownerId: null }));
  const claimed = await crm.pools.claim(a.li, r.id);
  t.deepEqual([claimed.ownerName, claimed.departmentId, claimed.pool], ['李销售', a.dept5, null]);
});
