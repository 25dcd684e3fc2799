// A notification: one message of the work center (the same rules, recipients and words) with its kind, a
// short Chinese text saying what to do, and the console screen to open. Channels and timing come later
// (preferences.ts, planning.ts); each channel's copy is keyed by source, recipient and channel so that a
// redelivered event is never sent twice.
import type { OutboxEvent } from '../events/index.js';
import { messagesForEvent, type MessageDraft, type MessageRule, type OrderOwners } from '../workcenter/index.js';
import { localDateTime } from '../shared/index.js';
import { NOTIFICATION_KIND_ACTIONS, kindOfMessage, type NotificationKind } from './kinds.js';

export const CHANNELS = ['wecom', 'dingtalk', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What every channel renders: a title, a few lines and the console path to open. */
export interface NotificationText {
  readonly title: string;
  readonly text: string;
  /** A path of the console (web/src/screens/*\/routes.ts), below its root: '/approvals/…'. */
  readonly link: string;
}

export interface Notification extends NotificationText {
  readonly tenantId: string;
  readonly recipientId: string;
  readonly kind: NotificationKind;
  /** The message's dedupe key ('event:<outbox id>', 'follow_up_due:<inquiry>:<time>'): what it is about. */
  readonly sourceKey: string;
  readonly eventId: number | null;
  /** Short values for an SMS template (a text message cannot carry free text): see sms.ts. */
  readonly values: Readonly<Record<string, string>>;
  readonly createdAt: Date;
}

/** Facts the event does not carry, looked up by the caller: the record's name, who submitted it. */
export interface NotificationContext {
  /** e.g. '订单 DD20260001 企业信用贷'. */
  readonly recordName?: string | null;
  /** e.g. the submitter of an approval, '孙露露'. */
  readonly submitterName?: string | null;
}

const seg = (id: string): string => encodeURIComponent(id);

const SUBJECT_SCREENS: Readonly<Record<string, (id: string) => string>> = {
  approval_instance: (id) => `/approvals/${seg(id)}`,
  order: (id) => `/orders/${seg(id)}`,
  inquiry: (id) => `/inquiries/${seg(id)}`,
  task: (id) => `/tasks/${seg(id)}`,
  receipt: (id) => `/receipts/${seg(id)}`,
  invoice: (id) => `/invoices/${seg(id)}`,
};

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** The console screen where the person acts on the message; the message list when there is none. */
export function consoleLink(m: Pick<MessageDraft, 'subjectType' | 'subjectId' | 'data'>, kind: NotificationKind): string {
  const businessId = str(m.data['businessId']);
  if (kind === 'receipt_to_confirm' && businessId) return `/receipts/${seg(businessId)}`;
  if (m.subjectType === null || m.subjectId === null) return '/messages';
  if (m.subjectType === 'order' && (kind === 'instalment_due' || kind === 'instalment_overdue')) return `/orders/${seg(m.subjectId)}/collection-plan`;
  if (m.subjectType === 'order' && kind === 'application') return `/orders/${seg(m.subjectId)}/applications`;
  return SUBJECT_SCREENS[m.subjectType]?.(m.subjectId) ?? '/messages';
}

/** The record a notification names, for the text and the SMS: what the caller knows, else what the event says. */
function recordName(m: MessageDraft, ctx: NotificationContext): string | null {
  const d = m.data;
  return str(ctx.recordName) ?? str(d['companyName']) ?? str(d['orderTitle']) ?? str(d['title']) ?? str(d['productName']);
}

function smsValues(m: MessageDraft, kind: NotificationKind, ctx: NotificationContext, timeZone: string): Record<string, string> {
  const d = m.data;
  const time = (v: unknown): string => {
    const s = str(v);
    return s && !Number.isNaN(Date.parse(s)) ? localDateTime(new Date(s), timeZone).slice(5, 16) : '—';
  };
  const values: Record<string, string> = { name: recordName(m, ctx) ?? m.title.zh };
  if (kind === 'approval_waiting' || kind === 'receipt_to_confirm') values['submitter'] = str(ctx.submitterName) ?? '—';
  if (kind === 'follow_up_due') values['time'] = time(d['nextFollowUpAt']);
  if (kind === 'instalment_due' || kind === 'instalment_overdue') {
    values['number'] = String(d['number'] ?? '—');
    values['dueOn'] = str(d['dueOn']) ?? '—';
  }
  if (kind === 'task_assigned') values['due'] = time(d['dueAt']);
  return values;
}

/** A message as a notification: its title, its body, the record and submitter, and what to do. */
export function notificationOf(m: MessageDraft, timeZone: string, ctx: NotificationContext = {}): Notification {
  const kind = kindOfMessage(m);
  // The record's name unless the title already says it (跟进提醒：大熹金服).
  const record = str(ctx.recordName);
  const who = [record !== null && !m.title.zh.includes(record) ? record : null, str(ctx.submitterName) ? `发起人 ${str(ctx.submitterName)}` : null]
    .filter((x): x is string => x !== null);
  const action = NOTIFICATION_KIND_ACTIONS[kind];
  const lines = [m.body?.zh ?? '', who.join('，'), action ?? ''].filter((l) => l.trim() !== '');
  return {
    tenantId: m.tenantId, recipientId: m.recipientId, kind, sourceKey: m.dedupeKey, eventId: m.eventId,
    title: m.title.zh, text: lines.join('\n'), link: consoleLink(m, kind),
    values: smsValues(m, kind, ctx, timeZone), createdAt: m.createdAt,
  };
}

export interface EventNotificationOptions {
  /** The work center's rules: DEFAULT_MESSAGE_RULES plus the areas' contributions (MessageRuleContribution). */
  readonly rules: readonly MessageRule[];
  /** The firm's time zone, for times in the text. */
  readonly timeZone: string;
  readonly orderOwners?: OrderOwners;
  readonly context?: NotificationContext;
}

/** Who an event notifies and with what: one notification per person the message rules tell. */
export function notificationsForEvent(event: OutboxEvent, o: EventNotificationOptions): Notification[] {
  return messagesForEvent(event, o.rules, o.timeZone, o.orderOwners).map((m) => notificationOf(m, o.timeZone, o.context));
}

// '%' and '/' are escaped in the parts, so distinct (source, recipient, channel) never share a key.
const part = (s: string): string => s.replace(/%/g, '%25').replace(/\//g, '%2F');

/** The idempotency key of one channel's copy: the same event, person and channel give the same key. */
export function notificationKey(n: Pick<Notification, 'sourceKey' | 'recipientId'>, channel: Channel): string {
  return `${part(n.sourceKey)}/${part(n.recipientId)}/${channel}`;
}
