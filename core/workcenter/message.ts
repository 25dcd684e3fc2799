// 消息: an in-app notification for one person, made from a domain event (or a reminder), read or unread.
import type { LocalizedText } from '../shared/index.js';

/** The tabs of the message list: what the notification is about. */
export type MessageKind = 'approval' | 'assignment' | 'follow_up' | 'pool' | 'application' | 'finance' | 'task';
export const MESSAGE_KINDS: readonly MessageKind[] = ['approval', 'assignment', 'follow_up', 'pool', 'application', 'finance', 'task'];
export const MESSAGE_KIND_LABELS: Readonly<Record<MessageKind, LocalizedText>> = {
  approval: { zh: '审批', en: 'Approvals' },
  assignment: { zh: '分配与转交', en: 'Assigned to you' },
  follow_up: { zh: '跟进提醒', en: 'Follow-ups due' },
  pool: { zh: '公海', en: 'Public pools' },
  application: { zh: '申请进度', en: 'Applications' },
  finance: { zh: '回款与发票', en: 'Receipts and invoices' },
  task: { zh: '任务', en: 'Tasks' },
};

/** A message about to be stored; the dedupe key makes a second delivery of the same event a no-op. */
export interface MessageDraft {
  readonly tenantId: string;
  readonly recipientId: string;
  readonly kind: MessageKind;
  /** 'event:<outbox id>' for an event's message, 'follow_up_due:<inquiry>:<time>' for a reminder … */
  readonly dedupeKey: string;
  readonly title: LocalizedText;
  readonly body: LocalizedText | null;
  readonly eventId: number | null;
  readonly eventType: string | null;
  /** The record to open from the message (order, inquiry, approval_instance, task …). */
  readonly subjectType: string | null;
  readonly subjectId: string | null;
  readonly actorId: string | null;
  readonly data: Readonly<Record<string, unknown>>;
  readonly createdAt: Date;
}

export interface Message extends MessageDraft {
  readonly id: string;
  readonly readAt: Date | null;
}

export interface MessageFilter {
  readonly kind?: MessageKind | undefined;
  readonly unread?: boolean | undefined;
}

export interface UnreadCount {
  readonly total: number;
  readonly byKind: Readonly<Record<MessageKind, number>>;
}

/** Counts per kind with every kind present (0 when none), and their sum. */
export function unreadCountOf(rows: readonly { kind: string; count: number }[]): UnreadCount {
  const byKind = Object.fromEntries(MESSAGE_KINDS.map((k) => [k, 0])) as Record<MessageKind, number>;
  for (const r of rows) if ((MESSAGE_KINDS as readonly string[]).includes(r.kind)) byKind[r.kind as MessageKind] += r.count;
  return { total: Object.values(byKind).reduce((a, b) => a + b, 0), byKind };
}
