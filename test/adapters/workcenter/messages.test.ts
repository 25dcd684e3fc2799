// 消息 against the database, made by the relay from the events of the earlier areas: who gets what, one
// message per event however often it is delivered, unread counts, marking read, lists by kind in keyset
// pages, follow-up reminders, and that nobody reads another person's (or another firm's) messages.
import test from 'ava';
import { randomUUID } from 'node:crypto';
import { EventSubscriber, type OutboxEvent } from '../../../core/events/subscriber.js';
import type { MessageSubscriber } from '../../../core/workcenter/message-subscriber.js';
import { backends } from '../../support/database.js';
import { FakeClock } from '../../support/crm.js';
import { aFirm } from '../../support/tenant.js';
import { anInquiry, anOrder } from '../orders/order-builders.js';
import { crmsPerBackend, publish } from './harness.js';

const clock = new FakeClock(new Date('2026-11-27T02:00:00Z'));

const crmOn = crmsPerBackend(clock);

for (const backend of backends()) {
  test.serial(`${backend}: an inquiry transferred and an order handed over tell the new owner and handler`, async (t) => {
    const crm = await crmOn(backend);
    const firm = await aFirm(crm);
    const sales = await firm.person(['sales'], { name: '孙露露' });
    const colleague = await firm.person(['sales'], { name: '王芳' });
    const inquiryId = await anInquiry(crm, firm.admin);
    await crm.pools.transfer(firm.admin, inquiryId, sales.actor.userId, '离职交接');
    const order = await anOrder(crm, sales.actor, { title: '企业信用贷' });
    await crm.orders.fire(sales.actor, order.id, { type: 'hand_over', toUserId: colleague.actor.userId, remark: '请完善企业资料', version: order.version });
    await crm.outboxRelay.runOnce();

    const mine = await crm.messages.list(sales.actor, {}, { limit: 10 });
    t.deepEqual(mine.items.map((m) => [m.kind, m.title.zh, m.body?.zh, m.subjectType]), [['assignment', '有一条咨询转交给您', '原因：离职交接', 'inquiry']]);
    const theirs = await crm.messages.list(colleague.actor, {}, { limit: 10 });
    t.deepEqual(theirs.items.map((m) => [m.kind, m.title.zh, m.body?.zh, m.subjectId]), [['assignment', '订单「企业信用贷」已转交给您', `${order.companyName}：请完善企业资料`, order.id]]);
    t.deepEqual(await crm.messages.unreadCount(colleague.actor), { total: 1, byKind: { approval: 0, assignment: 1, follow_up: 0, pool: 0, application: 0, finance: 0, task: 0 } });
  });

  test.serial(`${backend}: a receipt approved tells the owner of its order, looked up from the order`, async (t) => {
    const crm = await crmOn(backend);
    const firm = await aFirm(crm);
    const sales = await firm.person(['sales']);
    const order = await anOrder(crm, sales.actor);
    await publish(crm, [{ type: 'receipt.approved', tenantId: firm.tenantId, subjectType: 'receipt', subjectId: randomUUID(), actorId: firm.admin.userId, data: { orderId: order.id, amountFen: 5_000_000 } }]);
    await crm.outboxRelay.runOnce();
    const [m] = (await crm.messages.list(sales.actor, { kind: 'finance' }, { limit: 10 })).items;
    t.deepEqual([m?.title.zh, m?.body?.zh], ['回款单已审核通过', '金额 50,000 元']);
  });

  test.serial(`${backend}: the same event delivered twice makes one message`, async (t) => {
    const crm = await crmOn(backend);
    const firm = await aFirm(crm);
    const sales = await firm.person(['sales']);
    await publish(crm, [{ type: 'task.assigned', tenantId: firm.tenantId, subjectType: 'task', subjectId: randomUUID(), actorId: null, data: { assigneeId: sales.actor.userId, title: '回访' } }]);
    const row = await crm.database.knex('outbox_events').where({ tenant_id: firm.tenantId, type: 'task.assigned' }).first();
    const event: OutboxEvent = { id: Number(row.id), type: row.type, tenantId: row.tenant_id, subjectType: row.subject_type, subjectId: row.subject_id, actorId: null, data: row.data, createdAt: row.created_at };
    const subscriber = crm.container.getAll<MessageSubscriber>(EventSubscriber).find((s) => s.name === 'workcenter.messages') as MessageSubscriber;
    await subscriber.handle(event);
    await subscriber.handle(event);
    await crm.outboxRelay.runOnce();
    const page = await crm.messages.list(sales.actor, {}, { limit: 10, withTotal: true });
    t.is(page.total, 1);
    t.is(page.items[0]?.title.zh, '新任务：回访');
  });

  test.serial(`${backend}: mark one read, then all of a kind; lists by kind come in keyset pages, newest first`, async (t) => {
    const crm = await crmOn(backend);
    const firm = await aFirm(crm);
    const sales = await firm.person(['sales']);
    const me = sales.actor.userId;
    for (let i = 1; i <= 5; i++) {
      clock.advance(60_000);
      await publish(crm, [{ type: 'task.assigned', tenantId: firm.tenantId, subjectType: 'task', subjectId: randomUUID(), actorId: null, data: { assigneeId: me, title: `任务${i}` } }]);
    }
    clock.advance(60_000);
    await publish(crm, [{ type: 'inquiry.recycled', tenantId: firm.tenantId, subjectType: 'inquiry', subjectId: randomUUID(), actorId: null, data: { fromOwnerId: me, reason: 'overdue' } }]);
    await crm.outboxRelay.runOnce();

    const first = await crm.messages.list(sales.actor, { kind: 'task' }, { limit: 2 });
    t.deepEqual(first.items.map((m) => m.title.zh), ['新任务：任务5', '新任务：任务4']);
    const second = await crm.messages.list(sales.actor, { kind: 'task' }, { limit: 2, cursor: first.nextCursor as string });
    t.deepEqual(second.items.map((m) => m.title.zh), ['新任务：任务3', '新任务：任务2']);
    const third = await crm.messages.list(sales.actor, { kind: 'task' }, { limit: 2, cursor: second.nextCursor as string });
    t.deepEqual(third.items.map((m) => m.title.zh), ['新任务：任务1']);
    t.is(third.nextCursor, null);

    const read = await crm.messages.markRead(sales.actor, first.items[0]?.id as string);
    t.deepEqual(read.readAt, clock.now());
    t.like(await crm.messages.unreadCount(sales.actor), { total: 5, byKind: { task: 4, pool: 1 } });
    t.deepEqual(await crm.messages.markAllRead(sales.actor, 'task'), { updated: 4 });
    t.like(await crm.messages.unreadCount(sales.actor), { total: 1, byKind: { task: 0, pool: 1 } });
    t.deepEqual((await crm.messages.list(sales.actor, { unread: true }, { limit: 10 })).items.map((m) => m.kind), ['pool']);
    t.deepEqual(await crm.messages.markAllRead(sales.actor), { updated: 1 });
  });

  test.serial(`${backend}: a message is its recipient's alone: a colleague or another firm gets not found`, async (t) => {
    const crm = await crmOn(backend);
    const firm = await aFirm(crm);
    const other = await aFirm(crm);
    const sales = await firm.person(['sales']);
    const manager = await firm.person(['manager']);
    await publish(crm, [{ type: 'task.assigned', tenantId: firm.tenantId, subjectType: 'task', subjectId: randomUUID(), actorId: null, data: { assigneeId: sales.actor.userId, title: '私信' } }]);
    await crm.outboxRelay.runOnce();
    const [m] = (await crm.messages.list(sales.actor, {}, { limit: 1 })).items;
    const id = m?.id as string;
    for (const actor of [manager.actor, firm.admin, other.admin]) {
      await t.throwsAsync(() => crm.messages.get(actor, id), { message: /message.not_found/ });
      await t.throwsAsync(() => crm.messages.markRead(actor, id), { message: /message.not_found/ });
      t.deepEqual((await crm.messages.list(actor, {}, { limit: 10 })).items.filter((x) => x.id === id), []);
    }
    t.is((await crm.messages.get(sales.actor, id)).title.zh, '新任务：私信');
  });

  test.serial(`${backend}: follow-up reminders: once per planned time, shortly before it, to the owner`, async (t) => {
    const crm = await crmOn(backend);
    const firm = await aFirm(crm);
    const sales = await firm.person(['sales']);
    const now = clock.now();
    const soon = await crm.inquiries.create(sales.actor, {
      companyName: `盛博科技${randomUUID().slice(0, 6)}有限公司`, mobile: `17${String(Date.now()).slice(-9)}`, contactName: '郑盛', gender: 'male', level: 'A', source: '电销',
      propertyType: '按揭房', remark: '测试', nextFollowUpAt: new Date(now.getTime() + 20 * 60_000),
    });
    await anInquiry(crm, sales.actor); // planned a day ahead: no reminder yet
    await crm.followUpReminders.run(now);
    await crm.followUpReminders.run(new Date(now.getTime() + 5 * 60_000));
    const page = await crm.messages.list(sales.actor, { kind: 'follow_up' }, { limit: 10 });
    t.is(page.items.length, 1);
    t.like(page.items[0], { subjectType: 'inquiry', subjectId: soon.id });
    t.regex(page.items[0]?.title.zh ?? '', /^跟进提醒：盛博科技/);
    // Each new reminder raises inquiry.follow_up_due once, for the notification channels.
    const events = await crm.database.knex('outbox_events').where({ tenant_id: firm.tenantId, type: 'inquiry.follow_up_due' });
    t.deepEqual(events.map((e) => [e.subject_id, (typeof e.data === 'string' ? JSON.parse(e.data) : e.data).recipientId]), [[soon.id, sales.actor.userId]]);
  });
}
