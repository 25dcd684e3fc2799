// The event → message table: who is told of what, in which words; unknown events make nothing.
import test from 'ava';
import type { OutboxEvent } from '../../../core/events/subscriber.js';
import { DEFAULT_MESSAGE_RULES, messagesForEvent, ordersToLookUp, recipientsOf, type MessageRule } from '../../../core/workcenter/message-rules.js';

const ACTOR = '00000000-0000-4000-8000-00000000000a';
const U1 = '00000000-0000-4000-8000-000000000001';
const U2 = '00000000-0000-4000-8000-000000000002';
const ZONE = 'Asia/Shanghai';

function anEvent(type: string, data: Record<string, unknown>, overrides: Partial<OutboxEvent> = {}): OutboxEvent {
  return {
    id: 42, type, tenantId: 't-1', subjectType: 'order', subjectId: 's-1', actorId: ACTOR, data, createdAt: new Date('2026-11-27T02:00:00Z'), ...overrides,
  };
}

const cases: { type: string; data: Record<string, unknown>; to: string[]; kind: string; zh: string; en: string }[] = [
  { type: 'order.handed_over', data: { recipientId: U1, toUserId: U1, orderTitle: '企业信用贷', companyName: '盛博科技', remark: '请完善资料' }, to: [U1], kind: 'assignment', zh: '订单「企业信用贷」已转交给您', en: 'Order "企业信用贷" was handed over to you' },
  { type: 'order.created', data: { ownerId: U1, handlerId: U1, orderTitle: '企业信用贷' }, to: [U1], kind: 'assignment', zh: '新订单「企业信用贷」由您负责', en: 'New order "企业信用贷" is yours' },
  { type: 'inquiry.assigned', data: { fromOwnerId: null, toOwnerId: U2, reason: null }, to: [U2], kind: 'assignment', zh: '有一条咨询分配给您', en: 'An inquiry was assigned to you' },
  { type: 'inquiry.transferred', data: { fromOwnerId: U1, toOwnerId: U2, reason: '离职交接' }, to: [U2], kind: 'assignment', zh: '有一条咨询转交给您', en: 'An inquiry was transferred to you' },
  { type: 'inquiry.recycled', data: { fromOwnerId: U1, reason: 'overdue' }, to: [U1], kind: 'pool', zh: '您负责的一条咨询已退回公海', en: 'One of your inquiries went back to the public pool' },
  { type: 'inquiry.recycle_reminder', data: { ownerId: U1, recycleAt: '2026-11-30T02:00:00.000Z' }, to: [U1], kind: 'pool', zh: '一条咨询即将退回公海', en: 'An inquiry will soon go back to the public pool' },
  { type: 'approval.task_assigned', data: { userId: U1, businessType: 'order_review', nodeName: '订单一级审批' }, to: [U1], kind: 'approval', zh: '您有新的待审批：订单内审「订单一级审批」', en: 'An approval waits on you: order review "订单一级审批"' },
  { type: 'approval.task_reminder', data: { userId: U1, businessType: 'receipt', nodeName: null }, to: [U1], kind: 'approval', zh: '审批已超时，请尽快处理：回款单', en: 'An approval is overdue: receipt' },
  { type: 'approval.instance_approved', data: { userId: U2, businessType: 'order_review' }, to: [U2], kind: 'approval', zh: '您提交的订单内审审批已通过', en: 'Your order review was approved' },
  { type: 'approval.instance_rejected', data: { userId: U2, businessType: 'invoice' }, to: [U2], kind: 'approval', zh: '您提交的发票审批被否决', en: 'Your invoice was rejected' },
  { type: 'application.status_changed', data: { notifyUserIds: [U1], productName: '税E贷', to: 'approved', from: 'applying', summary: '批核通过' }, to: [U1], kind: 'application', zh: '申请进度更新：税E贷（已批核）', en: 'Application update: 税E贷 (approved)' },
  { type: 'receipt.approved', data: { ownerId: U1, orderTitle: '企业信用贷' }, to: [U1], kind: 'finance', zh: '回款单已审核通过：企业信用贷', en: 'Receipt approved: 企业信用贷' },
  { type: 'invoice.issued', data: { notifyUserIds: [U1, U2], ownerId: U1 }, to: [U1, U2], kind: 'finance', zh: '发票已开具', en: 'Invoice issued' },
  { type: 'collection.instalment_due_soon', data: { recipientId: U1, orderTitle: '企业信用贷', number: 2, dueOn: '2026-12-01' }, to: [U1], kind: 'finance', zh: '回款提醒：「企业信用贷」第 2 期将于 2026-12-01 到期', en: 'Instalment 2 of "企业信用贷" falls due on 2026-12-01' },
  { type: 'task.assigned', data: { assigneeId: U1, title: '回访盛博科技' }, to: [U1], kind: 'task', zh: '新任务：回访盛博科技', en: 'New task: 回访盛博科技' },
  { type: 'task.status_changed', data: { creatorId: U2, title: '回访', to: 'done' }, to: [U2], kind: 'task', zh: '任务「回访」已完成', en: 'Task "回访" is done' },
];

for (const c of cases) {
  test(`${c.type} tells ${c.to.length} person(s) as kind ${c.kind}`, (t) => {
    const out = messagesForEvent(anEvent(c.type, c.data), DEFAULT_MESSAGE_RULES, ZONE);
    t.deepEqual(out.map((m) => m.recipientId), c.to);
    t.deepEqual(out.map((m) => m.kind), c.to.map(() => c.kind));
    t.deepEqual(out[0]?.title, { zh: c.zh, en: c.en });
    t.is(out[0]?.dedupeKey, 'event:42');
  });
}

test('an event type not in the table makes no message', (t) => {
  t.deepEqual(messagesForEvent(anEvent('inquiry.updated', { ownerId: U1 }), DEFAULT_MESSAGE_RULES, ZONE), []);
});

test('nobody is told what they did themselves, except where the rule says so', (t) => {
  t.deepEqual(messagesForEvent(anEvent('inquiry.assigned', { toOwnerId: ACTOR }), DEFAULT_MESSAGE_RULES, ZONE), []);
  const approval = messagesForEvent(anEvent('approval.task_assigned', { userId: ACTOR, businessType: 'order_review' }), DEFAULT_MESSAGE_RULES, ZONE);
  t.deepEqual(approval.map((m) => m.recipientId), [ACTOR]);
});

test('a person named twice by one event gets one message', (t) => {
  const rule: MessageRule = { eventType: 'x.y', kind: 'task', recipients: ['a', 'b', 'list'], title: { zh: 'x', en: 'x' } };
  t.deepEqual(recipientsOf(rule, anEvent('x.y', { a: U1, b: U1, list: [U1, U2, 7, ''] })), [U1, U2]);
});

test('a rule may tell the owner of the order an event names, looked up beforehand', (t) => {
  const orderId = '00000000-0000-4000-8000-0000000000aa';
  const e = anEvent('receipt.approved', { orderId, amountFen: 2_000_000, receiptId: 'r-1' });
  t.deepEqual(ordersToLookUp(e, DEFAULT_MESSAGE_RULES), [orderId]);
  const [m] = messagesForEvent(e, DEFAULT_MESSAGE_RULES, ZONE, new Map([[orderId, U2]]));
  t.is(m?.recipientId, U2);
  t.deepEqual(m?.body, { zh: '金额 20,000 元', en: 'Amount CNY 20,000' });
  t.deepEqual(messagesForEvent(e, DEFAULT_MESSAGE_RULES, ZONE), []); // owner unknown: nobody
});

test('times read as the firm\'s wall clock and optional parts vanish without their value', (t) => {
  const [reminder] = messagesForEvent(anEvent('inquiry.recycle_reminder', { ownerId: U1, recycleAt: '2026-11-30T02:00:00.000Z' }), DEFAULT_MESSAGE_RULES, ZONE);
  t.is(reminder?.body?.zh, '请在 2026-11-30 10:00 前跟进，否则将自动退回公海');
  const [handover] = messagesForEvent(anEvent('order.handed_over', { recipientId: U1, orderTitle: '企业信用贷', remark: '请补资料' }), DEFAULT_MESSAGE_RULES, ZONE);
  t.deepEqual(handover?.body, { zh: '请补资料', en: '请补资料' });
  const [recycled] = messagesForEvent(anEvent('inquiry.recycled', { fromOwnerId: U1, reason: 'no_follow_up' }), DEFAULT_MESSAGE_RULES, ZONE);
  t.deepEqual(recycled?.body, { zh: '原因：长期未跟进', en: 'Reason: no follow-up for too long' });
});

test('a message keeps the event\'s record, type, actor and time, so a redelivery is the same message', (t) => {
  const e = anEvent('order.handed_over', { recipientId: U1, orderTitle: 'T', remark: 'r' });
  const [m] = messagesForEvent(e, DEFAULT_MESSAGE_RULES, ZONE);
  t.like(m, { subjectType: 'order', subjectId: 's-1', eventId: 42, eventType: 'order.handed_over', actorId: ACTOR, createdAt: e.createdAt });
  t.deepEqual(messagesForEvent(e, DEFAULT_MESSAGE_RULES, ZONE), [m]);
});
