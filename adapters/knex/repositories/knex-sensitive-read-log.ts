// The sensitive-read audit log in PostgreSQL/PGlite, written in the caller's transaction.
import type { Clock, IdGenerator, Tx } from '../../../core/shared/ports.js';
import type { SensitiveRead, SensitiveReadEntry, SensitiveReadFilter, SensitiveReadLog } from '../../../core/security/ports.js';
import { sql } from '../unit-of-work.js';

export class KnexSensitiveReadLog implements SensitiveReadLog {
  constructor(private readonly clock: Clock, private readonly ids: IdGenerator) {}

  async record(tx: Tx, reads: readonly SensitiveRead[]): Promise<void> {
    if (reads.length === 0) return;
    const at = this.clock.now();
    await sql(tx)('sensitive_reads').insert(
      reads.map((r) => ({ tenant_id: r.tenantId, id: this.ids.id(), actor_id: r.actorId, subject_type: r.subjectType, subject_id: r.subjectId, field: r.field, at })),
    );
  }

  async list(tx: Tx, tenantId: string, filter: SensitiveReadFilter, limit: number): Promise<SensitiveReadEntry[]> {
    const q = sql(tx)('sensitive_reads').where({ tenant_id: tenantId });
    if (filter.subjectType !== undefined) q.where({ subject_type: filter.subjectType });
    if (filter.subjectId !== undefined) q.where({ subject_id: filter.subjectId });
    if (filter.actorId !== undefined) q.where({ actor_id: filter.actorId });
    const rows = await q.orderBy('seq', 'desc').limit(limit);
    return rows.map((r: Record<string, any>) => ({
      tenantId: r.tenant_id, id: r.id, actorId: r.actor_id, subjectType: r.subject_type, subjectId: r.subject_id, field: r.field, at: r.at,
    }));
  }
}
