// 业绩目标 in PostgreSQL/PGlite: one row per subject, figure and period; setting one replaces its amount.
import type { Tx } from '../../../core/shared/ports.js';
import type { Target, TargetKey, TargetRepository } from '../../../core/targets/index.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

const toTarget = (r: Row): Target => ({ subjectKind: r.subject_kind, subjectId: r.subject_id, metric: r.metric, period: r.period, amountFen: Number(r.amount_fen) });

export class KnexTargetRepository implements TargetRepository {
  async list(tx: Tx, tenantId: string, periods: readonly string[], subjectIds?: readonly string[]): Promise<Target[]> {
    if (periods.length === 0 || subjectIds?.length === 0) return [];
    const q = sql(tx)('targets').where({ tenant_id: tenantId }).whereIn('period', [...periods]);
    if (subjectIds) q.whereIn('subject_id', [...subjectIds]);
    return (await q.orderBy(['subject_kind', 'subject_id', 'metric', 'period'])).map(toTarget);
  }

  async save(tx: Tx, tenantId: string, targets: readonly Target[], by: string, at: Date): Promise<void> {
    if (targets.length === 0) return;
    await sql(tx)('targets')
      .insert(targets.map((t) => ({
        tenant_id: tenantId, subject_kind: t.subjectKind, subject_id: t.subjectId, metric: t.metric, period: t.period, amount_fen: t.amountFen, updated_by: by, updated_at: at,
      })))
      .onConflict(['tenant_id', 'subject_kind', 'subject_id', 'metric', 'period'])
      .merge(['amount_fen', 'updated_by', 'updated_at']);
  }

  async remove(tx: Tx, tenantId: string, key: TargetKey): Promise<boolean> {
    const n = await sql(tx)('targets')
      .where({ tenant_id: tenantId, subject_kind: key.subjectKind, subject_id: key.subjectId, metric: key.metric, period: key.period })
      .delete()
      .returning('period');
    return n.length > 0;
  }
}
