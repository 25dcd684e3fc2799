// Kinds of notification: what a person chooses channels for. Each is read off a message the work center's
// rules already make (message-rules.ts, the collections area's contributions, the follow-up reminder), so
// there is one table of who hears about what; a kind only splits a message kind where people want to
// choose differently (待审批 vs. 审批结果, 待确认回款 vs. other receipts).
import type { LocalizedText } from '../shared/index.js';
import type { MessageDraft, MessageKind } from '../workcenter/index.js';

export const NOTIFICATION_KINDS = [
  'follow_up_due', // 跟进提醒: the planned follow-up time comes
  'approval_waiting', // 待审批: an approval task is yours (or overdue)
  'receipt_to_confirm', // 待确认回款: a receipt's approval task is yours
  'instalment_due', // 回款到期: an instalment falls due soon
  'instalment_overdue', // 逾期回款: an instalment is past due and not fully collected
  'task_assigned', // 新任务
  'task_update', // 任务状态与评论
  'assignment', // 咨询/订单分配与转交
  'approval_result', // 审批通过/否决/撤回
  'application', // 申请进度
  'finance', // 回款单与发票的结果
  'pool', // 公海回收
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Readonly<Record<NotificationKind, LocalizedText>> = {
  follow_up_due: { zh: '跟进提醒', en: 'Follow-up due' },
  approval_waiting: { zh: '待审批', en: 'Approval waiting' },
  receipt_to_confirm: { zh: '待确认回款', en: 'Receipt to confirm' },
  instalment_due: { zh: '回款到期', en: 'Instalment due' },
  instalment_overdue: { zh: '逾期回款', en: 'Instalment overdue' },
  task_assigned: { zh: '新任务', en: 'Task assigned' },
  task_update: { zh: '任务动态', en: 'Task updates' },
  assignment: { zh: '分配与转交', en: 'Assigned to you' },
  approval_result: { zh: '审批结果', en: 'Approval results' },
  application: { zh: '申请进度', en: 'Applications' },
  finance: { zh: '回款与发票', en: 'Receipts and invoices' },
  pool: { zh: '公海', en: 'Public pools' },
};

/** What the person is asked to do, shown under the message (none for news that asks nothing). */
export const NOTIFICATION_KIND_ACTIONS: Readonly<Partial<Record<NotificationKind, string>>> = {
  follow_up_due: '请按时联系客户并记录跟进',
  approval_waiting: '请及时审批',
  receipt_to_confirm: '请核对到账后确认',
  instalment_due: '请提醒客户按期回款',
  instalment_overdue: '请尽快催收并登记回款',
  task_assigned: '请按时处理',
};

const WAITING_ON_YOU = new Set(['approval.task_assigned', 'approval.task_reminder']);

/** The event types that make each special kind (the rest follow the message's kind). */
const EVENT_KINDS: Readonly<Record<string, NotificationKind>> = {
  'collection.instalment_due_soon': 'instalment_due',
  'collection.instalment_overdue': 'instalment_overdue',
  'task.assigned': 'task_assigned',
};

const BY_MESSAGE_KIND: Readonly<Record<MessageKind, NotificationKind>> = {
  follow_up: 'follow_up_due', approval: 'approval_result', assignment: 'assignment', pool: 'pool',
  application: 'application', finance: 'finance', task: 'task_update',
};

/** The kind of notification a message is. */
export function kindOfMessage(m: Pick<MessageDraft, 'kind' | 'eventType' | 'data'>): NotificationKind {
  if (m.eventType !== null && WAITING_ON_YOU.has(m.eventType)) return m.data['businessType'] === 'receipt' ? 'receipt_to_confirm' : 'approval_waiting';
  const byEvent = m.eventType === null ? undefined : EVENT_KINDS[m.eventType];
  return byEvent ?? BY_MESSAGE_KIND[m.kind];
}

export function isNotificationKind(x: unknown): x is NotificationKind {
  return typeof x === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(x);
}
