// The firm's fee settings (fee_settings) and the fee adjustments waiting for or decided by an approval
// (fee_adjustments) in PostgreSQL/PGlite. Every query names the tenant.
import type { Tx } from '../../../core/shared/ports.js';
import type {
  FeeAdjustment, FeeAdjustmentRepository, FeeAdjustmentState, FeeSettings, FeeSettingsRepository,
} from '../../../core/products/ports.js';
import { sql } from '../unit-of-work.js';

type Row = Record<string, any>;

export class KnexFeeSettingsRepository implements FeeSettingsRepository {
  async get(tx: Tx, tenantId: string): Promise<FeeSettings | null> {
    const r: Row | undefined = await sql(tx)('fee_settings').where({ tenant_id: tenantId }).first();
    return r ? { rejectionRefundPolicy: r.rejection_refund_policy, version: r.version } : null;
  }

  async save(tx: Tx, tenantId: string, s: FeeSettings, by: string, at: Date): Promise<boolean> {
    const row = { rejection_refund_policy: s.rejectionRefundPolicy, version: s.version, updated_by: by, updated_at: at };
    if (s.version === 1) {
      const inserted = await sql(tx)('fee_settings').insert({ tenant_id: tenantId, ...row }).onConflict('tenant_id').ignore().returning('tenant_id');
      return inserted.length === 1;
    }
    return (await sql(tx)('fee_settings').where({ tenant_id: tenantId, version: s.version - 1 }).update(row)) === 1;
  }
}

const toAdjustment = (r: Row): FeeAdjustment => ({
  tenantId: r.tenant_id, id: r.id, orderId: r.order_id, lineId: r.line_id, kind: r.kind, state: r.state, fromFen: Number(r.from_fen), toFen: Number(r.to_fen),
  refundFen: Number(r.refund_fen), waiveFen: Number(r.waive_fen), detail: r.detail, createdBy: r.created_by, createdAt: r.created_at, decidedAt: r.decided_at ?? null,
});

export class KnexFeeAdjustmentRepository implements FeeAdjustmentRepository {
  async insert(tx: Tx, a: FeeAdjustment): Promise<boolean> {
    // The partial unique index keeps one pending adjustment per line; a second one is not inserted.
    const r = await sql(tx).raw(
      `insert into fee_adjustments (tenant_id, id, order_id, line_id, kind, state, from_fen, to_fen, refund_fen, waive_fen, detail, created_by, created_at, decided_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
       on conflict (tenant_id, line_id) where state = 'pending' do nothing returning id`,
      [a.tenantId, a.id, a.orderId, a.lineId, a.kind, a.state, a.fromFen, a.toFen, a.refundFen, a.waiveFen, JSON.stringify(a.detail), a.createdBy, a.createdAt, a.decidedAt],
    );
    return ((r as { rows?: unknown[] }).rows ?? []).length === 1;
  }

  async getForUpdate(tx: Tx, tenantId: string, id: string): Promise<FeeAdjustment | null> {
    const r = await sql(tx)('fee_adjustments').where({ tenant_id: tenantId, id }).forUpdate().first();
    return r ? toAdjustment(r) : null;
  }

  async get(tx: Tx, tenantId: string, id: string): Promise<FeeAdjustment | null> {
    const r = await sql(tx)('fee_adjustments').where({ tenant_id: tenantId, id }).first();
    return r ? toAdjustment(r) : null;
  }

  async pendingForLine(tx: Tx, tenantId: string, lineId: string): Promise<FeeAdjustment | null> {
    const r = await sql(tx)('fee_adjustments').where({ tenant_id: tenantId, line_id: lineId, state: 'pending' }).first();
    return r ? toAdjustment(r) : null;
  }

  async ofOrder(tx: Tx, tenantId: string, orderId: string): Promise<FeeAdjustment[]> {
    return (await sql(tx)('fee_adjustments').where({ tenant_id: tenantId, order_id: orderId }).orderBy([{ column: 'created_at' }, { column: 'id' }])).map(toAdjustment);
  }

  async decide(tx: Tx, tenantId: string, id: string, state: Exclude<FeeAdjustmentState, 'pending'>, at: Date): Promise<boolean> {
    return (await sql(tx)('fee_adjustments').where({ tenant_id: tenantId, id, state: 'pending' }).update({ state, decided_at: at })) === 1;
  }
}
