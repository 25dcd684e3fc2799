// Follow-ups (跟进): logging a contact with an inquiry updates its last and next follow-up times and its
// level in the same transaction, and adds to its timeline.
import type { Clock, EventSink, IdGenerator, Timeline, UnitOfWork } from '../shared/ports.js';
import { inScope, requirePermission, type Actor } from '../organisation/actor.js';
import { PERMISSIONS } from '../organisation/permissions.js';
import { levelLabel } from '../grading/grading-policy.js';
import { checkFollowUpFields, type FollowUpInput } from './follow-up-fields.js';
import type { FollowUpRepository, InquiryRepository, InquirySettingsRepository } from './ports.js';
import { entry, event, loadSettings, minuteText, notYours, requireActive, storedInquiry, versionConflict, visibleRecord } from './records.js';
import { presentInquiry } from './visibility.js';
import type { FollowUp, Inquiry, InquiryDetail, InquiryView } from './types.js';

export interface FollowUpDeps {
  readonly uow: UnitOfWork;
  readonly inquiries: InquiryRepository;
  readonly followUps: FollowUpRepository;
  readonly settings: InquirySettingsRepository;
  readonly timeline: Timeline;
  readonly events: EventSink;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

const P = PERMISSIONS;
const SUMMARY_CONTENT = 60;

export class FollowUpService {
  constructor(private readonly d: FollowUpDeps) {}

  /**
   * 新建跟进 on a record the actor holds (own or in scope; a pool record must be claimed first). The record's
   * last follow-up becomes now, its next follow-up the one given, its level the new one when re-graded.
   */
  async create(actor: Actor, inquiryId: string, input: FollowUpInput): Promise<{ followUp: FollowUp; inquiry: InquiryView }> {
    requirePermission(actor, P.inquiryWrite);
    const now = this.d.clock.now();
    return this.d.uow.run(async (tx) => {
      const { settings, timeZone } = await loadSettings(tx, this.d.settings, actor.tenantId);
      const fields = checkFollowUpFields(input, { settings, now });
      const cur = await visibleRecord(tx, this.d.inquiries, actor, inquiryId, true);
      requireActive(cur);
      if (cur.ownerId === null || !inScope(actor, cur)) throw notYours(cur);
      const level = fields.level ?? cur.level;
      const followUp: FollowUp = {
        tenantId: actor.tenantId, id: this.d.ids.id(), inquiryId: cur.id, authorId: actor.userId, authorName: actor.name,
        type: fields.type, content: fields.content, nextFollowUpAt: fields.nextFollowUpAt, levelBefore: cur.level, levelAfter: level, createdAt: now,
      };
      const next: Inquiry = {
        ...storedInquiry(cur), lastFollowUpAt: now, nextFollowUpAt: fields.nextFollowUpAt, level, recycleRemindedFor: null, updatedAt: now, version: cur.version + 1,
      };
      await this.d.followUps.insert(tx, [followUp]);
      if ((await this.d.inquiries.update(tx, next)) !== 'ok') throw versionConflict();
      const content = fields.content.length > SUMMARY_CONTENT ? `${fields.content.slice(0, SUMMARY_CONTENT)}…` : fields.content;
      const regrade = level !== cur.level ? `；级别 ${levelLabel(cur.level, settings.grading)} → ${levelLabel(level, settings.grading)}` : '';
      await this.d.timeline.record(tx, [
        entry(cur, actor.userId, 'inquiry.followed_up', `${fields.type}：${content}；下次跟进 ${minuteText(fields.nextFollowUpAt, timeZone)}${regrade}`, {
          followUpId: followUp.id, type: fields.type, levelBefore: cur.level, levelAfter: level,
        }),
      ]);
      await this.d.events.publish(tx, [
        event(cur, actor.userId, 'inquiry.followed_up', { followUpId: followUp.id, type: fields.type, nextFollowUpAt: fields.nextFollowUpAt.toISOString(), levelBefore: cur.level, levelAfter: level }),
      ]);
      const saved: InquiryDetail = { ...next, ownerName: cur.ownerName, departmentName: cur.departmentName };
      return { followUp, inquiry: presentInquiry(actor, saved, settings.grading) };
    });
  }

  /** A record's follow-ups, newest first (those of records merged into it included). */
  async list(actor: Actor, inquiryId: string): Promise<FollowUp[]> {
    requirePermission(actor, P.inquiryRead);
    return this.d.uow.read(async (tx) => {
      await visibleRecord(tx, this.d.inquiries, actor, inquiryId);
      return this.d.followUps.list(tx, actor.tenantId, inquiryId);
    });
  }
}
