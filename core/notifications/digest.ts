// 每日汇总: everything held for a person's digest in one message, grouped by kind in a fixed order, each item
// once (an item seen twice, e.g. a redelivered event, is listed once), linking to the message list.
import { NOTIFICATION_KINDS, NOTIFICATION_KIND_LABELS, type NotificationKind } from './kinds.js';
import type { NotificationText } from './notification.js';

export interface DigestItem {
  /** The held notification's idempotency key (or its source key): one line per key. */
  readonly key: string;
  readonly kind: NotificationKind;
  readonly title: string;
}

export interface Digest extends NotificationText {
  /** The line each item got, in the order they appear. */
  readonly lines: readonly { readonly key: string; readonly line: string }[];
}

export function digest(items: readonly DigestItem[]): Digest {
  const seen = new Set<string>();
  const byKind = new Map<NotificationKind, DigestItem[]>();
  for (const item of items) {
    if (seen.has(item.key)) continue;
    seen.add(item.key);
    byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item]);
  }
  const lines: { key: string; line: string }[] = [];
  const text: string[] = [];
  for (const kind of NOTIFICATION_KINDS) {
    const group = byKind.get(kind);
    if (!group) continue;
    text.push(`【${NOTIFICATION_KIND_LABELS[kind].zh}】${group.length} 条`);
    for (const item of group) {
      const line = `· ${item.title}`;
      lines.push({ key: item.key, line });
      text.push(line);
    }
  }
  return { title: `通知汇总：共 ${seen.size} 条`, text: text.join('\n'), link: '/messages', lines };
}
