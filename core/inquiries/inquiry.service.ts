// Inquiries (咨询): the 生成 button, 查重, create, read, edit, the 咨询 / 准客户 lists, the timeline, and
// merging two records found to be duplicates.
import {
  requireDrawable, domainError, notFound, idempotencyKeyOf, type DocumentCharset, type DomainError, type Activity,
  type Clock, type EventSink, type IdGenerator, type Timeline, type Tx, type UnitOfWork, type Page, type PageRequest,
} from '../shared/index.js';
import { maskMobile } from '../identity/index.js';
import { inScope, requirePermission, PERMISSIONS, type Actor, type OrganisationRepository } from '../organisation/index.js';
import { levelLabel, nextFollowUpAt } from '../grading/index.js';
import { duplicateKeys, presentMatch } from './duplicate-check.js';
import { checkInquiryChanges, checkInquiryFields, type InquiryFields, type InquiryInput } from './inquiry-fields.js';
import { LIFECYCLE_LABELS, POOL_LABELS, poolOf, stageLabel } from './lifecycle.js';
import { listFilter, type InquiryListQuery } from './list-filter.js';
import { checkMerge, mergedDuplicate, mergedSurvivor } from './merge.js';
import type { InquiryRepository, InquirySettingsRepository, MergeParticipant } from './ports.js';
import { entry, event, loadSettings, minuteText, notYours, requireActive, SUBJECT, versionConflict, storedInquiry, visibleRecord } from './records.js';
import { gradingPolicyOf } from './settings.js';
import { presentInquiry } from './visibility.js';
import type { DuplicateMatch, Inquiry, InquiryDetail, InquiryView } from './types.js';

export interface InquiryDeps {
  readonly uow: UnitOfWork;
  readonly inquiries: InquiryRepository;
  readonly settings: InquirySettingsRepository;
  readonly org: OrganisationRepository;
  readonly timeline: Timeline;
  readonly events: EventSink;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** What the documents can print: the company name becomes the order's, printed on contracts, plans and invoices. */
  readonly charset: DocumentCharset;
  /** Areas whose rows follow a merge (bound to the MergeParticipant token). */
  readonly participants?: readonly MergeParticipant[];
}

export interface NewInquiry extends InquiryInput {
  /** 负责人. Absent: the actor. null: straight into 咨询公海. Anyone but oneself needs pool.assign. */
  readonly ownerId?: string | null | undefined;
  /** 所属部门. Absent: the owner's department. */
  readonly departmentId?: string | null | undefined;
}

export interface InquiryChanges extends InquiryInput {
  readonly version: number;
}

export interface GeneratedFollowUp {
  readonly level: string;
  readonly levelLabel: string;
  readonly from: Date;
  readonly nextFollowUpAt: Date;
}

export interface MergeResult {
  readonly survivor: InquiryView;
  readonly mergedId: string;
  /** Rows moved to the survivor, per participant or table. */
  readonly moved: Readonly<Record<string, number>>;
}

const P = PERMISSIONS;
const DUPLICATE_LIMIT = 20;

const FIELD_LABELS: Record<keyof InquiryFields, string> = {
  companyName: '企业名称', companyKey: '企业名称', contactName: '客户姓名', mobile: '手机号码', gender: '客户性别', level: '客户级别',
  nextFollowUpAt: '下次跟进时间', source: '客户来源', propertyType: '客户房产', remark: '客户备注', taxId: '企业税号',
};

/** `inquiry.duplicate_mobile`, naming the record's owner (or its pool) so the person knows whom to ask. */
export function duplicateMobileError(existing: InquiryDetail | undefined): DomainError {
  if (!existing) {
    return domainError('inquiry.duplicate_mobile', 'conflict', '该手机号刚被他人录入，请查重后再试', 'Someone has just recorded this mobile number; run the duplicate check');
  }
  const owner = existing.ownerName ?? (existing.ownerId === null ? POOL_LABELS[poolOf(existing.lifecycle)] : '—');
  return domainError(
    'inquiry.duplicate_mobile',
    'conflict',
    `该手机号已录入：${existing.companyName}（${stageLabel(existing)}），负责人：${owner}`,
    `This mobile number is already on record: ${existing.companyName} (${existing.lifecycle}), owner: ${existing.ownerName ?? 'public pool'}`,
    { existingId: existing.id, ownerId: existing.ownerId, ownerName: existing.ownerName, stage: stageLabel(existing), mobile: maskMobile(existing.mobile) },
  );
}

export class InquiryService {
  constructor(private readonly d: InquiryDeps) {}

  /** 生成: the next follow-up time a level's interval gives from now (or `from`), in the firm's calendar. */
  async generateNextFollowUp(actor: Actor, level: string, from?: Date): Promise<GeneratedFollowUp> {
    requirePermission(actor, P.inquiryRead);
    const { settings, timeZone } = await this.d.uow.read((tx) => loadSettings(tx, this.d.settings, actor.tenantId));
    const policy = gradingPolicyOf(settings, timeZone);
    const start = from ?? this.d.clock.now();
    return { level, levelLabel: levelLabel(level, policy), from: start, nextFollowUpAt: nextFollowUpAt(level, start, policy) };
  }

  /** 查重 by mobile, company name and/or tax id across inquiries, customers and both pools of the firm. */
  async checkDuplicates(actor: Actor, input: { mobile?: string | undefined; companyName?: string | undefined; taxId?: string | undefined }): Promise<DuplicateMatch[]> {
    requirePermission(actor, P.inquiryRead);
    const keys = duplicateKeys(input);
    return this.d.uow.read(async (tx) => {
      const { settings } = await loadSettings(tx, this.d.settings, actor.tenantId);
      const found = await this.d.inquiries.findDuplicates(tx, actor.tenantId, keys, DUPLICATE_LIMIT);
      return found.map((r) => presentMatch(actor, r, keys, settings.grading));
    });
  }

  /**
   * 新建咨询: checks every field, refuses a known mobile unless the firm allows duplicates, and records it.
   * Under an Idempotency-Key the person already used, it returns the record that key created (before any check:
   * a retry must not be refused as a duplicate of itself), so a resent form is recorded once.
   */
  async create(actor: Actor, input: NewInquiry, options: { idempotencyKey?: string | undefined } = {}): Promise<InquiryView> {
    requirePermission(actor, P.inquiryWrite);
    const key = idempotencyKeyOf(options.idempotencyKey);
    requireDrawable(this.d.charset, { '/companyName': input.companyName });
    const now = this.d.clock.now();
    return this.d.uow.run(async (tx) => {
      const { settings, timeZone } = await loadSettings(tx, this.d.settings, actor.tenantId);
      const replay = async (): Promise<InquiryView | null> => {
        const prior = key === null ? null : await this.d.inquiries.findByKey(tx, actor.tenantId, actor.userId, key);
        return prior ? presentInquiry(actor, prior, settings.grading) : null;
      };
      const prior = await replay();
      if (prior) return prior;
      const fields = checkInquiryFields(input, { settings, now });
      const owner = await this.resolveOwner(tx, actor, input.ownerId, input.departmentId);
      const exclusive = !settings.allowDuplicateMobiles;
      if (exclusive) {
        const [existing] = await this.d.inquiries.findDuplicates(tx, actor.tenantId, { mobile: fields.mobile }, 1);
        if (existing) {
          // A concurrent create under the same key may have committed since the replay above: it is that one.
          const same = await replay();
          if (same) return same;
          throw duplicateMobileError(existing);
        }
      }
      const record: Inquiry = {
        tenantId: actor.tenantId, id: this.d.ids.id(), ...fields, lastFollowUpAt: null,
        ownerId: owner.ownerId, departmentId: owner.departmentId, lifecycle: 'inquiry', mergedIntoId: null,
        assignedAt: null, poolEnteredAt: owner.ownerId === null ? now : null, recycleRemindedFor: null,
        createdBy: actor.userId, createdAt: now, updatedAt: now, version: 1,
      };
      if (!(await this.d.inquiries.insert(tx, record, { exclusiveMobile: exclusive, idempotencyKey: key }))) {
        // Lost a race with a concurrent create under the same key, or of the same mobile: it is committed now.
        const same = await replay();
        if (same) return same;
        const [winner] = await this.d.inquiries.findDuplicates(tx, actor.tenantId, { mobile: fields.mobile }, 1);
        throw duplicateMobileError(winner);
      }
      const where = record.ownerId === null ? `，放入${POOL_LABELS.inquiry}` : '';
      await this.d.timeline.record(tx, [
        entry(record, actor.userId, 'inquiry.created', `新建咨询：${record.companyName}（${record.contactName}），${levelLabel(record.level, settings.grading)}，下次跟进 ${minuteText(record.nextFollowUpAt, timeZone)}${where}`),
      ]);
      await this.d.events.publish(tx, [event(record, actor.userId, 'inquiry.created', { ownerId: record.ownerId, level: record.level, source: record.source })]);
      const saved = (await this.d.inquiries.get(tx, actor.tenantId, record.id)) as InquiryDetail;
      return presentInquiry(actor, saved, settings.grading);
    });
  }

  /** One record the actor may see (own, in scope, or in a pool); a merged one says what it was merged into. */
  async get(actor: Actor, id: string): Promise<InquiryView> {
    requirePermission(actor, P.inquiryRead);
    return this.d.uow.read(async (tx) => {
      const r = await visibleRecord(tx, this.d.inquiries, actor, id);
      const { settings } = await loadSettings(tx, this.d.settings, actor.tenantId);
      return presentInquiry(actor, r, settings.grading);
    });
  }

  /** The 咨询 (default) or 准客户 list: owned records in the actor's data scope, filtered and paged by keyset. */
  async list(actor: Actor, query: InquiryListQuery, page: PageRequest): Promise<Page<InquiryView>> {
    requirePermission(actor, P.inquiryRead);
    const now = this.d.clock.now();
    return this.d.uow.read(async (tx) => {
      const departments = query.departmentId || query.view === 'department' ? await this.d.org.listDepartments(tx, actor.tenantId) : [];
      const { filter, sort } = listFilter(actor, query, { owned: true, now, departments });
      const { settings } = await loadSettings(tx, this.d.settings, actor.tenantId);
      const p = await this.d.inquiries.list(tx, actor.tenantId, filter, sort, page);
      return { ...p, items: p.items.map((r) => presentInquiry(actor, r, settings.grading)) };
    });
  }

  /** Edits fields of step 1 (optimistic: `version` must be current); a new mobile is checked for duplicates. */
  async update(actor: Actor, id: string, changes: InquiryChanges): Promise<InquiryView> {
    requirePermission(actor, P.inquiryWrite);
    requireDrawable(this.d.charset, { '/companyName': changes.companyName });
    const now = this.d.clock.now();
    return this.d.uow.run(async (tx) => {
      const { settings, timeZone } = await loadSettings(tx, this.d.settings, actor.tenantId);
      const cur = await visibleRecord(tx, this.d.inquiries, actor, id, true);
      requireActive(cur);
      if (!inScope(actor, cur)) throw notYours(cur);
      if (cur.version !== changes.version) throw versionConflict();
      const fields = checkInquiryChanges(changes, { settings, now });
      const changed = (Object.keys(fields) as (keyof InquiryFields)[]).filter((k) => {
        const a = fields[k];
        const b = cur[k];
        return a instanceof Date && b instanceof Date ? a.getTime() !== b.getTime() : a !== b;
      });
      if (changed.length === 0) return presentInquiry(actor, cur, settings.grading);
      if (changed.includes('mobile') && !settings.allowDuplicateMobiles) {
        const others = await this.d.inquiries.findDuplicates(tx, actor.tenantId, { mobile: fields.mobile as string }, 2);
        const other = others.find((o) => o.id !== cur.id);
        if (other) throw duplicateMobileError(other);
      }
      const next: Inquiry = { ...storedInquiry(cur), ...fields, updatedAt: now, version: cur.version + 1 };
      const outcome = await this.d.inquiries.update(tx, next);
      if (outcome === 'stale') throw versionConflict();
      if (outcome === 'duplicate_mobile') throw duplicateMobileError(undefined);
      const names = [...new Set(changed.map((k) => FIELD_LABELS[k]))];
      const levelNote = changed.includes('level') ? `；级别 ${levelLabel(cur.level, settings.grading)} → ${levelLabel(next.level, settings.grading)}` : '';
      const nextNote = changed.includes('nextFollowUpAt') ? `；下次跟进 ${minuteText(next.nextFollowUpAt, timeZone)}` : '';
      await this.d.timeline.record(tx, [entry(next, actor.userId, 'inquiry.updated', `修改了${names.join('、')}${levelNote}${nextNote}`, { fields: changed })]);
      await this.d.events.publish(tx, [event(next, actor.userId, 'inquiry.updated', { fields: changed })]);
      const saved = (await this.d.inquiries.get(tx, actor.tenantId, id)) as InquiryDetail;
      return presentInquiry(actor, saved, settings.grading);
    });
  }

  /** The record's 动态, oldest first (follow-ups, edits, pool moves, lifecycle, merges). */
  async timeline(actor: Actor, id: string): Promise<Activity[]> {
    requirePermission(actor, P.inquiryRead);
    return this.d.uow.read(async (tx) => {
      await visibleRecord(tx, this.d.inquiries, actor, id);
      return this.d.timeline.list(tx, actor.tenantId, SUBJECT, id);
    });
  }

  /**
   * 合并: the duplicate's follow-ups, timeline and every row that references it (MergeParticipants first,
   * then any table with an inquiry_id column) move to the survivor; the duplicate stays, marked merged into
   * the survivor; both timelines say so. Needs inquiry.merge and both records visible.
   */
  async merge(actor: Actor, survivorId: string, duplicateId: string): Promise<MergeResult> {
    requirePermission(actor, P.inquiryMerge);
    const now = this.d.clock.now();
    return this.d.uow.run(async (tx) => {
      const { settings } = await loadSettings(tx, this.d.settings, actor.tenantId);
      // Lock in id order, so that two merges of the same pair cannot deadlock.
      const ids = [survivorId, duplicateId].sort();
      const locked = new Map<string, InquiryDetail>();
      for (const id of ids) locked.set(id, await visibleRecord(tx, this.d.inquiries, actor, id, true));
      const survivor = locked.get(survivorId) as InquiryDetail;
      const duplicate = locked.get(duplicateId) as InquiryDetail;
      const refused = checkMerge(survivor, duplicate);
      if (refused) throw refused;
      const dupNext = mergedDuplicate(storedInquiry(duplicate), survivor.id, now);
      const survNext = mergedSurvivor(storedInquiry(survivor), storedInquiry(duplicate), now);
      if ((await this.d.inquiries.update(tx, dupNext)) !== 'ok' || (await this.d.inquiries.update(tx, survNext)) !== 'ok') throw versionConflict();
      const moved: Record<string, number> = {};
      for (const p of this.d.participants ?? []) moved[p.name] = await p.reassign(tx, actor.tenantId, duplicate.id, survivor.id);
      for (const [table, n] of Object.entries(await this.d.inquiries.reassignReferences(tx, actor.tenantId, duplicate.id, survivor.id))) {
        moved[table] = (moved[table] ?? 0) + n;
      }
      const who = `${duplicate.contactName}，负责人：${duplicate.ownerName ?? POOL_LABELS[poolOf(duplicate.lifecycle)]}`;
      const lifecycleNote = survNext.lifecycle !== survivor.lifecycle ? `；转为${LIFECYCLE_LABELS[survNext.lifecycle]}` : '';
      await this.d.timeline.record(tx, [
        entry(survivor, actor.userId, 'inquiry.merged', `合并了重复记录「${duplicate.companyName}」（${who}）${lifecycleNote}`, { duplicateId: duplicate.id, moved }),
        entry(duplicate, actor.userId, 'inquiry.merged_into', `已合并到「${survivor.companyName}」（${survivor.contactName}）`, { survivorId: survivor.id }),
      ]);
      await this.d.events.publish(tx, [event(survivor, actor.userId, 'inquiry.merged', { duplicateId: duplicate.id, moved })]);
      const saved = (await this.d.inquiries.get(tx, actor.tenantId, survivor.id)) as InquiryDetail;
      return { survivor: presentInquiry(actor, saved, settings.grading), mergedId: duplicate.id, moved };
    });
  }

  /** Owner and department of a new record: oneself by default; anyone else (or the pool) needs pool.assign. */
  private async resolveOwner(tx: Tx, actor: Actor, ownerId: string | null | undefined, departmentId: string | null | undefined): Promise<{ ownerId: string | null; departmentId: string | null }> {
    if (departmentId) {
      const all = await this.d.org.listDepartments(tx, actor.tenantId);
      if (!all.some((x) => x.id === departmentId)) throw notFound('department', '部门', departmentId);
    }
    if (ownerId === undefined || ownerId === actor.userId) return { ownerId: actor.userId, departmentId: departmentId ?? actor.departmentId };
    requirePermission(actor, P.poolAssign);
    if (ownerId === null) return { ownerId: null, departmentId: departmentId ?? null };
    const user = await this.d.org.getUser(tx, actor.tenantId, ownerId);
    if (!user || !user.active || !inScope(actor, { ownerId: user.id, departmentId: user.departmentId })) throw notFound('user', '用户', ownerId);
    return { ownerId: user.id, departmentId: departmentId ?? user.departmentId };
  }
}
