// 跟进提醒: a scheduled job tells each owner of an inquiry when its planned follow-up time comes near. One
// message per inquiry and planned time (a moved plan gets a new reminder); a pass missed by downtime is
// caught up for plans up to a day old, older ones are the recycler's business (its own warning). Each new
// reminder also raises `inquiry.follow_up_due` in the same transaction, so that the notification channels
// (WeCom, DingTalk, SMS) hear of it through the outbox; the message itself is made here, not by a rule.
import type { Clock, EventSink, IdGenerator, UnitOfWork } from '../shared/index.js';
import type { MessageDraft } from './message.js';
import type { FollowUpDue, FollowUpDueSource, MessageRepository, WorkcenterDirectory } from './ports.js';
import { renderTemplate } from './text-template.js';

export interface FollowUpReminderDeps {
  readonly uow: UnitOfWork;
  readonly source: FollowUpDueSource;
  readonly messages: MessageRepository;
  readonly directory: WorkcenterDirectory;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Where `inquiry.follow_up_due` goes (absent: messages only). */
  readonly events?: EventSink;
  /** Remind this long before the planned time (default 30 minutes). */
  readonly leadMinutes?: number;
  /** Still remind of plans this old after downtime (default 24 hours). */
  readonly catchUpHours?: number;
}

const MINUTE = 60_000;

/** The reminder of one planned follow-up, keyed by the inquiry and the planned time. */
export function followUpReminder(due: FollowUpDue, timeZone: string, now: Date): MessageDraft {
  const values = { companyName: due.companyName, contactName: due.contactName, nextFollowUpAt: due.nextFollowUpAt.toISOString() };
  return {
    tenantId: due.tenantId, recipientId: due.ownerId, kind: 'follow_up',
    dedupeKey: `follow_up_due:${due.inquiryId}:${due.nextFollowUpAt.toISOString()}`,
    title: renderTemplate({ zh: '跟进提醒：{companyName}', en: 'Follow-up due: {companyName}' }, values, timeZone),
    body: renderTemplate({ zh: '计划跟进时间 {nextFollowUpAt}[[，联系人 {contactName}]]', en: 'Planned for {nextFollowUpAt}[[, contact {contactName}]]' }, values, timeZone),
    eventId: null, eventType: null, subjectType: 'inquiry', subjectId: due.inquiryId, actorId: null,
    data: { inquiryId: due.inquiryId, nextFollowUpAt: due.nextFollowUpAt.toISOString() }, createdAt: now,
  };
}

/** What `inquiry.follow_up_due` carries: enough to make the same reminder again (followUpDueOf). */
export function followUpDueData(due: FollowUpDue): Record<string, unknown> {
  return { recipientId: due.ownerId, inquiryId: due.inquiryId, companyName: due.companyName, contactName: due.contactName, nextFollowUpAt: due.nextFollowUpAt.toISOString() };
}

/** The planned follow-up an `inquiry.follow_up_due` event names, or null when the event is not one. */
export function followUpDueOf(e: { readonly type: string; readonly tenantId: string; readonly data: Readonly<Record<string, unknown>> }): FollowUpDue | null {
  const d = e.data;
  const s = (k: string): string | null => (typeof d[k] === 'string' ? (d[k] as string) : null);
  const at = s('nextFollowUpAt');
  if (e.type !== 'inquiry.follow_up_due' || !s('recipientId') || !s('inquiryId') || at === null || Number.isNaN(Date.parse(at))) return null;
  return { tenantId: e.tenantId, inquiryId: s('inquiryId') as string, ownerId: s('recipientId') as string, companyName: s('companyName') ?? '', contactName: s('contactName') ?? '', nextFollowUpAt: new Date(at) };
}

export class FollowUpReminders {
  constructor(private readonly d: FollowUpReminderDeps) {}

  /** One pass over every firm; returns how many new reminders were made. */
  async run(now: Date = this.d.clock.now()): Promise<{ reminded: number }> {
    const from = new Date(now.getTime() - (this.d.catchUpHours ?? 24) * 60 * MINUTE);
    const to = new Date(now.getTime() + (this.d.leadMinutes ?? 30) * MINUTE);
    let reminded = 0;
    for (const tenantId of await this.d.uow.read((tx) => this.d.directory.tenantIds(tx))) {
      reminded += await this.d.uow.run(async (tx) => {
        const due = await this.d.source.followUpsDue(tx, tenantId, from, to, 1000);
        if (due.length === 0) return 0;
        const zone = await this.d.directory.timeZone(tx, tenantId);
        let made = 0;
        // One by one: only a reminder that is new (not made by an earlier pass) raises its event.
        for (const x of due) {
          if (await this.d.messages.insertMany(tx, [{ ...followUpReminder(x, zone, now), id: this.d.ids.id() }]) === 0) continue;
          made++;
          await this.d.events?.publish(tx, [{ type: 'inquiry.follow_up_due', tenantId, subjectType: 'inquiry', subjectId: x.inquiryId, actorId: null, data: followUpDueData(x) }]);
        }
        return made;
      });
    }
    return { reminded };
  }
}
