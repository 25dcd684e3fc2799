// Small helpers the inquiry use cases share: loading settings, finding a visible record, timeline lines.
import { domainError, forbidden, notFound, localDateTime, type DomainError, type ActivityEntry, type DomainEvent, type Tx } from '../shared/index.js';
import { PERMISSIONS, type Actor } from '../organisation/index.js';
import { POOL_LABELS, poolOf } from './lifecycle.js';
import type { InquiryRepository, InquirySettingsRepository } from './ports.js';
import { canSee } from './visibility.js';
import type { Inquiry, InquiryDetail, PoolMoveKind, TenantInquirySettings } from './types.js';

export const SUBJECT = 'inquiry';

/** The timeline action and event type of each pool move. */
export const MOVE_EVENTS: Readonly<Record<PoolMoveKind, string>> = {
  claim: 'inquiry.claimed', assign: 'inquiry.assigned', transfer: 'inquiry.transferred', release: 'inquiry.released', recycle: 'inquiry.recycled',
};

export async function loadSettings(tx: Tx, repo: InquirySettingsRepository, tenantId: string, fresh = false): Promise<TenantInquirySettings> {
  const s = await repo.load(tx, tenantId, { fresh });
  if (!s) throw notFound('tenant', '机构', tenantId);
  return s;
}

/** The record if the actor may see it; another tenant's or an out-of-scope record is simply not found. */
export async function visibleRecord(tx: Tx, repo: InquiryRepository, actor: Actor, id: string, lock = false): Promise<InquiryDetail> {
  const r = await repo.get(tx, actor.tenantId, id, { lock });
  if (!r || !canSee(actor, r)) throw notFound('inquiry', '咨询', id);
  return r;
}

/** Refuses work on a record that was merged away, naming the record to use instead. */
export function requireActive(r: Inquiry): void {
  if (r.mergedIntoId !== null) {
    throw domainError(
      'inquiry.already_merged', 'conflict',
      `「${r.companyName}」已被合并到另一条记录，请在那条记录上操作`,
      `"${r.companyName}" was merged into another record; work on that one`,
      { id: r.id, mergedIntoId: r.mergedIntoId },
    );
  }
}

export function versionConflict(): Error {
  return domainError('inquiry.version_conflict', 'conflict', '数据已被他人修改，请刷新后重试', 'Someone else changed this record first; reload and try again');
}

export function entry(r: Pick<Inquiry, 'tenantId' | 'id'>, actorId: string | null, action: string, summary: string, data: Record<string, unknown> = {}): ActivityEntry {
  return { tenantId: r.tenantId, subjectType: SUBJECT, subjectId: r.id, actorId, action, summary, data };
}

export function event(r: Pick<Inquiry, 'tenantId' | 'id'>, actorId: string | null, type: string, data: Record<string, unknown> = {}): DomainEvent {
  return { type, tenantId: r.tenantId, subjectType: SUBJECT, subjectId: r.id, actorId, data };
}

/** 'YYYY-MM-DD HH:mm' in the tenant's zone, for timeline summaries. */
export function minuteText(d: Date, zone: string): string {
  return localDateTime(d, zone).slice(0, 16);
}

/** A record the actor can see (it sits in a pool) but is not theirs to change. */
export function notYours(r: InquiryDetail): DomainError {
  return r.ownerId === null
    ? domainError('pool.claim_first', 'rule', `该记录在${POOL_LABELS[poolOf(r.lifecycle)]}中，请先领取`, 'This record is in a public pool: claim it first', { id: r.id })
    : forbidden(PERMISSIONS.poolAssign);
}

/** The stored fields of a record read with its names. */
export function storedInquiry(r: InquiryDetail): Inquiry {
  const { ownerName: _o, departmentName: _d, ...rest } = r;
  return rest;
}
