// Which domain events become messages, for whom, with what words: a table, one row per event type. The
// recipients are data keys of the event holding a user id or a list of them, so the area that raises an
// event decides who is concerned, and this table only says how it reads. Unknown event types make nothing.
import type { OutboxEvent } from '../events/index.js';
import type { MessageDraft, MessageKind } from './message.js';
import { renderTemplate, type TextTemplate, type ValueLabels } from './text-template.js';

export interface MessageRule {
  readonly eventType: string;
  readonly kind: MessageKind;
  /** Keys of event.data holding a user id or an array of user ids; every one found is told. */
  readonly recipients: readonly string[];
  /** A key of event.data holding an order id: that order's owner (负责人) is told too. */
  readonly orderOwnerOf?: string;
  readonly title: TextTemplate;
  readonly body?: TextTemplate;
  readonly labels?: ValueLabels;
  /** Tell the person who caused the event too (default: nobody is told what they did themselves). */
  readonly notifyActor?: boolean;
}

/** Extra rules an area contributes (a multi-binding): applied after the defaults, for new event types. */
export const MessageRuleContribution = Symbol.for('yunzhou.MessageRuleContribution');

const BUSINESS_TYPES: Readonly<Record<string, TextTemplate>> = {
  order_review: { zh: '订单内审', en: 'order review' },
  receipt: { zh: '回款单', en: 'receipt' },
  invoice: { zh: '发票', en: 'invoice' },
  red_invoice: { zh: '红冲发票', en: 'red-letter invoice' },
  order_close: { zh: '结单', en: 'order close' },
  commission_statement: { zh: '提成月结单', en: 'commission statement' },
  fee_adjustment: { zh: '服务费调整', en: 'fee adjustment' },
};
const TASK_STATUSES: Readonly<Record<string, TextTemplate>> = {
  todo: { zh: '待办', en: 'to do' }, in_progress: { zh: '进行中', en: 'in progress' }, done: { zh: '已完成', en: 'done' }, cancelled: { zh: '已取消', en: 'cancelled' },
};
const APPLICATION_STATUSES: Readonly<Record<string, TextTemplate>> = {
  pending: { zh: '待申请', en: 'not yet applied' }, applying: { zh: '申请中', en: 'applying' }, approved: { zh: '已批核', en: 'approved' },
  rejected: { zh: '已拒绝', en: 'rejected' }, disbursed: { zh: '已放款', en: 'disbursed' }, withdrawn: { zh: '已撤回', en: 'withdrawn' },
};

/** The built-in table: every event of the earlier areas that concerns a person. */
export const DEFAULT_MESSAGE_RULES: readonly MessageRule[] = [
  {
    eventType: 'order.handed_over', kind: 'assignment', recipients: ['recipientId'],
    title: { zh: '订单「{orderTitle}」已转交给您', en: 'Order "{orderTitle}" was handed over to you' },
    body: { zh: '[[{companyName}：]]{remark}', en: '[[{companyName}: ]]{remark}' },
  },
  {
    eventType: 'order.created', kind: 'assignment', recipients: ['ownerId', 'handlerId'],
    title: { zh: '新订单「{orderTitle}」由您负责', en: 'New order "{orderTitle}" is yours' },
  },
  {
    eventType: 'inquiry.assigned', kind: 'assignment', recipients: ['toOwnerId'],
    title: { zh: '有一条咨询分配给您', en: 'An inquiry was assigned to you' },
    body: { zh: '[[说明：{reason}]]', en: '[[Note: {reason}]]' },
  },
  {
    eventType: 'inquiry.transferred', kind: 'assignment', recipients: ['toOwnerId'],
    title: { zh: '有一条咨询转交给您', en: 'An inquiry was transferred to you' },
    body: { zh: '[[原因：{reason}]]', en: '[[Reason: {reason}]]' },
  },
  {
    eventType: 'inquiry.recycled', kind: 'pool', recipients: ['fromOwnerId'],
    title: { zh: '您负责的一条咨询已退回公海', en: 'One of your inquiries went back to the public pool' },
    body: { zh: '原因：{reason}', en: 'Reason: {reason}' },
    labels: { reason: { no_follow_up: { zh: '长期未跟进', en: 'no follow-up for too long' }, overdue: { zh: '下次跟进已逾期', en: 'the next follow-up is overdue' } } },
  },
  {
    eventType: 'inquiry.recycle_reminder', kind: 'pool', recipients: ['ownerId'],
    title: { zh: '一条咨询即将退回公海', en: 'An inquiry will soon go back to the public pool' },
    body: { zh: '请在 {recycleAt} 前跟进，否则将自动退回公海', en: 'Follow it up before {recycleAt} or it returns to the pool' },
  },
  {
    eventType: 'approval.task_assigned', kind: 'approval', recipients: ['userId'], notifyActor: true, labels: { businessType: BUSINESS_TYPES },
    title: { zh: '您有新的待审批：{businessType}[[「{nodeName}」]]', en: 'An approval waits on you: {businessType}[[ "{nodeName}"]]' },
  },
  {
    eventType: 'approval.task_reminder', kind: 'approval', recipients: ['userId'], notifyActor: true, labels: { businessType: BUSINESS_TYPES },
    title: { zh: '审批已超时，请尽快处理：{businessType}[[「{nodeName}」]]', en: 'An approval is overdue: {businessType}[[ "{nodeName}"]]' },
  },
  {
    eventType: 'approval.task_withdrawn', kind: 'approval', recipients: ['userId'], notifyActor: true, labels: { businessType: BUSINESS_TYPES },
    title: { zh: '审批已撤回，无需处理：{businessType}', en: 'Withdrawn, nothing to approve: {businessType}' },
  },
  {
    eventType: 'approval.instance_approved', kind: 'approval', recipients: ['userId'], notifyActor: true, labels: { businessType: BUSINESS_TYPES },
    title: { zh: '您提交的{businessType}审批已通过', en: 'Your {businessType} was approved' },
  },
  {
    eventType: 'approval.instance_rejected', kind: 'approval', recipients: ['userId'], notifyActor: true, labels: { businessType: BUSINESS_TYPES },
    title: { zh: '您提交的{businessType}审批被否决', en: 'Your {businessType} was rejected' },
  },
  {
    eventType: 'application.status_changed', kind: 'application', recipients: ['notifyUserIds'], labels: { from: APPLICATION_STATUSES, to: APPLICATION_STATUSES },
    title: { zh: '申请进度更新：{productName}（{to}）', en: 'Application update: {productName} ({to})' },
    body: { zh: '{summary}', en: '{productName}[[ at {institution}]]: {from} → {to}' },
  },
  {
    eventType: 'collection.instalment_due_soon', kind: 'finance', recipients: ['recipientId'],
    title: { zh: '回款提醒：「{orderTitle}」第 {number} 期将于 {dueOn} 到期', en: 'Instalment {number} of "{orderTitle}" falls due on {dueOn}' },
    body: { zh: '[[{companyName}，]][[待回款 {outstandingFen}]]', en: '[[{companyName}: ]][[{outstandingFen} outstanding]]' },
  },
  {
    eventType: 'receipt.approved', kind: 'finance', recipients: ['notifyUserIds', 'ownerId'], orderOwnerOf: 'orderId',
    title: { zh: '回款单已审核通过[[：{orderTitle}]]', en: 'Receipt approved[[: {orderTitle}]]' },
    body: { zh: '[[金额 {amountFen}]]', en: '[[Amount {amountFen}]]' },
  },
  {
    eventType: 'invoice.issued', kind: 'finance', recipients: ['notifyUserIds', 'ownerId'], orderOwnerOf: 'orderId',
    title: { zh: '发票已开具[[：{orderTitle}]]', en: 'Invoice issued[[: {orderTitle}]]' },
    body: { zh: '[[发票号码 {number}]][[，价税合计 {totalFen}]]', en: '[[Number {number}]][[, total {totalFen}]]' },
  },
  {
    eventType: 'task.assigned', kind: 'task', recipients: ['assigneeId'],
    title: { zh: '新任务：{title}', en: 'New task: {title}' },
    body: { zh: '[[截止 {dueAt}]]', en: '[[Due {dueAt}]]' },
  },
  {
    eventType: 'task.status_changed', kind: 'task', recipients: ['creatorId'], labels: { to: TASK_STATUSES },
    title: { zh: '任务「{title}」{to}', en: 'Task "{title}" is {to}' },
  },
  {
    eventType: 'task.commented', kind: 'task', recipients: ['assigneeId', 'creatorId'],
    title: { zh: '任务「{title}」有新评论', en: 'New comment on task "{title}"' },
    body: { zh: '{excerpt}', en: '{excerpt}' },
  },
];

function userIdsAt(data: Readonly<Record<string, unknown>>, key: string): string[] {
  const v = data[key];
  if (typeof v === 'string' && v !== '') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string' && x !== '');
  return [];
}

/** The owners of the orders events name, looked up by the subscriber before the rules run. */
export type OrderOwners = ReadonlyMap<string, string>;

/** The order ids whose owners the rules for this event need. */
export function ordersToLookUp(event: OutboxEvent, rules: readonly MessageRule[]): string[] {
  return [...new Set(rules.filter((r) => r.eventType === event.type && r.orderOwnerOf).flatMap((r) => userIdsAt(event.data, r.orderOwnerOf as string)))];
}

/** Who a rule tells about an event: each once, never the actor unless the rule says so. */
export function recipientsOf(rule: MessageRule, event: OutboxEvent, orderOwners: OrderOwners = new Map()): string[] {
  const ids = new Set(rule.recipients.flatMap((k) => userIdsAt(event.data, k)));
  if (rule.orderOwnerOf) for (const orderId of userIdsAt(event.data, rule.orderOwnerOf)) {
    const owner = orderOwners.get(orderId);
    if (owner) ids.add(owner);
  }
  if (!rule.notifyActor && event.actorId !== null) ids.delete(event.actorId);
  return [...ids];
}

/** The messages an event makes under the rules (none for an unknown type): one per recipient. */
export function messagesForEvent(event: OutboxEvent, rules: readonly MessageRule[], timeZone: string, orderOwners: OrderOwners = new Map()): MessageDraft[] {
  const seen = new Set<string>();
  const out: MessageDraft[] = [];
  for (const rule of rules) {
    if (rule.eventType !== event.type) continue;
    const labels = rule.labels ?? {};
    const title = renderTemplate(rule.title, event.data, timeZone, labels);
    const body = rule.body ? renderTemplate(rule.body, event.data, timeZone, labels) : null;
    for (const recipientId of recipientsOf(rule, event, orderOwners)) {
      if (seen.has(recipientId)) continue;
      seen.add(recipientId);
      out.push({
        tenantId: event.tenantId, recipientId, kind: rule.kind, dedupeKey: `event:${event.id}`, title,
        body: body && (body.zh !== '' || body.en !== '') ? body : null,
        eventId: event.id, eventType: event.type, subjectType: event.subjectType, subjectId: event.subjectId, actorId: event.actorId,
        data: event.data, createdAt: event.createdAt,
      });
    }
  }
  return out;
}

/** The event types the rules cover, for the subscriber's filter. */
export function ruleEventTypes(rules: readonly MessageRule[]): string[] {
  return [...new Set(rules.map((r) => r.eventType))];
}
