// Follow-ups (跟进): logging a contact with an inquiry updates its last and next follow-up times and its
// level in the same transaction, and adds to its timeline.
import { idempotencyKeyOf, type Clock, type EventSink, type IdGenerator, type Timeline, type Tx, type UnitOfWork } from '../shared/index.js';
import { inScope, requirePermission, PERMISSIONS, type Actor } from '../organisation/index.js';
import { levelLabel } from '../grading/index.js';
import { checkFollowUpFields, type FollowUpInput } from './follow-up-fields.js';
import type { FollowUpRepository, InquiryRepository, InquirySettingsRepository } from './ports.js';
import { entry, event, loadSettings, minuteText, notYours, requireActive, storedInquiry, versionConflict, visibleRecord } from './records.js';
import { presentInquiry } from './visibility.js';
import type { FollowUp, Inquiry, InquiryDetail, InquirySettings, InquiryView } from './types.js';

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

/** A logged follow-up and the record as it now is. */
export interface LoggedFollowUp {
  readonly followUp: FollowUp;
  readonly inquiry: InquiryView;
}

const P = PERMISSIONS;
const SUMMARY_CONTENT = 60;

export class FollowUpService {
  constructor(private readonly d: FollowUpDeps) {}

  /**
   * 新建跟进 on a record the actor holds (own or in scope; a pool record must be claimed first). The record's
   * last follow-up becomes now, its next follow-up the one given, its level the new one when re-graded.
   * Under an Idempotency-Key the author already used, it returns the follow-up that key logged (and the
   * record as it is now), so a resent form is logged once.
   */
  async create(actor: Actor, inquiryId: string, input: FollowUpInput, options: { idempotencyKey?: string | undefined } = {}): Promise<LoggedFollowUp> {
    requirePermission(actor, P.inquiryWrite);
    const key = idempotencyKeyOf(options.idempotencyKey);
    const now = this.d.clock.now();
    return this.d.uow.run(async (tx) => {
      const { settings, timeZone } = await loadSettings(tx, this.d.settings, actor.tenantId);
      const prior = key === null ? null : await this.replay(tx, actor, key, settings);
      if (prior) return prior;
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
      if (key === null) await this.d.followUps.insert(tx, [followUp]);
      else if (!(await this.d.followUps.insertOnce(tx, followUp, key))) {
        // A concurrent request under the same key logged it and committed meanwhile.
        const same = await this.replay(tx, actor, key, settings);
        if (same) return same;
        throw versionConflict();
      }
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

  private async replay(tx: Tx, actor: Actor, key: string, settings: InquirySettings): Promise<LoggedFollowUp | null> {
    const followUp = await this.d.followUps.findByKey(tx, actor.tenantId, actor.userId, key);
    if (!followUp) return null;
    const inquiry = await visibleRecord(tx, this.d.inquiries, actor, followUp.inquiryId);
    return { followUp, inquiry: presentInquiry(actor, inquiry, settings.grading) };
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
