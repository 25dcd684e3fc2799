// Which events notify whom: the work center's message rules decide the people and the words; a notification
// adds its kind, what to do, the console screen and one idempotency key per event, person and channel.
import test from 'ava';
import fc from 'fast-check';
import type { OutboxEvent } from '../../../core/events/subscriber.js';
import { DEFAULT_MESSAGE_RULES, type MessageRule } from '../../../core/workcenter/message-rules.js';
import { followUpReminder } from '../../../core/workcenter/follow-up-reminders.js';
import { CHANNELS, notificationKey, notificationOf, notificationsForEvent, type Channel } from '../../../core/notifications/index.js';

const SH = 'Asia/Shanghai';
const at = new Date('2026-11-26T02:00:00Z');
const event = (type: string, data: Record<string, unknown>, subject: [string, string], actorId: string | null = 'u-actor', id = 41): OutboxEvent => ({
  id, type, tenantId: 't1', subjectType: subject[0], subjectId: subject[1], actorId, data, createdAt: at,
});
const rules = DEFAULT_MESSAGE_RULES;

test('an approval submitted: the approver hears 待审批 with the record, the submitter and the approval screen', (t) => {
  const e = event('approval.task_assigned', { userId: 'u-approver', taskId: 'task-1', nodeName: '内部审核', businessType: 'order_review', businessId: 'o-1' }, ['approval_instance', 'ai-7']);
  const [n, ...rest] = notificationsForEvent(e, { rules, timeZone: SH, context: { recordName: '订单 DD20260001 企业信用贷', submitterName: '孙露露' } });
  t.is(rest.length, 0);
  t.like(n, { recipientId: 'u-approver', kind: 'approval_waiting', link: '/approvals/ai-7', sourceKey: 'event:41', eventId: 41 });
  t.is(n?.title, '您有新的待审批：订单内审「内部审核」');
  t.is(n?.text, '订单 DD20260001 企业信用贷，发起人 孙露露\n请及时审批');
  t.deepEqual(n?.values, { name: '订单 DD20260001 企业信用贷', submitter: '孙露露' });
});

test('a receipt submitted: its approver hears 待确认回款 and opens the receipt', (t) => {
  const e = event('approval.task_assigned', { userId: 'u-finance', taskId: 'task-2', nodeName: '财务确认', businessType: 'receipt', businessId: 'r-9' }, ['approval_instance', 'ai-8']);
  const [n] = notificationsForEvent(e, { rules, timeZone: SH });
  t.like(n, { recipientId: 'u-finance', kind: 'receipt_to_confirm', link: '/receipts/r-9' });
  t.true(n?.text.endsWith('请核对到账后确认'));
});

test('an instalment falling due: the order owner hears it and opens the collection plan', (t) => {
  const e = event('collection.instalment_due_soon', { recipientId: 'u-owner', number: 2, dueOn: '2026-11-30', orderTitle: '企业信用贷', companyName: '大鑫科技', outstandingFen: 500000 }, ['order', 'o-1'], null);
  const [n] = notificationsForEvent(e, { rules, timeZone: SH });
  t.like(n, { recipientId: 'u-owner', kind: 'instalment_due', link: '/orders/o-1/collection-plan', title: '回款提醒：「企业信用贷」第 2 期将于 2026-11-30 到期' });
  t.is(n?.text, '大鑫科技，待回款 5,000 元\n请提醒客户按期回款');
  t.deepEqual(n?.values, { name: '大鑫科技', number: '2', dueOn: '2026-11-30' });
});

test('an overdue instalment event is 逾期回款 and opens the collection plan', (t) => {
  const overdue: MessageRule = { eventType: 'collection.instalment_overdue', kind: 'finance', recipients: ['recipientId'], title: { zh: '回款已逾期：{companyName}', en: 'Overdue: {companyName}' } };
  const [n] = notificationsForEvent(event('collection.instalment_overdue', { recipientId: 'u-owner', companyName: '大鑫科技' }, ['order', 'o-1'], null), { rules: [overdue], timeZone: SH });
  t.like(n, { kind: 'instalment_overdue', link: '/orders/o-1/collection-plan' });
});

test('a follow-up reminder (a message without an event) is 跟进提醒 opening the inquiry, with the planned time in the firm\'s zone', (t) => {
  const m = followUpReminder({ tenantId: 't1', ownerId: 'u-sales', inquiryId: 'inq-3', companyName: '大熹金服', contactName: '王总', nextFollowUpAt: new Date('2026-11-26T06:30:00Z') }, SH, at);
  t.is(notificationOf(m, SH).values['name'], '跟进提醒：大熹金服'); // without the caller's name, the title stands in
  const n = notificationOf(m, SH, { recordName: '大熹金服' });
  t.like(n, { recipientId: 'u-sales', kind: 'follow_up_due', link: '/inquiries/inq-3', title: '跟进提醒：大熹金服', eventId: null });
  t.is(n.text, '计划跟进时间 2026-11-26 14:30，联系人 王总\n请按时联系客户并记录跟进');
  t.deepEqual(n.values, { name: '大熹金服', time: '11-26 14:30' });
});

test('a task assigned, an inquiry transferred, an approval result: kinds and screens', (t) => {
  const cases: { e: OutboxEvent; kind: string; link: string; who: string[] }[] = [
    { e: event('task.assigned', { assigneeId: 'u-2', title: '补充资料', dueAt: '2026-11-27T10:00:00Z' }, ['task', 'tk-1']), kind: 'task_assigned', link: '/tasks/tk-1', who: ['u-2'] },
    { e: event('inquiry.transferred', { toOwnerId: 'u-3', reason: '区域调整' }, ['inquiry', 'inq-1']), kind: 'assignment', link: '/inquiries/inq-1', who: ['u-3'] },
    { e: event('approval.instance_approved', { userId: 'u-4', businessType: 'order_review', businessId: 'o-1' }, ['approval_instance', 'ai-1']), kind: 'approval_result', link: '/approvals/ai-1', who: ['u-4'] },
    { e: event('task.commented', { assigneeId: 'u-5', creatorId: 'u-actor', title: 'x', excerpt: '好的' }, ['task', 'tk-2']), kind: 'task_update', link: '/tasks/tk-2', who: ['u-5'] },
    { e: event('invoice.issued', { notifyUserIds: ['u-6', 'u-7'], ownerId: 'u-6' }, ['invoice', 'inv-1']), kind: 'finance', link: '/invoices/inv-1', who: ['u-6', 'u-7'] },
    { e: event('unknown.thing', { userId: 'u-8' }, ['order', 'o-1']), kind: '-', link: '-', who: [] },
  ];
  for (const c of cases) {
    const ns = notificationsForEvent(c.e, { rules, timeZone: SH });
    t.deepEqual(ns.map((n) => n.recipientId), c.who, c.e.type);
    for (const n of ns) t.like(n, { kind: c.kind, link: c.link }, c.e.type);
  }
  const [task] = notificationsForEvent(cases[0]!.e, { rules, timeZone: SH });
  t.is(task?.values['due'], '11-27 18:00');
});

test('the person who caused an event is not told, as in the 消息 list; ids in links are escaped', (t) => {
  t.deepEqual(notificationsForEvent(event('task.assigned', { assigneeId: 'u-actor', title: 'x' }, ['task', 'tk']), { rules, timeZone: SH }), []);
  const [n] = notificationsForEvent(event('task.assigned', { assigneeId: 'u-2', title: 'x' }, ['task', 'a/b?c']), { rules, timeZone: SH });
  t.is(n?.link, '/tasks/a%2Fb%3Fc');
});

test('the idempotency key is the same for a redelivered event and differs per event, person and channel', (t) => {
  const e = event('invoice.issued', { notifyUserIds: ['u-6', 'u-7'] }, ['invoice', 'inv-1']);
  const keys = (x: OutboxEvent): string[] => notificationsForEvent(x, { rules, timeZone: SH }).flatMap((n) => CHANNELS.map((c) => notificationKey(n, c)));
  t.deepEqual(keys(e), keys({ ...e }));
  t.is(keys(e)[0], 'event:41/u-6/wecom');
  t.is(new Set([...keys(e), ...keys({ ...e, id: 42 })]).size, 12);
});

test('property: idempotency keys are unique per (source, recipient, channel), whatever the ids contain', (t) => {
  const part = fc.string({ unit: fc.constantFrom('a', '/', '%', '2', 'F', ':', 'é') , maxLength: 6 });
  fc.assert(fc.property(fc.uniqueArray(fc.tuple(part, part, fc.constantFrom<Channel>(...CHANNELS)), { selector: (x) => JSON.stringify(x), maxLength: 30 }), (triples) => {
    const keys = triples.map(([sourceKey, recipientId, channel]) => notificationKey({ sourceKey, recipientId }, channel));
    return new Set(keys).size === triples.length;
  }));
  t.pass();
});
