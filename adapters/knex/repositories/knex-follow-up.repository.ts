// Follow-ups (跟进) in PostgreSQL/PGlite, listed with their author's name.
import type { Tx } from '../../../core/shared/ports.js';
import type { FollowUpRepository } from '../../../core/inquiries/ports.js';
import type { FollowUp } from '../../../core/inquiries/types.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

const toFollowUp = (r: Row): FollowUp => ({
  tenantId: r.tenant_id, id: r.id, inquiryId: r.inquiry_id, authorId: r.author_id, authorName: r.author_name ?? null, type: r.type,
  content: r.content, nextFollowUpAt: r.next_follow_up_at, levelBefore: r.level_before, levelAfter: r.level_after, createdAt: r.created_at,
});

const followUpRow = (f: FollowUp): Row => ({
  tenant_id: f.tenantId, id: f.id, inquiry_id: f.inquiryId, author_id: f.authorId, type: f.type, content: f.content,
  next_follow_up_at: f.nextFollowUpAt, level_before: f.levelBefore, level_after: f.levelAfter, created_at: f.createdAt,
});

export class KnexFollowUpRepository implements FollowUpRepository {
  async insert(tx: Tx, followUps: readonly FollowUp[]): Promise<void> {
    const rows = followUps.map(followUpRow);
    for (let i = 0; i < rows.length; i += 500) await sql(tx)('inquiry_follow_ups').insert(rows.slice(i, i + 500));
  }

  async insertOnce(tx: Tx, followUp: FollowUp, idempotencyKey: string): Promise<boolean> {
    const rows = await sql(tx)('inquiry_follow_ups')
      .insert({ ...followUpRow(followUp), idempotency_key: idempotencyKey })
      .onConflict(sql(tx).raw('(tenant_id, author_id, idempotency_key) where idempotency_key is not null'))
      .ignore()
      .returning('id');
    return rows.length === 1;
  }

  async findByKey(tx: Tx, tenantId: string, authorId: string, key: string): Promise<FollowUp | null> {
    const r = await sql(tx)('inquiry_follow_ups as f')
      .leftJoin('users as u', (j) => j.on('u.tenant_id', 'f.tenant_id').andOn('u.id', 'f.author_id'))
      .where({ 'f.tenant_id': tenantId, 'f.author_id': authorId, 'f.idempotency_key': key })
      .first('f.*', 'u.name as author_name');
    return r ? toFollowUp(r) : null;
  }

  async list(tx: Tx, tenantId: string, inquiryId: string): Promise<FollowUp[]> {
    const rows = await sql(tx)('inquiry_follow_ups as f')
      .leftJoin('users as u', (j) => j.on('u.tenant_id', 'f.tenant_id').andOn('u.id', 'f.author_id'))
      .where({ 'f.tenant_id': tenantId, 'f.inquiry_id': inquiryId })
      .orderBy([{ column: 'f.created_at', order: 'desc' }, { column: 'f.id', order: 'desc' }])
      .select('f.*', 'u.name as author_name');
    return rows.map(toFollowUp);
  }
}
