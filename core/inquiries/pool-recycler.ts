// The recycler (公海回收): owned records that went too long without a follow-up, or are overdue by too many
// days, go back to their pool; owners are warned beforehand. Idempotent (a second run at the same moment
// changes nothing) and safe with several processes: candidates are locked FOR UPDATE SKIP LOCKED and each
// move is a compare-and-set on owner and version, so exactly one process moves each record.
import type { Clock, EventSink, IdGenerator, Timeline, Tx, UnitOfWork } from '../shared/index.js';
import { recycleDecision, recycleReminderDue, type PoolPolicy } from '../grading/index.js';
import { lifecyclesOf, POOL_LABELS } from './lifecycle.js';
import type { InquirySettingsRepository, PoolRepository } from './ports.js';
import { entry, event, MOVE_EVENTS } from './records.js';
import { recycleWindow } from './recycle-window.js';
import { poolPolicyOf } from './settings.js';
import { POOL_KINDS, type Inquiry, type PoolKind } from './types.js';

export interface RecyclerDeps {
  readonly uow: UnitOfWork;
  readonly pools: PoolRepository;
  readonly settings: InquirySettingsRepository;
  readonly timeline: Timeline;
  readonly events: EventSink;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Records handled per transaction (default 200). */
  readonly batchSize?: number;
}

export interface RecycleReport {
  /** Firms looked at (an unknown tenant id counts none). */
  readonly tenants: number;
  readonly recycled: number;
  readonly reminded: number;
}

export class PoolRecycler {
  constructor(private readonly d: RecyclerDeps) {}

  /** One pass over every tenant (or one), at the clock's now unless told otherwise. */
  async run(options: { tenantId?: string | undefined; now?: Date | undefined } = {}): Promise<RecycleReport> {
    const now = options.now ?? this.d.clock.now();
    const tenantIds = options.tenantId ? [options.tenantId] : await this.d.uow.read((tx) => this.d.settings.tenantIds(tx));
    let tenants = 0;
    let recycled = 0;
    let reminded = 0;
    for (const tenantId of tenantIds) {
      const loaded = await this.d.uow.read((tx) => this.d.settings.load(tx, tenantId));
      if (!loaded) continue;
      tenants++;
      for (const pool of POOL_KINDS) {
        const r = await this.runPool(tenantId, pool, poolPolicyOf(loaded.settings, pool), now);
        recycled += r.recycled;
        reminded += r.reminded;
      }
    }
    return { tenants, recycled, reminded };
  }

  private async runPool(tenantId: string, pool: PoolKind, policy: PoolPolicy, now: Date): Promise<{ recycled: number; reminded: number }> {
    const window = recycleWindow(policy, lifecyclesOf(pool), now);
    const out = { recycled: 0, reminded: 0 };
    if (window.levels.length === 0) return out;
    const limit = this.d.batchSize ?? 200;
    let afterId: string | null = null;
    for (;;) {
      const from: string | null = afterId;
      const seen = await this.d.uow.run(async (tx) => {
        const rows = await this.d.pools.recycleCandidates(tx, tenantId, window, from, limit);
        for (const r of rows) {
          const done = await this.handle(tx, r, pool, policy, now);
          if (done === 'recycled') out.recycled++;
          if (done === 'reminded') out.reminded++;
        }
        return rows;
      });
      const last = seen[seen.length - 1];
      if (!last || seen.length < limit) return out;
      afterId = last.id;
    }
  }

  private async handle(tx: Tx, r: Inquiry, pool: PoolKind, policy: PoolPolicy, now: Date): Promise<'recycled' | 'reminded' | null> {
    const decision = recycleDecision(r, now, policy);
    if (decision.recycle) {
      const moved = await this.d.pools.changeOwner(tx, { tenantId: r.tenantId, id: r.id, expectedOwnerId: r.ownerId, expectedVersion: r.version, ownerId: null, at: now });
      if (!moved) return null;
      const days = decision.reason === 'no_follow_up' ? policy.noFollowUpDays[r.level] : policy.overdueDays[r.level];
      const summary = decision.reason === 'no_follow_up'
        ? `超过 ${days} 天未跟进，自动退回${POOL_LABELS[pool]}`
        : `下次跟进已逾期 ${days} 天，自动退回${POOL_LABELS[pool]}`;
      const data = { fromOwnerId: r.ownerId, reason: decision.reason, since: decision.since.toISOString() };
      await this.d.pools.insertMoves(tx, [{ tenantId: r.tenantId, id: this.d.ids.id(), inquiryId: r.id, kind: 'recycle', fromOwnerId: r.ownerId, toOwnerId: null, actorId: null, reason: decision.reason, at: now }]);
      await this.d.timeline.record(tx, [entry(r, null, MOVE_EVENTS.recycle, summary, data)]);
      await this.d.events.publish(tx, [event(r, null, MOVE_EVENTS.recycle, data)]);
      return 'recycled';
    }
    const reminder = recycleReminderDue(r, now, policy);
    if (!reminder.due || r.recycleRemindedFor?.getTime() === reminder.recycleAt.getTime()) return null;
    await this.d.pools.markReminded(tx, r.tenantId, r.id, reminder.recycleAt);
    await this.d.events.publish(tx, [
      event(r, null, 'inquiry.recycle_reminder', { ownerId: r.ownerId, reason: reminder.reason, recycleAt: reminder.recycleAt.toISOString() }),
    ]);
    return 'reminded';
  }
}
