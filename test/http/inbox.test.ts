// 办理中心 through the real Koa app: one person with something of every kind waiting on them (an approval, the
// orders they handle, follow-ups due today and overdue, a receipt to approve, instalments due soon and overdue,
// a task), counted for the badge and listed per kind with links that act; receipt approvals counted once; the
// firm's reminder days as the instalment horizon; keyset pages; a colleague and another firm see none of it.
import test from 'ava';
import type { Crm } from '../../adapters/composition/create-crm.js';
import type { Actor } from '../../core/organisation/actor.js';
import { backends } from '../support/database.js';
import { FakeClock, testCrm } from '../support/crm.js';
import { aFirm, aMobile } from '../support/tenant.js';
import { serve, type TestServer } from '../support/http.js';
import { aContract, anOrder, upload } from '../adapters/orders/order-builders.js';

const MINUTE = 60_000;

for (const backend of backends()) {
  let crm: Crm;
  let api: TestServer;
  const clock = new FakeClock(new Date('2026-11-26T08:00:00Z')); // 16:00 in Shanghai
  test.before(async () => {
    crm = await testCrm(backend, { clock });
    api = await serve(crm);
  });
  test.after.always(async () => {
    await api?.close();
    await crm?.close();
  });

  const counts = async (token: string): Promise<Record<string, number>> => {
    const r = await api.call('GET', '/api/v1/workcenter/inbox/counts', { token });
    return { total: r.body.total, ...Object.fromEntries(r.body.kinds.map((k: { kind: string; count: number }) => [k.kind, k.count])) };
  };
  const items = async (token: string, kind: string, query = ''): Promise<any[]> =>
    (await api.call('GET', `/api/v1/workcenter/inbox?kind=${kind}${query}`, { token })).body.items;

  async function inquiryDue(owner: Actor, company: string, nextFollowUpAt: Date): Promise<string> {
    const i = await crm.inquiries.create(owner, {
      companyName: company, mobile: aMobile(), contactName: '郑盛', gender: 'male', level: 'B', source: '电销', propertyType: '按揭房', remark: '测试', nextFollowUpAt,
    });
    return i.id;
  }

  test.serial(`[${backend}] every kind waiting on a person is counted for the badge and listed with its record and a link that acts; others see none of it`, async (t) => {
    clock.set('2026-11-26T08:00:00Z');
    const firm = await aFirm(crm);
    const sun = await firm.person(['sales'], { name: '孙露露' });
    const colleague = await firm.person(['sales'], { name: '周销售' });
    const users = (ids: string[]) => ({ kind: 'users' as const, userIds: ids });
    await crm.approvalFlows.create(firm.admin, { businessType: 'order_review', name: '订单内审', nodes: [{ key: 'level1', name: '订单一级审批', approvers: users([sun.actor.userId]), mode: 'any' }] });
    await crm.approvalFlows.create(firm.admin, { businessType: 'receipt', name: '回款审批', nodes: [{ key: 'finance', name: '财务审批', approvers: users([sun.actor.userId]), mode: 'any' }] });

    // 待我审批: the colleague's order waits on 孙露露's internal review.
    const theirs = await anOrder(crm, colleague.actor, { companyName: '恒达贸易有限公司' });
    const review = await api.call('POST', '/api/v1/approvals', { token: colleague.token, body: { businessType: 'order_review', businessId: theirs.id } });
    t.is(review.status, 201);
    // 我处理的订单: two open orders of hers, a cancelled one not.
    const open = await anOrder(crm, sun.actor, { companyName: '盛博科技有限公司' });
    const owing = await anOrder(crm, sun.actor, { companyName: '大道科技有限公司' });
    const dropped = await anOrder(crm, sun.actor, { companyName: '宏图建材有限公司' });
    await crm.orders.fire(sun.actor, dropped.id, { version: dropped.version, type: 'cancel', reason: '客户暂不需要融资' });
    // 回款到期: 1,000,000 fen owed in three instalments: overdue, due in two days, due next month.
    const v = (await crm.orderContracts.save(firm.admin, owing.id, { version: owing.version, ...aContract({ amountFen: 1_000_000 }) } as never)).version;
    await upload(crm, firm.admin, owing.id, 'contract_scan', 'pdf');
    await crm.orderContracts.confirm(firm.admin, owing.id, { version: v });
    await crm.collectionPlans.save(sun.actor, owing.id, {
      version: 0,
      spec: { method: 'manual', instalments: [{ dueOn: '2026-11-20', amountFen: 300_000 }, { dueOn: '2026-11-28', amountFen: 300_000 }, { dueOn: '2026-12-20', amountFen: 400_000 }] },
    });
    // 回款办理: her receipt waits on her own approval (the flow names her); listed there, not under 待我审批.
    const receipt = await api.call('POST', '/api/v1/receipts', {
      token: sun.token,
      body: { orderId: owing.id, receivedOn: '2026-11-25', amountFen: 300_000, paymentMethod: '转账', payer: '大道科技有限公司', type: '服务费', invoiceWanted: false, submit: true },
    });
    t.is(receipt.status, 201);
    // 待跟进: one due later today, one overdue in a minute; one due tomorrow is not listed yet.
    const today = await inquiryDue(sun.actor, '瑞丰物流有限公司', new Date(clock.now().getTime() + 60 * MINUTE));
    const overdue = await inquiryDue(sun.actor, '金石电子有限公司', new Date(clock.now().getTime() + MINUTE));
    await inquiryDue(sun.actor, '天成机械有限公司', new Date(clock.now().getTime() + 24 * 60 * MINUTE));
    // 我的任务: one open task; a finished one and a colleague's are not listed.
    const task = await crm.tasks.create(firm.admin, { title: '补充盛博科技的营业执照', assigneeId: sun.actor.userId, dueAt: new Date(clock.now().getTime() + 30 * MINUTE), priority: 'high', related: { type: 'order', id: open.id } });
    const done = await crm.tasks.create(firm.admin, { title: '已完成的任务', assigneeId: sun.actor.userId });
    await crm.tasks.fire(sun.actor, done.id, 'complete', done.version);
    await crm.tasks.create(firm.admin, { title: '别人的任务', assigneeId: colleague.actor.userId });
    clock.advance(2 * MINUTE);

    t.deepEqual(await counts(sun.token), { total: 9, approval: 1, order: 2, follow_up: 2, receipt: 1, instalment: 2, task: 1 });

    const [approval] = await items(sun.token, 'approval');
    t.like(approval, { kind: 'approval', related: { type: 'order', id: theirs.id }, link: `/api/v1/approvals/${review.body.id}`, overdue: false });
    t.regex(approval.title, /订单内审·订单一级审批/);
    t.deepEqual((await items(sun.token, 'order')).map((i) => [i.related.id, i.data.stageName, i.link]).sort(), [
      [open.id, '初次沟通', `/api/v1/orders/${open.id}`], [owing.id, '初次沟通', `/api/v1/orders/${owing.id}`],
    ].sort());
    t.deepEqual((await items(sun.token, 'follow_up')).map((i) => [i.related, i.overdue]), [[{ type: 'inquiry', id: overdue }, true], [{ type: 'inquiry', id: today }, false]]);
    const [toApprove] = await items(sun.token, 'receipt');
    t.like(toApprove, { related: { type: 'receipt', id: receipt.body.id }, link: `/api/v1/receipts/${receipt.body.id}`, data: { amountFen: 300_000, orderId: owing.id } });
    t.regex(toApprove.title, /确认回款 3000 元·大道科技有限公司/);
    t.deepEqual((await items(sun.token, 'instalment')).map((i) => [i.data.dueOn, i.data.outstandingFen, i.overdue, i.related.id]), [
      ['2026-11-20', 300_000, true, owing.id], ['2026-11-28', 300_000, false, owing.id],
    ]);
    t.deepEqual((await items(sun.token, 'task')).map((i) => [i.id, i.title, i.related, i.action.path]), [
      [task.id, '补充盛博科技的营业执照', { type: 'order', id: open.id }, `/api/v1/tasks/${task.id}/events`],
    ]);

    // Keyset pages: one item a page, no item twice, the last page has no cursor.
    const first = await api.call('GET', '/api/v1/workcenter/inbox?kind=follow_up&limit=1&withTotal=true', { token: sun.token });
    t.deepEqual([first.body.items.length, first.body.total, typeof first.body.nextCursor], [1, 2, 'string']);
    const second = await api.call('GET', `/api/v1/workcenter/inbox?kind=follow_up&limit=1&cursor=${first.body.nextCursor}`, { token: sun.token });
    t.deepEqual([second.body.items[0].id, second.body.nextCursor], [today, null]);

    // The actions work: approving through the item's action empties both approval kinds.
    for (const item of [approval, toApprove]) {
      const r = await api.call(item.action.method, item.action.path, { token: sun.token, body: { taskId: item.data.taskId, decision: 'approve', opinion: '同意' } });
      t.is(r.status, 200);
    }
    t.like(await counts(sun.token), { approval: 0, receipt: 0, instalment: 1 }); // the overdue instalment is now collected

    // The firm's reminder days set the horizon (default 3): 1 day leaves out the instalment due in two, 30 takes in next month's.
    const put = await api.call('PUT', '/api/v1/collection-settings', { token: firm.adminToken, body: { version: 0, reminderDaysBefore: 1 } });
    t.is(put.status, 200);
    t.deepEqual(await items(sun.token, 'instalment'), []);
    await api.call('PUT', '/api/v1/collection-settings', { token: firm.adminToken, body: { version: 1, reminderDaysBefore: 30 } });
    t.deepEqual((await items(sun.token, 'instalment')).map((i) => i.data.dueOn), ['2026-11-28', '2026-12-20']);
    t.is((await api.call('GET', '/api/v1/workcenter/inbox/counts', { token: sun.token })).body.dueSoonDays, 30);

    // A colleague and another firm see nothing of hers.
    const mine = new Set([theirs.id, open.id, owing.id, receipt.body.id, today, overdue, task.id]);
    for (const token of [colleague.token, (await aFirm(crm)).adminToken]) {
      for (const kind of ['approval', 'order', 'follow_up', 'receipt', 'instalment', 'task']) {
        const seen = (await items(token, kind)).flatMap((i) => [i.id, i.related.id]);
        t.false(seen.some((id) => mine.has(id) && !(kind === 'order' && token === colleague.token && id === theirs.id)), `${kind} leaks`);
      }
    }
    const otherFirm = await aFirm(crm);
    t.deepEqual(await counts(otherFirm.adminToken), { total: 0, approval: 0, order: 0, follow_up: 0, receipt: 0, instalment: 0, task: 0 });
  });

  test.serial(`[${backend}] the inbox needs a signed-in person and a known kind`, async (t) => {
    t.is((await api.call('GET', '/api/v1/workcenter/inbox/counts')).status, 401);
    const firm = await aFirm(crm);
    const bad = await api.call('GET', '/api/v1/workcenter/inbox?kind=everything', { token: firm.adminToken });
    t.is(bad.status, 400);
    const none = await api.call('GET', '/api/v1/workcenter/inbox', { token: firm.adminToken });
    t.is(none.status, 400);
  });
}
