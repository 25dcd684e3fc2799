// The timeline (动态) of any record, written in the caller's transaction.
import type { Activity, ActivityEntry, IdGenerator, Timeline, Tx } from '../../../core/shared/ports.js';
import type { Clock } from '../../../core/shared/ports.js';
import { sql } from '../unit-of-work.js';

export class KnexTimeline implements Timeline {
  constructor(private readonly clock: Clock, private readonly ids: IdGenerator) {}

  async record(tx: Tx, entries: readonly ActivityEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const at = this.clock.now();
    await sql(tx)('activities').insert(
      entries.map((e) => ({
        tenant_id: e.tenantId, id: this.ids.id(), subject_type: e.subjectType, subject_id: e.subjectId, actor_id: e.actorId,
        action: e.action, summary: e.summary, data: JSON.stringify(e.data ?? {}), at,
      })),
    );
  }

  async list(tx: Tx, tenantId: string, subjectType: string, subjectId: string): Promise<Activity[]> {
    const rows = await sql(tx)('activities as a')
      .leftJoin('users as u', (j) => j.on('u.tenant_id', 'a.tenant_id').andOn('u.id', 'a.actor_id'))
      .where({ 'a.tenant_id': tenantId, 'a.subject_type': subjectType, 'a.subject_id': subjectId })
      .orderBy('a.seq', 'asc')
      .select('a.*', 'u.name as actor_name');
    return rows.map((r: Record<string, any>) => ({
      tenantId: r.tenant_id, id: r.id, subjectType: r.subject_type, subjectId: r.subject_id, actorId: r.actor_id, actorName: r.actor_name,
      action: r.action, summary: r.summary, data: r.data, at: r.at,
    }));
  }
}
