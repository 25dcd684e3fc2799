// When a notification goes out, decided from the person's preferences at the moment it is made. Quiet hours
// hold it (never drop it) until they end; a kind the person marked urgent goes at once; a kind in the digest
// waits for the next digest time. Urgency is the person's choice: the product marks no kind urgent, since
// nothing a brokerage does overnight cannot wait for the morning (docs/notifications-rules.md).
import { addDaysToLocalDate, instantOfLocalDateTime, localDate, zonedParts } from '../shared/index.js';
import type { Channel, Notification } from './notification.js';
import { inQuietMinute, type LocalTime, type NotificationPreferences, type QuietHours } from './preferences.js';

export type DeliveryPlan =
  | { readonly action: 'skip' } // no channel chosen for the kind: the 消息 list alone tells it
  | { readonly action: 'now'; readonly channels: readonly Channel[] }
  | { readonly action: 'hold'; readonly until: Date; readonly channels: readonly Channel[] }
  | { readonly action: 'digest'; readonly at: Date; readonly channels: readonly Channel[] };

/** The first instant at or after `now` at which the firm's clocks show `time`. */
export function nextLocalTime(time: LocalTime, now: Date, zone: string): Date {
  const today = localDate(now, zone);
  const t = instantOfLocalDateTime(today, time, zone);
  return t.getTime() >= now.getTime() ? t : instantOfLocalDateTime(addDaysToLocalDate(today, 1), time, zone);
}

/** Whether an instant falls in quiet hours on the firm's clock. */
export function inQuietHours(q: QuietHours, at: Date, zone: string): boolean {
  const p = zonedParts(at, zone);
  return inQuietMinute(q, p.hour * 60 + p.minute);
}

/** When quiet hours that contain `now` end. */
export function quietHoursEnd(q: QuietHours, now: Date, zone: string): Date {
  return nextLocalTime(q.end, now, zone);
}

export function plan(n: Pick<Notification, 'kind'>, prefs: NotificationPreferences, tenantTimeZone: string, now: Date): DeliveryPlan {
  const channels = prefs.channels[n.kind] ?? [];
  if (channels.length === 0) return { action: 'skip' };
  if (prefs.digest !== null && prefs.digest.kinds.includes(n.kind)) return { action: 'digest', at: nextLocalTime(prefs.digest.at, now, tenantTimeZone), channels };
  const q = prefs.quietHours;
  if (q !== null && !prefs.urgentKinds.includes(n.kind) && inQuietHours(q, now, tenantTimeZone)) {
    return { action: 'hold', until: quietHoursEnd(q, now, tenantTimeZone), channels };
  }
  return { action: 'now', channels };
}
