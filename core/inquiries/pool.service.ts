// The public pools (咨询公海, 客户公海): list, claim (领取), assign (分配) and transfer (转移) by managers,
// release (释放) by the owner. Every move is a compare-and-set on the owner, so of two people acting on one
// record at once exactly one wins, and every move goes on the record's timeline.
import {
  domainError, notFound, validationFailed, type Clock, type EventSink, type IdGenerator, type Timeline, type Tx,
  type UnitOfWork, type Page, type PageRequest,
} from '../shared/index.js';
import { inScope, requirePermission, PERMISSIONS, type Actor, type OrganisationRepository, type User } from '../organisation/index.js';
import { canClaim } from '../grading/index.js';
import { lifecyclesOf, POOL_LABELS, poolOf } from './lifecycle.js';
import { listFilter, type InquiryListQuery } from './list-filter.js';
import type { InquiryRepository, InquirySettingsRepository, PoolRepository } from './ports.js';
import { entry, event, loadSettings, MOVE_EVENTS, requireActive, visibleRecord } from './records.js';
import { poolPolicyOf } from './settings.js';
import { presentInquiry } from './visibility.js';
import type { Inquiry, InquiryDetail, InquiryView, PoolKind, PoolMoveKind } from './types.js';

export interface PoolDeps {
  readonly uow: UnitOfWork;
  readonly inquiries: InquiryRepository;
  readonly pools: PoolRepository;
  readonly settings: InquirySettingsRepository;
  readonly org: OrganisationRepository;
  readonly timeline: Timeline;
  readonly events: EventSink;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

const P = PERMISSIONS;
const REASON_MAX = 200;

function alreadyClaimed(r: InquiryDetail | null): Error {
  const by = r?.ownerName ? `，负责人：${r.ownerName}` : '';
  return domainError('pool.already_claimed', 'conflict', `该记录已被领取${by}`, `Someone claimed this record first${r?.ownerName ? ` (${r.ownerName})` : ''}`, {
    id: r?.id ?? null, ownerId: r?.ownerId ?? null, ownerName: r?.ownerName ?? null,
  });
}

function notInPool(r: InquiryDetail): Error {
  return domainError('pool.not_in_pool', 'conflict', `该记录不在公海中（负责人：${r.ownerName ?? '—'}）`, `This record is not in a pool (owner: ${r.ownerName ?? '—'})`, { id: r.id, ownerId: r.ownerId });
}

function movedOn(): Error {
  return domainError('pool.moved_on', 'conflict', '该记录的负责人刚刚变更，请刷新后重试', 'The record changed hands just now; reload and try again');
}

function reasonOf(reason: string | undefined, required: boolean): string | null {
  const r = reason?.trim() ?? '';
  if (r.length === 0 && required) throw validationFailed([{ path: '/reason', code: 'required', zh: '请填写释放原因', en: 'a reason is required' }]);
  if (r.length > REASON_MAX) throw validationFailed([{ path: '/reason', code: 'too_long', zh: `最多 ${REASON_MAX} 个字`, en: `must be at most ${REASON_MAX} characters` }]);
  return r || null;
}

export class PoolService {
  constructor(private readonly d: PoolDeps) {}

  /** A pool's records: the whole firm's unowned inquiries (咨询公海) or prospects and customers (客户公海). */
  async list(actor: Actor, pool: PoolKind, query: InquiryListQuery, page: PageRequest): Promise<Page<InquiryView>> {
    requirePermission(actor, P.inquiryRead);
    const now = this.d.clock.now();
    const allowed = lifecyclesOf(pool);
    const lifecycles = query.lifecycles?.filter((l) => allowed.includes(l));
    return this.d.uow.read(async (tx) => {
      const departments = query.departmentId || query.view === 'department' ? await this.d.org.listDepartments(tx, actor.tenantId) : [];
      const { filter, sort } = listFilter(actor, { ...query, lifecycles: lifecycles?.length ? lifecycles : allowed }, { owned: false, now, departments });
      const { settings } = await loadSettings(tx, this.d.settings, actor.tenantId);
      const p = await this.d.inquiries.list(tx, actor.tenantId, filter, sort, page);
      return { ...p, items: p.items.map((r) => presentInquiry(actor, r, settings.grading)) };
    });
  }

  /**
   * 领取: the actor takes a record from its pool, unless they released it too recently or hold the pool's
   * limit already (canClaim); of two simultaneous claims one wins, the other gets pool.already_claimed.
   */
  async claim(actor: Actor, id: string): Promise<InquiryView> {
    requirePermission(actor, P.inquiryWrite);
    const now = this.d.clock.now();
    return this.d.uow.run(async (tx) => {
      const { settings, timeZone } = await loadSettings(tx, this.d.settings, actor.tenantId);
      await this.d.pools.lockHolder(tx, actor.tenantId, actor.userId);
      // Not visibleRecord: once someone else holds it the record leaves the actor's sight, and the loser of a
      // race must hear "already claimed", not "not found".
      const cur = await this.d.inquiries.get(tx, actor.tenantId, id);
      if (!cur) throw notFound('inquiry', '咨询', id);
      requireActive(cur);
      if (cur.ownerId !== null) throw alreadyClaimed(cur);
      const pool = poolOf(cur.lifecycle);
      const refused = canClaim({
        actorId: actor.userId,
        formerOwners: await this.d.pools.releasesOf(tx, actor.tenantId, id),
        holdings: await this.d.pools.holdings(tx, actor.tenantId, actor.userId, lifecyclesOf(pool)),
        now,
        policy: poolPolicyOf(settings, pool),
        timeZone,
      });
      if (refused) throw refused;
      const moved = await this.d.pools.changeOwner(tx, { tenantId: actor.tenantId, id, expectedOwnerId: null, ownerId: actor.userId, departmentId: actor.departmentId, at: now });
      if (!moved) throw alreadyClaimed(await this.d.inquiries.get(tx, actor.tenantId, id));
      await this.record(tx, moved, 'claim', null, actor.userId, actor.userId, null, `从${POOL_LABELS[pool]}领取`, now);
      return this.view(tx, actor, id, settings.grading);
    });
  }

  /** 分配: a manager (pool.assign) gives a pooled record to someone in their scope. */
  async assign(actor: Actor, id: string, toUserId: string): Promise<InquiryView> {
    requirePermission(actor, P.poolAssign);
    const now = this.d.clock.now();
    return this.d.uow.run(async (tx) => {
      const { settings } = await loadSettings(tx, this.d.settings, actor.tenantId);
      const cur = await visibleRecord(tx, this.d.inquiries, actor, id);
      requireActive(cur);
      if (cur.ownerId !== null) throw notInPool(cur);
      const to = await this.assignee(tx, actor, toUserId);
      const moved = await this.d.pools.changeOwner(tx, { tenantId: actor.tenantId, id, expectedOwnerId: null, ownerId: to.id, departmentId: to.departmentId, at: now });
      if (!moved) throw alreadyClaimed(await this.d.inquiries.get(tx, actor.tenantId, id));
      await this.record(tx, moved, 'assign', null, to.id, actor.userId, null, `${actor.name} 从${POOL_LABELS[poolOf(cur.lifecycle)]}分配给 ${to.name}`, now);
      return this.view(tx, actor, id, settings.grading);
    });
  }

  /** 转移: a manager (pool.assign) moves an owned record in their scope to someone else in their scope. */
  async transfer(actor: Actor, id: string, toUserId: string, reason?: string): Promise<InquiryView> {
    requirePermission(actor, P.poolAssign);
    const why = reasonOf(reason, false);
    const now = this.d.clock.now();
    return this.d.uow.run(async (tx) => {
      const { settings } = await loadSettings(tx, this.d.settings, actor.tenantId);
      const cur = await visibleRecord(tx, this.d.inquiries, actor, id);
      requireActive(cur);
      if (cur.ownerId === null) {
        throw domainError('pool.in_pool', 'conflict', '该记录在公海中，请使用分配', 'This record is in a pool: assign it instead', { id });
      }
      const to = await this.assignee(tx, actor, toUserId);
      if (to.id === cur.ownerId) {
        throw domainError('pool.same_owner', 'invalid', `${to.name} 已是该记录的负责人`, `${to.name} already owns this record`);
      }
      const moved = await this.d.pools.changeOwner(tx, { tenantId: actor.tenantId, id, expectedOwnerId: cur.ownerId, ownerId: to.id, departmentId: to.departmentId, at: now });
      if (!moved) throw movedOn();
      const note = why ? `：${why}` : '';
      await this.record(tx, moved, 'transfer', cur.ownerId, to.id, actor.userId, why, `${actor.name} 将负责人由 ${cur.ownerName ?? '—'} 转为 ${to.name}${note}`, now);
      return this.view(tx, actor, id, settings.grading);
    });
  }

  /** 释放: the owner puts their record back into its pool, saying why. */
  async release(actor: Actor, id: string, reason: string): Promise<InquiryView> {
    requirePermission(actor, P.inquiryWrite);
    const why = reasonOf(reason, true) as string;
    const now = this.d.clock.now();
    return this.d.uow.run(async (tx) => {
      const { settings } = await loadSettings(tx, this.d.settings, actor.tenantId);
      const cur = await visibleRecord(tx, this.d.inquiries, actor, id);
      requireActive(cur);
      if (cur.ownerId === null) throw domainError('pool.in_pool', 'conflict', '该记录已在公海中', 'This record is already in a pool', { id });
      if (cur.ownerId !== actor.userId) {
        throw domainError('pool.not_owner', 'forbidden', '只有负责人可以释放该记录', 'Only the owner can release this record', { ownerId: cur.ownerId });
      }
      const moved = await this.d.pools.changeOwner(tx, { tenantId: actor.tenantId, id, expectedOwnerId: actor.userId, ownerId: null, at: now });
      if (!moved) throw movedOn();
      await this.record(tx, moved, 'release', actor.userId, null, actor.userId, why, `释放到${POOL_LABELS[poolOf(cur.lifecycle)]}：${why}`, now);
      return this.view(tx, actor, id, settings.grading);
    });
  }

  private async assignee(tx: Tx, actor: Actor, userId: string): Promise<User> {
    const to = await this.d.org.getUser(tx, actor.tenantId, userId);
    if (!to || !to.active || !inScope(actor, { ownerId: to.id, departmentId: to.departmentId })) throw notFound('user', '用户', userId);
    return to;
  }

  private async record(
    tx: Tx, r: Inquiry, kind: PoolMoveKind, from: string | null, to: string | null, actorId: string, reason: string | null, summary: string, at: Date,
  ): Promise<void> {
    await this.d.pools.insertMoves(tx, [{ tenantId: r.tenantId, id: this.d.ids.id(), inquiryId: r.id, kind, fromOwnerId: from, toOwnerId: to, actorId, reason, at }]);
    await this.d.timeline.record(tx, [entry(r, actorId, MOVE_EVENTS[kind], summary, { fromOwnerId: from, toOwnerId: to, reason })]);
    await this.d.events.publish(tx, [event(r, actorId, MOVE_EVENTS[kind], { fromOwnerId: from, toOwnerId: to, reason })]);
  }

  private async view(tx: Tx, actor: Actor, id: string, grading: Parameters<typeof presentInquiry>[2]): Promise<InquiryView> {
    return presentInquiry(actor, (await this.d.inquiries.get(tx, actor.tenantId, id)) as InquiryDetail, grading);
  }
}
