// Where notifications come from, for the channels' subscriber: an outbox event run through the work center's
// rules (the same recipients as the 消息 list, active people only), or the follow-up reminder's event made
// back into the very reminder the 消息 list holds (same key, so a redelivery is the same notification).
import type { OutboxEvent } from '../events/index.js';
import type { UnitOfWork } from '../shared/index.js';
import { followUpDueOf, followUpReminder, ordersToLookUp, type MessageRule, type WorkcenterDirectory } from '../workcenter/index.js';
import { notificationOf, notificationsForEvent, type Notification } from './notification.js';

export interface NotificationSourceDeps {
  readonly uow: UnitOfWork;
  readonly directory: WorkcenterDirectory;
  /** DEFAULT_MESSAGE_RULES plus the areas' contributions. */
  readonly rules: readonly MessageRule[];
}

export class NotificationSource {
  constructor(private readonly d: NotificationSourceDeps) {}

  /** Whether events of this type can notify anyone (a cheap filter before any read). */
  covers(eventType: string): boolean {
    return eventType === 'inquiry.follow_up_due' || this.d.rules.some((r) => r.eventType === eventType);
  }

  /** The notifications an event makes, one per active person it concerns; none for other events. */
  async forEvent(event: OutboxEvent): Promise<Notification[]> {
    if (!this.covers(event.type)) return [];
    return this.d.uow.read(async (tx) => {
      const zone = await this.d.directory.timeZone(tx, event.tenantId);
      let out: Notification[];
      const due = followUpDueOf(event);
      if (event.type === 'inquiry.follow_up_due') {
        out = due ? [notificationOf(followUpReminder(due, zone, event.createdAt), zone, { recordName: due.companyName })] : [];
      } else {
        const orders = ordersToLookUp(event, this.d.rules);
        const owners = orders.length > 0 ? await this.d.directory.orderOwners(tx, event.tenantId, orders) : new Map<string, string>();
        // Whoever caused the event is, for an approval or a receipt, its submitter.
        const actor = event.actorId ? (await this.d.directory.users(tx, event.tenantId, [event.actorId]))[0] : undefined;
        out = notificationsForEvent(event, { rules: this.d.rules, timeZone: zone, orderOwners: owners, context: { submitterName: actor?.name ?? null } });
      }
      if (out.length === 0) return out;
      const active = new Set((await this.d.directory.users(tx, event.tenantId, out.map((n) => n.recipientId))).filter((u) => u.active).map((u) => u.id));
      return out.filter((n) => active.has(n.recipientId));
    });
  }

  /** The firm's time zone (quiet hours and digests are on its clock). */
  timeZone(tenantId: string): Promise<string> {
    return this.d.uow.read((tx) => this.d.directory.timeZone(tx, tenantId));
  }
}
