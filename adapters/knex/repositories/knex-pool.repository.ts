// Public-pool moves in PostgreSQL/PGlite: every change of owner is one conditional UPDATE (compare-and-set on
// owner and version), so that of concurrent claims or recyclers exactly one moves a record.
import type { Tx } from '../../../core/shared/ports.js';
import type { OwnerChange, PoolRepository, RecycleWindow } from '../../../core/inquiries/ports.js';
import type { Inquiry, Lifecycle, PoolMove } from '../../../core/inquiries/types.js';
import { sql } from '../unit-of-work.js';
import { toInquiry } from './knex-inquiry.repository.js';

export class KnexPoolRepository implements PoolRepository {
  async changeOwner(tx: Tx, c: OwnerChange): Promise<Inquiry | null> {
    const db = sql(tx);
    const q = db('inquiries').where({ tenant_id: c.tenantId, id: c.id }).whereNull('merged_into_id');
    if (c.expectedOwnerId === null) q.whereNull('owner_id');
    else q.where('owner_id', c.expectedOwnerId);
    if (c.expectedVersion !== undefined) q.where('version', c.expectedVersion);
    const rows = await q
      .update({
        owner_id: c.ownerId,
        ...(c.departmentId !== undefined ? { department_id: c.departmentId } : {}),
        assigned_at: c.ownerId === null ? null : c.at,
        ...(c.ownerId === null ? { pool_entered_at: c.at } : {}),
        recycle_reminded_for: null,
        updated_at: c.at,
        version: db.raw('version + 1'),
      })
      .returning('*');
    return rows[0] ? toInquiry(rows[0]) : null;
  }

  async holdings(tx: Tx, tenantId: string, ownerId: string, lifecycles: readonly Lifecycle[]): Promise<number> {
    const r = await sql(tx)('inquiries')
      .where({ tenant_id: tenantId, owner_id: ownerId })
      .whereIn('lifecycle', [...lifecycles])
      .whereNull('merged_into_id')
      .count<{ count: number }[]>('* as count');
    return Number(r[0]?.count ?? 0);
  }

  async lockHolder(tx: Tx, tenantId: string, userId: string): Promise<void> {
    await sql(tx).raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`inquiry-holder:${tenantId}:${userId}`]);
  }

  async insertMoves(tx: Tx, moves: readonly PoolMove[]): Promise<void> {
    if (moves.length === 0) return;
    await sql(tx)('inquiry_pool_moves').insert(
      moves.map((m) => ({
        tenant_id: m.tenantId, id: m.id, inquiry_id: m.inquiryId, kind: m.kind, from_owner_id: m.fromOwnerId, to_owner_id: m.toOwnerId,
        actor_id: m.actorId, reason: m.reason, at: m.at,
      })),
    );
  }

  async releasesOf(tx: Tx, tenantId: string, inquiryId: string): Promise<{ userId: string; releasedAt: Date }[]> {
    const rows = await sql(tx)('inquiry_pool_moves')
      .where({ tenant_id: tenantId, inquiry_id: inquiryId })
      .whereIn('kind', ['release', 'recycle'])
      .whereNotNull('from_owner_id')
      .select('from_owner_id', 'at');
    return rows.map((r: { from_owner_id: string; at: Date }) => ({ userId: r.from_owner_id, releasedAt: r.at }));
  }

  async recycleCandidates(tx: Tx, tenantId: string, window: RecycleWindow, afterId: string | null, limit: number): Promise<Inquiry[]> {
    if (window.levels.length === 0) return [];
    const db = sql(tx);
    const q = db('inquiries')
      .where({ tenant_id: tenantId })
      .whereNotNull('owner_id')
      .whereNull('merged_into_id')
      .whereIn('lifecycle', [...window.lifecycles])
      .where((w) => {
        for (const l of window.levels) {
          w.orWhere((lw) => {
            lw.where('level', l.level).andWhere((t) => {
              // A superset of what core's nextRecycle counts: the later of last contact and assignment.
              if (l.quietSince) t.orWhereRaw('greatest(last_follow_up_at, coalesce(assigned_at, created_at)) <= ?', [l.quietSince]);
              if (l.overdueSince) t.orWhereRaw('greatest(next_follow_up_at, coalesce(assigned_at, created_at)) <= ?', [l.overdueSince]);
            });
          });
        }
      });
    if (afterId) q.where('id', '>', afterId);
    const rows = await q.orderBy('id').limit(limit).forUpdate().skipLocked();
    return rows.map(toInquiry);
  }

  async markReminded(tx: Tx, tenantId: string, id: string, recycleAt: Date): Promise<void> {
    await sql(tx)('inquiries').where({ tenant_id: tenantId, id }).update({ recycle_reminded_for: recycleAt });
  }
}
